import type { Deal } from "./entities";

/** A deal as everyone sees it; a live that ended closed its deal then, whatever its clock said. */
export function dealView(d: Deal, session?: { endedAt?: string }) {
  const endsAt = session?.endedAt && session.endedAt < d.endsAt ? session.endedAt : d.endsAt;
  return {
    dealId: d.dealId,
    productId: d.productId,
    priceVnd: d.priceVnd,
    quantity: d.quantity,
    remaining: Math.max(0, d.quantity - d.sold),
    perBuyer: d.perBuyer,
    startsAt: d.startsAt,
    endsAt,
  };
}
