import { type ChatUser, decodeHubMessage, type HubMessage } from "@cho-ocop/core/live/wire";
import type {
  ChatError,
  ChatEvent,
  ChatRoom,
  ChatToken,
  DisconnectReason,
  ChatMessage as IvsChatMessage,
} from "amazon-ivs-chat-messaging";
import { ApiError } from "../api/client";
import { type ChatTicket, liveApi } from "../api/live";
import type { Hub, HubState } from "./live-hub";

type ChatSdk = typeof import("amazon-ivs-chat-messaging");
let sdk: Promise<ChatSdk> | undefined;
const loadSdk = () => {
  sdk ??= import("amazon-ivs-chat-messaging");
  return sdk;
};

/** The sender as the server signed them into their token (ivs-chat.ts `join`: name, role). */
export function chatUserOf(userId: string, attributes: Record<string, string> | undefined): ChatUser {
  const role = attributes?.role === "seller" || attributes?.role === "staff" ? attributes.role : "viewer";
  return { userId, name: attributes?.name ?? "Khách", role, moderator: role !== "viewer" };
}

/** A room's chat message as the page's hub message; `ref` when it answers this page's own send. */
export function hubMessageOfChat(
  message: IvsChatMessage,
  ref?: string | number,
): Extract<HubMessage, { type: "chat" }> {
  return {
    type: "chat",
    id: message.id,
    at: message.sendTime.toISOString(),
    text: message.content,
    user: chatUserOf(message.sender.userId, message.sender.attributes),
    ...(ref === undefined ? {} : { ref }),
  };
}

/**
 * A room event as the page's hub message: IVS's own deletions and disconnections, and the server's news (SendEvent
 * with the hub message's type as its name and the message itself as JSON in `attributes.body`). Another user's
 * disconnection, and anything unreadable, give null.
 */
export function hubMessageOfEvent(event: ChatEvent, me: string | undefined): HubMessage | null {
  const attributes = event.attributes ?? {};
  if (event.eventName === "aws:DELETE_MESSAGE") {
    return attributes.MessageID ? { type: "delete", id: attributes.MessageID } : null;
  }
  if (event.eventName === "aws:DISCONNECT_USER") {
    return me !== undefined && attributes.UserId === me ? { type: "bye", reason: attributes.Reason ?? "" } : null;
  }
  return attributes.body === undefined ? null : decodeHubMessage(attributes.body);
}

const ERROR_CODES: Record<number, string> = {
  400: "bad_message",
  401: "bad_token",
  403: "forbidden",
  406: "muted",
  413: "too_long",
  429: "rate_limited",
};

/** The messaging API's refusal of a send as the hub's error (a 406 is the review handler's: a muted writer). */
export function hubMessageOfError(error: ChatError, ref?: string | number): Extract<HubMessage, { type: "error" }> {
  return {
    type: "error",
    code: ERROR_CODES[error.errorCode] ?? "unavailable",
    message: error.errorMessage,
    ...(ref === undefined ? {} : { ref }),
  };
}

const isChatError = (e: unknown): e is ChatError =>
  typeof e === "object" && e !== null && typeof (e as ChatError).errorCode === "number";

/** What the ChatRoom's disconnect reason means for the page: try again later, or not. */
export function retries(reason: DisconnectReason, error?: unknown): boolean {
  if (reason === "socketError") return true;
  // A refused ticket (signed out, muted, the live over) stays refused; a network failure may pass.
  if (reason === "fetchTokenError") return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
  return false;
}

export interface IvsChatOptions {
  /** The ticket from POST /api/live/:id/chat (provider "ivs"): its url is the room's messaging endpoint. */
  ticket: ChatTicket;
  /**
   * Whom the ticket is for: announced as `auth` on each connect, and the one a disconnection of `userId` sends away;
   * none for a ticket that only watches.
   */
  user?: ChatUser;
  api?: Pick<typeof liveApi, "chatTicket" | "like">;
}

/**
 * The session's IVS Chat room, as `connectHub` gives the local hub's: chat, deletions, the server's room events
 * (pins, deals, stream, viewers, likes, the end) and a disconnection as `bye`. The first connection uses the given
 * ticket, every later one (a reconnect, IVS's refresh before the token expires) a new one; a dropped network is
 * retried with a growing delay, a refused ticket or a disconnection is not. Likes go through the API.
 */
