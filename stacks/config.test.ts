import { afterEach, describe, expect, it, vi } from "vitest";
import { ivsRegion, mailFrom, mailIdentities, recordingsBucketName, webCertificateArn, webOrigins } from "./config";

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

  it("serves WEB_DOMAIN only with WEB_CERTIFICATE_ARN, an ACM certificate in us-east-1 where CloudFront takes them", () => {
    const arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    vi.stubEnv("WEB_DOMAIN", "");
    vi.stubEnv("WEB_CERTIFICATE_ARN", arn);
    expect(webCertificateArn()).toBeUndefined();
    vi.stubEnv("WEB_DOMAIN", "cho-ocop.example.vn");
    expect(webCertificateArn()).toBe(arn);
    vi.stubEnv("WEB_CERTIFICATE_ARN", "");
    expect(() => webCertificateArn()).toThrow(/needs WEB_CERTIFICATE_ARN/);
    vi.stubEnv("WEB_CERTIFICATE_ARN", arn.replace("us-east-1", "ap-southeast-1"));
    expect(() => webCertificateArn()).toThrow(/not an ACM certificate in us-east-1/);
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

  it("puts live video in IVS_REGION, Tokyo by default, and refuses a region without IVS (such as the app's own)", () => {
    vi.stubEnv("IVS_REGION", "");
    expect(ivsRegion()).toBe("ap-northeast-1");
    vi.stubEnv("IVS_REGION", "ap-south-1");
    expect(ivsRegion()).toBe("ap-south-1");
    vi.stubEnv("IVS_REGION", "ap-southeast-1");
    expect(() => ivsRegion()).toThrow(/has no IVS/);
  });

  it("names the recordings bucket for the stage and account, in lower case as S3 wants", () => {
    expect(recordingsBucketName("Staging", "123456789012")).toBe("cho-ocop-staging-recordings-123456789012");
  });
});
