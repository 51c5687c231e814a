import { describe, expect, it } from "vitest";
import {
  cancellable,
  formatCountdown,
  linesToReorder,
  parcelSteps,
  secondsLeft,
  trackingUrl,
  vietnamTime,
} from "./tracking";

const at = (minute: number) => `2026-01-20T03:${String(minute).padStart(2, "0")}:00.000Z`;

describe("a parcel's timeline", () => {
  it("starts at confirmed for cash on delivery, and shows the step it is at", () => {
    const steps = parcelSteps({
      status: "confirmed",
      paymentMethod: "cod",
      history: [{ status: "confirmed", at: at(1) }],
    });
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ["confirmed", "current"],
      ["packed", "todo"],
      ["shipped", "todo"],
      ["delivered", "todo"],
    ]);
    expect(steps[0]?.at).toBe(at(1));
  });

  it("starts at waiting for payment for VietQR and cards", () => {
    const steps = parcelSteps({ status: "pending_payment", paymentMethod: "vietqr", history: [] });
    expect(steps.map((s) => s.status)).toEqual(["pending_payment", "confirmed", "packed", "shipped", "delivered"]);
    expect(steps[0]?.state).toBe("current");
  });

  it("marks what was done, with its time, up to shipping", () => {
    const steps = parcelSteps({
      status: "shipped",
      paymentMethod: "vietqr",
      history: [
        { status: "pending_payment", at: at(0) },
        { status: "confirmed", at: at(5) },
        { status: "packed", at: at(9) },
        { status: "shipped", at: at(12) },
      ],
    });
    expect(steps.map((s) => s.state)).toEqual(["done", "done", "done", "current", "todo"]);
    expect(steps.map((s) => s.at)).toEqual([at(0), at(5), at(9), at(12), null]);
  });

  it("is all done once delivered, and keeps the steps reached when cancelled", () => {
    const delivered = parcelSteps({ status: "delivered", paymentMethod: "cod", history: [] });
    expect(delivered.every((s) => s.state === "done")).toBe(true);
    const cancelled = parcelSteps({
      status: "cancelled",
      paymentMethod: "cod",
      history: [
        { status: "confirmed", at: at(1) },
        { status: "packed", at: at(2) },
        { status: "cancelled", at: at(3) },
      ],
    });
    expect(cancelled.map((s) => s.state)).toEqual(["done", "done", "todo", "todo"]);
  });
});

describe("cancelling", () => {
  it("is allowed until a parcel has shipped", () => {
    const order = (status: string, parcels: string[]) => ({ status, fulfilments: parcels.map((s) => ({ status: s })) });
    expect(cancellable(order("pending_payment", ["pending_payment"]))).toBe(true);
    expect(cancellable(order("confirmed", ["confirmed", "packed"]))).toBe(true);
    expect(cancellable(order("confirmed", ["packed", "shipped"]))).toBe(false);
    expect(cancellable(order("completed", ["delivered"]))).toBe(false);
    expect(cancellable(order("cancelled", ["cancelled"]))).toBe(false);
  });
});

describe("the 30 minutes to pay", () => {
  it("counts down to the deadline, never below zero", () => {
    const now = Date.parse("2026-01-20T03:00:00.000Z");
    expect(secondsLeft("2026-01-20T03:30:00.000Z", now)).toBe(1800);
    expect(secondsLeft("2026-01-20T02:59:00.000Z", now)).toBe(0);
    expect(secondsLeft(null, now)).toBe(0);
    expect(formatCountdown(1745)).toBe("29:05");
    expect(formatCountdown(0)).toBe("0:00");
  });

  it("names the deadline as the time it is in Vietnam", () => {
    expect(vietnamTime("2026-01-20T03:30:00.000Z")).toBe("10:30");
    expect(vietnamTime("2026-01-20T17:05:00.000Z")).toBe("00:05");
  });
});

describe("ordering the same lines again", () => {
  it("reads products (with their live deal) and combos from the order's priced lines", () => {
    expect(
      linesToReorder([
        { kind: "product", productId: "p1", quantity: 2, deal: null, unitPriceVnd: 1 },
        { kind: "product", productId: "p2", quantity: 1, deal: { dealId: "d1", priceVnd: 5 } },
        { kind: "combo", comboId: "c1", quantity: 3, parts: [] },
        { kind: "mystery" },
        null,
      ]),
    ).toEqual([
      { kind: "product", productId: "p1", quantity: 2 },
      { kind: "product", productId: "p2", quantity: 1, dealId: "d1" },
      { kind: "combo", comboId: "c1", quantity: 3 },
    ]);
  });
});

describe("following a parcel at its carrier", () => {
  it("links the carriers sellers pick from the suggestions to their tracking page", () => {
    expect(trackingUrl("Viettel Post", "VTP123456789")).toBe(
      "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?peopleTracking=sender&orderNumber=VTP123456789",
    );
    expect(trackingUrl("Giao Hàng Tiết Kiệm (GHTK)", "S12345678")).toBe("https://i.ghtk.vn/S12345678");
    expect(trackingUrl("VNPost", "EE123456789VN")).toBe(
      "https://vnpost.vn/tra-cuu-hanh-trinh/buu-pham?key=EE123456789VN",
    );
    expect(trackingUrl("SPX Express", "SPXVN0623904")).toBe("https://spx.vn/track?SPXVN0623904");
  });

  it("gives no link for a carrier it does not know", () => {
    expect(trackingUrl("Nhà xe Phương Trang", "PT-12345")).toBeUndefined();
    expect(trackingUrl(null, null)).toBeUndefined();
  });
});
