import type { HubMessage } from "@cho-ocop/core/live/wire";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import {
  chatUserOf,
  connectIvsChat,
  hubMessageOfChat,
  hubMessageOfError,
  hubMessageOfEvent,
  retries,
} from "./live-chat-ivs";
import type { HubState } from "./live-hub";

/** The SDK's ChatRoom as far as the connector uses it: its listeners, its token provider and what it was asked to send. */
const rooms = vi.hoisted(() => [] as FakeRoom[]);
interface FakeRoom {
  config: { regionOrUrl: string; tokenProvider: () => Promise<{ token: string }> };
  state: string;
  listeners: Map<string, (...args: unknown[]) => void>;
  sent: { requestId: string; content: string }[];
  emit(name: string, ...args: unknown[]): void;
}
vi.mock("amazon-ivs-chat-messaging", () => {
  class ChatRoom {
    state = "disconnected";
    logLevel = "debug";
    listeners = new Map<string, (...args: unknown[]) => void>();
    sent: { requestId: string; content: string }[] = [];
    constructor(readonly config: FakeRoom["config"]) {
      rooms.push(this as unknown as FakeRoom);
    }
    addListener(name: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      this.listeners.get(name)?.(...args);
    }
    connect() {
      this.state = "connecting";
    }
    disconnect() {
      this.state = "disconnected";
    }
    sendMessage(request: { requestId: string; content: string }) {
      this.sent.push(request);
      return new Promise(() => {});
    }
  }
  let next = 0;
  class SendMessageRequest {
    requestId = `req-${++next}`;
    constructor(readonly content: string) {}
  }
  return { ChatRoom, SendMessageRequest };
});

const SENT = new Date("2026-05-01T02:30:00.000Z");
const event = (eventName: string, attributes?: Record<string, string>) => ({
  id: "Ev0000000001",
  eventName,
  sendTime: SENT,
  ...(attributes ? { attributes } : {}),
});

describe("IVS Chat messages as the room's hub messages", () => {
  it("reads a chat message with the writer the token carries", () => {
    const message = {
      id: "Msg000000001",
      content: "Chè còn không shop?",
      sendTime: SENT,
      requestId: "req-1",
      sender: { userId: "u-lan", attributes: { name: "Lan", role: "viewer", sessionId: "s1" } },
    };
    expect(hubMessageOfChat(message)).toEqual({
      type: "chat",
      id: "Msg000000001",
      at: "2026-05-01T02:30:00.000Z",
      text: "Chè còn không shop?",
      user: { userId: "u-lan", name: "Lan", role: "viewer", moderator: false },
    });
    expect(hubMessageOfChat(message, 7)).toMatchObject({ type: "chat", ref: 7 });
  });

  it("makes the shop's sellers and staff moderators, and anyone else a viewer", () => {
    expect(chatUserOf("u1", { name: "HTX Mộc Châu", role: "seller" })).toEqual({
      userId: "u1",
      name: "HTX Mộc Châu",
      role: "seller",
      moderator: true,
    });
    expect(chatUserOf("u2", { name: "Staff", role: "staff" }).moderator).toBe(true);
    expect(chatUserOf("u3", { name: "X", role: "admin" })).toMatchObject({ role: "viewer", moderator: false });
    expect(chatUserOf("u4", undefined)).toEqual({ userId: "u4", name: "Khách", role: "viewer", moderator: false });
  });

  it("reads a deletion, and a disconnection only when it is this page's user", () => {
    expect(hubMessageOfEvent(event("aws:DELETE_MESSAGE", { MessageID: "Msg1", Reason: "spam" }), "me")).toEqual({
      type: "delete",
      id: "Msg1",
    });
    expect(hubMessageOfEvent(event("aws:DISCONNECT_USER", { UserId: "me", Reason: "muted" }), "me")).toEqual({
      type: "bye",
      reason: "muted",
    });
    expect(hubMessageOfEvent(event("aws:DISCONNECT_USER", { UserId: "other", Reason: "muted" }), "me")).toBeNull();
    expect(hubMessageOfEvent(event("aws:DELETE_MESSAGE"), "me")).toBeNull();
  });

  it("reads the server's news from the event's body", () => {
    expect(hubMessageOfEvent(event("viewers", { body: '{"type":"viewers","count":42}' }), "me")).toEqual({
      type: "viewers",
      count: 42,
    });
    expect(
      hubMessageOfEvent(event("stream", { body: '{"type":"stream","state":"end","sessionId":"s1"}' }), "me"),
    ).toEqual({ type: "stream", state: "end" });
    expect(hubMessageOfEvent(event("ended", { body: '{"type":"ended","sessionId":"s1"}' }), "me")).toEqual({
      type: "ended",
    });
    const cue = JSON.stringify({ type: "cue", text: '{"t":"pin","s":"s1","ms":0,"p":null}', ts: null, at: SENT });
    expect(hubMessageOfEvent(event("cue", { body: cue }), "me")).toEqual({
      type: "cue",
      text: '{"t":"pin","s":"s1","ms":0,"p":null}',
      ts: null,
    });
  });

  it("ignores an event without a readable body", () => {
    expect(hubMessageOfEvent(event("likes"), "me")).toBeNull();
    expect(hubMessageOfEvent(event("likes", { body: "not json" }), "me")).toBeNull();
    expect(hubMessageOfEvent(event("likes", { body: '{"type":"likes","count":-1}' }), "me")).toBeNull();
  });

  it("turns the messaging API's refusals into the hub's error codes", () => {
    const refusal = (errorCode: number) => ({ id: "E1", errorCode, errorMessage: "no", requestId: "r" });
    expect(hubMessageOfError(refusal(406), 3)).toEqual({ type: "error", code: "muted", message: "no", ref: 3 });
    expect(hubMessageOfError(refusal(429)).code).toBe("rate_limited");
    expect(hubMessageOfError(refusal(400)).code).toBe("bad_message");
    expect(hubMessageOfError(refusal(403)).code).toBe("forbidden");
    expect(hubMessageOfError(refusal(500)).code).toBe("unavailable");
  });

  it("tries again after a network failure, not after a refused ticket or a disconnection", () => {
    expect(retries("socketError")).toBe(true);
    expect(retries("fetchTokenError", new ApiError(0, "network", "offline"))).toBe(true);
    expect(retries("fetchTokenError", new ApiError(503, "unavailable", "later"))).toBe(true);
    expect(retries("fetchTokenError", new ApiError(403, "muted", "muted"))).toBe(false);
    expect(retries("serverDisconnect")).toBe(false);
    expect(retries("clientDisconnect")).toBe(false);
  });
});

