import { describe, expect, it } from "vitest";
import { ORDER_STATUSES } from "./entities";
import { OrderLifecycle } from "./status";

describe("order lifecycle", () => {
  it("has a row for every status", () => {
    expect(Object.keys(OrderLifecycle.transitions).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it("is paid once, from waiting for payment only", () => {
    expect(OrderLifecycle.move("pending_payment", "confirmed")).toBe("confirmed");
    expect(ORDER_STATUSES.filter((s) => OrderLifecycle.can(s, "confirmed"))).toEqual(["pending_payment"]);
  });

  it("cancels before it completes, and refunds only once cancelled", () => {
    expect(ORDER_STATUSES.filter((s) => OrderLifecycle.can(s, "cancelled"))).toEqual(["pending_payment", "confirmed"]);
    expect(ORDER_STATUSES.filter((s) => OrderLifecycle.can(s, "refunded"))).toEqual(["cancelled"]);
    expect(() => OrderLifecycle.move("completed", "cancelled")).toThrow(/cannot move from "completed"/);
  });

  it("completes from confirmed and ends completed or refunded", () => {
    expect(OrderLifecycle.can("confirmed", "completed")).toBe(true);
    expect(OrderLifecycle.can("pending_payment", "completed")).toBe(false);
    expect(OrderLifecycle.final().sort()).toEqual(["completed", "refunded"]);
  });
});
