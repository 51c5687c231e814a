import { describe, expect, it } from "vitest";
import {
  boxFits,
  comboKey,
  comboState,
  fillPercent,
  formatWeight,
  freeShippingGap,
  greetingLeft,
  newIdempotencyKey,
  parcelContents,
  producersOf,
  shippingShown,
  weightOf,
} from "./shopping";

describe("free shipping", () => {
  it("is the amount still missing after the combo discount", () => {
    const totals = { goodsVnd: 340_000, discountVnd: 15_250, freeShipping: false };
    expect(freeShippingGap(totals, 500_000)).toBe(175_250);
  });

  it("shows shipping free once reached, even before a province is chosen; unknown until one is", () => {
    expect(shippingShown({ shippingVnd: null, freeShipping: true })).toBe("free");
    expect(shippingShown({ shippingVnd: 0, freeShipping: true })).toBe("free");
    expect(shippingShown({ shippingVnd: null, freeShipping: false })).toBe("unknown");
    expect(shippingShown({ shippingVnd: 56_000, freeShipping: false })).toBe(56_000);
  });

  it("is nothing once reached, and nothing for an empty cart", () => {
    expect(freeShippingGap({ goodsVnd: 520_000, discountVnd: 0, freeShipping: true }, 500_000)).toBe(0);
    expect(freeShippingGap({ goodsVnd: 0, discountVnd: 0, freeShipping: false }, 500_000)).toBe(0);
  });
});

describe("a gift box and what goes in it", () => {
  const kraft = { capacityGrams: 3000 };

  it("adds up the weights and says whether the box holds them", () => {
    const weight = weightOf([{ weightGrams: 300 }, { weightGrams: 250 }, { weightGrams: 260 }]);
    expect(weight).toBe(810);
    expect(boxFits(kraft, weight)).toBe(true);
    expect(boxFits(kraft, 3000)).toBe(true);
    expect(boxFits(kraft, 3001)).toBe(false);
    expect(fillPercent(810, 3000)).toBe(27);
    expect(fillPercent(4000, 3000)).toBe(100);
  });

  it("writes weights in grams below a kilogram, in kilograms the Vietnamese way above", () => {
    expect(formatWeight(810)).toBe("810 g");
    expect(formatWeight(3000)).toBe("3 kg");
    expect(formatWeight(1250)).toBe("1,25 kg");
  });

  it("can be priced only with 2 to 8 products and a box that holds them", () => {
    expect(comboState(0, undefined, 0)).toBe("empty");
    expect(comboState(1, kraft, 300)).toBe("tooFew");
    expect(comboState(9, kraft, 900)).toBe("tooMany");
    expect(comboState(3, undefined, 810)).toBe("noBox");
    expect(comboState(3, kraft, 3200)).toBe("tooHeavy");
    expect(comboState(3, kraft, 810)).toBe("ready");
  });

  it("keeps a quote under its products (in order: the first one's producer packs the box) and box", () => {
    expect(comboKey(["a", "b"], "hop")).toBe("hop:a,b");
    expect(comboKey(["b", "a"], "hop")).not.toBe(comboKey(["a", "b"], "hop"));
    expect(producersOf([{ producerId: "p1" }, { producerId: "p2" }, { producerId: "p1" }])).toBe(2);
  });

  it("counts a greeting's characters as people do, accents and emoji included", () => {
    expect(greetingLeft("")).toBe(300);
    expect(greetingLeft("Chúc mừng năm mới")).toBe(283);
    expect(greetingLeft("🎁🎉")).toBe(298);
  });
});

describe("a checkout attempt's Idempotency-Key", () => {
  it("is 8–100 letters, digits, - or _ as the API requires, and new each time", () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    expect(newIdempotencyKey(() => "6f1c2a9e-0b7d-4e0c-9a51-0c1f2e3d4b5a")).toBe(
      "web-6f1c2a9e-0b7d-4e0c-9a51-0c1f2e3d4b5a",
    );
  });
});

describe("what each producer's parcel holds", () => {
  it("splits products and combo parts by producer; the box goes with the first part's producer", () => {
    const parcels = parcelContents(
      [
        { kind: "product", quantity: 2, name: "Trà tim sen", producerId: "sen" },
        {
          kind: "combo",
          quantity: 1,
          title: null,
          box: { name: "Hộp giấy kraft" },
          parts: [
            { name: "Mè xửng", producerId: "hue" },
            { name: "Trà cung đình", producerId: "hue" },
            { name: "Hạt sen sấy", producerId: "sen" },
          ],
        },
      ],
      "Hộp quà tự chọn",
    );
    expect(parcels.get("hue")).toEqual({
      items: [
        { name: "Mè xửng", quantity: 1, combo: "Hộp quà tự chọn" },
        { name: "Trà cung đình", quantity: 1, combo: "Hộp quà tự chọn" },
      ],
      boxes: [{ name: "Hộp giấy kraft", quantity: 1 }],
    });
    expect(parcels.get("sen")).toEqual({
      items: [
        { name: "Trà tim sen", quantity: 2, combo: null },
        { name: "Hạt sen sấy", quantity: 1, combo: "Hộp quà tự chọn" },
      ],
      boxes: [],
    });
  });
});
