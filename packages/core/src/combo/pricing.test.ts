import { describe, expect, it } from "vitest";
import { Settings } from "../settings";
import { Shipping } from "../shipping";
import { allocate, comboPrice, tierPercent } from "./pricing";

const pricing = Settings.DEFAULT_PRICING;

describe("combo discounts", () => {
  it("takes the best tier reached: none for 2, 5% from 3, 10% from 5", () => {
    expect(tierPercent(pricing, 2)).toBe(0);
    expect(tierPercent(pricing, 3)).toBe(5);
    expect(tierPercent(pricing, 4)).toBe(5);
    expect(tierPercent(pricing, 5)).toBe(10);
    expect(tierPercent(pricing, 8)).toBe(10);
  });

  it("prices a custom combo in whole đồng: products less the discount, plus the box", () => {
    expect(comboPrice(pricing, { partsVnd: 333_333, items: 3, boxVnd: 45_000 })).toEqual({
      priceVnd: 333_333 - 16_666 + 45_000,
      discountVnd: 16_666,
      percent: 5,
    });
  });

  it("never charges a template above its parts and box bought separately", () => {
    expect(comboPrice(pricing, { partsVnd: 400_000, items: 3, boxVnd: 40_000, fixedPriceVnd: 500_000 })).toEqual({
      priceVnd: 440_000,
      discountVnd: 0,
      percent: 0,
    });
  });

  it("prices a template at its fixed price, box included", () => {
    expect(comboPrice(pricing, { partsVnd: 600_000, items: 4, boxVnd: 50_000, fixedPriceVnd: 590_000 })).toEqual({
      priceVnd: 590_000,
      discountVnd: 60_000,
      percent: 0,
    });
  });
});

describe("allocating an amount", () => {
  it("keeps the total exact", () => {
    const shares = allocate(10_001, [1, 1, 1]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_001);
    expect(shares).toEqual([3_334, 3_334, 3_333]);
    expect(allocate(16_666, [200_000, 133_333])).toEqual([10_000, 6_666]);
  });
});

describe("shipping", () => {
  it("knows the zone from the 34 provinces and their regions", () => {
    expect(Shipping.zone("14", "14")).toBe("sameProvince");
    expect(Shipping.zone("14", "11")).toBe("sameRegion");
    expect(Shipping.zone("14", "79")).toBe("national");
  });

  it("charges the base for the first 500 g and a step for each further 500 g", () => {
    expect(Shipping.fee(pricing, "14", "14", 300)).toBe(18_000);
    expect(Shipping.fee(pricing, "14", "14", 500)).toBe(18_000);
    expect(Shipping.fee(pricing, "14", "14", 501)).toBe(21_000);
    expect(Shipping.fee(pricing, "14", "79", 2_000)).toBe(35_000 + 3 * 8_000);
  });

  it("is free from the threshold", () => {
    expect(Shipping.isFree(pricing, 499_999)).toBe(false);
    expect(Shipping.isFree(pricing, 500_000)).toBe(true);
  });
});
