import { describe, expect, it } from "vitest";
import { FULFILMENT_STATUSES } from "./entity";
import { FulfilmentLifecycle } from "./status";

describe("fulfilment lifecycle", () => {
  it("has a row for every status", () => {
    expect(Object.keys(FulfilmentLifecycle.transitions).sort()).toEqual([...FULFILMENT_STATUSES].sort());
  });

  it("is packed, shipped and delivered in that order, each from one status only", () => {
    expect(FulfilmentLifecycle.move("confirmed", "packed")).toBe("packed");
    expect(FulfilmentLifecycle.move("packed", "shipped")).toBe("shipped");
    expect(FulfilmentLifecycle.move("shipped", "delivered")).toBe("delivered");
    for (const to of ["packed", "shipped", "delivered"] as const) {
      const sources = FULFILMENT_STATUSES.filter((from) => FulfilmentLifecycle.can(from, to));
      expect(sources).toHaveLength(1);
    }
    expect(FulfilmentLifecycle.can("pending_payment", "packed")).toBe(false);
  });

  it("cancels only before the carrier has it", () => {
    const cancellable = FULFILMENT_STATUSES.filter((s) => FulfilmentLifecycle.can(s, "cancelled"));
    expect(cancellable).toEqual(["pending_payment", "confirmed", "packed"]);
    expect(() => FulfilmentLifecycle.move("shipped", "cancelled")).toThrow(/cannot move/);
  });

  it("ends delivered or cancelled", () => {
    expect(FulfilmentLifecycle.final().sort()).toEqual(["cancelled", "delivered"]);
  });
});
