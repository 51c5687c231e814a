import { describe, expect, it } from "vitest";
import { words } from "../util/fold";
import { byRelevance, driver, matches, relevanceKey, terms } from "./relevance";

const card = (productId: string, name: string, stars: number, score: number, listedAt: string) => ({
  productId,
  name,
  stars,
  score,
  listedAt,
});

describe("relevance", () => {
  const honeyInName = card("a", "Mật ong bạc hà Hà Giang", 3, 55, "2026-01-01T00:00:00.000Z");
  const honeyTagged = card("b", "Quà Tết ba miền", 5, 95, "2026-06-01T00:00:00.000Z");
  const fiveStars = card("c", "Mật ong rừng U Minh", 5, 92, "2026-02-01T00:00:00.000Z");
  const fiveStarsHigher = card("d", "Mật ong hoa nhãn", 5, 96, "2025-02-01T00:00:00.000Z");
  const newer = card("e", "Mật ong hoa nhãn Hưng Yên", 5, 96, "2026-03-01T00:00:00.000Z");

  it("puts the word in the name first, then more stars, a higher score, the newer listing", () => {
    const shown = [honeyTagged, honeyInName, fiveStars, fiveStarsHigher, newer].sort(byRelevance("mat"));
    expect(shown.map((c) => c.productId)).toEqual(["e", "d", "c", "a", "b"]);
  });

  it("orders the index's keys as the ranking does, best key greatest", () => {
    const keys = [honeyTagged, honeyInName, fiveStars].map((c) => relevanceKey(c, "mat"));
    expect([...keys].sort().reverse()).toEqual(
      [fiveStars, honeyInName, honeyTagged].map((c) => relevanceKey(c, "mat")),
    );
  });

  it("ranks a product by the best of several words: in the name if one of them is", () => {
    expect(relevanceKey(honeyInName, ["mam", "mat"])).toBe(relevanceKey(honeyInName, "mat"));
    expect(relevanceKey(honeyInName, ["mam"])).not.toBe(relevanceKey(honeyInName, "mat"));
  });

  it("tells apart two products alike in everything but their id", () => {
    const twin = { ...newer, productId: "f" };
    expect(relevanceKey(twin, "mat")).not.toBe(relevanceKey(newer, "mat"));
  });
});

describe("matching", () => {
  const text = words("Nước mắm cá cơm Phú Quốc HTX Hải Đăng phu quoc").join(" ");

  it("folds Vietnamese: “mat” and “nuoc mam” are what “mật” and “nước mắm” become", () => {
    expect(words("Mật ong")).toEqual(["mat", "ong"]);
    expect(words("NƯỚC MẮM")).toEqual(["nuoc", "mam"]);
    expect(words("Đặc sản")).toEqual(["dac", "san"]);
  });

  it("takes every word but the last whole and the last as a prefix", () => {
    expect(terms(["nuoc", "ma"])).toEqual({ whole: ["nuoc"], last: "ma" });
    expect(matches({ whole: ["nuoc"], last: "ma" }, text)).toBe(true);
    expect(matches({ whole: ["nuo"], last: "mam" }, text)).toBe(false);
    expect(matches({ whole: ["ca", "com"], last: "phu" }, text)).toBe(true);
    expect(matches({ whole: ["nuoc"], last: "chen" }, text)).toBe(false);
  });

  it("has no terms for an empty search, and a repeated word counts once", () => {
    expect(terms([])).toBeUndefined();
    expect(terms(["mat", "ong", "ong", "mat"])).toEqual({ whole: ["ong"], last: "mat" });
  });

  it("reads the rarest whole word; a single word reads itself", () => {
    const counts = new Map([
      ["nuoc", 740],
      ["mam", 52],
      ["ca", 300],
    ]);
    expect(driver({ whole: ["nuoc", "mam"], last: "ca" }, counts)).toBe("mam");
    expect(driver({ whole: ["nuoc"], last: "mam" }, counts)).toBe("nuoc");
    expect(driver({ whole: [], last: "che" }, counts)).toBe("che");
    // A word without a counter has no listed product: reading it is cheap and rightly finds nothing.
    expect(driver({ whole: ["nuoc", "xyz"], last: "mam" }, counts)).toBe("xyz");
  });
});
