import { beforeEach, describe, expect, it, vi } from "vitest";

describe("language choice", () => {
  beforeEach(() => {
    localStorage.clear();
    vi.resetModules();
  });

  it("starts in Vietnamese, remembers English and sets <html lang>", async () => {
    const i18n = await import("./index");
    expect(i18n.locale()).toBe("vi");
    expect(i18n.t("nav.home")).toBe("Trang chủ");
    i18n.setLocale("en");
    expect(i18n.t("nav.home")).toBe("Home");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem(i18n.STORAGE_KEY)).toBe("en");

    vi.resetModules();
    const again = await import("./index");
    expect(again.locale()).toBe("en");
  });

  it("ignores a stored value that is not a language", async () => {
    localStorage.setItem("cho-ocop.lang", "klingon");
    const i18n = await import("./index");
    expect(i18n.locale()).toBe("vi");
  });
});
