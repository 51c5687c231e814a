import { lazyClient, tableName } from "../../db/client";
import { serviceOnFirstUse } from "../../db/on-first-use";
import { type Deal, DealBuyerEntity, DealEntity } from "./entities";
import { DealReservationEntity, DealShardEntity } from "./shards";
import type { ReturnPlan } from "./stock";

const DealService = serviceOnFirstUse(
  { deal: DealEntity, dealBuyer: DealBuyerEntity, dealShard: DealShardEntity, dealReservation: DealReservationEntity },
  { client: lazyClient, table: tableName() },
);
/** The part of a transaction that writes deals: the order's transaction carries it. */
export type DealTx = Pick<
  Parameters<Parameters<typeof DealService.transaction.write>[0]>[0],
  "deal" | "dealBuyer" | "dealShard" | "dealReservation"
>;

/**
 * What a live deal puts in the order's transaction that holds its units: the buyer's count, never above the per-buyer
 * limit, and the reservation item that turns the hold into the order's (refused when the sweep already gave the hold
 * back). Neither is the deal's hot item, so buyers of one deal do not conflict. Read back by `refusal`.
 */
export function reserve(
  tx: DealTx,
  deal: Deal,
  userId: string,
  hold: { shard: number; quantity: number },
  order: {
    orderId: string;
    at: string;
  },
) {
  const { quantity } = hold;
  return {
    held: tx.dealReservation
      .create({
        dealId: deal.dealId,
        orderId: order.orderId,
        shard: hold.shard,
        quantity,
        state: "ordered",
        at: order.at,
      })
      .commit(),
    bought: tx.dealBuyer
      .update({ dealId: deal.dealId, userId })
      .add({ bought: quantity })
      .where(({ bought }, { notExists, lte }) => `${notExists(bought)} OR ${lte(bought, deal.perBuyer - quantity)}`)
      .commit(),
  };
}

/**
 * A cancelled order's units of a deal go back, in the cancellation's transaction: to the shard they came from while
 * the deal's units are out, else to the product (the product's write is the caller's, merged with its own); its
 * reservation becomes `returned` (once: a second cancellation finds it so), and the buyer's count goes down.
 */
export function release(tx: DealTx, plan: ReturnPlan, userId: string) {
  return [
    tx.dealReservation
      .patch({ dealId: plan.dealId, orderId: plan.orderId })
      .set({ state: "returned" })
      .where(({ state }, { eq }) => eq(state, "ordered"))
      .commit(),
    ...(plan.toShard
      ? [
          tx.dealShard
            .patch({ dealId: plan.dealId, shard: plan.shard })
            .add({ stock: plan.quantity })
            .where(({ closed }, { notExists }) => notExists(closed))
            .commit(),
        ]
      : []),
    tx.dealBuyer.patch({ dealId: plan.dealId, userId }).add({ bought: -plan.quantity }).commit(),
  ];
}

/**
 * Why a transaction with deal reservations was refused, from the reasons of its `held` and `bought` writes (one of
 * each per deal, in the same order): the first deal that failed speaks, its hold (given back meanwhile: as good as
 * sold out) before its buyer limit.
 */
export function refusal(held: readonly string[], bought: readonly string[]): "deal_sold_out" | "deal_limit" | null {
  for (let i = 0; i < Math.max(held.length, bought.length); i++) {
    if (held[i] === "ConditionalCheckFailed") return "deal_sold_out";
    if (bought[i] === "ConditionalCheckFailed") return "deal_limit";
  }
  return null;
}
