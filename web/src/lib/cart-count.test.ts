import { beforeEach, describe, expect, it, vi } from "vitest";

describe("the header's memory of the cart", () => {
  beforeEach(() => {
    localStorage.clear();
    vi.resetModules();
  });

  it("counts every line's quantity", async () => {
    const { itemsIn } = await import("./cart-count");
    expect(itemsIn({ lines: [{ quantity: 2 }, { quantity: 1 }] })).toBe(3);
    expect(itemsIn({ lines: [] })).toBe(0);
  });

  it("remembers a cart across visits and forgets an empty one", async () => {
    const first = await import("./cart-count");
    expect(first.cartCount()).toBe(0);
    first.rememberCart(3);
    expect(localStorage.getItem(first.CART_KEY)).toBe("3");

    vi.resetModules();
    const again = await import("./cart-count");
    expect(again.cartCount()).toBe(3);
    again.rememberCart(0);
    expect(again.cartCount()).toBe(0);
    expect(localStorage.getItem(again.CART_KEY)).toBeNull();
  });

  it("ignores what is not a count", async () => {
    localStorage.setItem("cho-ocop.cart", "lots");
    const { cartCount } = await import("./cart-count");
    expect(cartCount()).toBe(0);
  });
});
