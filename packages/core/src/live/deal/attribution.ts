import { SessionEntity } from "../entities";

/**
 * The live an order is credited to (its seller sees the buyer's name and the revenue): only a session on air
 * (or waiting for its seller to reconnect) of a producer with a parcel in the order. Any other id is ignored.
 */
export async function creditedLive(sessionId: string | undefined, parcels: Array<{ producerId: string }>) {
  if (!sessionId) return undefined;
  const { data: session } = await SessionEntity.get({ sessionId }).go({ consistent: true });
  if (session?.status !== "live") return undefined;
  return parcels.some((p) => p.producerId === session.producerId) ? sessionId : undefined;
}
