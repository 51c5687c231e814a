import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireSeller, requireSellerOf, requireStaff, requireUser } from "../account/actor";
import { Producer } from "../producer";
import { Product } from "../product";
import { storage } from "../storage";
import { toCard } from "../storefront/card";
import { ListingEntity } from "../storefront/entities";
import { Upload } from "../upload";
import { DomainError, notFound } from "../util/error";
import { channelById, channelOf } from "./channel";
import { chatProvider } from "./chat";
import { DealEntity } from "./deal/entities";
import { available } from "./deal/stock";
import { dealView } from "./deal/view";
import { type Session, SessionEntity } from "./entities";
import { keptRecording } from "./recording";
import type { OwnSessionCard, SessionCard, SessionView } from "./views";

/**
 * A live session as a seller schedules it and everyone finds it: scheduled with up to 50 featured products, put on
 * air and ended by the stream (stream.ts), closed early by its seller or staff (close.ts).
 */

export const conflict = (code: string, vi: string, en: string) => new DomainError(409, code, { vi, en });

export const notLive = () =>
  conflict("not_live", "Buổi live chưa bắt đầu hoặc đã kết thúc.", "The live session is not on air.");

export const MAX_FEATURED = 50;
export const Id = z.string().regex(/^[0-9a-z]{26}$/, "expected a live session id");

export const ScheduleInput = z.object({
  title: z.string().trim().min(3).max(120),
  startAt: z.iso.datetime({ offset: true, message: "expected a date and time such as 2026-12-01T19:30:00+07:00" }),
  coverKey: z.string().max(300).optional(),
  productIds: z
    .array(Product.Id)
    .min(1, "feature at least one product")
    .max(MAX_FEATURED, `at most ${MAX_FEATURED} featured products`)
    .refine((ids) => new Set(ids).size === ids.length, "each product once"),
});

export async function schedule(actor: Actor, input: z.input<typeof ScheduleInput>) {
  const seller = requireSeller(actor);
  const fields = ScheduleInput.parse(input);
  const startAt = new Date(fields.startAt);
  if (startAt.getTime() < Date.now() - 5 * 60_000 || startAt.getTime() > Date.now() + 60 * 86_400_000) {
    throw new DomainError(
      400,
      "invalid_input",
      { vi: "Giờ bắt đầu phải trong 60 ngày tới.", en: "The start time must be within the next 60 days." },
      "startAt",
    );
  }
  const products = await Product.entity.get(fields.productIds.map((productId) => ({ productId }))).go();
  const foreign = fields.productIds.find((id) => {
    const p = products.data.find((x) => x.productId === id);
    return !p || p.producerId !== seller.producerId || p.status !== "approved";
  });
  if (foreign) {
    throw new DomainError(
      400,
      "invalid_input",
      {
        vi: "Chỉ giới thiệu được sản phẩm đang bán của chủ thể mình.",
        en: "Only your producer's products on sale can be featured.",
      },
      "productIds",
    );
  }
  if (fields.coverKey)
    await Upload.verify(fields.coverKey, { purpose: "product-image", producerId: seller.producerId }, "coverKey");
  const producer = await Producer.get(seller.producerId);
  const channel = await channelOf(seller.producerId);
  const sessionId = ulid().toLowerCase();
  let chatRoomArn: string | undefined;
  const chat = chatProvider();
  if (chat.createRoom) chatRoomArn = await chat.createRoom(sessionId);
  await SessionEntity.create({
    sessionId,
    producerId: seller.producerId,
    producerName: producer.name,
    channelId: channel.channelId,
    title: fields.title,
    startAt: startAt.toISOString(),
    coverKey: fields.coverKey,
    productIds: fields.productIds,
    status: "scheduled",
    chatRoomArn,
    createdAt: new Date().toISOString(),
  }).go();
  return get(sessionId);
}

export async function get(sessionId: string): Promise<Session> {
  const { data } = await SessionEntity.get({ sessionId }).go({ consistent: true });
  if (!data) throw notFound({ vi: "buổi live", en: "Live session" });
  return data;
}

