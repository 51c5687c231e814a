import { describe, expect, it } from "vitest";
import { BIRTH_PROVINCES, birthYear, cccdProblem, maskCccd } from "./cccd";
import { SellerVerification } from "./index";

const { CccdNumber } = SellerVerification;

describe("CCCD number", () => {
  it("takes 12 digits whose first 3 are a province of birth, the spaces and dots people type dropped", () => {
    expect(CccdNumber.parse("014 186 001 234")).toBe("014186001234");
    expect(CccdNumber.parse("079.203.012.345")).toBe("079203012345");
  });

  it("knows the 63 birth-province codes of the cards, Hà Nội 001 to Cà Mau 096", () => {
    expect(Object.keys(BIRTH_PROVINCES)).toHaveLength(63);
    expect(BIRTH_PROVINCES["001"]).toBe("Hà Nội");
    expect(BIRTH_PROVINCES["096"]).toBe("Cà Mau");
  });

  it("refuses anything else, saying what is wrong", () => {
    expect(cccdProblem("01418600123")).toBe("a CCCD number is 12 digits");
    expect(cccdProblem("0141860012345")).toBe("a CCCD number is 12 digits");
    expect(cccdProblem("01418600123a")).toBe("a CCCD number is 12 digits");
    expect(cccdProblem("003186001234")).toBe("the first 3 digits of a CCCD number are a province code");
    expect(cccdProblem("097186001234")).toBe("the first 3 digits of a CCCD number are a province code");
    expect(cccdProblem("014486001234")).toBe("the 4th to 6th digits give a year of birth");
    expect(cccdProblem("014299001234", 2026)).toBe("the 4th to 6th digits give a year of birth");
    expect(CccdNumber.safeParse("12345678901").success).toBe(false);
  });

  it("reads the year of birth from the century digit and the two after it", () => {
    expect(birthYear("014186001234")).toBe(1986);
    expect(birthYear("079303012345")).toBe(2003);
    expect(cccdProblem("079303012345", 2026)).toBeUndefined();
  });

  it("shows only the last 3 digits in lists", () => {
    expect(maskCccd("014186001234")).toBe("•••••••••234");
  });
});
