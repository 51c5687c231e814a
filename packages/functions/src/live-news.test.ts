import { IvsClient } from "@aws-sdk/client-ivs";
import { IvschatClient } from "@aws-sdk/client-ivschat";
import { type ChatProvider, chatProvider, hasChatProvider, useChatProvider } from "@cho-ocop/core/live/chat";
import { DealEntity } from "@cho-ocop/core/live/deal/entities";
import { ChannelEntity, SessionEntity } from "@cho-ocop/core/live/entities";
import { Live } from "@cho-ocop/core/live/index";
import { hasVideoProvider, useVideoProvider, type VideoProvider, videoProvider } from "@cho-ocop/core/live/provider";
import { tellRoom } from "@cho-ocop/core/live/room";
import { decodeCue, decodeHubMessage } from "@cho-ocop/core/live/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeIvs, startFakeIvs } from "../../testkit/src/fake-ivs";
import { call, tokenFor } from "../test/api";
import { SON_LA, sonLaWard } from "../test/catalogue";
import { IvsChatProvider } from "./adapters/live/ivs-chat";
import { IvsVideoProvider } from "./adapters/live/ivs-video";
import { LocalChatProvider } from "./adapters/live/local-chat";
import { endOfflineLives } from "./jobs";
import { handler } from "./live-events";
import { LiveHub } from "./local/live/hub";
import { scheduleSession, sellerWithProducts } from "./local/live/testing";

const REGION = "ap-northeast-1";

/**
 * On AWS the page hears everything but the video through the session's IVS Chat room: the API relays pins, deals,
 * the stream's state, the end, likes and viewer counts as room events (the real SDK clients against the fake IVS).
 */
