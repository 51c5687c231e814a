import { isConditionFailure } from "../../account/rate-limit";
import { type Session, SessionEntity } from "../entities";
import { cueNews, newsRelay, tellRoom } from "../room";
import { streamMs } from "../session";
import type { Cue } from "../wire";
import { type Deal, DealEntity } from "./entities";
import { available } from "./stock";

/** The deal as a cue carries it, `at` when it is told; with the units left when the room is told of a sale. */
export function dealCue(deal: Deal, session: Session, at: number, remaining?: number) {
  const cue: Cue = {
    t: "deal",
    s: session.sessionId,
    ms: streamMs(session, at),
    d: {
      id: deal.dealId,
      p: deal.productId,
      v: deal.priceVnd,
      q: deal.quantity,
      b: deal.perBuyer,
      from: deal.startsAt,
      to: deal.endsAt,
      ...(remaining === undefined ? {} : { r: Math.max(0, remaining) }),
    },
  };
  return cue;
}

/** The room hears a deal's units left at most this often, however many buy (a flash sale is hundreds a second). */
export const UNITS_NEWS_MS = 1000;

/**
 * After a sale from a deal: its room is told the units left, unless it was told less than a second ago (one
 * conditional write elects the sale that tells; the others only read the time the order already read). The sale
 * that marked the deal sold out always tells. What a skipped sale changed the next sale's news, or the minutely
 * audience update, tells; the page's own reading of the deal too.
 */
export async function tellSale(deal: Deal, at = new Date(), soldOut = false) {
  if (!newsRelay()) return;
  const cutoff = new Date(at.getTime() - UNITS_NEWS_MS).toISOString();
  if (!soldOut && deal.unitsRelayedAt && deal.unitsRelayedAt > cutoff) return;
  try {
    const elected = await DealEntity.patch({ dealId: deal.dealId })
      .set({ unitsRelayedAt: at.toISOString() })
      .where(
        ({ unitsRelayedAt }, { notExists, lte }) =>
          `${notExists(unitsRelayedAt)} OR ${lte(unitsRelayedAt, soldOut ? "9999" : cutoff)}`,
      )
      .go({ response: "all_new" })
      .catch((err) => {
        if (isConditionFailure(err)) return undefined;
        throw err;
      });
    if (!elected) return;
    const [{ data: session }, remaining] = await Promise.all([
      SessionEntity.get({ sessionId: deal.sessionId }).go(),
      soldOut ? 0 : available(deal),
    ]);
    if (session) await tellRoom(session, cueNews(dealCue(elected.data, session, at.getTime(), remaining), at));
  } catch (err) {
    console.error("[live] deal news", deal.dealId, err);
  }
}
