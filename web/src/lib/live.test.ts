import { decodeCue as readCue, decodeHubMessage as readHubMessage } from "@cho-ocop/core/live/wire";
import { describe, expect, it } from "vitest";
import {
  appendChat,
  type ChatMessage,
  CUE_MAX_LATE_MS,
  cameraConstraints,
  chatBadge,
  chatLength,
  chatProblem,
  checkDeal,
  cueDue,
  dealPhase,
  endDeal,
  formatClock,
  freshDeal,
  type HubDeal,
  type HubMessage,
  isoToVietnamLocal,
  maskKey,
  mergeChat,
  type RoomState,
  recorderType,
  reduceRoom,
  vietnamLocalToIso,
} from "./live";

describe("cueDue: a pinned card appears with the frame it was pinned on", () => {
  const cue = { ts: 12_000, receivedAt: 1_000 };
  it("waits while the frame on screen is before the cue", () => {
    expect(cueDue(cue, { baseTs: 10_000, currentTime: 1.5 }, 1_200)).toBe(false);
  });
  it("is due once base + currentTime × 1000 reaches the cue's stream time", () => {
    expect(cueDue(cue, { baseTs: 10_000, currentTime: 2 }, 1_200)).toBe(true);
    expect(cueDue(cue, { baseTs: 10_000, currentTime: 2.4 }, 1_200)).toBe(true);
  });
  it("is never more than CUE_MAX_LATE_MS late (well under a second): a stalled player or an unknown base still shows it", () => {
    expect(CUE_MAX_LATE_MS).toBeLessThanOrEqual(800);
    const late = 1_000 + CUE_MAX_LATE_MS;
    expect(cueDue(cue, { baseTs: 0, currentTime: 0 }, late - 1)).toBe(false);
    expect(cueDue(cue, { baseTs: 0, currentTime: 0 }, late)).toBe(true);
    expect(cueDue(cue, { baseTs: null, currentTime: 5 }, late - 200)).toBe(false);
    expect(cueDue(cue, null, late)).toBe(true);
  });
  it("shows a cue without a stream time at once", () => {
    expect(cueDue({ ts: null, receivedAt: 1_000 }, null, 1_000)).toBe(true);
  });
});

describe("formatClock and dealPhase: the deal badge's countdown", () => {
  it("writes mm:ss, rounding up, never negative", () => {
    expect(formatClock(65_000)).toBe("01:05");
    expect(formatClock(64_001)).toBe("01:05");
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(-500)).toBe("00:00");
    expect(formatClock(3_725_000)).toBe("1:02:05");
  });
  const deal = { startsAt: "2026-01-01T10:00:30Z", endsAt: "2026-01-01T10:05:30Z", remaining: 5 };
  const at = (iso: string) => Date.parse(iso);
  it("counts down to the start, then down to the end", () => {
    expect(dealPhase(deal, at("2026-01-01T10:00:00Z"))).toEqual({ phase: "countdown", msLeft: 30_000 });
    expect(dealPhase(deal, at("2026-01-01T10:01:30Z"))).toEqual({ phase: "running", msLeft: 240_000 });
  });
  it("is over at its end, and sold out when no unit is left", () => {
    expect(dealPhase(deal, at("2026-01-01T10:05:30Z"))).toEqual({ phase: "ended" });
    expect(dealPhase({ ...deal, remaining: 0 }, at("2026-01-01T10:01:00Z"))).toEqual({ phase: "soldOut" });
    expect(dealPhase({ ...deal, startsAt: "nonsense" }, 0)).toEqual({ phase: "ended" });
  });
});

describe("chatProblem: what the chat box refuses before sending", () => {
  it("refuses empty and blank messages", () => {
    expect(chatProblem("")).toBe("empty");
    expect(chatProblem("   \n ")).toBe("empty");
  });
  it("counts characters as people do (emoji are one) up to the limit", () => {
    expect(chatLength("Ngon quá 😋")).toBe(10);
    expect(chatProblem("a".repeat(200))).toBeNull();
    expect(chatProblem("a".repeat(201))).toBe("tooLong");
    expect(chatProblem("😋".repeat(200))).toBeNull();
    expect(chatProblem("xin chào", 5)).toBe("tooLong");
  });
});

