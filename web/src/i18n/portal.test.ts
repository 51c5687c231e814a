import { describe, expect, it } from "vitest";
import * as admin from "./admin";
import * as buy from "./buy";
import * as gifts from "./gifts";
import * as live from "./live";
import * as portal from "./portal";
import * as sales from "./sales";
import * as shop from "./shop";
import * as trace from "./trace";

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ["portal", portal.vi, portal.en],
  ["admin", admin.vi, admin.en],
  ["trace", trace.vi, trace.en],
  ["shop", shop.vi, shop.en],
  ["gifts", gifts.vi, gifts.en],
  ["sales", sales.vi, sales.en],
  ["buy", buy.vi, buy.en],
  ["live", live.vi, live.en],
] as const)("the %s dictionary", (_name, vi, en) => {
  it("has no English key that Vietnamese lacks", () => {
    const known = new Set(Object.keys(vi));
    for (const key of Object.keys(en)) expect(known.has(key.replace(/_one$/, "")), key).toBe(true);
  });

  it("fills in the same parameters in both languages", () => {
    for (const [key, text] of Object.entries(en)) {
      const base = key.replace(/_one$/, "") as keyof typeof vi;
      const expected = params(vi[base]).filter((p) => !(key.endsWith("_one") && p === "n"));
      expect(
        params(text ?? "").filter((p) => !(key.endsWith("_one") && p === "n")),
        key,
      ).toEqual(expected);
    }
  });

  it("translates every Vietnamese string", () => {
    const missing = Object.keys(vi).filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe("labels for every state the API can return", () => {
  const productStatuses = ["draft", "pending", "approved", "rejected", "suspended", "expired"];
  it("names each product status and explains it to the seller", () => {
    for (const s of productStatuses) {
      expect(portal.vi).toHaveProperty(`portal.status.${s}`);
      expect(portal.en).toHaveProperty(`portal.status.${s}`);
      expect(portal.vi).toHaveProperty(`portal.editor.status.${s}`);
    }
  });

  it("names each certificate status", () => {
    for (const s of ["pending", "approved", "rejected", "superseded"]) {
      expect(portal.vi).toHaveProperty(`portal.certStatus.${s}`);
    }
  });

  it("has an empty-queue message for each status staff can filter by, and a note where no action applies", () => {
    for (const s of ["pending", "approved", "rejected", "suspended", "expired"]) {
      expect(admin.vi).toHaveProperty(`admin.queue.empty.${s}`);
    }
    for (const s of ["draft", "rejected", "expired"]) expect(admin.vi).toHaveProperty(`admin.review.noAction.${s}`);
  });
});

describe("labels for every state of an order", () => {
  it("names each order, parcel and payment status, and each way to pay", () => {
    for (const s of ["pending_payment", "confirmed", "completed", "cancelled", "refunded"]) {
      expect(shop.vi).toHaveProperty(`shop.status.${s}`);
      expect(shop.en).toHaveProperty(`shop.status.${s}`);
    }
    for (const s of ["pending_payment", "confirmed", "packed", "shipped", "delivered", "cancelled"]) {
      expect(shop.vi).toHaveProperty(`shop.parcel.${s}`);
    }
    for (const s of ["pending", "paid", "failed", "refunded", "cod"])
      expect(shop.vi).toHaveProperty(`shop.payment.${s}`);
    for (const m of ["cod", "vietqr", "card"]) {
      expect(shop.vi).toHaveProperty(`shop.method.${m}`);
      expect(shop.vi).toHaveProperty(`shop.checkout.method.${m}`);
      expect(shop.vi).toHaveProperty(`shop.checkout.method.${m}Hint`);
    }
  });

  it("says what to do with every state a combo can be in before it is priced", () => {
    for (const s of ["empty", "tooFew", "tooMany", "noBox", "tooHeavy"])
      expect(gifts.vi).toHaveProperty(`gifts.builder.state.${s}`);
  });
});
