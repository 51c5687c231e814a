import { describe, expect, it } from "vitest";
import { cueNews, ROOM_EVENT_MAX_BYTES, roomEvent, roomEventBytes } from "./room";
import { cueBytes, decodeCue, decodeHubMessage, encodeCue } from "./wire";

const at = new Date("2026-12-01T12:00:00Z");

describe("news as an IVS Chat room event", () => {
  it("carries the video's cue text, the hub message in `body`, named for its type", () => {
    const cue = {
      t: "deal" as const,
      s: "s1",
      ms: 5,
      d: { id: "d1", p: "p1", v: 150000, q: 30, b: 2, from: "2026-12-01T12:00:00Z", to: "2026-12-01T12:05:00Z", r: 7 },
    };
    const event = roomEvent(cueNews(cue, at));
    expect(event.name).toBe("cue");
    const message = decodeHubMessage(event.attributes.body);
    expect(message).toEqual({ type: "cue", text: encodeCue(cue), ts: null });
    expect(decodeCue(encodeCue(cue))).toMatchObject({ kind: "deal", deal: { dealId: "d1", remaining: 7 } });
  });

  it("keeps within 1 KB a pin whose cue fits the video's 1 KB but not, escaped, the event's", () => {
    const p = {
      id: "p1",
      n: `Mật "ong" ${"bạc hà ".repeat(60)}`,
      v: 180000,
      u: "chai",
      i: `https://x/${"a".repeat(300)}`,
      st: 4,
    };
    const cue = { t: "pin" as const, s: "s1", ms: 1200, p };
    expect(cueBytes(encodeCue(cue))).toBeLessThanOrEqual(1024);
    const whole = { type: "cue" as const, text: encodeCue(cue), ts: null, at: at.toISOString() };
    expect(roomEventBytes(roomEvent(whole).attributes)).toBeGreaterThan(ROOM_EVENT_MAX_BYTES);
    const news = cueNews(cue, at);
    expect(roomEventBytes(roomEvent(news).attributes)).toBeLessThanOrEqual(ROOM_EVENT_MAX_BYTES);
    const text = news.type === "cue" ? news.text : "";
    expect(decodeCue(text)).toMatchObject({ kind: "pin", product: { productId: "p1", priceVnd: 180000, image: null } });
  });
});