describe("readCue: the pin and deal cues the seller's actions put in the stream", () => {
  it("reads a pin, an unpin and a deal", () => {
    expect(
      readCue(
        '{"t":"pin","s":"x","ms":1,"p":{"id":"p1","n":"Chè Shan Tuyết","v":250000,"u":"hộp","i":"/m.svg","st":5}}',
      ),
    ).toEqual({
      kind: "pin",
      product: { productId: "p1", name: "Chè Shan Tuyết", priceVnd: 250000, unit: "hộp", image: "/m.svg", stars: 5 },
    });
    expect(readCue('{"t":"pin","p":null}')).toEqual({ kind: "pin", product: null });
    expect(
      readCue('{"t":"deal","d":{"id":"d1","p":"p1","v":199000,"q":20,"b":2,"from":"2026-01-01T00:00:00Z","to":"x"}}'),
    ).toEqual({
      kind: "deal",
      deal: {
        dealId: "d1",
        productId: "p1",
        priceVnd: 199000,
        quantity: 20,
        perBuyer: 2,
        startsAt: "2026-01-01T00:00:00Z",
        endsAt: "x",
      },
    });
  });
  it("ignores anything malformed", () => {
    expect(readCue("not json")).toBeNull();
    expect(readCue('{"t":"pin","p":{"id":"p1"}}')).toBeNull();
    expect(readCue('{"t":"deal","d":{"id":"d1","v":-5}}')).toBeNull();
    expect(readCue('{"t":"other"}')).toBeNull();
  });
});

describe("readHubMessage", () => {
  it("reads chat with its user, and keeps the text as text", () => {
    const m = readHubMessage(
      JSON.stringify({
        type: "chat",
        id: "m1",
        at: "2026-01-01T00:00:00Z",
        text: "<img src=x onerror=alert(1)>",
        user: { userId: "u", name: "Lan", moderator: false },
      }),
    );
    expect(m).toMatchObject({ type: "chat", text: "<img src=x onerror=alert(1)>", user: { name: "Lan" } });
  });
  it("reads hello with its cues and the chat limit", () => {
    expect(
      readHubMessage(
        JSON.stringify({ type: "hello", status: "live", viewers: 3, likes: 7, cues: [{ text: "{}", ts: 5 }, 4] }),
      ),
    ).toEqual({
      type: "hello",
      status: "live",
      viewers: 3,
      likes: 7,
      cues: [{ text: "{}", ts: 5 }],
      chatMaxLength: 200,
      pinId: null,
      deal: null,
      chat: [],
    });
    const deal = {
      dealId: "d",
      productId: "p",
      priceVnd: 1000,
      quantity: 5,
      remaining: 4,
      perBuyer: 1,
      startsAt: "a",
      endsAt: "b",
    };
    expect(readHubMessage(JSON.stringify({ type: "hello", pin: { productId: "p" }, deal }))).toMatchObject({
      pinId: "p",
      deal,
    });
  });
  it("gives null for what it does not know", () => {
    expect(readHubMessage("{")).toBeNull();
    expect(readHubMessage(JSON.stringify({ type: "chat", id: 1 }))).toBeNull();
    expect(readHubMessage(JSON.stringify({ type: "nope" }))).toBeNull();
    expect(readHubMessage(new ArrayBuffer(2))).toBeNull();
  });
});

describe("appendChat", () => {
  it("keeps the newest messages and no duplicates", () => {
    let list: { id: string }[] = [];
    for (let i = 0; i < 5; i++) list = appendChat(list, { id: String(i) }, 3);
    expect(list.map((m) => m.id)).toEqual(["2", "3", "4"]);
    expect(appendChat(list, { id: "4" }, 3).map((m) => m.id)).toEqual(["2", "3", "4"]);
  });
});

