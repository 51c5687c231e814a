import { Deal as LiveDeal } from "@cho-ocop/core/live/deal/index";
import { Live } from "@cho-ocop/core/live/index";
import { Product } from "@cho-ocop/core/product/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { SON_LA, sonLaWard } from "../../test/catalogue";
import type { LiveServer } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer } from "../local/live/testing";

interface Deal {
  dealId: string;
  priceVnd: number;
  quantity: number;
  remaining: number;
  perBuyer: number;
  startsAt: string;
}
interface Placed {
  order?: { orderId: string; dealReservations?: Array<{ dealId: string; quantity: number }> };
  error?: { code: string };
}

/**
 * A live-only deal under concurrency, through the API as buyers use it (the deal line in the cart, then checkout):
 * the deal never sells more than its quantity, nobody gets more than the per-buyer limit, and a cancelled order
 * gives its deal units back.
 */
describe("live deals under concurrency", () => {
  let server: LiveServer;
  let seller: string;
  let sessionId: string;
  let productId: string;
  let deal: Deal;
  let address: Record<string, string>;

  beforeAll(async () => {
    server = await startLiveServer();
    const made = await sellerWithProducts("HTX Săn Ưu Đãi", 1);
    seller = made.seller;
    productId = made.productIds[0] ?? "";
    const scheduled = await scheduleSession(seller, made.productIds);
    sessionId = scheduled.session.sessionId;
    const channelId = scheduled.session.playback.url.match(/\/live-media\/([0-9a-f]+)\.flv$/)?.[1] ?? "";
    // The provider's "stream started" event (what a publish to the channel sends; tested in live-video.test.ts).
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBe(sessionId);
    address = {
      name: "Người mua",
      phone: "0912345678",
      provinceCode: SON_LA,
      wardCode: await sonLaWard(),
      street: "Bản Mòng",
    };
  });
  afterAll(async () => {
    await server?.stop();
  });

  let keys = 0;
  async function buy(token: string, quantity: number) {
    const added = await call("POST", "/api/cart/items", { token, body: { productId, quantity, dealId: deal.dealId } });
    expect(added.status).toBeLessThan(300);
    return place(token);
  }
  function place(token: string) {
    return call<Placed>("POST", "/api/orders", {
      token,
      headers: { "idempotency-key": `deal-${deal.dealId}-${++keys}` },
      body: { address, paymentMethod: "cod", liveSessionId: sessionId },
    });
  }
  const dealUnits = (r: { body: Placed }) =>
    (r.body.order?.dealReservations ?? []).filter((d) => d.dealId === deal.dealId).reduce((n, d) => n + d.quantity, 0);
  const remaining = async () => (await call<Deal>("GET", `/api/live/deals/${deal.dealId}`)).body.remaining;

  it("opens a deal of 10 units, 3 per buyer, after its countdown, setting them aside from the product's stock", async () => {
    const stockBefore = (await Product.get(productId)).stock;
    const started = await call<Deal>("POST", `/api/seller/live/${sessionId}/deals`, {
      token: seller,
      body: { productId, priceVnd: 99_000, quantity: 10, perBuyer: 3, countdownSeconds: 10, durationMinutes: 5 },
    });
    expect(started.status).toBe(201);
    deal = started.body;
    expect(deal).toMatchObject({ quantity: 10, remaining: 10, perBuyer: 3 });
    expect((await Product.get(productId)).stock).toBe(stockBefore - 10);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(deal.startsAt) - Date.now()) + 200));
  }, 20_000);

  it("lets one buyer take 3 units one at a time, and refuses the 4th", async () => {
    const buyer = await tokenFor();
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await buy(buyer, 1));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 409]);
    expect(replies.slice(0, 3).map(dealUnits)).toEqual([1, 1, 1]);
    expect(replies[3]?.body.error?.code).toBe("deal_limit");
    expect(await remaining()).toBe(7);

    // More than the limit in one order is refused as well.
    const greedy = await tokenFor();
    const tooMany = await buy(greedy, 4);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error?.code).toBe("deal_limit");
    expect(await remaining()).toBe(7);
  }, 30_000);

  it("30 buyers taking 2 each at once never get more than the 7 units left", async () => {
    const buyers = await Promise.all(Array.from({ length: 30 }, () => tokenFor()));
    await Promise.all(
      buyers.map((token) =>
        call("POST", "/api/cart/items", { token, body: { productId, quantity: 2, dealId: deal.dealId } }),
      ),
    );
    const stockBefore = (await Product.get(productId)).stock;
    const replies = await Promise.all(buyers.map((token) => place(token)));

    const withDeal = replies.filter((r) => r.status === 201 && dealUnits(r) > 0);
    // 7 units, 2 per order: three orders get the deal, one unit stays.
    expect(withDeal).toHaveLength(3);
    expect(withDeal.every((r) => dealUnits(r) === 2)).toBe(true);
    expect(await remaining()).toBe(1);
    // The others were told the deal sold out, or bought at the regular price when they still could.
    for (const r of replies.filter((r) => !withDeal.includes(r))) {
      expect(
        r.status === 201 ? dealUnits(r) : r.body.error?.code,
        JSON.stringify({ status: r.status, body: r.body }),
      ).toSatisfy((v: unknown) => v === 0 || v === "deal_sold_out" || v === "out_of_stock");
    }
    // The deal's units were set aside from the product when it opened: its orders take none of the shop's stock.
    const regularUnits = replies.filter((r) => r.status === 201 && dealUnits(r) === 0).length * 2;
    expect((await Product.get(productId)).stock).toBe(stockBefore - regularUnits);
    const deals = await LiveDeal.get(deal.dealId);
    expect(deals.quantity - deals.remaining).toBe(9);

    // Cancelling a deal order gives its units back to the deal.
    const cancelled = withDeal[0];
    const buyer = buyers[replies.indexOf(cancelled as (typeof replies)[number])] ?? "";
    const cancel = await call("POST", `/api/orders/${cancelled?.body.order?.orderId}/cancel`, { token: buyer });
    expect(cancel.status).toBe(200);
    expect(await remaining()).toBe(3);
    // …and that buyer may take them again.
    expect(dealUnits(await buy(buyer, 2))).toBe(2);
    expect(await remaining()).toBe(1);
  }, 60_000);

  it("a sheet naming the deal: the last unit goes to one buyer, the rest are told at once, and a retry gets its order", async () => {
    const named = (token: string, key: string, withDeal = true) =>
      call<Placed>("POST", "/api/orders", {
        token,
        headers: { "idempotency-key": key },
        body: { address, paymentMethod: "cod", liveSessionId: sessionId, ...(withDeal ? { dealId: deal.dealId } : {}) },
      });
    expect(await remaining()).toBe(1);
    const buyers = await Promise.all(Array.from({ length: 12 }, () => tokenFor()));
    await Promise.all(
      buyers.map((token) =>
        call("POST", "/api/cart/items", { token, body: { productId, quantity: 1, dealId: deal.dealId } }),
      ),
    );
    const replies = await Promise.all(buyers.map((token, i) => named(token, `named-${deal.dealId}-${i}`)));
    const won = replies.filter((r) => r.status === 201);
    expect(won.map(dealUnits)).toEqual([1]);
    expect(replies.filter((r) => r.status === 409).map((r) => r.body.error?.code)).toEqual(
      Array.from({ length: 11 }, () => "deal_sold_out"),
    );
    expect(await remaining()).toBe(0);

    // The winner's answer was lost: the retry (which no longer names the deal) gets the same order back.
    const winner = replies.indexOf(won[0] as (typeof replies)[number]);
    const retry = await named(buyers[winner] ?? "", `named-${deal.dealId}-${winner}`, false);
    expect(retry.status).toBe(200);
    expect(retry.body.order?.orderId).toBe(won[0]?.body.order?.orderId);
    // Someone not signed in is still told so, not that the deal sold out.
    const anonymous = await call<Placed>("POST", "/api/orders", {
      headers: { "idempotency-key": `named-${deal.dealId}-anonymous` },
      body: { address, paymentMethod: "cod", liveSessionId: sessionId, dealId: deal.dealId },
    });
    expect(anonymous.status).toBe(401);

    // The winner cancels: the unit is back at once for the next buyer naming the deal.
    const cancel = await call("POST", `/api/orders/${won[0]?.body.order?.orderId}/cancel`, { token: buyers[winner] });
    expect(cancel.status).toBe(200);
    const next = buyers[(winner + 1) % buyers.length] ?? "";
    const again = await named(next, `named-${deal.dealId}-again`);
    expect(again.status).toBe(201);
    expect(dealUnits(again)).toBe(1);
    expect(await remaining()).toBe(0);
  }, 60_000);

  it("ends with the live: its clock stops at the live's end for everyone, and the last unit goes at the regular price", async () => {
    const viewBefore = await call<{ deal: Deal & { endsAt: string } }>("GET", `/api/live/${sessionId}`);
    expect(Date.parse(viewBefore.body.deal.endsAt)).toBeGreaterThan(Date.now());
    const channelId = (await Live.get(sessionId)).channelId;
    await Live.onStreamEvent({ channelId, type: "end" });
    // The stream does not come back: the live ends as of the drop.
    expect(await Live.endOffline(0)).toContain(sessionId);
    const ended = await call<{ status: string; endedAt: string; pin: unknown; deal: Deal & { endsAt: string } }>(
      "GET",
      `/api/live/${sessionId}`,
    );
    expect(ended.body.status).toBe("ended");
    expect(ended.body.pin).toBeNull();
    expect(ended.body.deal.endsAt).toBe(ended.body.endedAt);
    const closed = await call<Deal & { endsAt: string }>("GET", `/api/live/deals/${deal.dealId}`);
    expect(closed.body.endsAt).toBe(ended.body.endedAt);
    // The unsold unit went back to the product as the deal closed.
    const stockAfter = (await Product.get(productId)).stock;
    const late = await buy(await tokenFor(), 1);
    expect(late.status).toBe(201);
    expect(dealUnits(late)).toBe(0);
    expect((await Product.get(productId)).stock).toBe(stockAfter - 1);
  }, 30_000);
});