describe("connectIvsChat", () => {
  const me = { userId: "u-lan", name: "Lan", role: "viewer" as const, moderator: false };
  const ticket = {
    provider: "ivs" as const,
    url: "wss://edge.ivschat.ap-northeast-1.amazonaws.com",
    token: "t1",
    expiresAt: "2999-01-01T00:00:00.000Z",
    user: me,
  };

  it("connects with the page's ticket, then asks the API for each later one, and maps the room's traffic", async () => {
    const heard: HubMessage[] = [];
    const states: HubState[] = [];
    const chatTicket = vi.fn(async () => ({ ...ticket, token: "t2" }));
    const hub = connectIvsChat(
      "s1",
      { onMessage: (m) => heard.push(m), onState: (s) => states.push(s) },
      { ticket, user: me, api: { chatTicket, like: async () => ({ likes: 5 }) } },
    );
    await vi.waitFor(() => expect(rooms).toHaveLength(1));
    const room = rooms[0] as FakeRoom;
    expect(room.config.regionOrUrl).toBe(ticket.url);
    expect(room.state).toBe("connecting");
    expect(await room.config.tokenProvider()).toMatchObject({ token: "t1" });
    expect(await room.config.tokenProvider()).toMatchObject({ token: "t2" });
    expect(chatTicket).toHaveBeenCalledWith("s1");

    expect(hub.send({ type: "chat", text: "chưa kết nối", ref: 1 })).toBe(false);
    room.emit("connect");
    expect(states.at(-1)).toBe("open");
    expect(heard).toEqual([{ type: "auth", user: me }]);

    expect(hub.send({ type: "chat", text: "Còn hàng không?", ref: 2 })).toBe(true);
    const request = room.sent[0];
    const sender = { userId: "u-lan", attributes: { name: "Lan", role: "viewer" } };
    room.emit("message", {
      id: "M1",
      content: "Còn hàng không?",
      sendTime: new Date(0),
      requestId: request?.requestId,
      sender,
    });
    expect(heard.at(-1)).toMatchObject({ type: "chat", id: "M1", ref: 2 });

    room.emit("event", {
      id: "E1",
      eventName: "viewers",
      sendTime: new Date(0),
      attributes: { body: '{"type":"viewers","count":9}' },
    });
    room.emit("messageDelete", { id: "E2", messageId: "M1", sendTime: new Date(0) });
    room.emit("userDisconnect", { id: "E3", userId: "someone-else", reason: "muted", sendTime: new Date(0) });
    room.emit("userDisconnect", { id: "E4", userId: "u-lan", reason: "muted", sendTime: new Date(0) });
    expect(heard.slice(-3)).toEqual([
      { type: "viewers", count: 9 },
      { type: "delete", id: "M1" },
      { type: "bye", reason: "muted" },
    ]);

    expect(hub.send({ type: "like" })).toBe(true);
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ type: "likes", count: 5 }));
    hub.close();
    expect(room.state).toBe("disconnected");
  });
});
