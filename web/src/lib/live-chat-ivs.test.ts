import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { chatUserOf, hubMessageOfChat, hubMessageOfError, hubMessageOfEvent, retries } from "./live-chat-ivs";

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
