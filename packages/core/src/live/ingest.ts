import type { Actor } from "../account/actor";
import { SellerVerification } from "../seller/verification";
import { channelOf } from "./channel";
import { ChannelEntity } from "./entities";
import { videoProvider } from "./provider";
import { ownSession } from "./session";
import type { Ingest } from "./views";

/**
 * The ingest for the seller's broadcast page, OBS or Larix: only the producer's verified sellers ever see the key
 * (an unverified one is told why, 403 `seller_unverified`).
 */
export async function ingest(actor: Actor, sessionId: string): Promise<Ingest> {
  const session = await ownSession(actor, sessionId);
  await SellerVerification.requireVerified(actor);
  const channel = await channelOf(session.producerId);
  return { provider: channel.provider, ingestUrl: channel.ingestUrl, streamKey: channel.streamKey };
}

/**
 * A new stream key for the session's channel (a key that leaked, a phone that was lost): only the producer's
 * sellers. The old key stops working at once; a broadcast on air with it is cut off and the live waits for the
 * seller to come back with the new one, as for a dropped stream.
 */
export async function rotateStreamKey(actor: Actor, sessionId: string): Promise<Ingest> {
  const session = await ownSession(actor, sessionId);
  await SellerVerification.requireVerified(actor);
  const channel = await channelOf(session.producerId);
  const streamKey = await videoProvider().rotateStreamKey(channel);
  await ChannelEntity.patch({ producerId: session.producerId }).set({ streamKey }).go();
  return { provider: channel.provider, ingestUrl: channel.ingestUrl, streamKey };
}
