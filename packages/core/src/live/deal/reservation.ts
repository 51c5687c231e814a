import { Service } from "electrodb";
import { lazyClient, tableName } from "../../db/client";
import { type Deal, DealBuyerEntity, DealEntity } from "./entities";

const DealService = new Service(
  { deal: DealEntity, dealBuyer: DealBuyerEntity },
  { client: lazyClient, table: tableName() },
);
/** The part of a transaction that writes deals: the order's transaction carries it. */
export type DealTx = Pick<Parameters<Parameters<typeof DealService.transaction.write>[0]>[0], "deal" | "dealBuyer">;

/**
 * The conditions a live deal puts on the order that takes units from it: never more than its quantity (`sold`),
 * never more than its per-buyer limit (`bought`), only while it runs. Read back by `refusal`.
 */
export function reserve(tx: DealTx, deal: Deal, userId: string, quantity: number, at: string) {
  return {
    sold: tx.deal
      .patch({ dealId: deal.dealId })
      .add({ sold: quantity })
      .where(
        ({ sold, startsAt, endsAt }, { lte, gt }) =>
          `${lte(sold, deal.quantity - quantity)} AND ${lte(startsAt, at)} AND ${gt(endsAt, at)}`,
      )
      .commit(),
    bought: tx.dealBuyer
      .update({ dealId: deal.dealId, userId })
      .add({ bought: quantity })
      .where(({ bought }, { notExists, lte }) => `${notExists(bought)} OR ${lte(bought, deal.perBuyer - quantity)}`)
      .commit(),
  };
}

/** A cancelled order's units go back to the deal and to its buyer's count. */
export function release(tx: DealTx, reservation: { dealId: string; quantity: number }, userId: string) {
  return [
    tx.deal.patch({ dealId: reservation.dealId }).add({ sold: -reservation.quantity }).commit(),
    tx.dealBuyer.patch({ dealId: reservation.dealId, userId }).add({ bought: -reservation.quantity }).commit(),
  ];
}

/**
 * Why a transaction with deal reservations was refused, from the reasons of its `sold` and `bought` conditions
 * (one of each per deal, in the same order): the first deal that failed speaks, its quantity before its buyer limit.
 */
export function refusal(sold: readonly string[], bought: readonly string[]): "deal_sold_out" | "deal_limit" | null {
  for (let i = 0; i < Math.max(sold.length, bought.length); i++) {
    if (sold[i] === "ConditionalCheckFailed") return "deal_sold_out";
    if (bought[i] === "ConditionalCheckFailed") return "deal_limit";
  }
  return null;
}
