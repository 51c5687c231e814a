import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { CHAT_MAX_LENGTH, Live } from "@cho-ocop/core/live/index";
import { type ChatUser, encodeHubMessage, type HubOutgoing } from "@cho-ocop/core/live/wire";
import { DomainError } from "@cho-ocop/core/util/error";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { verifyChatTicket } from "./chat-token";
import { addressKey, fromThisSite, refuseUpgrade } from "./upgrade";

type SessionView = Awaited<ReturnType<typeof Live.view>>;

export type { ChatUser };
/** A timed-metadata cue as viewers get it: the provider's payload as sent, and where in the stream it was put. */
export type Cue = Extract<HubOutgoing, { type: "cue" }>;

interface Viewer {
  ws: WebSocket;
  who: string;
  /** The socket's address as the caps count it (see `addressKey`). */
  address: string;
  user?: ChatUser;
  alive: boolean;
  /** Messages held until the viewer has had its `hello`. */
  pending?: string[];
}

interface Room {
  sessionId: string;
  channelId: string;
  viewers: Set<Viewer>;
  /** Sockets per address, upgrades under way included (released when the connection closes). */
  sockets: Map<string, number>;
  peak: number;
  likes: number | null;
  /** The newest cue of each kind ("pin", "deal") since the stream started: late joiners get them with `hello`. */
  cues: Map<string, Cue>;
  view?: Promise<SessionView>;
  /** The recent chat for those joining, read once for a crowd joining together; dropped when the chat changes. */
  chat?: Promise<Live.ChatLine[]>;
  countTimer?: NodeJS.Timeout;
  likesTimer?: NodeJS.Timeout;
}

export const CHAT_PER_WINDOW = 5;
export const CHAT_WINDOW_MS = 10_000;
const HEARTBEAT_MS = 15_000;
const SESSION_PATH = /^\/live-ws\/([0-9a-z]{26})\/?$/;

/**
 * How many of one address's sockets count as viewers. On the local network each phone has its own address; a few
 * share one behind a second router or a guest Wi-Fi (a family watching on two phones and a tablet). More sockets
 * than that from one address are one client's tabs or a script: they still get the live, they do not count.
 */
export const COUNTED_PER_ADDRESS = 4;
/** Sockets one address may hold in one session (reloads and reconnects overlap for a moment); more get 429. */
export const SOCKETS_PER_ADDRESS = 20;
/** Sockets in one session: twice the 500 viewers the bench measures the hub at on a 2-core machine; more get 503. */
export const SOCKETS_PER_SESSION = 1000;

export interface HubLimits {
  countedPerAddress: number;
  socketsPerAddress: number;
  socketsPerSession: number;
}

/**
 * The local stand-in for IVS Chat and for IVS timed metadata delivery: one WebSocket room per live session on the
 * HTTP server's own port (`/live-ws/<sessionId>`). Anyone may watch (cues, viewer count, likes, chat); a chat
 * ticket from `POST /api/live/:id/chat` lets a signed-in viewer write. The protocol is described in README.md.
 */
