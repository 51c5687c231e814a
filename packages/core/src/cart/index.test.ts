import { describe, expect, it } from "vitest";
import { Cart } from "./index";

const line = (lineId: string, productId: string, quantity: number, dealId?: string) => ({
  lineId,
  kind: "product" as const,
  productId,
  quantity,
  ...(dealId ? { dealId } : {}),
});

describe("an anonymous cart joining the account's on sign-in", () => {
  it("adds up the same product, at most 99 of it", () => {
    const merged = Cart.mergeLines([line("a", "p1", 60)], [line("b", "p1", 60), line("c", "p2", 1)]);
    expect(merged.map((l) => [l.productId, l.quantity])).toEqual([
      ["p1", 99],
      ["p2", 1],
    ]);
  });

  it("keeps a live deal's line apart from the ordinary line of the same product, so its price holds", () => {
    const merged = Cart.mergeLines([line("a", "p1", 2)], [line("b", "p1", 1, "deal1")]);
    expect(merged).toEqual([line("a", "p1", 2), line("b", "p1", 1, "deal1")]);
    const twice = Cart.mergeLines(merged, [line("c", "p1", 2, "deal1")]);
    expect(twice.find((l) => l.dealId === "deal1")?.quantity).toBe(3);
  });

  it("keeps at most 30 lines, the account's first", () => {
    const mine = Array.from({ length: 29 }, (_, i) => line(`m${i}`, `m${i}`, 1));
    const theirs = Array.from({ length: 5 }, (_, i) => line(`a${i}`, `a${i}`, 1));
    const merged = Cart.mergeLines(mine, theirs);
    expect(merged).toHaveLength(Cart.MAX_LINES);
    expect(merged.at(-1)?.productId).toBe("a0");
  });

  it("leaves the account's cart as it was until it is saved", () => {
    const mine = [line("a", "p1", 1)];
    Cart.mergeLines(mine, [line("b", "p1", 5)]);
    expect(mine[0]?.quantity).toBe(1);
  });
});
