import { CHAT_MAX_LENGTH } from "@cho-ocop/core/live/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/people";
import { CHAT_PER_WINDOW } from "../local/live/hub";
import {
  type Client,
  type LiveServer,
  type Publisher,
  scheduleSession,
  sellerWithProducts,
  startLiveServer,
  status,
  until,
} from "../local/live/testing";

interface Ticket {
  provider: string;
  url: string;
  token: string;
  expiresAt: string;
}
interface ChatMessage {
  id: string;
  text: string;
  user: { userId: string; name: string; moderator: boolean };
  ref?: string;
}

/** Live chat on the local hub: tickets from the API, messages as plain text, limits, moderation, viewer counts. */
describe("local live chat", () => {
  let server: LiveServer;
  let seller: string;
  let sessionId: string;
  const sockets: Client[] = [];
  let publisher: Publisher;

  // Chat is open while the session is live: a stream goes on air first.
  beforeAll(async () => {
    server = await startLiveServer();
    const made = await sellerWithProducts("HTX Trò Chuyện", 1);
    seller = made.seller;
    const scheduled = await scheduleSession(seller, made.productIds);
    sessionId = scheduled.session.sessionId;
    publisher = server.publish(scheduled.streamKey, 600);
    await until(async () => (await status(sessionId)) === "live", 20_000);
  }, 40_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await publisher?.stop();
    await server?.stop();
  });

  async function ticket(token: string) {
    const reply = await call<Ticket>("POST", `/api/live/${sessionId}/chat`, { token });
    expect(reply.status).toBe(200);
    return reply.body;
  }
  /** Joins as IVS Chat clients do: the ticket's token as the WebSocket subprotocol. */
  async function join(token?: string) {
    const t = token ? await ticket(token) : undefined;
    const socket = server.socket(t?.url ?? `/live-ws/${sessionId}`, t ? [t.token] : undefined);
    sockets.push(socket);
    await socket.opened;
    await socket.next((m) => m.type === "hello");
    return socket;
  }

  it("gives a signed-in viewer a short-lived ticket to the session's room; anonymous viewers may only watch", async () => {
    const t = await ticket(await tokenFor());
    expect(t).toMatchObject({ provider: "local", url: `/live-ws/${sessionId}` });
    expect(Date.parse(t.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect((await call("POST", `/api/live/${sessionId}/chat`)).status).toBe(401);

    const anonymous = await join();
    expect(anonymous.messages[0]).toMatchObject({ type: "hello", user: null, status: "live" });
    anonymous.send({ type: "chat", text: "xin chào", ref: "a1" });
    expect(await anonymous.next((m) => m.type === "error")).toMatchObject({ code: "not_signed_in", ref: "a1" });

    const forged = server.socket(`/live-ws/${sessionId}`, [`${t.token.slice(0, -2)}xx`]);
    sockets.push(forged);
    await forged.opened;
    expect(await forged.next((m) => m.type === "error")).toMatchObject({ code: "bad_token" });
    expect(await forged.next((m) => m.type === "hello")).toMatchObject({ user: null });

    const missing = server.socket("/live-ws/01aaaaaaaaaaaaaaaaaaaaaaaa");
    await expect(missing.opened).rejects.toThrow(/404/);
  });

  it("delivers a message to another viewer as the text it was, never as markup", async () => {
    const writer = await join(await tokenFor());
    const reader = await join(await tokenFor());
    const text = `<img src=x onerror="alert(1)"> Chè "ngon" & rẻ`;
    writer.send({ type: "chat", text, ref: "m1" });
    const got = await reader.next<ChatMessage>((m) => m.type === "chat" && m.text === text);
    expect(got.text).toBe(text);
    expect(got.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(got.user).toMatchObject({ moderator: false });
    expect(got.ref).toBeUndefined();
    expect(await writer.next<ChatMessage>((m) => m.type === "chat" && m.id === got.id)).toMatchObject({ ref: "m1" });
  });

  it("refuses an over-long message and more than 5 messages in 10 seconds", async () => {
    const writer = await join(await tokenFor());
    writer.send({ type: "chat", text: "ạ".repeat(CHAT_MAX_LENGTH + 1), ref: "long" });
    expect(await writer.next((m) => m.ref === "long")).toMatchObject({ type: "error", code: "too_long" });
    writer.send({ type: "chat", text: "ạ".repeat(CHAT_MAX_LENGTH), ref: "max" });
    expect(await writer.next((m) => m.ref === "max")).toMatchObject({ type: "chat" });
    for (let i = 1; i < CHAT_PER_WINDOW; i++) writer.send({ type: "chat", text: `tin ${i}`, ref: `r${i}` });
    writer.send({ type: "chat", text: "một tin quá nhiều", ref: "over" });
    expect(await writer.next((m) => m.ref === "over")).toMatchObject({ type: "error", code: "rate_limited" });
    for (let i = 1; i < CHAT_PER_WINDOW; i++) {
      expect(await writer.next((m) => m.ref === `r${i}`)).toMatchObject({ type: "chat" });
    }
  });

  it("lets the seller delete a message (announced to every viewer) and mute a viewer (disconnected, refused)", async () => {
    const rude = await join(await tokenFor());
    const rudeUserId = (rude.messages[0] as { user: { userId: string } }).user.userId;
    const watcher = await join(await tokenFor());
    const moderator = await join(seller);
    expect(moderator.messages[0]).toMatchObject({ user: { moderator: true } });

    rude.send({ type: "chat", text: "spam spam" });
    const spam = await watcher.next<ChatMessage>((m) => m.type === "chat" && m.text === "spam spam");
    const userId = spam.user.userId;
    expect(userId).toBe(rudeUserId);

    // Only the session's seller or staff moderate.
    const stranger = await tokenFor();
    expect(
      (await call("POST", `/api/live/${sessionId}/chat/delete`, { token: stranger, body: { messageId: spam.id } }))
        .status,
    ).toBe(403);
    const deleted = await call("POST", `/api/live/${sessionId}/chat/delete`, {
      token: seller,
      body: { messageId: spam.id },
    });
    expect(deleted.status).toBe(204);
    expect(await watcher.next((m) => m.type === "delete")).toMatchObject({ id: spam.id });

    const mutedAt = rude.messages.length;
    const muted = await call("POST", `/api/live/${sessionId}/chat/mute`, { token: seller, body: { userId } });
    expect(muted.status).toBe(204);
    expect(await rude.next((m) => m.type === "bye", 3000, mutedAt)).toMatchObject({ reason: "muted" });
    expect((await rude.whenClosed())?.code).toBe(4003);
    expect(await watcher.whenClosed(300)).toBeUndefined();
  });

  it("refuses a muted viewer a new ticket, and their old ticket on the socket", async () => {
    const viewerToken = await tokenFor();
    const t = await ticket(viewerToken);
    const first = server.socket(t.url, [t.token]);
    sockets.push(first);
    await first.opened;
    const hello = await first.next<{ user: { userId: string } }>((m) => m.type === "hello");
    await call("POST", `/api/live/${sessionId}/chat/mute`, { token: seller, body: { userId: hello.user.userId } });
    await first.whenClosed();

    const again = await call<{ error: { code: string } }>("POST", `/api/live/${sessionId}/chat`, {
      token: viewerToken,
    });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe("muted");

    const replay = server.socket(t.url, [t.token]);
    sockets.push(replay);
    await replay.opened;
    expect(await replay.next((m) => m.type === "error")).toMatchObject({ code: "muted" });
    expect(await replay.next((m) => m.type === "hello")).toMatchObject({ user: null });
    replay.send({ type: "auth", token: t.token, ref: "again" });
    expect(await replay.next((m) => m.ref === "again")).toMatchObject({ type: "error", code: "muted" });
    replay.send({ type: "chat", text: "tôi quay lại", ref: "back" });
    expect(await replay.next((m) => m.ref === "back")).toMatchObject({ type: "error", code: "not_signed_in" });
  });

  it("counts viewers, broadcasts the count and keeps the peak for the summary", async () => {
    for (const s of sockets.splice(0)) s.close();
    await until(async () => server.live.hub.viewers(sessionId) === 0, 15_000);
    const crowd = await Promise.all(Array.from({ length: 4 }, () => join()));
    const counted = await crowd[0]?.next((m) => m.type === "viewers" && m.count === 4, 3000);
    expect(counted).toBeTruthy();
    expect(server.live.hub.viewers(sessionId)).toBe(4);
    const summary = await call<{ peakViewers: number }>("GET", `/api/live/${sessionId}/summary`, { token: seller });
    expect(summary.body.peakViewers).toBeGreaterThanOrEqual(4);
    crowd[3]?.close();
    expect(await crowd[0]?.next((m) => m.type === "viewers" && m.count === 3, 3000)).toBeTruthy();
    for (const s of crowd) s.close();
  });

  it("announces room events to every viewer", async () => {
    const viewer = await join();
    await server.live.chat.announce({ sessionId }, "deal_started", { dealId: "d1" });
    expect(await viewer.next((m) => m.type === "event")).toMatchObject({
      name: "deal_started",
      attributes: { dealId: "d1" },
    });
  });
});