export class LiveHub {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    // IVS Chat takes its token as the WebSocket subprotocol; the same works here (the token is echoed back).
    handleProtocols: (protocols) => protocols.values().next().value ?? false,
  });
  private readonly rooms = new Map<string, Room>();
  private readonly chatTimes = new Map<string, number[]>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly limits: HubLimits;

  constructor(limits: Partial<HubLimits> = {}) {
    this.limits = {
      countedPerAddress: COUNTED_PER_ADDRESS,
      socketsPerAddress: SOCKETS_PER_ADDRESS,
      socketsPerSession: SOCKETS_PER_SESSION,
      ...limits,
    };
    this.heartbeat = setInterval(() => {
      for (const room of this.rooms.values())
        for (const viewer of room.viewers) {
          if (!viewer.alive) viewer.ws.terminate();
          viewer.alive = false;
          viewer.ws.ping();
        }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  static matches(path: string) {
    return SESSION_PATH.test(path);
  }

  /**
   * Takes an HTTP upgrade for `/live-ws/<sessionId>`: 403 from another site's page, 404 for a session that does
   * not exist, 429 past the address's sockets, 503 past the session's.
   */
  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (!fromThisSite(req)) return refuseUpgrade(socket, 403, "Forbidden", "another site's page may not join");
    const url = new URL(req.url ?? "/", "http://local");
    const sessionId = SESSION_PATH.exec(url.pathname)?.[1];
    const room = sessionId ? await this.room(sessionId).catch(() => undefined) : undefined;
    if (!room) return refuseUpgrade(socket, 404, "Not Found", "no such live session");
    const address = addressKey(req.socket.remoteAddress);
    const held = room.sockets.get(address) ?? 0;
    let total = 0;
    for (const n of room.sockets.values()) total += n;
    if (total >= this.limits.socketsPerSession) {
      return refuseUpgrade(socket, 503, "Service Unavailable", "this live is full");
    }
    if (held >= this.limits.socketsPerAddress) {
      return refuseUpgrade(socket, 429, "Too Many Requests", "too many connections from this address");
    }
    // Taken before the handshake and given back when the connection closes, however it ends.
    room.sockets.set(address, held + 1);
    socket.once("close", () => {
      const left = (room.sockets.get(address) ?? 1) - 1;
      if (left > 0) room.sockets.set(address, left);
      else room.sockets.delete(address);
    });
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const viewer: Viewer = { ws, who: address, address, alive: true, pending: [] };
      room.viewers.add(viewer);
      this.countChanged(room);
      ws.on("pong", () => {
        viewer.alive = true;
      });
      ws.on("message", (data, isBinary) => {
        this.onMessage(room, viewer, data, isBinary).catch((err) => {
          console.error("[live] hub", err);
          reply(viewer, { type: "error", code: "unavailable", message: "Try again in a moment." });
        });
      });
      ws.on("close", () => {
        room.viewers.delete(viewer);
        this.countChanged(room);
      });
      ws.on("error", () => ws.terminate());
      void this.welcome(room, viewer, ws.protocol);
    });
  }

  private async room(sessionId: string): Promise<Room> {
    const existing = this.rooms.get(sessionId);
    if (existing) return existing;
    const session = await Live.get(sessionId);
    const room = this.rooms.get(sessionId) ?? {
      sessionId,
      channelId: session.channelId,
      viewers: new Set(),
      sockets: new Map(),
      peak: session.peakViewers ?? 0,
      likes: null,
      cues: new Map(),
    };
    this.rooms.set(sessionId, room);
    return room;
  }

  /** The session as a viewer sees it, shared by viewers joining together, read again after any change. */
  private view(room: Room): Promise<SessionView> {
    if (!room.view) {
      const view = Live.view(room.sessionId);
      room.view = view;
      view.catch(() => undefined).finally(() => setTimeout(() => room.view === view && delete room.view, 1000));
    }
    return room.view;
  }

  private async welcome(room: Room, viewer: Viewer, token: string) {
    try {
      if (token) await this.authenticate(room, viewer, token);
      room.chat ??= Live.recentChat(room.sessionId).catch((err) => {
        delete room.chat;
        throw err;
      });
      const [view, chat] = await Promise.all([this.view(room), room.chat]);
      room.likes ??= view.likes;
      const hello: HubOutgoing = {
        type: "hello",
        sessionId: room.sessionId,
        status: view.status,
        viewers: this.counted(room),
        likes: Math.max(room.likes, view.likes),
        pin: view.pin,
        pinnedAt: view.pinnedAt,
        deal: view.deal,
        cues: [...room.cues.values()],
        // Someone joining late sees what was said (deleted messages and muted viewers' are not kept).
        chat,
        user: viewer.user ?? null,
        chatMaxLength: CHAT_MAX_LENGTH,
      };
      send(viewer, encodeHubMessage(hello), true);
      for (const message of viewer.pending ?? []) viewer.ws.send(message);
      delete viewer.pending;
    } catch (err) {
      console.error("[live] hub", err);
      viewer.ws.close(1011, "unavailable");
    }
  }

  private async authenticate(room: Room, viewer: Viewer, token: string, ref?: unknown) {
    const ticket = verifyChatTicket(token);
    if (!ticket || ticket.sessionId !== room.sessionId) {
      return reply(viewer, { type: "error", code: "bad_token", message: "Chat ticket invalid or expired.", ref });
    }
    if (await Live.isMuted(room.sessionId, ticket.userId)) {
      return reply(viewer, { type: "error", code: "muted", message: "You have been muted in this live.", ref });
    }
    viewer.user = { userId: ticket.userId, name: ticket.name, role: ticket.role, moderator: ticket.moderator };
    viewer.who = ticket.userId;
    // The seller's own desk is no viewer.
    if (ticket.role === "seller") this.countChanged(room);
    if (ref !== undefined || !viewer.pending) reply(viewer, { type: "auth", user: viewer.user, ref });
  }

  private async onMessage(room: Room, viewer: Viewer, data: RawData, isBinary: boolean) {
    let message: { type?: unknown; text?: unknown; token?: unknown; ref?: unknown; t?: unknown };
    try {
      message = isBinary ? {} : JSON.parse(data.toString());
    } catch {
      message = {};
    }
    const ref = typeof message.ref === "string" || typeof message.ref === "number" ? message.ref : undefined;
    switch (message.type) {
      case "ping":
        return reply(viewer, { type: "pong", t: message.t ?? null });
      case "auth":
        return typeof message.token === "string"
          ? this.authenticate(room, viewer, message.token, ref ?? null)
          : reply(viewer, { type: "error", code: "bad_token", message: "Send {type:'auth', token}.", ref });
      case "chat":
        return this.chat(room, viewer, message.text, ref);
      case "like":
        return this.like(room, viewer, ref);
      default:
        return reply(viewer, { type: "error", code: "bad_message", message: "Unknown message.", ref });
    }
  }

  private async chat(room: Room, viewer: Viewer, raw: unknown, ref: unknown) {
    const refuse = (code: string, message: string) => reply(viewer, { type: "error", code, message, ref });
    const user = viewer.user;
    if (!user) return refuse("not_signed_in", "Sign in to chat.");
    const { status } = await this.view(room);
    // Live or reconnecting (a reconnecting session is still live): before and after, the room is closed.
    if (status === "scheduled") return refuse("not_live", "Chat opens when the live starts.");
    if (status !== "live") return refuse("not_live", "This live has ended: chat is closed.");
    const text = typeof raw === "string" ? raw.trim() : "";
    if (!text) return refuse("empty", "Empty message.");
    if ([...text].length > CHAT_MAX_LENGTH) return refuse("too_long", `At most ${CHAT_MAX_LENGTH} characters.`);
    const key = `${room.sessionId}:${user.userId}`;
    const now = Date.now();
    const recent = (this.chatTimes.get(key) ?? []).filter((t) => t > now - CHAT_WINDOW_MS);
    if (recent.length >= CHAT_PER_WINDOW && !user.moderator) {
      this.chatTimes.set(key, recent);
      return refuse("rate_limited", `At most ${CHAT_PER_WINDOW} messages in ${CHAT_WINDOW_MS / 1000} seconds.`);
    }
    recent.push(now);
    this.chatTimes.set(key, recent);
    if (await Live.isMuted(room.sessionId, user.userId)) {
      this.disconnectUser(room.sessionId, user.userId, "muted");
      return;
    }
    const message = { type: "chat" as const, id: randomUUID(), at: new Date(now).toISOString(), user, text };
    await Live.recordChat(room.sessionId, message).catch((err) => console.error("[live] chat history", err));
    delete room.chat;
    for (const other of room.viewers) {
      send(other, encodeHubMessage(other === viewer && ref !== undefined ? { ...message, ref } : message));
    }
  }

  private async like(room: Room, viewer: Viewer, ref: unknown) {
    try {
      const { likes } = await Live.like(room.sessionId, viewer.user?.userId ?? viewer.who);
      const count = Math.max(room.likes ?? 0, likes);
      room.likes = count;
      room.likesTimer ??= setTimeout(() => {
        delete room.likesTimer;
        this.toRoom(room, { type: "likes", count: room.likes ?? count });
      }, 250);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      reply(viewer, { type: "error", code: err.code, message: err.messages.en, ref });
    }
  }

  private countChanged(room: Room) {
    room.countTimer ??= setTimeout(() => {
      delete room.countTimer;
      if (room.viewers.size === 0 && room.sockets.size === 0) {
        if (this.rooms.get(room.sessionId) === room) this.rooms.delete(room.sessionId);
        return;
      }
      const count = this.counted(room);
      this.toRoom(room, { type: "viewers", count });
      if (count > room.peak) {
        room.peak = count;
        void Live.recordViewers(room.sessionId, count).catch((err) => console.error("[live] viewers", err));
      }
    }, 500);
  }

  /**
   * The viewer count, the one number the seller and every viewer are shown: each address's sockets up to
   * `countedPerAddress`, the seller's own pages not counted (IVS counts playback sessions: the seller plays none).
   */
  private counted(room: Room): number {
    const perAddress = new Map<string, number>();
    for (const viewer of room.viewers)
      if (viewer.user?.role !== "seller") perAddress.set(viewer.address, (perAddress.get(viewer.address) ?? 0) + 1);
    let count = 0;
    for (const n of perAddress.values()) count += Math.min(n, this.limits.countedPerAddress);
    return count;
  }

  private toRoom(room: Room, message: HubOutgoing) {
    const text = encodeHubMessage(message);
    for (const viewer of room.viewers) send(viewer, text);
  }

  private roomsOf(channelId: string) {
    return [...this.rooms.values()].filter((r) => r.channelId === channelId);
  }

  /** Fans a timed-metadata cue out to the viewers of the channel's sessions. */
  cue(channelId: string, text: string, ts: number | null) {
    const cue: Cue = { type: "cue", text, ts, at: new Date().toISOString() };
    let kind = "cue";
    try {
      kind = String(JSON.parse(text).t ?? "cue");
    } catch {}
    for (const room of this.roomsOf(channelId)) {
      room.cues.set(kind, cue);
      delete room.view;
      this.toRoom(room, cue);
    }
  }

  /** The channel's stream started or ended: viewers reload their player (a new publish restarts at 0). */
  stream(channelId: string, state: "start" | "end", sessionId: string | null) {
    for (const room of this.roomsOf(channelId)) {
      room.cues.clear();
      delete room.view;
      this.toRoom(room, { type: "stream", state, sessionId });
    }
  }

  /** The session ended (its stream did not come back in time, or it was ended): viewers show the end. */
  ended(sessionId: string) {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    delete room.view;
    this.toRoom(room, { type: "ended", sessionId });
  }

  /** A live on the channel was ended by its seller or staff. */
  endedOnChannel(channelId: string) {
    for (const room of this.roomsOf(channelId)) this.ended(room.sessionId);
  }

  viewers(sessionId: string): number {
    const room = this.rooms.get(sessionId);
    return room ? this.counted(room) : 0;
  }

  deleteMessage(sessionId: string, messageId: string, reason: string) {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    delete room.chat;
    this.toRoom(room, { type: "delete", id: messageId, reason });
  }

  disconnectUser(sessionId: string, userId: string, reason: string) {
    const room = this.rooms.get(sessionId);
    for (const viewer of room?.viewers ?? []) {
      if (viewer.user?.userId !== userId) continue;
      send(viewer, encodeHubMessage({ type: "bye", reason }), true);
      viewer.ws.close(4003, reason);
    }
  }

  announce(sessionId: string, name: string, attributes: Record<string, string>) {
    const room = this.rooms.get(sessionId);
    if (room) this.toRoom(room, { type: "event", name, attributes });
  }

  async close() {
    clearInterval(this.heartbeat);
    for (const room of this.rooms.values()) {
      clearTimeout(room.countTimer);
      clearTimeout(room.likesTimer);
      for (const viewer of room.viewers) viewer.ws.close(1001, "server stopping");
    }
    this.rooms.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function send(viewer: Viewer, text: string, now = false) {
  if (viewer.pending && !now) viewer.pending.push(text);
  else if (viewer.ws.readyState === viewer.ws.OPEN) viewer.ws.send(text);
}

function reply(viewer: Viewer, message: HubOutgoing) {
  if ("ref" in message && message.ref === undefined) delete message.ref;
  send(viewer, encodeHubMessage(message), true);
}
