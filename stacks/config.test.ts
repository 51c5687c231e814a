import { afterEach, describe, expect, it, vi } from "vitest";
import { mailFrom, mailIdentities, webOrigins } from "./config";

afterEach(() => vi.unstubAllEnvs());

describe("deploy configuration", () => {
  it("sends mail as MAIL_FROM, else no-reply@WEB_DOMAIN, else no-reply@cho-ocop.vn", () => {
    vi.stubEnv("MAIL_FROM", "");
    vi.stubEnv("WEB_DOMAIN", "");
    expect(mailFrom()).toBe("no-reply@cho-ocop.vn");
    vi.stubEnv("WEB_DOMAIN", " cho-ocop.example.vn ");
    expect(mailFrom()).toBe("no-reply@cho-ocop.example.vn");
    vi.stubEnv("MAIL_FROM", "Chợ OCOP <thong-bao@cho-ocop.example.vn>");
    expect(mailFrom()).toBe("Chợ OCOP <thong-bao@cho-ocop.example.vn>");
  });

  it("authorises sending on the MAIL_FROM address and its domain, the two SES identities that can verify it", () => {
    expect(mailIdentities("no-reply@cho-ocop.vn")).toEqual(["no-reply@cho-ocop.vn", "cho-ocop.vn"]);
    expect(mailIdentities("Chợ OCOP <Thong-Bao@Mail.Cho-OCOP.vn>")).toEqual([
      "thong-bao@mail.cho-ocop.vn",
      "mail.cho-ocop.vn",
    ]);
    expect(() => mailIdentities("cho-ocop.vn")).toThrow(/not an e-mail address/);
    expect(() => mailIdentities("no-reply@")).toThrow(/not an e-mail address/);
  });

  it("allows localhost origins only outside prod", () => {
    vi.stubEnv("WEB_DOMAIN", "cho-ocop.example.vn");
    expect(webOrigins("prod")).toEqual(["https://cho-ocop.example.vn"]);
    expect(webOrigins("dev")).toEqual([
      "https://cho-ocop.example.vn",
      "http://localhost:3000",
      "http://localhost:5173",
    ]);
  });
});
