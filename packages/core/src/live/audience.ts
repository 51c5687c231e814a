import type { z } from "zod";
import { isConditionFailure, rateLimit } from "../account/rate-limit";
import { toCard } from "../storefront/card";
import { ListingEntity } from "../storefront/entities";
import { channelById } from "./channel";
import { dealCue } from "./deal/news";
import { available } from "./deal/stock";
import { DealEntity, PinEntity, type Session, SessionEntity } from "./entities";
import { noticeTimeline } from "./notice";
import { videoProvider } from "./provider";
import { keptRecording } from "./recording";
import { cueNews, newsRelay, tellRoom } from "./room";
import { conflict, get, notLive, summaryCard } from "./session";
import type { Likes, Replay } from "./views";

/** The audience of a live: its likes, how many watch, and the replay for those who come after. */

export async function like(sessionId: string, who: string, at = new Date()): Promise<z.infer<typeof Likes>> {
  const session = await get(sessionId);
  if (session.status !== "live") throw notLive();
  await rateLimit(`like:${sessionId}:${who}`, 10, 10);
  const { data } = await SessionEntity.update({ sessionId }).add({ likes: 1 }).go({ response: "all_new" });
  await tellLikes(session, data, at);
  return { likes: data.likes ?? 0 };
}

/** The room hears the likes at most this often, however many like (a like is a tap, and a crowd taps together). */
export const LIKES_NEWS_MS = 2000;

/**
 * The like that finds the room untold for 2 s tells it the count (one conditional write elects it among the likes
 * arriving together); the likes after it wait for the next one, or the minutely audience update.
 */
async function tellLikes(session: Session, now: Partial<Session>, at: Date) {
  if (!newsRelay() || !session.chatRoomArn) return;
  const cutoff = new Date(at.getTime() - LIKES_NEWS_MS).toISOString();
  if (now.likesRelayedAt && now.likesRelayedAt > cutoff) return;
  const elected = await SessionEntity.patch({ sessionId: session.sessionId })
    .set({ likesRelayedAt: at.toISOString() })
    .where(({ likesRelayedAt }, { notExists, lte }) => `${notExists(likesRelayedAt)} OR ${lte(likesRelayedAt, cutoff)}`)
    .go()
    .then(
      () => true,
      (err) => {
        if (!isConditionFailure(err)) console.error("[live] likes news", session.sessionId, err);
        return false;
      },
    );
  if (elected) await tellRoom(session, { type: "likes", count: now.likes ?? 0 });
}

/** Keeps the session's peak audience (the local hub counts sockets; on IVS the provider's viewer count). */
export async function recordViewers(sessionId: string, count: number) {
  await SessionEntity.patch({ sessionId })
    .set({ peakViewers: count })
    .where(({ peakViewers }, { lt, notExists }) => `${notExists(peakViewers)} OR ${lt(peakViewers, count)}`)
    .go()
    .catch(() => undefined);
}

/**
 * Every minute on AWS (the job that ends offline lives): each live's room hears how many watch (IVS's count, the
 * peak kept), its likes and its running deal's units left, whatever news the minute's likes and sales skipped.
 * Nothing where the video brings these itself (the local hub counts its sockets). Returns the sessions told.
 */
export async function tellAudience(now = new Date()) {
  if (!newsRelay()) return [];
  const { data } = await SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" });
  const told: string[] = [];
  // One after another: IVS answers GetStream 5 times a second for the whole account.
  for (const session of data.filter((s) => s.chatRoomArn)) {
    try {
      const count = session.offlineSince
        ? null
        : await videoProvider().viewerCount(await channelById(session.channelId));
      if (count !== null) {
        await recordViewers(session.sessionId, count);
        await tellRoom(session, { type: "viewers", count });
      }
      if (session.likes) await tellRoom(session, { type: "likes", count: session.likes });
      const { data: deal } = session.dealId ? await DealEntity.get({ dealId: session.dealId }).go() : { data: null };
      if (deal && deal.endsAt > now.toISOString()) {
        const remaining = await available(deal);
        if (remaining < deal.quantity) {
          await tellRoom(session, cueNews(dealCue(deal, session, now.getTime(), remaining), now));
        }
      }
      told.push(session.sessionId);
    } catch (err) {
      console.error("[live] audience news", session.sessionId, err);
    }
  }
  return told;
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
    recordingUrl: keptRecording(session),
    startedAt: session.startedAt ?? null,
    endedAt: session.endedAt ?? null,
    pins: pins.map((p) => ({ atMs: p.streamMs, product: p.productId ? (byId.get(p.productId) ?? null) : null })),
    notices: await noticeTimeline(sessionId),
  };
}
