import { type Session, SessionEntity } from "../entities";

/** The live session an order names, read while the order is priced. */
export async function liveSessionOf(sessionId: string) {
  const { data } = await SessionEntity.get({ sessionId }).go({ consistent: true });
  return data ?? undefined;
}

/**
 * The live an order is credited to (its seller sees the buyer's name and the revenue): only a session on air
 * (or waiting for its seller to reconnect) of a producer with a parcel in the order. Any other id is ignored.
 */
export function creditedLive(session: Session | undefined, parcels: Array<{ producerId: string }>) {
  if (session?.status !== "live") return undefined;
  return parcels.some((p) => p.producerId === session.producerId) ? session.sessionId : undefined;
}