describe("schedule times are Vietnam time", () => {
  it("reads a datetime-local value as +07:00", () => {
    expect(vietnamLocalToIso("2026-12-01T19:30")).toBe("2026-12-01T19:30:00+07:00");
    expect(vietnamLocalToIso("2026-12-01")).toBeNull();
    expect(vietnamLocalToIso("2026-13-45T99:99")).toBeNull();
  });
  it("writes an instant as the Vietnamese wall clock", () => {
    expect(isoToVietnamLocal(new Date("2026-12-01T12:30:00Z"))).toBe("2026-12-01T19:30");
  });
});

describe("checkDeal: the deal form has the API's limits", () => {
  const good = { priceVnd: "199.000", quantity: "20", perBuyer: "2", countdownSeconds: "10", durationMinutes: "5" };
  it("accepts a deal within every limit", () => {
    expect(checkDeal(good, 250_000)).toEqual({
      ok: true,
      value: { priceVnd: 199_000, quantity: 20, perBuyer: 2, countdownSeconds: 10, durationMinutes: 5 },
    });
  });
  it("names each field out of its limits", () => {
    const result = checkDeal(
      { priceVnd: "250000", quantity: "0", perBuyer: "3", countdownSeconds: "5", durationMinutes: "21" },
      250_000,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        priceVnd: "priceRange",
        quantity: "quantityRange",
        countdownSeconds: "countdown",
        durationMinutes: "duration",
      },
    });
    expect(checkDeal({ ...good, perBuyer: "21" }, 250_000)).toEqual({
      ok: false,
      errors: { perBuyer: "perBuyerRange" },
    });
    expect(checkDeal({ ...good, priceVnd: "abc", countdownSeconds: "301" }, 250_000)).toEqual({
      ok: false,
      errors: { priceVnd: "number", countdownSeconds: "countdown" },
    });
  });
});

describe("recorderType and maskKey", () => {
  it("prefers H.264 in Matroska (ffmpeg copies it), then VP8/VP9 WebM", () => {
    expect(recorderType(() => true)).toBe("video/x-matroska;codecs=avc1,opus");
    expect(recorderType((t) => t.startsWith("video/webm;codecs=vp8"))).toBe("video/webm;codecs=vp8,opus");
    expect(recorderType(() => false)).toBeNull();
  });
  it("hides a stream key but its last four characters", () => {
    expect(maskKey("sk_0123456789abcdef_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")).toBe(`${"•".repeat(16)}2345`);
    expect(maskKey("abc")).toBe("••••");
  });
});