export function connectIvsChat(
  sessionId: string,
  handlers: { onMessage(message: HubMessage): void; onState(state: HubState): void },
  options: IvsChatOptions,
): Hub {
  const api = options.api ?? liveApi;
  /** The token the next connection takes, when the page gave one (else it asks the API). */
  let fresh: { token: string; expiresAt?: string } | undefined = options.ticket;
  const used = new Set<string>();
  let room: ChatRoom | undefined;
  let SendMessageRequest: ChatSdk["SendMessageRequest"] | undefined;
  let closed = false;
  let connected = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let tokenError: unknown;
  const refs = new Map<string, string | number>();

  const tokenProvider = async (): Promise<ChatToken> => {
    let ticket = fresh;
    fresh = undefined;
    if (!ticket || (ticket.expiresAt !== undefined && Date.parse(ticket.expiresAt) <= Date.now())) {
      try {
        ticket = await api.chatTicket(sessionId);
      } catch (e) {
        tokenError = e;
        throw e;
      }
    }
    used.add(ticket.token);
    return ticket.expiresAt === undefined
      ? { token: ticket.token }
      : { token: ticket.token, tokenExpirationTime: ticket.expiresAt };
  };

  const connect = () => {
    if (closed || !room || room.state !== "disconnected") return;
    tokenError = undefined;
    room.connect();
  };

  loadSdk()
    .then((loaded) => {
      if (closed) return;
      SendMessageRequest = loaded.SendMessageRequest;
      const { ChatRoom } = loaded;
      const chat = new ChatRoom({ regionOrUrl: options.ticket.url, tokenProvider });
      chat.logLevel = "error";
      room = chat;
      chat.addListener("connecting", () => handlers.onState("connecting"));
      chat.addListener("connect", () => {
        connected = true;
        attempt = 0;
        handlers.onState("open");
        if (options.user) handlers.onMessage({ type: "auth", user: options.user });
      });
      chat.addListener("disconnect", (reason) => {
        connected = false;
        handlers.onState("closed");
        if (closed || !retries(reason, tokenError)) return;
        attempt++;
        timer = setTimeout(connect, Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)));
      });
      chat.addListener("message", (message) => {
        const ref = message.requestId === undefined ? undefined : refs.get(message.requestId);
        if (message.requestId !== undefined) refs.delete(message.requestId);
        handlers.onMessage(hubMessageOfChat(message, ref));
      });
      chat.addListener("messageDelete", (event) => handlers.onMessage({ type: "delete", id: event.messageId }));
      chat.addListener("userDisconnect", (event) => {
        if (event.userId === options.user?.userId) handlers.onMessage({ type: "bye", reason: event.reason ?? "" });
      });
      chat.addListener("event", (event) => {
        const message = hubMessageOfEvent(event, options.user?.userId);
        if (message) handlers.onMessage(message);
      });
      connect();
    })
    .catch(() => {
      handlers.onState("closed");
      handlers.onMessage({ type: "error", code: "unavailable", message: "The chat could not load." });
    });

  const say = (text: string, ref?: string | number) => {
    if (!room || !connected || !SendMessageRequest) return false;
    const request = new SendMessageRequest(text);
    if (ref !== undefined) refs.set(request.requestId, ref);
    room.sendMessage(request).catch((e: unknown) => {
      refs.delete(request.requestId);
      handlers.onMessage(
        isChatError(e)
          ? hubMessageOfError(e, ref)
          : {
              type: "error",
              code: "unavailable",
              message: "Try again in a moment.",
              ...(ref === undefined ? {} : { ref }),
            },
      );
    });
    return true;
  };

  return {
    send(message) {
      if (message.type === "chat" && typeof message.text === "string") {
        const ref = typeof message.ref === "string" || typeof message.ref === "number" ? message.ref : undefined;
        return say(message.text, ref);
      }
      if (message.type === "like") {
        api.like(sessionId).then(
          ({ likes }) => handlers.onMessage({ type: "likes", count: likes }),
          (e: unknown) =>
            handlers.onMessage({
              type: "error",
              code: e instanceof ApiError ? e.code : "unavailable",
              message: e instanceof Error ? e.message : "",
              ref: "like",
            }),
        );
        return true;
      }
      return false;
    },
    auth(token) {
      if (connected || used.has(token) || fresh?.token === token) return;
      fresh = { token };
      clearTimeout(timer);
      connect();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      room?.disconnect();
    },
  };
}
