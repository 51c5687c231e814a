import type { Actor } from "../account/actor";
import { type Card, toCard } from "../storefront/card";
import { ListingEntity } from "../storefront/entities";
import { DomainError } from "../util/error";
import { channelById } from "./channel";
import { cuePayload } from "./cue";
import { PinEntity, SessionEntity } from "./entities";
import { videoProvider } from "./provider";
import { cueNews, tellRoom } from "./room";
import { notLive, ownSession, streamMs } from "./session";
import type { Pinned } from "./views";
import type { Cue } from "./wire";

/**
 * Pins a featured product (or unpins with null). The pin travels as timed metadata with the video, so viewers see
 * the card in step with what the seller shows; late joiners get it from the session.
 */
export async function pin(actor: Actor, sessionId: string, productId: string | null): Promise<Pinned> {
  const session = await ownSession(actor, sessionId);
  if (session.status !== "live") throw notLive();
  if (productId && !session.productIds.includes(productId)) {
    throw new DomainError(
      400,
      "invalid_input",
      {
        vi: "Chỉ ghim được sản phẩm giới thiệu của buổi live.",
        en: "Only the session's featured products can be pinned.",
      },
      "productId",
    );
  }
  const channel = await channelById(session.channelId);
  const at = new Date();
  let card: Card | null = null;
  if (productId) {
    const { data } = await ListingEntity.get({ productId, shelf: "all" }).go();
    card = data ? toCard(data) : null;
  }
  const cue: Cue = {
    t: "pin",
    s: sessionId,
    ms: streamMs(session, at.getTime()),
    p: card
      ? { id: card.productId, n: card.name, v: card.priceVnd, u: card.unit, i: card.image, st: card.stars }
      : null,
  };
  await videoProvider().putMetadata(channel, cuePayload(cue));
  await Promise.all([
    productId
      ? SessionEntity.patch({ sessionId }).set({ pinProductId: productId, pinnedAt: at.toISOString() }).go()
      : SessionEntity.patch({ sessionId }).remove(["pinProductId", "pinnedAt"]).go(),
    // A put: two pins in the same millisecond are one moment of the timeline, the later one holding.
    PinEntity.put({
      sessionId,
      at: at.toISOString(),
      streamMs: streamMs(session, at.getTime()),
      productId: productId ?? undefined,
    }).go(),
  ]);
  // Late joiners, and pages whose player has not started, learn the pin from the room.
  await tellRoom(session, cueNews(cue, at));
  return { pinned: card };
}
