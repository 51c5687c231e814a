import { describe, expect, it } from "vitest";
import { cueBytes, decodeChatMessage, decodeCue, decodeHubMessage, encodeCue, encodeHubMessage } from "./wire";

const user = { userId: "u1", name: "Khách ***123", role: "viewer" as const, moderator: false };

describe("cues: what the server encodes, every page decodes", () => {
  it("a pin, an unpin and a deal come back as written", () => {
    const pin = encodeCue({
      t: "pin",
      s: "s1",
      ms: 1200,
      p: { id: "p1", n: "Mật ong bạc hà", v: 180000, u: "chai", i: null, st: 4 },
    });
    expect(decodeCue(pin)).toEqual({
      kind: "pin",
      product: { productId: "p1", name: "Mật ong bạc hà", priceVnd: 180000, unit: "chai", image: null, stars: 4 },
    });
    expect(decodeCue(encodeCue({ t: "pin", s: "s1", ms: 0, p: null }))).toEqual({ kind: "pin", product: null });
    const deal = {
      id: "d1",
      p: "p1",
      v: 150000,
      q: 30,
      b: 2,
      from: "2026-12-01T12:00:00Z",
      to: "2026-12-01T12:05:00Z",
    };
    expect(decodeCue(encodeCue({ t: "deal", s: "s1", ms: 5, d: deal }))).toEqual({
      kind: "deal",
      deal: {
        dealId: "d1",
        productId: "p1",
        priceVnd: 150000,
        quantity: 30,
        perBuyer: 2,
        startsAt: deal.from,
        endsAt: deal.to,
      },
    });
  });

  it("a safety notice and its clearing come back as written; a blank notice reads as nothing", () => {
    const notice = "Sản phẩm không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh.";
    expect(decodeCue(encodeCue({ t: "notice", s: "x", ms: 1200, n: notice }))).toEqual({
      kind: "notice",
      text: notice,
    });
    expect(decodeCue(encodeCue({ t: "notice", s: "x", ms: 1300, n: null }))).toEqual({ kind: "notice", text: null });
    expect(decodeCue('{"t":"notice","n":"  "}')).toBeNull();
    expect(decodeCue('{"t":"notice","n":5}')).toBeNull();
  });

  it("counts bytes as UTF-8 does (Vietnamese letters take more than one)", () => {
    expect(cueBytes("ật")).toBe(Buffer.byteLength("ật"));
    expect(cueBytes("ật")).toBe(4);
  });

  it("reads nothing from a broken or unknown cue", () => {
    expect(decodeCue("[1]")).toBeNull();
    expect(decodeCue('{"t":"pin"}')).toBeNull();
    expect(decodeCue('{"t":"deal","d":{"id":"d1","p":"p1","v":1.5,"q":1,"b":1,"from":"a","to":"b"}}')).toBeNull();
  });
});

describe("hub messages", () => {
  it("a chat message the hub sends reads back with its reference", () => {
    const sent = encodeHubMessage({
      type: "chat",
      id: "m1",
      at: "2026-12-01T12:00:00Z",
      text: "<b>hi</b>",
      user,
      ref: 7,
    });
    expect(decodeHubMessage(sent)).toEqual({
      type: "chat",
      id: "m1",
      at: "2026-12-01T12:00:00Z",
      text: "<b>hi</b>",
      user,
      ref: 7,
    });
  });

  it("a hello fills what is missing with its default and drops what does not read", () => {
    const m = decodeHubMessage(JSON.stringify({ type: "hello", chat: [{ id: "x" }], cues: [{ text: "{}" }] }));
    expect(m).toEqual({
      type: "hello",
      status: "scheduled",
      // No count given (the IVS room's hello): the page keeps its own until the room's news.
      viewers: null,
      likes: 0,
      cues: [{ text: "{}", ts: null }],
      chatMaxLength: 200,
      pinId: null,
      deal: null,
      chat: [],
    });
  });

  it("an unknown role reads as a viewer, only `true` makes a moderator", () => {
    expect(
      decodeChatMessage({ id: "m", at: "t", text: "x", user: { ...user, role: "admin", moderator: "yes" } }),
    ).toEqual({
      id: "m",
      at: "t",
      text: "x",
      user: { ...user, role: "viewer", moderator: false },
    });
  });

  it("what a page has no use for reads as null", () => {
    expect(decodeHubMessage(encodeHubMessage({ type: "pong", t: 1 }))).toBeNull();
    expect(decodeHubMessage(encodeHubMessage({ type: "event", name: "like", attributes: {} }))).toBeNull();
    expect(decodeHubMessage(JSON.stringify({ type: "viewers", count: -1 }))).toBeNull();
  });
});