/** The session, for one of its producer's sellers only. */
export async function ownSession(actor: Actor, sessionId: string) {
  const session = await get(sessionId);
  requireSellerOf(actor, session.producerId);
  return session;
}

/** The session, for its producer's sellers and for staff (moderation, the orders and figures of a live). */
export async function forSellerOrStaff(actor: Actor, sessionId: string) {
  const session = await get(sessionId);
  const user = requireUser(actor);
  if (user.role === "staff") requireStaff(actor);
  else requireSellerOf(actor, session.producerId);
  return { session, user };
}

/** Where the stream is now, in ms since it went on air: the time a cue carries. */
export function streamMs(session: Session, at = Date.now()) {
  return session.startedAt ? Math.max(0, at - Date.parse(session.startedAt)) : 0;
}

/** Upcoming and live sessions, for the home page and the Live page: live first, then by start time. */
export async function listPublic(): Promise<SessionCard[]> {
  const [live, scheduled] = await Promise.all([
    SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" }),
    SessionEntity.query.byStatus({ status: "scheduled" }).go({ pages: "all" }),
  ]);
  const soon = new Date(Date.now() - 6 * 3_600_000).toISOString();
  return [...live.data, ...scheduled.data.filter((s) => s.startAt >= soon)].map(summaryCard);
}

export function summaryCard(s: Session): SessionCard {
  return {
    sessionId: s.sessionId,
    title: s.title,
    status: s.status,
    startAt: s.startAt,
    producerId: s.producerId,
    producerName: s.producerName,
    cover: s.coverKey ? storage().publicUrl(s.coverKey) : null,
    products: s.productIds.length,
  };
}

/** What a viewer needs: playback, the pin now, the deal running, the featured products. */
export async function view(sessionId: string): Promise<SessionView> {
  const session = await get(sessionId);
  const [cards, deal] = await Promise.all([
    ListingEntity.get(session.productIds.map((productId) => ({ productId, shelf: "all" }))).go(),
    session.dealId ? DealEntity.get({ dealId: session.dealId }).go() : Promise.resolve({ data: null }),
  ]);
  const remaining = deal.data ? await available(deal.data) : 0;
  const byId = new Map(cards.data.map((c) => [c.productId, toCard(c)]));
  const channel = await channelById(session.channelId);
  return {
    ...summaryCard(session),
    startedAt: session.startedAt ?? null,
    endedAt: session.endedAt ?? null,
    likes: session.likes ?? 0,
    /** Live, but the stream dropped: the seller is reconnecting. */
    offline: session.status === "live" && !!session.offlineSince,
    playback: { provider: channel.provider, url: channel.playbackUrl },
    pin: session.pinProductId ? (byId.get(session.pinProductId) ?? null) : null,
    pinnedAt: session.pinnedAt ?? null,
    notice:
      session.noticeText && session.status === "live"
        ? { text: session.noticeText, at: session.noticeAt ?? null }
        : null,
    deal: deal.data ? dealView(deal.data, session, remaining) : null,
    products: session.productIds.flatMap((id) => byId.get(id) ?? []),
    recordingUrl: session.status === "ended" ? keptRecording(session) : null,
  };
}

export async function mine(actor: Actor): Promise<OwnSessionCard[]> {
  const seller = requireSeller(actor);
  const { data } = await SessionEntity.query
    .byProducer({ producerId: seller.producerId })
    .go({ order: "desc", pages: "all" });
  return data.map(closedCard);
}

/** A session for its seller and staff: a cancelled one, and the reason staff gave for closing it, are told. */
export function closedCard(s: Session): OwnSessionCard {
  return { ...summaryCard(s), cancelled: s.cancelled ?? false, endReason: s.endReason ?? null };
}

export async function all(actor: Actor): Promise<OwnSessionCard[]> {
  requireStaff(actor);
  const sessions = await Promise.all(
    (["live", "scheduled", "ended"] as const).map((status) =>
      SessionEntity.query.byStatus({ status }).go({ order: "desc", limit: 100 }),
    ),
  );
  return sessions.flatMap((r) => r.data).map(closedCard);
}
