import { describe, expect, it } from "vitest";
import { Certificate } from "./index";

const base = {
  stars: 4,
  decisionNumber: "1520/QĐ-UBND",
  decisionDate: "2024-03-15",
  issuer: "UBND tỉnh Sơn La",
  level: "province",
} as const;

describe("star bands (Decision 148)", () => {
  it.each([
    [100, 5],
    [90, 5],
    [89, 4],
    [70, 4],
    [69, 3],
    [50, 3],
    [49, 2],
    [30, 2],
    [29, 1],
    [0, 1],
  ])("a total of %i points is %i★", (total, stars) => {
    expect(Certificate.starsFor(total)).toBe(stars);
  });

  it("accepts a score inside the certificate's band", () => {
    const parsed = Certificate.Input.safeParse({ ...base, score: { a: 32, b: 18, c: 28 } });
    expect(parsed.success).toBe(true);
  });

  it("rejects a 4★ certificate whose score is 5★ territory, naming the score", () => {
    const parsed = Certificate.Input.safeParse({ ...base, score: { a: 40, b: 25, c: 30 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["score"]);
    expect(parsed.error?.issues[0]?.message).toContain("5★");
  });

  it("rejects parts above their maximum (A 40, B 25, C 35)", () => {
    expect(Certificate.Input.safeParse({ ...base, score: { a: 41, b: 10, c: 25 } }).success).toBe(false);
    expect(Certificate.Input.safeParse({ ...base, score: { a: 30, b: 26, c: 20 } }).success).toBe(false);
    expect(Certificate.Input.safeParse({ ...base, score: { a: 30, b: 10, c: 36 } }).success).toBe(false);
  });

  it("refuses 1★ and 2★: they are not OCOP products", () => {
    expect(Certificate.Input.safeParse({ ...base, stars: 2 }).success).toBe(false);
  });
});

describe("issuing level (Decision 1489)", () => {
  it("the province certifies 3★ and 4★, the central level 5★", () => {
    expect(Certificate.levelFor(3)).toBe("province");
    expect(Certificate.levelFor(4)).toBe("province");
    expect(Certificate.levelFor(5)).toBe("central");
  });

  it("rejects a 5★ certificate issued by a province, naming the level", () => {
    const parsed = Certificate.Input.safeParse({ ...base, stars: 5, level: "province" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["level"]);
  });

  it("rejects a 3★ certificate issued centrally", () => {
    expect(Certificate.Input.safeParse({ ...base, stars: 3, level: "central" }).success).toBe(false);
  });
});

describe("validity: 36 months from the decision date", () => {
  it("computes the last valid day", () => {
    expect(Certificate.validUntil("2024-03-15")).toBe("2027-03-15");
    expect(Certificate.validUntil("2024-02-29")).toBe("2027-02-28");
    expect(Certificate.validUntil("2023-12-31")).toBe("2026-12-31");
  });

  it("is valid through its last day and not the day after", () => {
    const cert = { decisionDate: "2023-11-23", validUntil: Certificate.validUntil("2023-11-23") };
    expect(Certificate.isValidOn(cert, "2026-11-23")).toBe(true);
    expect(Certificate.isValidOn(cert, "2026-11-24")).toBe(false);
    expect(Certificate.isValidOn(cert, "2023-11-22")).toBe(false);
  });

  it("counts the days left", () => {
    expect(Certificate.daysLeft({ validUntil: "2027-01-22" }, "2026-11-23")).toBe(60);
  });

  it("rejects a decision date that is not a real day", () => {
    expect(Certificate.Input.safeParse({ ...base, decisionDate: "2024-02-30" }).success).toBe(false);
  });

  it("rejects a malformed decision number", () => {
    expect(Certificate.Input.safeParse({ ...base, decisionNumber: "QĐ 12" }).success).toBe(false);
  });
});

describe("a certificate's public status over its life", () => {
  const cert = { validUntil: "2027-03-15" };

  it("is valid until 90 days are left, expiring from then through its last valid day, then expired", () => {
    expect(Certificate.statusOn(cert, "2026-12-14")).toBe("valid");
    expect(Certificate.statusOn(cert, "2026-12-15")).toBe("expiring");
    expect(Certificate.statusOn(cert, "2027-03-15")).toBe("expiring");
    expect(Certificate.statusOn(cert, "2027-03-16")).toBe("expired");
  });

  it("is revoked whatever its dates say", () => {
    expect(Certificate.statusOn({ ...cert, revokedAt: "2026-01-02T03:00:00Z" }, "2026-01-03")).toBe("revoked");
  });
});

describe("expiry reminders at 90 and 30 days", () => {
  const cert = { validUntil: "2027-03-15" };

  it("is due once 90 days are left, then once 30 are, and never twice", () => {
    expect(Certificate.reminderDue(cert, "2026-12-14")).toBeUndefined();
    expect(Certificate.reminderDue(cert, "2026-12-15")).toBe(90);
    expect(Certificate.reminderDue({ ...cert, reminded: ["90"] }, "2027-01-20")).toBeUndefined();
    expect(Certificate.reminderDue({ ...cert, reminded: ["90"] }, "2027-02-13")).toBe(30);
    expect(Certificate.reminderDue({ ...cert, reminded: ["90", "30"] }, "2027-03-01")).toBeUndefined();
  });

  it("a job that missed the 90-day mark sends the 30-day reminder alone", () => {
    expect(Certificate.reminderDue(cert, "2027-02-20")).toBe(30);
  });

  it("sends none for an expired or revoked certificate", () => {
    expect(Certificate.reminderDue(cert, "2027-03-16")).toBeUndefined();
    expect(Certificate.reminderDue({ ...cert, revokedAt: "2027-01-01T00:00:00Z" }, "2027-02-20")).toBeUndefined();
  });
});

describe("certificate numbers", () => {
  it("name the issuing level, the year and a sequence", () => {
    expect(Certificate.numberFor("province", "14", "2026", 7)).toBe("OCOP-14-2026-0007");
    expect(Certificate.numberFor("central", "14", "2026", 12345)).toBe("OCOP-TW-2026-12345");
  });

  it("are read in capitals, trimmed, and refuse spaces or slashes at the start", () => {
    expect(Certificate.RegistryNumber.parse(" ocop-14-2026-0007 ")).toBe("OCOP-14-2026-0007");
    expect(Certificate.RegistryNumber.safeParse("/etc/passwd").success).toBe(false);
    expect(Certificate.RegistryNumber.safeParse("a b").success).toBe(false);
  });
});