describe("a live's news in its IVS Chat room", () => {
  let fake: FakeIvs;
  let ivs: IvsClient;
  let ivschat: IvschatClient;
  let before: { video?: VideoProvider; chat?: ChatProvider };
  let seller: string;
  let productId: string;
  let sessionId: string;
  let room: string;
  let channelArn: string;
  let dealId: string;
  let told = 0;

  /** The room events since the last look, as the page decodes them. */
  function news() {
    const events = fake.roomEvents.slice(told);
    told = fake.roomEvents.length;
    for (const e of events) {
      expect(e.roomArn).toBe(room);
      expect(Object.keys(e.attributes)).toEqual(["body"]);
      expect(Buffer.byteLength(JSON.stringify(e.attributes))).toBeLessThanOrEqual(1024);
    }
    return events.map((e) => ({ name: e.eventName, message: decodeHubMessage(e.attributes.body) }));
  }
  const cueOf = (m: ReturnType<typeof news>[number]) =>
    m.message?.type === "cue" ? decodeCue(m.message.text) : undefined;

  beforeAll(async () => {
    fake = await startFakeIvs({ region: REGION });
    const endpoint = { endpoint: fake.url, region: REGION, credentials: fake.credentials, maxAttempts: 1 };
    ivs = new IvsClient(endpoint);
    ivschat = new IvschatClient(endpoint);
    before = {
      video: hasVideoProvider() ? videoProvider() : undefined,
      chat: hasChatProvider() ? chatProvider() : undefined,
    };
    useVideoProvider(new IvsVideoProvider({ region: REGION, stage: "test", client: ivs, viewerCountTtlMs: 0 }));
    useChatProvider(new IvsChatProvider({ region: REGION, stage: "test", client: ivschat }));
    const made = await sellerWithProducts("HTX Tin Phòng Live", 1);
    seller = made.seller;
    productId = made.productIds[0] ?? "";
    sessionId = (await scheduleSession(seller, made.productIds)).session.sessionId;
    const session = (await SessionEntity.get({ sessionId }).go()).data;
    room = session?.chatRoomArn ?? "";
    expect(fake.rooms.has(room)).toBe(true);
    const channel = (await ChannelEntity.query.byChannel({ channelId: session?.channelId ?? "" }).go()).data[0];
    channelArn = channel?.arn ?? "";
    told = fake.roomEvents.length;
  });
  afterAll(async () => {
    if (before.video) useVideoProvider(before.video);
    if (before.chat) useChatProvider(before.chat);
    ivs?.destroy();
    ivschat?.destroy();
    await fake?.close();
  });

  it("tells the room the stream started, then the pin, with the text the video carries", async () => {
    await handler(fake.startStream(channelArn, 7));
    expect(news()).toEqual([{ name: "stream", message: { type: "stream", state: "start" } }]);

    const pinned = await call("POST", `/api/seller/live/${sessionId}/pin`, { token: seller, body: { productId } });
    expect(pinned.status).toBe(200);
    const [pin] = news();
    expect(pin?.name).toBe("cue");
    expect(pin?.message).toMatchObject({ type: "cue", ts: null, text: fake.metadata.at(-1)?.metadata });
    expect(pin && cueOf(pin)).toMatchObject({ kind: "pin", product: { productId } });
  });

  it("tells the deal's start, then the units left after a purchase", async () => {
    const started = await call<{ dealId: string }>("POST", `/api/seller/live/${sessionId}/deals`, {
      token: seller,
      body: { productId, priceVnd: 99_000, quantity: 10, perBuyer: 3, countdownSeconds: 10, durationMinutes: 5 },
    });
    expect(started.status).toBe(201);
    dealId = started.body.dealId;
    const [start] = news();
    expect(start?.message).toMatchObject({ type: "cue", text: fake.metadata.at(-1)?.metadata });
    expect(start && cueOf(start)).toMatchObject({ kind: "deal", deal: { dealId, quantity: 10 } });

    // The countdown is over (rather than waiting it out).
    await DealEntity.patch({ dealId })
      .set({ startsAt: new Date(Date.now() - 1000).toISOString() })
      .go();
    const buyer = await tokenFor();
    expect(
      (await call("POST", "/api/cart/items", { token: buyer, body: { productId, quantity: 2, dealId } })).status,
    ).toBeLessThan(300);
    const placed = await call("POST", "/api/orders", {
      token: buyer,
      headers: { "idempotency-key": `news-${dealId}` },
      body: {
        address: {
          name: "Người mua",
          phone: "0912345678",
          provinceCode: SON_LA,
          wardCode: await sonLaWard(),
          street: "Bản Mòng",
        },
        paymentMethod: "cod",
        liveSessionId: sessionId,
      },
    });
    expect(placed.status).toBeLessThan(300);
    const [units] = news();
    expect(units && cueOf(units)).toMatchObject({ kind: "deal", deal: { dealId, quantity: 10, remaining: 8 } });
  });

  it("gives a burst of 50 likes a single event with the count, and the next one 2 s later", async () => {
    const at = new Date();
    for (let i = 0; i < 50; i++) await Live.like(sessionId, `viewer-${i}`, at);
    expect(news()).toEqual([{ name: "likes", message: { type: "likes", count: 1 } }]);
    await Live.like(sessionId, "viewer-late", new Date(at.getTime() + 2100));
    expect(news()).toEqual([{ name: "likes", message: { type: "likes", count: 51 } }]);
  });

  it("each minute tells the room IVS's viewer count (keeping the peak), the likes and the deal's units left", async () => {
    await endOfflineLives();
    const minute = news();
    expect(minute.map((m) => m.message)).toEqual([
      { type: "viewers", count: 7 },
      { type: "likes", count: 51 },
      expect.objectContaining({ type: "cue" }),
    ]);
    expect(minute[2] && cueOf(minute[2])).toMatchObject({ kind: "deal", deal: { dealId, remaining: 8 } });
    expect((await SessionEntity.get({ sessionId }).go()).data?.peakViewers).toBe(7);
  });

  it("tells the stream's drop and the live's end (its deal closed with it), then deletes the room", async () => {
    await handler(fake.endStream(channelArn)[0]);
    expect(news()).toEqual([{ name: "stream", message: { type: "stream", state: "end" } }]);

    const endedAt = new Date();
    expect(await Live.endOffline(0, endedAt)).toContain(sessionId);
    const end = news();
    expect(end.map((m) => m.name)).toEqual(["cue", "ended"]);
    expect(end[0] && cueOf(end[0])).toMatchObject({ kind: "deal", deal: { dealId, endsAt: expect.any(String) } });
    expect(end[1]?.message).toEqual({ type: "ended" });

    // The room stays a minute, for the end to reach every page.
    expect(await Live.closeRooms(endedAt)).not.toContain(sessionId);
    expect(await Live.closeRooms(new Date(endedAt.getTime() + 61_000))).toContain(sessionId);
    expect(fake.rooms.has(room)).toBe(false);
    expect((await SessionEntity.get({ sessionId }).go()).data?.chatRoomArn).toBeUndefined();
  });

  it("relays nothing through the local chat provider, whose hub hears the video and the stream itself", async () => {
    const hub = new LiveHub();
    const ivsChat = chatProvider();
    useChatProvider(new LocalChatProvider(hub));
    try {
      expect(await tellRoom({ sessionId, chatRoomArn: room }, { type: "likes", count: 1 })).toBe(false);
      expect(await Live.closeRooms(new Date(Date.now() + 86_400_000))).toEqual([]);
      expect(await Live.tellAudience()).toEqual([]);
    } finally {
      useChatProvider(ivsChat);
      await hub.close();
    }
    expect(news()).toEqual([]);
  });
});
