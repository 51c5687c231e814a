/**
 * IVS Chat's messaging side, as amazon-ivs-chat-messaging 1.1 speaks it: a WebSocket whose one subprotocol is the chat
 * token (the server answers with the same one, as browsers require), JSON requests `{ Action, RequestId, … }` and JSON
 * frames `{ Type: "MESSAGE" | "EVENT" | "ERROR", Id, … }` (IVS Chat Messaging API reference). The fake IVS server
 * hands its HTTP upgrades here; the control plane (DeleteMessage, DisconnectUser, SendEvent) reaches the sockets
 * through `deleteMessage`, `disconnectUser` and `sendEvent`.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

/** The messaging API's error codes (`chatErrorCodes` in the client). */
export const CHAT_ERROR = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  notAcceptable: 406,
  tooManyRequests: 429,
} as const;

export interface ChatRoomLimits {
  arn: string;
  maximumMessageLength: number;
  maximumMessageRatePerSecond: number;
  messageReviewHandler?: { uri: string; fallbackResult: "ALLOW" | "DENY" };
}

export interface ChatTokenGrant {
  roomArn: string;
  userId: string;
  attributes: Record<string, string>;
  capabilities: string[];
  token: string;
  /** After this (ms) the token opens no connection. */
  expiresAt: number;
  /** After this (ms) the connection it opened has expired. */
  sessionExpiresAt: number;
  /** A token opens one connection. */
  used: boolean;
}

/** What IVS Chat sends a room's message review handler (a Lambda) for each message, before delivering it. */
export interface ChatReviewEvent {
  MessageId: string;
  Content: string;
  RoomArn: string;
  Attributes: Record<string, string>;
  Sender: { UserId: string; Attributes: Record<string, string>; Ip: string };
}

export interface ChatReviewResult {
  ReviewResult: "ALLOW" | "DENY";
  Content?: string;
  Attributes?: Record<string, string>;
}

/** Stands in for the room's review Lambda; when it throws (or is not given), the room's fallbackResult decides. */
export type ReviewMessage = (event: ChatReviewEvent) => ChatReviewResult | Promise<ChatReviewResult>;

export interface FakeChatMessage {
  roomArn: string;
  id: string;
  requestId?: string;
  content: string;
  attributes: Record<string, string>;
  sendTime: string;
  sender: { userId: string; attributes: Record<string, string> };
}

export interface FakeChatConnection {
  roomArn: string;
  userId: string;
  capabilities: string[];
  open: boolean;
}

export interface ChatMessagingOptions {
  rooms: Map<string, ChatRoomLimits>;
  now: () => number;
  reviewMessage?: ReviewMessage;
  deletedMessages: { roomArn: string; id: string; reason: string }[];
  disconnects: { roomArn: string; userId: string; reason: string }[];
}

type Frame = Record<string, unknown>;
type Socket = { record: FakeChatConnection; ws: WebSocket; grant: ChatTokenGrant; queue: Promise<void> };

class ChatFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function chatMessaging(options: ChatMessagingOptions) {
  const { rooms, now } = options;
  const grants = new Map<string, ChatTokenGrant>();
  const sockets: Socket[] = [];
  const connections: FakeChatConnection[] = [];
  const messages: FakeChatMessage[] = [];
  const sent = new Map<string, number[]>();
  const server = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => offered.values().next().value ?? false,
  });

  const sendTime = () => new Date(now()).toISOString();
  const inRoom = (roomArn: string) => sockets.filter((s) => s.record.open && s.record.roomArn === roomArn);
  const broadcast = (roomArn: string, frame: Frame) => {
    const json = JSON.stringify(frame);
    for (const socket of inRoom(roomArn)) socket.ws.send(json);
  };

  function refuse(socket: Duplex, status: number, reason: string) {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  }

  /** Opens a messaging connection for an unused, unexpired token of a room that exists. */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const offered = String(req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const grant = offered.length === 1 ? grants.get(offered[0] ?? "") : undefined;
    if (!grant || grant.used || now() > grant.expiresAt) return refuse(socket, 401, "Unauthorized");
    if (!rooms.has(grant.roomArn)) return refuse(socket, 404, "Not Found");
    grant.used = true;
    server.handleUpgrade(req, socket, head, (ws) => {
      const record = { roomArn: grant.roomArn, userId: grant.userId, capabilities: grant.capabilities, open: true };
      const connection: Socket = { record, ws, grant, queue: Promise.resolve() };
      sockets.push(connection);
      connections.push(record);
      ws.on("close", () => {
        record.open = false;
      });
      ws.on("message", (data) => {
        connection.queue = connection.queue.then(() => receive(connection, data.toString()));
      });
    });
  }

  async function receive(socket: Socket, data: string) {
    let request: Frame = {};
    try {
      const parsed: unknown = JSON.parse(data);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      request = parsed as Frame;
      if (now() > socket.grant.sessionExpiresAt) throw new ChatFailure(CHAT_ERROR.unauthorized, "Session expired");
      if (request.Action === "SEND_MESSAGE") return await sendMessage(socket, request);
      if (request.Action === "DELETE_MESSAGE") return requestDelete(socket, request);
      if (request.Action === "DISCONNECT_USER") return requestDisconnect(socket, request);
      throw new ChatFailure(CHAT_ERROR.badRequest, `Unknown action ${String(request.Action)}`);
    } catch (e) {
      const failure = e instanceof ChatFailure ? e : new ChatFailure(CHAT_ERROR.badRequest, "Malformed request");
      socket.ws.send(
        JSON.stringify({
          Type: "ERROR",
          Id: id(),
          ErrorCode: failure.code,
          ErrorMessage: failure.message,
          ...(typeof request.RequestId === "string" ? { RequestId: request.RequestId } : {}),
        }),
      );
      if (failure.code === CHAT_ERROR.unauthorized) socket.ws.close(1000, "Session expired");
    }
  }

  function capable(socket: Socket, capability: string) {
    if (!socket.grant.capabilities.includes(capability)) {
      throw new ChatFailure(CHAT_ERROR.forbidden, `The connection lacks the ${capability} capability`);
    }
  }

  function roomOf(socket: Socket) {
    const room = rooms.get(socket.grant.roomArn);
    if (!room) throw new ChatFailure(CHAT_ERROR.notFound, "Room not found");
    return room;
  }

  async function sendMessage(socket: Socket, request: Frame) {
    capable(socket, "SEND_MESSAGE");
    const room = roomOf(socket);
    if (typeof request.Content !== "string") throw new ChatFailure(CHAT_ERROR.badRequest, "Content is required");
    if ([...request.Content].length > room.maximumMessageLength) {
      throw new ChatFailure(CHAT_ERROR.badRequest, `Messages must be at most ${room.maximumMessageLength} chars`);
    }
    const at = now();
    const recent = (sent.get(room.arn) ?? []).filter((t) => t > at - 1000);
    if (recent.length >= room.maximumMessageRatePerSecond) {
      sent.set(room.arn, recent);
      throw new ChatFailure(CHAT_ERROR.tooManyRequests, "Rate limit exceeded for the room");
    }
    sent.set(room.arn, [...recent, at]);
    const message: FakeChatMessage = {
      roomArn: room.arn,
      id: id(),
      ...(typeof request.RequestId === "string" ? { requestId: request.RequestId } : {}),
      content: request.Content,
      attributes: strings(request.Attributes),
      sendTime: sendTime(),
      sender: { userId: socket.grant.userId, attributes: socket.grant.attributes },
    };
    if (room.messageReviewHandler) {
      const verdict = await review(room, message);
      if (verdict.ReviewResult === "DENY") {
        throw new ChatFailure(CHAT_ERROR.notAcceptable, "The message was rejected by the review handler");
      }
      if (typeof verdict.Content === "string") message.content = verdict.Content;
      if (verdict.Attributes) message.attributes = strings(verdict.Attributes);
    }
    messages.push(message);
    broadcast(room.arn, {
      Type: "MESSAGE",
      Id: message.id,
      ...(message.requestId ? { RequestId: message.requestId } : {}),
      Content: message.content,
      Attributes: message.attributes,
      SendTime: message.sendTime,
      Sender: { UserId: message.sender.userId, Attributes: message.sender.attributes },
    });
  }

  async function review(room: ChatRoomLimits, message: FakeChatMessage): Promise<ChatReviewResult> {
    const fallback = { ReviewResult: room.messageReviewHandler?.fallbackResult ?? "ALLOW" } as const;
    if (!options.reviewMessage) return fallback;
    try {
      const verdict = await options.reviewMessage({
        MessageId: message.id,
        Content: message.content,
        RoomArn: room.arn,
        Attributes: message.attributes,
        Sender: { UserId: message.sender.userId, Attributes: message.sender.attributes, Ip: "127.0.0.1" },
      });
      return verdict.ReviewResult === "ALLOW" || verdict.ReviewResult === "DENY" ? verdict : fallback;
    } catch {
      return fallback;
    }
  }

  function requestDelete(socket: Socket, request: Frame) {
    capable(socket, "DELETE_MESSAGE");
    if (typeof request.Id !== "string" || !request.Id) throw new ChatFailure(CHAT_ERROR.badRequest, "Id is required");
    deleteMessage(
      socket.grant.roomArn,
      request.Id,
      typeof request.Reason === "string" ? request.Reason : "",
      request.RequestId,
    );
  }

  function requestDisconnect(socket: Socket, request: Frame) {
    capable(socket, "DISCONNECT_USER");
    if (typeof request.UserId !== "string" || !request.UserId) {
      throw new ChatFailure(CHAT_ERROR.badRequest, "UserId is required");
    }
    const reason = typeof request.Reason === "string" ? request.Reason : "";
    disconnectUser(socket.grant.roomArn, request.UserId, reason, request.RequestId);
  }

  /** Every connection of the room hears the deletion (aws:DELETE_MESSAGE); returns the event's id. */
  function deleteMessage(roomArn: string, messageId: string, reason: string, requestId?: unknown) {
    options.deletedMessages.push({ roomArn, id: messageId, reason });
    return sendEvent(roomArn, "aws:DELETE_MESSAGE", { MessageID: messageId, Reason: reason }, requestId);
  }

  /** Every connection of the room hears it (aws:DISCONNECT_USER), then the user's connections are closed. */
  function disconnectUser(roomArn: string, userId: string, reason: string, requestId?: unknown) {
    options.disconnects.push({ roomArn, userId, reason });
    const eventId = sendEvent(roomArn, "aws:DISCONNECT_USER", { UserId: userId, Reason: reason }, requestId);
    for (const socket of inRoom(roomArn)) {
      if (socket.grant.userId === userId) socket.ws.close(1000, reason.slice(0, 120));
    }
    return eventId;
  }

  function sendEvent(roomArn: string, eventName: string, attributes: Record<string, string>, requestId?: unknown) {
    const eventId = id();
    broadcast(roomArn, {
      Type: "EVENT",
      Id: eventId,
      ...(typeof requestId === "string" ? { RequestId: requestId } : {}),
      EventName: eventName,
      Attributes: attributes,
      SendTime: sendTime(),
    });
    return eventId;
  }

  /** A deleted room's connections end. */
  function closeRoom(roomArn: string) {
    for (const socket of inRoom(roomArn)) socket.ws.close(1000, "Room deleted");
  }

  function close() {
    for (const socket of sockets) socket.ws.terminate();
    server.close();
  }

  /** CreateChatToken's token, which may now open a connection. */
  const issue = (grant: ChatTokenGrant) => {
    grants.set(grant.token, grant);
  };

  return { issue, upgrade, deleteMessage, disconnectUser, sendEvent, closeRoom, messages, connections, close };
}

function strings(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function id() {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(12), (b) => chars[b % chars.length]).join("");
}
