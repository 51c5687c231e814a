import { CHAT_MAX_LENGTH } from "@cho-ocop/core/live/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { chatReview } from "../live-events";
import { CHAT_PER_WINDOW } from "../local/live/hub";
import type { Client, LiveServer, Publisher } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer, status, until } from "../local/live/testing";

interface Ticket {
  provider: string;
  url: string;
  token: string;
  expiresAt: string;
}
interface ChatMessage {
  id: string;
  text: string;
  user: { userId: string; name: string; role: string; moderator: boolean };
  ref?: string;
}

/** Live chat on the local hub: tickets from the API, messages as plain text, limits, moderation, viewer counts. */
describe("local live chat", () => {
  let server: LiveServer;
  let seller: string;
  let sessionId: string;
  let productIds: string[];
  const sockets: Client[] = [];
  let publisher: Publisher;

  // Chat is open while the session is live: a stream goes on air first.
  beforeAll(async () => {
    server = await startLiveServer();
    const made = await sellerWithProducts("HTX Trò Chuyện", 1);
    seller = made.seller;
    productIds = made.productIds;
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

  it("labels the seller's messages as the shop for everyone; a viewer cannot pose as the seller", async () => {
    const reader = await join(await tokenFor());
    const desk = await join(seller);
    desk.send({ type: "chat", text: "Chào cả nhà, hôm nay giảm giá!" });
    const fromShop = await reader.next<ChatMessage>(
      (m) => m.type === "chat" && String(m.text).startsWith("Chào cả nhà"),
    );
    expect(fromShop.user).toMatchObject({ name: "HTX Trò Chuyện", role: "seller", moderator: true });

    // Whatever a viewer's message says of its author, the hub takes the author from the ticket.
    const poser = await join(await tokenFor());
    poser.send({
      type: "chat",
      text: "Tôi là chủ shop",
      user: { name: "HTX Trò Chuyện", role: "seller", moderator: true },
      role: "seller",
      moderator: true,
    });
    const posed = await reader.next<ChatMessage>((m) => m.type === "chat" && m.text === "Tôi là chủ shop");
    expect(posed.user).toMatchObject({ role: "viewer", moderator: false });
    expect(posed.user.name).toMatch(/^Khách/);
    const history = await call<ChatMessage[]>("GET", `/api/live/${sessionId}/chat`);
    expect(history.body.find((m) => m.text === "Tôi là chủ shop")?.user).toMatchObject({ role: "viewer" });
    expect(history.body.find((m) => m.id === fromShop.id)?.user).toMatchObject({
      name: "HTX Trò Chuyện",
      role: "seller",
    });
  });

  it("shows someone joining late the recent chat, oldest first, without deleted messages or a muted viewer's", async () => {
    const talker = await join(await tokenFor());
    const rude = await join(await tokenFor());
    const said: ChatMessage[] = [];
    for (const text of ["Trà này pha mấy độ?", "Ship Hà Nội mấy ngày?", "Có hộp quà không?"]) {
      talker.send({ type: "chat", text, ref: text });
      said.push(await talker.next<ChatMessage>((m) => m.type === "chat" && m.ref === text));
    }
    rude.send({ type: "chat", text: "quảng cáo bậy", ref: "ad" });
    const ad = await rude.next<ChatMessage>((m) => m.type === "chat" && m.ref === "ad");
    rude.send({ type: "chat", text: "quảng cáo nữa", ref: "ad2" });
    await rude.next<ChatMessage>((m) => m.type === "chat" && m.ref === "ad2");
    const removed = said[1] as ChatMessage;
    await call("POST", `/api/live/${sessionId}/chat/delete`, { token: seller, body: { messageId: removed.id } });
    await call("POST", `/api/live/${sessionId}/chat/mute`, { token: seller, body: { userId: ad.user.userId } });

    const late = await join();
    const hello = late.messages.find((m) => m.type === "hello") as unknown as { chat: ChatMessage[] };
    const texts = hello.chat.map((m) => m.text);
    expect(texts.slice(-2)).toEqual([said[0]?.text, said[2]?.text]);
    expect(texts).not.toContain(removed.text);
    expect(texts).not.toContain("quảng cáo bậy");
    expect(texts).not.toContain("quảng cáo nữa");
    expect(hello.chat.length).toBeLessThanOrEqual(50);

    // The same history from the API (what a page on IVS Chat reads), for anyone, signed in or not.
    const api = await call<ChatMessage[]>("GET", `/api/live/${sessionId}/chat`);
    expect(api.status).toBe(200);
    expect(api.body.map((m) => m.id)).toEqual(hello.chat.map((m) => m.id));
    expect(api.body.at(-1)).toMatchObject({ id: said[2]?.id, user: { role: "viewer", moderator: false } });
    expect((await call("GET", "/api/live/01aaaaaaaaaaaaaaaaaaaaaaaa/chat")).status).toBe(404);
  });

  it("tells a page joining on IVS Chat the room now, as the hub's hello does, and never from the shared cache", async () => {
    const [productId] = productIds;
    // A shopper's page read the session's view before the pin: that answer may be kept by the cache for seconds.
    const before = await call("GET", `/api/live/${sessionId}`);
    expect(before.headers.get("cache-control")).toMatch(/public/);
    const pinned = await call("POST", `/api/seller/live/${sessionId}/pin`, { token: seller, body: { productId } });
    expect(pinned.status).toBe(200);

    const late = await join();
    const hello = late.messages.find((m) => m.type === "hello") as unknown as {
      chat: ChatMessage[];
      pin: { productId: string } | null;
      likes: number;
      status: string;
    };
    const room = await call<typeof hello & { type: string; viewers: null; user: null; cues: { text: string }[] }>(
      "GET",
      `/api/live/${sessionId}/room`,
    );
    expect(room.status).toBe(200);
    expect(room.headers.get("cache-control")).not.toMatch(/public|s-maxage/);
    expect(room.body).toMatchObject({ type: "hello", status: "live", pin: { productId }, viewers: null, user: null });
    expect(room.body.likes).toBe(hello.likes);
    // No notice on this live: the hello says so, so that a notice a cached view still showed goes.
    expect(room.body.cues.map((c) => JSON.parse(c.text))).toEqual([{ t: "notice", s: sessionId, ms: 0, n: null }]);
    expect(room.body.chat.map((m) => m.id)).toEqual(hello.chat.map((m) => m.id));
    expect((await call("GET", "/api/live/01aaaaaaaaaaaaaaaaaaaaaaaa/room")).status).toBe(404);
  });

  it("keeps only the latest 50 messages for someone joining", async () => {
    for (const s of sockets.splice(0)) s.close();
    await until(async () => server.live.hub.viewers(sessionId) === 0, 15_000);
    const writers = await Promise.all(Array.from({ length: 10 }, async () => join(await tokenFor())));
    let n = 0;
    for (const w of writers)
      for (let i = 0; i < CHAT_PER_WINDOW; i++) {
        n++;
        w.send({ type: "chat", text: `tin số ${n}`, ref: `n${n}` });
        await w.next((m) => m.ref === `n${n}`);
      }
    const api = await call<ChatMessage[]>("GET", `/api/live/${sessionId}/chat`);
    expect(api.body).toHaveLength(50);
    expect(api.body.at(-1)?.text).toBe(`tin số ${n}`);
    expect(api.body[0]?.text).toBe(`tin số ${n - 49}`);
    for (const w of sockets.splice(0)) w.close();
    await until(async () => server.live.hub.viewers(sessionId) === 0, 15_000);
  });

  it("on IVS Chat, keeps what the room's message review handler lets through, and refuses a muted viewer's", async () => {
    const viewerId = "01jq3v5x7z9b1d3f5h7k9m1p4s";
    const review = (messageId: string, text: string) =>
      chatReview({
        MessageId: messageId,
        Content: text,
        RoomArn: "arn:aws:ivschat:ap-northeast-1:123456789012:room/AbCdEf123456",
        Sender: { UserId: viewerId, Attributes: { name: "Khách ***901", role: "viewer", sessionId } },
      });
    expect(await review("IvsMsg0001", "Hỏi qua IVS Chat")).toEqual({ ReviewResult: "ALLOW" });
    const history = await call<ChatMessage[]>("GET", `/api/live/${sessionId}/chat`);
    expect(history.body.at(-1)).toMatchObject({
      id: "IvsMsg0001",
      text: "Hỏi qua IVS Chat",
      user: { userId: viewerId, name: "Khách ***901", role: "viewer" },
    });
    await call("POST", `/api/live/${sessionId}/chat/mute`, { token: seller, body: { userId: viewerId } });
    expect(await review("IvsMsg0002", "lại là tôi")).toEqual({ ReviewResult: "DENY" });
    const after = await call<ChatMessage[]>("GET", `/api/live/${sessionId}/chat`);
    expect(after.body.map((m) => m.id)).not.toContain("IvsMsg0001");
    expect(after.body.map((m) => m.id)).not.toContain("IvsMsg0002");
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

  it("does not count the seller's own desk as a viewer: the seller and viewers see the same number", async () => {
    for (const s of sockets.splice(0)) s.close();
    await until(async () => server.live.hub.viewers(sessionId) === 0, 15_000);
    const viewer = await join();
    const desk = await join(seller);
    expect(desk.messages[0]).toMatchObject({ type: "hello", viewers: 1, user: { role: "seller" } });
    expect(server.live.hub.viewers(sessionId)).toBe(1);
    const lastCount = (c: Client) => c.messages.filter((m) => m.type === "viewers").at(-1)?.count;
    await until(async () => lastCount(viewer) === 1 && lastCount(desk) === 1, 5000);
    const more = await join();
    await until(async () => lastCount(viewer) === 2 && lastCount(desk) === 2, 5000);
    more.close();
    viewer.close();
    desk.close();
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
