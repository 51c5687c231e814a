import { describe, expect, it } from "vitest";
import {
  appendChat,
  CUE_MAX_LATE_MS,
  chatLength,
  chatProblem,
  checkDeal,
  cueDue,
  dealPhase,
  formatClock,
  isoToVietnamLocal,
  maskKey,
  readCue,
  readHubMessage,
  recorderType,
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
