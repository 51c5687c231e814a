import type { z } from "zod";
import { rateLimit } from "../account/rate-limit";
import { toCard } from "../storefront/card";
import { ListingEntity } from "../storefront/entities";
import { channelById } from "./channel";
import { PinEntity, SessionEntity } from "./entities";
import { videoProvider } from "./provider";
import { conflict, get, notLive, summaryCard } from "./session";
import type { Likes, Replay } from "./views";

/** The audience of a live: its likes, how many watch, and the replay for those who come after. */

export async function like(sessionId: string, who: string): Promise<z.infer<typeof Likes>> {
  const session = await get(sessionId);
  if (session.status !== "live") throw notLive();
  await rateLimit(`like:${sessionId}:${who}`, 10, 10);
  const { data } = await SessionEntity.update({ sessionId }).add({ likes: 1 }).go({ response: "all_new" });
  return { likes: data.likes ?? 0 };
}

/** Keeps the session's peak audience (the local hub counts sockets; on IVS the provider's viewer count). */
export async function recordViewers(sessionId: string, count: number) {
  await SessionEntity.patch({ sessionId })
    .set({ peakViewers: count })
    .where(({ peakViewers }, { lt, notExists }) => `${notExists(peakViewers)} OR ${lt(peakViewers, count)}`)
    .go()
    .catch(() => undefined);
}

export async function viewers(sessionId: string) {
  const session = await get(sessionId);
  if (session.status !== "live") return null;
  const count = await videoProvider().viewerCount(await channelById(session.channelId));
  if (count !== null) await recordViewers(sessionId, count);
  return count;
}

/** The replay: the recording and the pins on its timeline. */
export async function replay(sessionId: string): Promise<Replay> {
  const session = await get(sessionId);
  if (session.status !== "ended") throw conflict("not_ended", "Buổi live chưa kết thúc.", "The live has not ended.");
  const [{ data: pins }, cards] = await Promise.all([
    PinEntity.query.bySession({ sessionId }).go({ pages: "all" }),
    ListingEntity.get(session.productIds.map((productId) => ({ productId, shelf: "all" }))).go(),
  ]);
  const byId = new Map(cards.data.map((c) => [c.productId, toCard(c)]));
  return {
    ...summaryCard(session),
    recordingUrl: session.recordingUrl ?? null,
    startedAt: session.startedAt ?? null,
    endedAt: session.endedAt ?? null,
    pins: pins.map((p) => ({ atMs: p.streamMs, product: p.productId ? (byId.get(p.productId) ?? null) : null })),
  };
}
