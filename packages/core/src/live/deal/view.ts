import type { Deal } from "./entities";

/**
 * A deal as everyone sees it, with the units its shards have left; a live that ended closed its deal then, whatever
 * its clock said.
 */
export function dealView(d: Deal, session: { endedAt?: string } | undefined, remaining: number) {
  const endsAt = session?.endedAt && session.endedAt < d.endsAt ? session.endedAt : d.endsAt;
  return {
    dealId: d.dealId,
    productId: d.productId,
    priceVnd: d.priceVnd,
    quantity: d.quantity,
    remaining,
    perBuyer: d.perBuyer,
    startsAt: d.startsAt,
    endsAt,
  };
}
