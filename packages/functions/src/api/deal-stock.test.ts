import { Deal as LiveDeal } from "@cho-ocop/core/live/deal/index";
import { DealStock, HOLD_MS, shardsOf } from "@cho-ocop/core/live/deal/stock";
import { DealEntity } from "@cho-ocop/core/live/entities";
import { Live } from "@cho-ocop/core/live/index";
import { OrderService } from "@cho-ocop/core/order/entities";
import { Order } from "@cho-ocop/core/order/index";
import { Product } from "@cho-ocop/core/product/index";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, tokenFor } from "../../test/api";
import { SON_LA, sonLaWard } from "../../test/catalogue";
import type { LiveServer } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer } from "../local/live/testing";

interface Placed {
  order?: { orderId: string; status: string; dealReservations?: Array<{ dealId: string; quantity: number }> };
  error?: { code: string; message: string };
}

const OPENED = 20;

/**
 * A flash sale's units whatever fails between taking them and writing the order: after each fault the units add up
 * exactly (units sold + left in the shards + held by orders in flight = units opened), none is sold twice, and what
 * a failed or abandoned order held comes back — at once, or by the sweep that runs with the expiry of unpaid orders.
 */
describe("a live deal's units under faults", () => {
  let server: LiveServer;
  let seller: string;
  let sessionId: string;
  let productId: string;
  let dealId: string;
  let stockBeforeDeal: number;
  let address: Record<string, string>;
  /** Orders holding deal units, and how many. */
  const sold = new Map<string, { token: string; units: number }>();

  beforeAll(async () => {
    server = await startLiveServer();
    const made = await sellerWithProducts("HTX Chớp Nhoáng", 1);
    seller = made.seller;
    productId = made.productIds[0] ?? "";
    const scheduled = await scheduleSession(seller, made.productIds);
    sessionId = scheduled.session.sessionId;
    const channelId = scheduled.session.playback.url.match(/\/live-media\/([0-9a-f]+)\.flv$/)?.[1] ?? "";
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBe(sessionId);
    address = {
      name: "Người mua",
      phone: "0912345678",
      provinceCode: SON_LA,
      wardCode: await sonLaWard(),
      street: "Bản",
    };
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  let keys = 0;
  async function buy(token: string, quantity = 1, paymentMethod = "cod") {
    await call("POST", "/api/cart/items", { token, body: { productId, quantity, dealId } });
    const reply = await call<Placed>("POST", "/api/orders", {
      token,
      headers: { "idempotency-key": `fault-${dealId}-${++keys}` },
      body: { address, paymentMethod, liveSessionId: sessionId },
    });
    const units = (reply.body.order?.dealReservations ?? []).reduce((n, d) => n + d.quantity, 0);
    if (reply.status === 201 && units > 0) sold.set(reply.body.order?.orderId ?? "", { token, units });
    return reply;
  }
  async function units() {
    const deal = (await DealEntity.get({ dealId }).go({ consistent: true })).data;
    if (!deal) throw new Error("no deal");
    const shards = await shardsOf(deal, true);
    const left = shards.reduce((n, s) => n + (s.closed ? 0 : s.stock), 0);
    const held = shards.flatMap((s) => s.holds ?? []).reduce((n, h) => n + Number(h.split(":")[1]), 0);
    const taken = [...sold.values()].reduce((n, s) => n + s.units, 0);
    return { left, held, sold: taken, sum: left + held + taken, deal };
  }

  it("opens 20 units over a 20-minute deal, set aside from the product's stock", async () => {
    stockBeforeDeal = (await Product.get(productId)).stock;
    const started = await call<{ dealId: string; startsAt: string }>("POST", `/api/seller/live/${sessionId}/deals`, {
      token: seller,
      body: { productId, priceVnd: 59_000, quantity: OPENED, perBuyer: 5, countdownSeconds: 10, durationMinutes: 20 },
    });
    expect(started.status).toBe(201);
    dealId = started.body.dealId;
    expect((await Product.get(productId)).stock).toBe(stockBeforeDeal - OPENED);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startsAt) - Date.now()) + 200));
    expect(await units()).toMatchObject({ left: OPENED, held: 0, sold: 0 });
  }, 30_000);

  it("the order's transaction fails after the units were taken: they come back at once", async () => {
    expect((await buy(await tokenFor(), 2)).status).toBe(201);
    vi.spyOn(OrderService.transaction, "write").mockImplementationOnce(() => {
      throw new Error("injected: the order's transaction failed");
    });
    const failed = await buy(await tokenFor(), 3);
    expect(failed.status).toBe(500);
    expect(await units()).toMatchObject({ left: OPENED - 2, held: 0, sold: 2, sum: OPENED });
  });

  it("the process dies after taking the units, before writing the order: the sweep gives them back", async () => {
    vi.spyOn(OrderService.transaction, "write").mockImplementationOnce(() => {
      throw new Error("injected: the process died before its order");
    });
    vi.spyOn(DealStock, "abandonAll").mockRejectedValueOnce(new Error("injected: the process died"));
    expect((await buy(await tokenFor(), 4)).status).toBe(500);
    expect(await units()).toMatchObject({ left: OPENED - 6, held: 4, sold: 2, sum: OPENED });

    // A hold younger than the window is an order still being written: the sweep leaves it.
    expect(await DealStock.sweep(new Date())).toBe(0);
    expect(await units()).toMatchObject({ held: 4 });
    expect(await DealStock.sweep(new Date(Date.now() + HOLD_MS + 1000))).toBe(4);
    expect(await units()).toMatchObject({ left: OPENED - 2, held: 0, sold: 2, sum: OPENED });
  });

  it("the sweep overtakes a buyer's slow order: the order is refused and the units are not given back twice", async () => {
    const take = DealStock.take;
    vi.spyOn(DealStock, "take").mockImplementationOnce(async (...args) => {
      const got = await take(...args);
      expect(await DealStock.sweep(new Date(Date.now() + HOLD_MS + 1000))).toBe(args[2]);
      return got;
    });
    const slow = await buy(await tokenFor(), 2);
    expect(slow.status).toBe(409);
    expect(slow.body.error?.code).toBe("deal_sold_out");
    expect(await units()).toMatchObject({ left: OPENED - 2, held: 0, sold: 2, sum: OPENED });
  });

  it("a written order whose hold was not taken off keeps its units through the sweep", async () => {
    vi.spyOn(DealStock, "dropHold").mockRejectedValueOnce(new Error("injected: died after the order"));
    const placed = await buy(await tokenFor(), 1);
    expect(placed.status).toBe(201);
    expect(await units()).toMatchObject({ held: 1, sold: 3 });
    expect(await DealStock.sweep(new Date(Date.now() + HOLD_MS + 1000))).toBe(0);
    expect(await units()).toMatchObject({ left: OPENED - 3, held: 0, sold: 3, sum: OPENED });
  });

  it("40 buyers at once for the 17 left: exactly 17 sold, the rest told it sold out, then told at once", async () => {
    const buyers = await Promise.all(Array.from({ length: 40 }, () => tokenFor()));
    const replies = await Promise.all(buyers.map((token) => buy(token, 1)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(OPENED - 3);
    const refused = replies.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(refused.map(() => [409, "deal_sold_out"]));
    const after = await units();
    expect(after).toMatchObject({ left: 0, held: 0, sold: OPENED, sum: OPENED });
    expect(after.deal.soldOutAt).toBeDefined();
    expect((await call<{ remaining: number }>("GET", `/api/live/deals/${dealId}`)).body.remaining).toBe(0);

    // Sold out: the next buyer is answered from the mark, without touching the shards.
    const take = vi.spyOn(DealStock, "take");
    const late = await buy(await tokenFor(), 1);
    expect([late.status, late.body.error?.code]).toEqual([409, "deal_sold_out"]);
    expect(take).not.toHaveBeenCalled();
  }, 60_000);

  it("a cancelled order gives its units back to the deal and lifts the sold-out mark", async () => {
    const [orderId, { token, units: n }] = [...sold][0] ?? ["", { token: "", units: 0 }];
    const cancelled = await call("POST", `/api/orders/${orderId}/cancel`, { token });
    expect(cancelled.status).toBe(200);
    sold.delete(orderId);
    const after = await units();
    expect(after).toMatchObject({ left: n, held: 0, sum: OPENED });
    expect(after.deal.soldOutAt).toBeUndefined();
    // Cancelling again gives nothing more.
    await call("POST", `/api/orders/${orderId}/cancel`, { token });
    expect(await units()).toMatchObject({ left: n, sum: OPENED });
  });

  it("an unpaid order's units come back when it expires; the deal's end puts the rest back in the product", async () => {
    const unpaid = await buy(await tokenFor(), 1, "vietqr");
    expect(unpaid.status).toBe(201);
    const orderId = unpaid.body.order?.orderId ?? "";
    // A buyer's process dies holding a unit, just before the deal ends.
    vi.spyOn(OrderService.transaction, "write").mockImplementationOnce(() => {
      throw new Error("injected: died");
    });
    vi.spyOn(DealStock, "abandonAll").mockRejectedValueOnce(new Error("injected: died"));
    expect((await buy(await tokenFor(), 1)).status).toBe(500);
    expect(await units()).toMatchObject({ held: 1, sum: OPENED });

    // Past the order's payment window and the deal's end: the order expires, the deal settles, the hold returns.
    expect(await Order.expireUnpaid(new Date(Date.now() + 31 * 60_000))).toContain(orderId);
    sold.delete(orderId);
    const after = await units();
    expect(after).toMatchObject({ left: 0, held: 0 });
    expect(after.deal.settledAt).toBeDefined();
    const dealSold = [...sold.values()].reduce((n, s) => n + s.units, 0);
    expect((await Product.get(productId)).stock).toBe(stockBeforeDeal - dealSold);
    expect((await LiveDeal.get(dealId)).remaining).toBe(0);
  });
});
