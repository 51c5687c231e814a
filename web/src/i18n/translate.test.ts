import { describe, expect, it } from "vitest";
import { en, vi } from "./dict";
import { isLocale, type Locale, translate } from "./translate";

describe("translate", () => {
  it("speaks Vietnamese first", () => {
    expect(translate("vi", "nav.catalog")).toBe("Sản phẩm");
    expect(translate("en", "nav.catalog")).toBe("Products");
  });

  it("falls back to Vietnamese when English lacks a key", () => {
    expect(en["price.perUnit"]).toBeUndefined();
    expect(translate("en", "price.perUnit", { unit: "hộp 200g" })).toBe("/ hộp 200g");
  });

  it("falls back to Vietnamese for an unknown language", () => {
    expect(translate("fr" as Locale, "nav.home")).toBe("Trang chủ");
  });

  it("fills in parameters, writing numbers the way of each language", () => {
    expect(translate("vi", "common.products", { n: 1234 })).toBe("1.234 sản phẩm");
    expect(translate("en", "common.products", { n: 1234 })).toBe("1,234 products");
    expect(translate("en", "catalog.searchTitle", { q: "nuoc mam" })).toBe("Results for “nuoc mam”");
  });

  it("uses the singular form in English when n is 1", () => {
    expect(translate("en", "common.products", { n: 1 })).toBe("1 product");
    expect(translate("en", "common.products", { n: 2 })).toBe("2 products");
    expect(translate("vi", "common.products", { n: 1 })).toBe("1 sản phẩm");
  });

  it("has no English entry that is not a Vietnamese key", () => {
    const keys = new Set(Object.keys(vi));
    const stray = Object.keys(en).filter((k) => !keys.has(k.replace(/_one$/, "")));
    expect(stray).toEqual([]);
  });

  it("knows its languages", () => {
    expect(isLocale("vi")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
  });
});
