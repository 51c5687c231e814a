import { describe, expect, it } from "vitest";
import {
  bandOf,
  checkFile,
  formatBytes,
  formatPhone,
  formatShare,
  formatVndInput,
  isEmail,
  isPdf,
  isVnMobile,
  levelForStars,
  mediaUrl,
  normalizePhone,
  parseTags,
  parseVnd,
  readScore,
  safeNext,
  scoreTotal,
  slugify,
  starsForTotal,
} from "./ocop";

describe("score total and its star band (Decision 148)", () => {
  it("adds A, B and C", () => {
    expect(scoreTotal({ a: 30, b: 18, c: 27 })).toBe(75);
  });

  it("puts each total in its band, edges included", () => {
    expect(starsForTotal(100)).toBe(5);
    expect(starsForTotal(90)).toBe(5);
    expect(starsForTotal(89)).toBe(4);
    expect(starsForTotal(70)).toBe(4);
    expect(starsForTotal(69)).toBe(3);
    expect(starsForTotal(50)).toBe(3);
    expect(starsForTotal(49)).toBe(2);
    expect(starsForTotal(30)).toBe(2);
    expect(starsForTotal(29)).toBe(1);
    expect(starsForTotal(0)).toBe(1);
  });

  it("gives the range of each band", () => {
    expect(bandOf(5)).toEqual({ min: 90, max: 100 });
    expect(bandOf(4)).toEqual({ min: 70, max: 89 });
    expect(bandOf(3)).toEqual({ min: 50, max: 69 });
  });

  it("certifies 3★ and 4★ at province level, 5★ at central level (Decision 1489)", () => {
    expect(levelForStars(3)).toBe("province");
    expect(levelForStars(4)).toBe("province");
    expect(levelForStars(5)).toBe("central");
  });

  it("reads the three score inputs", () => {
    expect(readScore({ a: "", b: " ", c: "" })).toEqual({ state: "empty" });
    expect(readScore({ a: "30", b: "", c: "" })).toEqual({ state: "partial" });
    expect(readScore({ a: "41", b: "20", c: "30" })).toEqual({ state: "invalid", part: "a" });
    expect(readScore({ a: "30", b: "2.5", c: "30" })).toEqual({ state: "invalid", part: "b" });
    expect(readScore({ a: "30", b: "20", c: "-1" })).toEqual({ state: "invalid", part: "c" });
    expect(readScore({ a: "38", b: "23", c: "33" })).toEqual({
      state: "complete",
      score: { a: 38, b: 23, c: 33 },
      total: 94,
      stars: 5,
    });
  });
});

