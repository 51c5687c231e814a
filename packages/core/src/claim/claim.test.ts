import { describe, expect, it } from "vitest";
import { Claim } from "./claim";

describe("claiming an imported producer record", () => {
  it("puts rows of one producer in one record whatever their accents, case or spacing", () => {
    expect(Claim.recordKey("Sơn La", "HTX  Chè Tà Xùa")).toBe(Claim.recordKey("son la", "htx chè tà xùa"));
    expect(Claim.recordKey("Sơn La", "HTX Chè Tà Xùa")).not.toBe(Claim.recordKey("Lào Cai", "HTX Chè Tà Xùa"));
  });

  it("grants at once when the imported phone is the claimant's, written any usual way", () => {
    expect(Claim.firstStatus("+84 900 000 170", "0900000170")).toBe("granted");
    expect(Claim.firstStatus("0900.000.170", "0900000170")).toBe("granted");
  });

  it("waits for staff when the phones differ or the list had none", () => {
    expect(Claim.firstStatus("0900000170", "0900000171")).toBe("pending");
    expect(Claim.firstStatus(undefined, "0900000171")).toBe("pending");
    expect(Claim.firstStatus("not a phone", "0900000171")).toBe("pending");
  });

  it("refuses a second claim while one waits and any claim after one was granted", () => {
    expect(() => Claim.assertClaimable([])).not.toThrow();
    expect(() => Claim.assertClaimable([{ status: "rejected" }])).not.toThrow();
    expect(() => Claim.assertClaimable([{ status: "pending" }])).toThrow(
      expect.objectContaining({ status: 409, code: "claim_pending" }),
    );
    expect(() => Claim.assertClaimable([{ status: "granted" }])).toThrow(
      expect.objectContaining({ status: 409, code: "already_claimed" }),
    );
  });

  it("lets only the record's province's staff decide, once, and a refusal needs its reason", () => {
    const waiting = { status: "pending" as const, province: "son-la" };
    expect(() => Claim.assertDecidable(waiting, "son-la", { approve: true })).not.toThrow();
    expect(() => Claim.assertDecidable(waiting, "lao-cai", { approve: true })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => Claim.assertDecidable({ ...waiting, status: "granted" }, "son-la", { approve: true })).toThrow(
      expect.objectContaining({ status: 409, code: "claim_decided" }),
    );
    expect(() => Claim.assertDecidable(waiting, "son-la", { approve: false, reason: "  " })).toThrow(
      expect.objectContaining({ status: 400, field: "reason" }),
    );
  });
});
