import { describe, expect, it } from "vitest";
import { Product } from "./index";
import { ReviewLifecycle } from "./status";

describe("product review lifecycle", () => {
  it("has a row for every product status", () => {
    expect(Object.keys(ReviewLifecycle.transitions).sort()).toEqual([...Product.Status.options].sort());
  });

  it("lets sellers submit from anywhere but a suspension", () => {
    const submittable = Product.Status.options.filter((s) => ReviewLifecycle.can(s, "pending"));
    expect(submittable).toEqual(["draft", "pending", "approved", "rejected", "expired"]);
    expect(() => ReviewLifecycle.move("suspended", "pending")).toThrow(/cannot move from "suspended"/);
  });

  it("decides only what waits; suspends only what is listed, and reinstates it", () => {
    expect(Product.Status.options.filter((s) => ReviewLifecycle.can(s, "rejected"))).toEqual(["pending"]);
    expect(Product.Status.options.filter((s) => ReviewLifecycle.can(s, "suspended"))).toEqual(["approved"]);
    expect(ReviewLifecycle.move("suspended", "approved")).toBe("approved");
    expect(ReviewLifecycle.can("draft", "approved")).toBe(false);
  });

  it("has no status without a way out", () => {
    expect(ReviewLifecycle.final()).toEqual([]);
  });
});
