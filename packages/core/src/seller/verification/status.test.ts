import { describe, expect, it } from "vitest";
import { mayGoLive, VERIFICATION_STATUSES, VerificationLifecycle } from "./status";

describe("seller verification lifecycle", () => {
  it("has a row for every status", () => {
    expect(Object.keys(VerificationLifecycle.transitions).sort()).toEqual([...VERIFICATION_STATUSES].sort());
  });

  it("decides only what was submitted; a rejected seller submits again, one waiting may replace it", () => {
    expect(VERIFICATION_STATUSES.filter((s) => VerificationLifecycle.can(s, "verified"))).toEqual(["submitted"]);
    expect(VERIFICATION_STATUSES.filter((s) => VerificationLifecycle.can(s, "rejected"))).toEqual(["submitted"]);
    expect(VERIFICATION_STATUSES.filter((s) => VerificationLifecycle.can(s, "submitted"))).toEqual([
      "submitted",
      "rejected",
    ]);
  });

  it("keeps a verified seller verified", () => {
    expect(VerificationLifecycle.final()).toEqual(["verified"]);
    expect(() => VerificationLifecycle.move("verified", "submitted")).toThrow(/cannot move from "verified"/);
  });

  it("lets only a verified seller go live", () => {
    expect(VERIFICATION_STATUSES.filter(mayGoLive)).toEqual(["verified"]);
    expect(mayGoLive(undefined)).toBe(false);
  });
});
