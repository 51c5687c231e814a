import { type Deal, DealEntity } from "@cho-ocop/core/live/deal/entities";
import { refusal, release, reserve } from "@cho-ocop/core/live/deal/reservation";
import { DealReservationEntity } from "@cho-ocop/core/live/deal/shards";
import { DealStock, HOLD_MS, shardsOf } from "@cho-ocop/core/live/deal/stock";
import { writeGroups } from "@cho-ocop/core/order/transaction";
import { Product } from "@cho-ocop/core/product/index";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

/**
 * What becomes of a buyer who took units: the order is written (and its hold comes off), its transaction fails (the
 * units are given back), the process dies before the order or after it (the sweep settles the hold), the sweep gives
 * the hold back before a slow order's transaction (which is then refused), or the order is written and cancelled.
 */
const FATES = ["ordered", "txFails", "diesBeforeOrder", "sweptBeforeOrder", "diesAfterOrder", "cancelled"] as const;
type Fate = (typeof FATES)[number];
const STEPS: Record<Fate, Array<"take" | "write" | "dropHold" | "giveBack" | "sweep" | "cancel">> = {
  ordered: ["take", "write", "dropHold"],
  txFails: ["take", "giveBack"],
  diesBeforeOrder: ["take"],
  sweptBeforeOrder: ["take", "sweep", "write"],
  diesAfterOrder: ["take", "write"],
  cancelled: ["take", "write", "dropHold", "cancel"],
};

const scenario = fc.record({
  units: fc.integer({ min: 1, max: 6 }),
  shards: fc.integer({ min: 1, max: 3 }),
  buyers: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 3 }), fate: fc.constantFrom(...FATES) }), {
    minLength: 1,
    maxLength: 6,
  }),
  /** Which buyer moves next, among those with steps left: the interleaving. */
  picks: fc.array(fc.nat({ max: 99 }), { minLength: 24, maxLength: 24 }),
});

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
let serial = 0;
/** An order id of the shape the sweep dates holds by (a ULID: 10 characters of time, then 16 of anything). */
function orderIdAt(ms: number) {
  let time = "";
  for (let t = ms, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return time + String(++serial).padStart(16, "0");
}

/**
 * Random interleavings of buyers, quantities and failures at each step of a live deal's purchase, on the real table:
 * after every step the units add up (units opened = left in the shards + held by orders not yet written + in written
 * orders), no shard goes below zero, no more orders than units; once the sweep has settled the holds and the deal
 * has ended, the product has back exactly the units no order kept. Seeded, so every run plays the same cases.
 */
describe("a live deal's units, whatever the buyers and failures (property)", () => {
  let productId: string;

  beforeAll(async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), "HTX Đếm Suất"),
    });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput("Mật ong suất live"), stock: 1000 },
    });
    productId = created.body.productId;
    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${productId}/approve`, { token: central });
  }, 60_000);

  it("sold + left + held = opened at every step, never below zero, never more orders than units", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ units, shards, buyers, picks }) => {
        const now = Date.now();
        const stockBefore = (await Product.get(productId)).stock;
        const deal: Deal = {
          dealId: orderIdAt(now),
          sessionId: orderIdAt(now),
          productId,
          priceVnd: 59_000,
          quantity: units,
          perBuyer: 10,
          sold: 0,
          shards: Math.min(shards, units),
          startsAt: new Date(now - 1000).toISOString(),
          endsAt: new Date(now + 30 * 60_000).toISOString(),
          createdAt: new Date(now).toISOString(),
        };
        expect(await DealStock.open(deal)).toBe(true);

        const people = buyers.map((b, i) => ({
          ...b,
          userId: `u${i}${deal.dealId}`,
          orderId: orderIdAt(now - 1000),
          steps: [...STEPS[b.fate]],
          shard: -1,
        }));

        async function tally() {
          const list = await shardsOf(deal, true);
          const { data: reservations } = await DealReservationEntity.get(
            people.map((p) => ({ dealId: deal.dealId, orderId: p.orderId })),
          ).go({ consistent: true });
          const ordered = new Map(
            reservations.filter((r) => r.state === "ordered").map((r) => [r.orderId, r.quantity]),
          );
          const held = list
            .flatMap((s) => s.holds ?? [])
            .map((h) => h.split(":"))
            .filter(([orderId]) => !ordered.has(orderId ?? ""))
            .reduce((n, [, q]) => n + Number(q), 0);
          return {
            left: list.reduce((n, s) => n + (s.closed ? 0 : s.stock), 0),
            lowest: Math.min(...list.map((s) => s.stock)),
            held,
            sold: [...ordered.values()].reduce((n, q) => n + q, 0),
            orders: ordered.size,
          };
        }
        async function holds() {
          const t = await tally();
          expect(t.lowest).toBeGreaterThanOrEqual(0);
          expect(t.left + t.held + t.sold).toBe(units);
          expect(t.orders).toBeLessThanOrEqual(units);
          return t;
        }

        for (const pick of picks) {
          const moving = people.filter((p) => p.steps.length > 0);
          const p = moving[pick % Math.max(1, moving.length)];
          if (!p) break;
          const step = p.steps.shift();
          if (step === "take") {
            const got = await DealStock.take(deal, p.orderId, p.quantity);
            if (got) p.shard = got.shard;
            else p.steps = [];
          } else if (step === "write") {
            const result = await writeGroups((tx) => {
              const d = reserve(
                tx,
                deal,
                p.userId,
                { shard: p.shard, quantity: p.quantity },
                {
                  orderId: p.orderId,
                  at: new Date().toISOString(),
                },
              );
              return { held: [d.held], bought: [d.bought] };
            });
            if (p.fate === "sweptBeforeOrder") {
              expect(result.canceled && refusal(result.reasons.held, result.reasons.bought)).toBe("deal_sold_out");
            } else {
              expect(result.canceled).toBe(false);
            }
          } else if (step === "dropHold") {
            await DealStock.dropHold(deal.dealId, p.shard, p.orderId, p.quantity);
          } else if (step === "giveBack") {
            await DealStock.abandonAll([{ deal, quantity: p.quantity, shard: p.shard, emptied: false }], p.orderId);
          } else if (step === "sweep") {
            expect(await DealStock.abandon(deal, p.shard, p.orderId, p.quantity)).toBe(p.quantity);
          } else if (step === "cancel") {
            const plan = await DealStock.returnPlan(deal.dealId, p.orderId);
            expect(plan).toMatchObject({ quantity: p.quantity, toShard: true });
            if (plan) await writeGroups((tx) => ({ back: release(tx, plan, p.userId) }));
            await DealStock.unitsReturned(deal.dealId);
          }
          await holds();
        }

        // The holds of processes that died are settled by the sweep once they are older than the window.
        await DealStock.sweep(new Date(Date.now() + HOLD_MS + 1000));
        const settled = await holds();
        expect(settled.held).toBe(0);
        const kept = people
          .filter((p) => p.shard >= 0 && ["ordered", "diesAfterOrder"].includes(p.fate))
          .reduce((n, p) => n + p.quantity, 0);
        expect(settled.sold).toBe(kept);

        // The deal ends: the product has back what no order kept.
        await DealEntity.patch({ dealId: deal.dealId }).set({ endsAt: new Date().toISOString() }).go();
        await DealStock.settle(deal);
        expect((await Product.get(productId)).stock).toBe(stockBefore - kept);
      }),
      { seed: 20261203, numRuns: 12 },
    );
  }, 120_000);
});