describe("VND input", () => {
  it("reads prices written the Vietnamese way", () => {
    expect(parseVnd("150000")).toEqual({ ok: true, value: 150000 });
    expect(parseVnd("150.000")).toEqual({ ok: true, value: 150000 });
    expect(parseVnd(" 1.250.000 đ ")).toEqual({ ok: true, value: 1250000 });
    expect(parseVnd("150.000₫")).toEqual({ ok: true, value: 150000 });
    expect(parseVnd("150 000 VND")).toEqual({ ok: true, value: 150000 });
    expect(parseVnd("1,250,000")).toEqual({ ok: true, value: 1250000 });
  });

  it("refuses fractions, words and amounts over the cap", () => {
    expect(parseVnd("")).toEqual({ ok: false, reason: "empty" });
    expect(parseVnd("150,5")).toEqual({ ok: false, reason: "fraction" });
    expect(parseVnd("12.5")).toEqual({ ok: false, reason: "fraction" });
    expect(parseVnd("abc")).toEqual({ ok: false, reason: "invalid" });
    expect(parseVnd("-5000")).toEqual({ ok: false, reason: "invalid" });
    expect(parseVnd("1.50.000")).toEqual({ ok: false, reason: "invalid" });
    expect(parseVnd("99999999999")).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("writes an amount back with thousands dots", () => {
    expect(formatVndInput(150000)).toBe("150.000");
    expect(formatVndInput(1250000)).toBe("1.250.000");
    expect(formatVndInput(999)).toBe("999");
    expect(parseVnd(formatVndInput(8_500_000))).toEqual({ ok: true, value: 8_500_000 });
  });
});

describe("phone numbers", () => {
  it("normalises +84, spaces, dots and dashes", () => {
    expect(normalizePhone("+84 912 000 101")).toBe("0912000101");
    expect(normalizePhone("84912000101")).toBe("0912000101");
    expect(normalizePhone("0912.000-101")).toBe("0912000101");
    expect(normalizePhone("(0912) 000 101")).toBe("0912000101");
  });

  it("accepts mobile prefixes only", () => {
    expect(isVnMobile("0912 000 101")).toBe(true);
    expect(isVnMobile("0336000104")).toBe(true);
    expect(isVnMobile("0212345678")).toBe(false);
    expect(isVnMobile("12345")).toBe(false);
    expect(isVnMobile("09120001011")).toBe(false);
  });

  it("shows a number in groups 4-3-3", () => {
    expect(formatPhone("0912000101")).toBe("0912 000 101");
    expect(formatPhone("+84975000105")).toBe("0975 000 105");
    expect(formatPhone("123")).toBe("123");
  });

  it("recognises an e-mail address", () => {
    expect(isEmail("lan@example.vn")).toBe(true);
    expect(isEmail("x@")).toBe(false);
    expect(isEmail("a b@c.vn")).toBe(false);
  });
});

describe("file checks before upload", () => {
  const MB = 1024 * 1024;
  it("takes JPEG, PNG and WebP photos up to 5 MB", () => {
    expect(checkFile({ type: "image/jpeg", size: 200_000 }, "product-image")).toBeNull();
    expect(checkFile({ type: "image/webp", size: 5 * MB }, "product-image")).toBeNull();
    expect(checkFile({ type: "image/png", size: 5 * MB + 1 }, "product-image")).toEqual({ code: "size", maxMb: 5 });
    expect(checkFile({ type: "image/gif", size: 100 }, "product-image")).toEqual({
      code: "type",
      accepted: "JPEG, PNG, WebP",
    });
    expect(checkFile({ type: "application/pdf", size: 100 }, "producer-photo")?.code).toBe("type");
    expect(checkFile({ type: "image/png", size: 0 }, "product-image")).toEqual({ code: "empty" });
  });

  it("takes certificate scans as images or PDF up to 10 MB", () => {
    expect(checkFile({ type: "application/pdf", size: 9 * MB }, "certificate-scan")).toBeNull();
    expect(checkFile({ type: "application/pdf", size: 11 * MB }, "certificate-scan")).toEqual({
      code: "size",
      maxMb: 10,
    });
    expect(checkFile({ type: "", size: 100 }, "certificate-scan")?.code).toBe("type");
  });

  it("shows sizes for people", () => {
    expect(formatBytes(1_258_291)).toBe("1,2 MB");
    expect(formatBytes(830 * 1024)).toBe("830 KB");
    expect(formatBytes(10)).toBe("1 KB");
  });
});

describe("small helpers", () => {
  it("reads tags typed with commas, without repeats or stray marks", () => {
    expect(parseTags("đặc sản, quà Tết , , #trà; Đặc sản\nx")).toEqual(["đặc sản", "quà Tết", "trà"]);
    expect(parseTags("")).toEqual([]);
  });

  it("only comes back to a path of this site after signing in", () => {
    expect(safeNext("/ban-hang/san-pham/abc")).toBe("/ban-hang/san-pham/abc");
    expect(safeNext("/quan-tri?status=pending")).toBe("/quan-tri?status=pending");
    expect(safeNext("//evil.example")).toBeUndefined();
    expect(safeNext("/\\evil.example")).toBeUndefined();
    expect(safeNext("https://evil.example")).toBeUndefined();
    expect(safeNext("/dang-nhap?next=/x")).toBeUndefined();
    expect(safeNext(null)).toBeUndefined();
  });

  it("turns storage keys into URLs and recognises PDFs by their path", () => {
    expect(mediaUrl("media/products/p/1.jpg")).toBe("/media/products/p/1.jpg");
    expect(mediaUrl("/media/x.svg")).toBe("/media/x.svg");
    expect(mediaUrl("blob:http://x/1")).toBe("blob:http://x/1");
    expect(isPdf("/local-files/private/certificates/p/a.pdf?expires=1&signature=x")).toBe(true);
    expect(isPdf("https://bucket.s3.amazonaws.com/private/a.png?X-Amz-Signature=pdf")).toBe(false);
  });
});

describe("figures and ids", () => {
  it("writes shares the way the programme's reports do", () => {
    expect(formatShare(65.9)).toBe("65,9%");
    expect(formatShare(33.3)).toBe("33,3%");
    expect(formatShare(100)).toBe("100%");
    expect(formatShare(0.7)).toBe("0,7%");
  });

  it("makes a collection id from a Vietnamese title", () => {
    expect(slugify("Đặc sản Tây Bắc")).toBe("dac-san-tay-bac");
    expect(slugify("  Quà Tết 2027!  ")).toBe("qua-tet-2027");
    expect(slugify("Nước mắm, mắm tôm & mắm cá — ba miền Bắc Trung Nam")).toHaveLength(40);
    expect(slugify("Nước mắm, mắm tôm & mắm cá — ba miền Bắc Trung Nam")).not.toMatch(/-$/);
  });
});
