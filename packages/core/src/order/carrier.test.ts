import { describe, expect, it } from "vitest";
import { Carrier } from "./carrier";

describe("recognising the carrier a seller typed", () => {
  it("knows the names sellers write, with or without diacritics, and the suggested ones", () => {
    const id = (name: string) => Carrier.recognise(name)?.id;
    expect(id("Giao Hàng Nhanh (GHN)")).toBe("ghn");
    expect(id("giao hang nhanh")).toBe("ghn");
    expect(id("GHN")).toBe("ghn");
    expect(id("Giao Hàng Tiết Kiệm (GHTK)")).toBe("ghtk");
    expect(id("Viettel Post")).toBe("viettelpost");
    expect(id("ViettelPost")).toBe("viettelpost");
    expect(id("VNPost")).toBe("vnpost");
    expect(id("Bưu điện Việt Nam")).toBe("vnpost");
    expect(id("J&T Express")).toBe("jt");
    expect(id("SPX Express")).toBe("spx");
    expect(id("Shopee Express")).toBe("spx");
    expect(id("Ninja Van")).toBe("ninjavan");
    expect(id("Best Express")).toBe("best");
    for (const c of Carrier.KNOWN) expect(Carrier.recognise(c.name)?.id).toBe(c.id);
  });

  it("does not guess: a carrier it does not know, or a word that only contains a short name, is unknown", () => {
    expect(Carrier.recognise("Xe khách Hoàng Long")).toBeUndefined();
    expect(Carrier.recognise("Tự giao")).toBeUndefined();
    expect(Carrier.recognise("Bestway")).toBeUndefined();
    expect(Carrier.recognise("")).toBeUndefined();
    expect(Carrier.recognise(null)).toBeUndefined();
  });
});

describe("a parcel's tracking page", () => {
  it("is the carrier's public page with the tracking number in it", () => {
    expect(Carrier.trackingUrl("Giao Hàng Nhanh (GHN)", "GHN98765")).toBe(
      "https://donhang.ghn.vn/?order_code=GHN98765",
    );
    expect(Carrier.trackingUrl("GHTK", "S12345678")).toBe("https://i.ghtk.vn/S12345678");
    expect(Carrier.trackingUrl("J&T Express", "862350452337")).toBe(
      "https://jtexpress.vn/vi/tracking?type=track&billcode=862350452337",
    );
    for (const c of Carrier.KNOWN) {
      const url = new URL(Carrier.trackingUrl(c.name, "AB-123456") ?? "");
      expect(url.protocol).toBe("https:");
      expect(url.href).toContain("AB-123456");
    }
  });

  it("is none for an unknown carrier or a missing number", () => {
    expect(Carrier.trackingUrl("Xe khách Hoàng Long", "XK123456")).toBeUndefined();
    expect(Carrier.trackingUrl("GHN", "")).toBeUndefined();
    expect(Carrier.trackingUrl(undefined, "GHN98765")).toBeUndefined();
  });
});
