import { describe, expect, it } from "vitest";
import { vietnamDay } from "./date";
import { fold, slugify, words } from "./fold";
import { lifecycle } from "./lifecycle";
import { formatVnd, Vnd } from "./money";

describe("folding Vietnamese for search", () => {
  it("drops diacritics and folds đ to d", () => {
    expect(fold("Nước mắm Phú Quốc")).toBe("nuoc mam phu quoc");
    expect(fold("ĐẶC SẢN Đà Lạt")).toBe("dac san da lat");
    expect(fold("Chè Shan Tuyết – Hà Giang")).toBe("che shan tuyet ha giang");
  });

  it("is the same for precomposed and combining forms", () => {
    expect(fold("Mắm".normalize("NFC"))).toBe(fold("Mắm".normalize("NFD")));
  });

  it("splits distinct words and makes slugs", () => {
    expect(words("Mật ong, mật ONG bạc hà")).toEqual(["mat", "ong", "bac", "ha"]);
    expect(slugify("Mật ong bạc hà")).toBe("mat-ong-bac-ha");
  });
});

describe("VND", () => {
  it("formats whole đồng the Vietnamese way", () => {
    expect(formatVnd(250000).replace(/\s/g, " ")).toBe("250.000 ₫");
    expect(formatVnd(1250000).replace(/\s/g, " ")).toBe("1.250.000 ₫");
  });

  it("accepts only whole, non-negative amounts", () => {
    expect(Vnd.safeParse(250000).success).toBe(true);
    expect(Vnd.safeParse(2500.5).success).toBe(false);
    expect(Vnd.safeParse(-1).success).toBe(false);
  });
});

describe("days in Vietnam", () => {
  it("is already tomorrow in Hà Nội at 18:00 UTC", () => {
    expect(vietnamDay(new Date("2026-11-23T18:00:00Z"))).toBe("2026-11-24");
    expect(vietnamDay(new Date("2026-11-23T16:59:59Z"))).toBe("2026-11-23");
  });
});

describe("lifecycle", () => {
  const door = lifecycle({ vi: "Cửa", en: "The door" }, { open: ["closed"], closed: ["open", "locked"], locked: [] });

  it("allows only the moves its table lists, and names both statuses when it refuses", () => {
    expect(door.can("open", "closed")).toBe(true);
    expect(door.move("closed", "locked")).toBe("locked");
    expect(door.can("open", "locked")).toBe(false);
    expect(() => door.move("locked", "open")).toThrow('The door cannot move from "locked" to "open".');
    expect(door.next("closed")).toEqual(["open", "locked"]);
    expect(door.final()).toEqual(["locked"]);
  });
});