describe("the live room, as the seller's desk and the viewers' pages keep it", () => {
  const NOW = Date.parse("2026-12-01T12:00:00.000Z");
  const shop: ChatMessage["user"] = { userId: "s1", name: "HTX Tinh Dầu Hồi", role: "seller", moderator: true };
  const guest: ChatMessage["user"] = { userId: "v1", name: "Khách ***333", role: "viewer", moderator: false };
  const said = (id: string, second: number, user = guest): ChatMessage => ({
    id,
    at: new Date(NOW - 60_000 + second * 1000).toISOString(),
    text: `tin ${id}`,
    user,
  });
  const deal: HubDeal = {
    dealId: "d1",
    productId: "p1",
    priceVnd: 120_000,
    quantity: 10,
    remaining: 10,
    perBuyer: 2,
    startsAt: new Date(NOW - 30_000).toISOString(),
    endsAt: new Date(NOW + 240_000).toISOString(),
  };
  const empty: RoomState = { status: "live", viewers: null, likes: 0, pinId: null, deal: null, messages: [] };
  type Hello = Extract<HubMessage, { type: "hello" }>;
  const hello = (over: Partial<Hello> = {}): Hello => ({
    type: "hello",
    status: "live",
    viewers: 3,
    likes: 7,
    cues: [],
    chatMaxLength: 200,
    pinId: "p1",
    deal,
    chat: [said("a", 1), said("b", 2, shop), said("c", 3)],
    ...over,
  });

  it("shows a late joiner the recent chat, the pin, the deal and the one viewer count at once", () => {
    const room = reduceRoom(empty, hello(), NOW);
    expect(room.messages.map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(room).toMatchObject({ viewers: 3, likes: 7, pinId: "p1", deal: { remaining: 10 } });
    expect(reduceRoom(room, { type: "viewers", count: 4 }, NOW).viewers).toBe(4);
  });

  it("on a reconnect adds what it missed, each message once, in the order said", () => {
    const before = { ...empty, messages: [said("a", 1), said("c", 3)] };
    const room = reduceRoom(before, hello({ chat: [said("a", 1), said("b", 2), said("c", 3), said("d", 4)] }), NOW);
    expect(room.messages.map((m) => m.id)).toEqual(["a", "b", "c", "d"]);
    expect(mergeChat([said("x", 9)], [said("y", 1), said("x", 9)], 1).map((m) => m.id)).toEqual(["x"]);
  });

  it("adds chat as it comes and drops a deleted message", () => {
    let room = reduceRoom(empty, { type: "chat", ...said("a", 1), ref: 1 }, NOW);
    room = reduceRoom(room, { type: "chat", ...said("a", 1) }, NOW);
    expect(room.messages).toEqual([said("a", 1)]);
    expect(reduceRoom(room, { type: "delete", id: "a" }, NOW).messages).toEqual([]);
  });

  it("labels the shop's messages as the shop, staff as staff, and viewers not at all", () => {
    expect(chatBadge(shop)).toBe("shop");
    expect(chatBadge({ role: "staff" })).toBe("staff");
    expect(chatBadge(guest)).toBeNull();
  });

  it("reads the recent chat and each author's role from the hub's hello, never trusting an unknown role", () => {
    const m = readHubMessage(
      JSON.stringify({
        type: "hello",
        status: "live",
        viewers: 2,
        likes: 0,
        cues: [],
        chat: [
          { id: "a", at: "2026-12-01T11:59:00.000Z", text: "chào", user: { ...shop } },
          { id: "b", at: "2026-12-01T11:59:01.000Z", text: "hi", user: { ...guest, role: "owner" } },
          { id: "c", text: "no time" },
        ],
      }),
    );
    expect(m?.type === "hello" && m.chat.map((c) => [c.id, c.user.role])).toEqual([
      ["a", "seller"],
      ["b", "viewer"],
    ]);
  });

  it("ends the deal and takes the pin down when the live ends, so no banner stays mid-countdown", () => {
    const live = reduceRoom(empty, hello(), NOW);
    const ended = reduceRoom(live, { type: "ended" }, NOW + 5_000);
    expect(ended.status).toBe("ended");
    expect(ended.pinId).toBeNull();
    expect(ended.deal?.endsAt).toBe(new Date(NOW + 5_000).toISOString());
    expect(dealPhase(ended.deal as HubDeal, NOW + 5_000)).toEqual({ phase: "ended" });
    // A page opened after the end shows it ended as well.
    const late = reduceRoom(empty, hello({ status: "ended" }), NOW + 9_000);
    expect(late.pinId).toBeNull();
    expect(dealPhase(late.deal as HubDeal, NOW + 9_000).phase).toBe("ended");
    // An ended deal keeps its own end.
    const over = { ...deal, endsAt: new Date(NOW - 1000).toISOString() };
    expect(endDeal(over, NOW)).toBe(over);
  });

  it("takes units left from the API for the deal shown, not for one it replaced", () => {
    const sold = { ...deal, remaining: 9 };
    expect(freshDeal(deal, sold)?.remaining).toBe(9);
    expect(freshDeal({ ...deal, dealId: "d2" }, sold)?.dealId).toBe("d2");
    expect(freshDeal(null, sold)).toBeNull();
  });
});

describe("cameraConstraints: the seller's phone streams portrait", () => {
  it("asks a phone held upright for 720×1280 (9:16), cut to that shape", () => {
    expect(cameraConstraints("user", true)).toMatchObject({
      facingMode: "user",
      width: { ideal: 720 },
      height: { ideal: 1280 },
      aspectRatio: { ideal: 9 / 16 },
      resizeMode: "crop-and-scale",
    });
  });
  it("asks a computer's webcam for landscape 1280×720", () => {
    expect(cameraConstraints("environment", false)).toMatchObject({
      facingMode: "environment",
      width: { ideal: 1280 },
      height: { ideal: 720 },
      aspectRatio: { ideal: 16 / 9 },
    });
  });
});
