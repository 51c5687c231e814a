import { Banks } from "vietnam-qr-pay";
import { describe, expect, it } from "vitest";
import { VietQrBanks } from "./vietqr-banks";

const transfer = {
  bankBin: "970436",
  accountNumber: "1234567890",
  accountName: "CHO OCOP (TAI KHOAN THU NGHIEM)",
  amountVnd: 1_234_000,
  content: "DHAB12CD34",
  returnUrl: "https://cho-ocop.example.vn/don-hang/01JABCDEF",
};

describe("the list of bank apps", () => {
  it("names each app once, by a bank NAPAS knows", () => {
    const ids = VietQrBanks.APPS.map((a) => a.appId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const app of VietQrBanks.APPS) {
      expect(app.appId).toMatch(/^[a-z0-9-]+$/);
      expect(app.name.length).toBeGreaterThan(1);
      expect(Banks.some((b) => b.bin === app.bin)).toBe(true);
    }
    expect(VietQrBanks.APPS.length).toBeGreaterThan(VietQrBanks.FIRST);
  });

  it("knows the bank code of the collecting account by its BIN", () => {
    expect(VietQrBanks.bankCode("970436")).toBe("vcb");
    expect(VietQrBanks.bankCode("970415")).toBe("icb");
    expect(VietQrBanks.bankCode("999999")).toBeUndefined();
  });
});

describe("a bank-app deep link", () => {
  it("carries the app, our account at our bank, the amount and the content exactly, for every app", () => {
    const links = VietQrBanks.links(transfer);
    expect(links.map((l) => l.appId)).toEqual(VietQrBanks.APPS.map((a) => a.appId));
    for (const link of links) {
      const url = new URL(link.href);
      expect(url.origin + url.pathname).toBe("https://dl.vietqr.io/pay");
      expect(url.searchParams.get("app")).toBe(link.appId);
      expect(url.searchParams.get("ba")).toBe("1234567890@vcb");
      expect(url.searchParams.get("am")).toBe("1234000");
      expect(url.searchParams.get("tn")).toBe("DHAB12CD34");
      expect(url.searchParams.get("bn")).toBe("CHO OCOP (TAI KHOAN THU NGHIEM)");
      expect(url.searchParams.get("url")).toBe(transfer.returnUrl);
      // The service reads `@` and the return URL as written, not percent-encoded.
      expect(link.href).toContain("&ba=1234567890@vcb");
      expect(link.href).toContain(`&url=${transfer.returnUrl}`);
      expect(link.href).not.toMatch(/\s/);
    }
  });

  it("encodes a content with spaces and a return address with its own query so neither breaks the link", () => {
    const href = VietQrBanks.deepLink("mb", {
      ...transfer,
      content: "DH 12 & co",
      returnUrl: "https://x.vn/a?b=1&c=2",
    });
    const url = new URL(href ?? "");
    expect(url.searchParams.get("tn")).toBe("DH 12 & co");
    expect(url.searchParams.get("url")).toBe("https://x.vn/a?b=1&c=2");
    expect(url.searchParams.get("am")).toBe("1234000");
  });

  it("is not made for a bank without a known code, or an amount that is not a whole positive number of đồng", () => {
    expect(VietQrBanks.links({ ...transfer, bankBin: "999999" })).toEqual([]);
    expect(VietQrBanks.deepLink("mb", { ...transfer, amountVnd: 0 })).toBeUndefined();
    expect(VietQrBanks.deepLink("mb", { ...transfer, amountVnd: 10.5 })).toBeUndefined();
  });

  it("leaves out the optional name and return address when not given", () => {
    const href = VietQrBanks.deepLink("vcb", {
      bankBin: "970422",
      accountNumber: "0001",
      amountVnd: 5000,
      content: "DHX",
    });
    expect(href).toBe("https://dl.vietqr.io/pay?app=vcb&am=5000&tn=DHX&ba=0001@mb");
  });
});
