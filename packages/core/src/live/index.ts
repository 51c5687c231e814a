import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireSeller, requireSellerOf, requireStaff, requireUser } from "../account/actor";
import { rateLimit } from "../account/rate-limit";
import { Audit, AuditEntity } from "../audit";
import { Deal } from "../deal";
import { DealEntity } from "../deal/entities";
import { messenger } from "../message";
import { OrderEntity } from "../order/entities";
import { Producer } from "../producer";
import { Product } from "../product";
import { storage } from "../storage";
import { type Card, toCard } from "../storefront/card";
import { ListingEntity } from "../storefront/entities";
import { Upload } from "../upload";
import { DomainError } from "../util/error";
import { channelById, channelOf as channelOfProducer } from "./channel";
import { CHAT_HISTORY, CHAT_MAX_LENGTH, type ChatAuthor, type ChatRole, chatProvider } from "./chat";
import { cuePayload } from "./cue";
import { ChannelEntity, ChatMessageEntity, MuteEntity, PinEntity, type Session, SessionEntity } from "./entities";
import { videoProvider } from "./provider";
import { conflict, get as getSession, notLive, ownSession, streamMs } from "./session";

export { CHAT_HISTORY, CHAT_MAX_LENGTH } from "./chat";

/**
 * Live selling: a seller schedules a session with up to 50 featured products, goes live (the video provider's
 * stream events move it to live and ended), pins products and starts live-only deals in step with the video;
 * viewers watch, chat and buy without leaving the stream.
 */
export namespace Live {
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

  export const channelOf = channelOfProducer;

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

  export const get = getSession;

  /** Upcoming and live sessions, for the home page and the Live page: live first, then by start time. */
  export async function listPublic() {
    const [live, scheduled] = await Promise.all([
      SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" }),
      SessionEntity.query.byStatus({ status: "scheduled" }).go({ pages: "all" }),
    ]);
    const soon = new Date(Date.now() - 6 * 3_600_000).toISOString();
    return [...live.data, ...scheduled.data.filter((s) => s.startAt >= soon)].map(summaryCard);
  }

  function summaryCard(s: Session) {
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
  export async function view(sessionId: string) {
    const session = await get(sessionId);
    const [cards, deal] = await Promise.all([
      ListingEntity.get(session.productIds.map((productId) => ({ productId, shelf: "all" }))).go(),
      session.dealId ? DealEntity.get({ dealId: session.dealId }).go() : Promise.resolve({ data: null }),
    ]);
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
      deal: deal.data ? Deal.view(deal.data, session) : null,
      products: session.productIds.flatMap((id) => byId.get(id) ?? []),
      recordingUrl: session.status === "ended" ? (session.recordingUrl ?? null) : null,
    };
  }

  /** The ingest for the seller's broadcast page, OBS or Larix: only the producer's sellers ever see the key. */
  export async function ingest(actor: Actor, sessionId: string) {
    const session = await ownSession(actor, sessionId);
    const channel = await channelOf(session.producerId);
    return { provider: channel.provider, ingestUrl: channel.ingestUrl, streamKey: channel.streamKey };
  }

  /**
   * A new stream key for the session's channel (a key that leaked, a phone that was lost): only the producer's
   * sellers. The old key stops working at once; a broadcast on air with it is cut off and the live waits for the
   * seller to come back with the new one, as for a dropped stream.
   */
  export async function rotateStreamKey(actor: Actor, sessionId: string) {
    const session = await ownSession(actor, sessionId);
    const channel = await channelOf(session.producerId);
    const streamKey = await videoProvider().rotateStreamKey(channel);
    await ChannelEntity.patch({ producerId: session.producerId }).set({ streamKey }).go();
    return { provider: channel.provider, ingestUrl: channel.ingestUrl, streamKey };
  }

  export async function mine(actor: Actor) {
    const seller = requireSeller(actor);
    const { data } = await SessionEntity.query
      .byProducer({ producerId: seller.producerId })
      .go({ order: "desc", pages: "all" });
    return data.map(closedCard);
  }

  /** A session for its seller and staff: a cancelled one, and the reason staff gave for closing it, are told. */
  function closedCard(s: Session) {
    return { ...summaryCard(s), cancelled: s.cancelled ?? false, endReason: s.endReason ?? null };
  }

  export async function all(actor: Actor) {
    requireStaff(actor);
    const sessions = await Promise.all(
      (["live", "scheduled", "ended"] as const).map((status) =>
        SessionEntity.query.byStatus({ status }).go({ order: "desc", limit: 100 }),
      ),
    );
    return sessions.flatMap((r) => r.data).map(closedCard);
  }

  /**
   * Pins a featured product (or unpins with null). The pin travels as timed metadata with the video, so viewers see
   * the card in step with what the seller shows; late joiners get it from the session.
   */
  export async function pin(actor: Actor, sessionId: string, productId: string | null) {
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
    await videoProvider().putMetadata(
      channel,
      cuePayload({
        t: "pin",
        s: sessionId,
        ms: streamMs(session, at.getTime()),
        p: card
          ? { id: card.productId, n: card.name, v: card.priceVnd, u: card.unit, i: card.image, st: card.stars }
          : null,
      }),
    );
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
    return { pinned: card };
  }

  // The deal is its own concept now; these names stay until every caller reads them from Deal.
  export const DealInput = Deal.Input;
  export const startDeal = Deal.start;
  export const deal = Deal.get;

  /**
   * The provider's stream events drive the session: a stream starting on a channel puts its next scheduled session
   * on air; the stream ending ends it. Events for channels with nothing scheduled change nothing.
   */
  export async function onStreamEvent(event: { channelId: string; type: "start" | "end"; at?: Date }) {
    const at = (event.at ?? new Date()).toISOString();
    const channel = await channelById(event.channelId).catch(() => undefined);
    if (!channel) return null;
    const { data } = await SessionEntity.query.byProducer({ producerId: channel.producerId }).go({ pages: "all" });
    if (event.type === "start") {
      const live = data.find((s) => s.status === "live");
      if (live) {
        // The seller reconnected in time: the same session goes on.
        if (live.offlineSince) await SessionEntity.patch({ sessionId: live.sessionId }).remove(["offlineSince"]).go();
        return live.sessionId;
      }
      // The scheduled session nearest to now (a seller may start a little early or late).
      const next = data
        .filter((s) => s.status === "scheduled")
        .sort(
          (a, b) => Math.abs(Date.parse(a.startAt) - Date.parse(at)) - Math.abs(Date.parse(b.startAt) - Date.parse(at)),
        )[0];
      if (!next) return null;
      await SessionEntity.patch({ sessionId: next.sessionId })
        .set({ status: "live", startedAt: at })
        .where(({ status }, { eq }) => eq(status, "scheduled"))
        .go()
        .catch(() => undefined);
      return next.sessionId;
    }
    const live = data.find((s) => s.status === "live");
    if (!live) return null;
    // Not ended yet: a phone on a weak network, or OBS, reconnects within the grace (see endOffline).
    await SessionEntity.patch({ sessionId: live.sessionId })
      .set({ offlineSince: at })
      .where(({ status }, { eq }) => eq(status, "live"))
      .go()
      .catch(() => undefined);
    return live.sessionId;
  }

  /** How long a live whose stream dropped waits for the seller to reconnect before it ends (IVS's recording reconnect window is the same). */
  export const RECONNECT_GRACE_SECONDS = 60;

  /**
   * Ends the lives whose stream has been gone longer than the grace, at the time it went (the 1-minute job on AWS,
   * a timer locally). Returns the sessions it ended.
   */
  export async function endOffline(graceSeconds = RECONNECT_GRACE_SECONDS, now = new Date()) {
    const { data } = await SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" });
    const cutoff = new Date(now.getTime() - graceSeconds * 1000).toISOString();
    const gone = data.filter((s) => s.offlineSince && s.offlineSince <= cutoff);
    for (const s of gone) await endSession(s.sessionId, s.offlineSince ?? now.toISOString(), "stream");
    return gone.map((s) => s.sessionId);
  }

  /** Marks every live session offline (the local runtime starting again after a crash: no stream is up yet). */
  export async function markAllOffline(now = new Date()) {
    const { data } = await SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" });
    for (const s of data.filter((s) => !s.offlineSince))
      await SessionEntity.patch({ sessionId: s.sessionId }).set({ offlineSince: now.toISOString() }).go();
  }

  async function endSession(sessionId: string, at: string, by: string) {
    const ended = await SessionEntity.patch({ sessionId })
      .set({ status: "ended", endedAt: at, endedBy: by })
      .remove(["pinProductId", "pinnedAt", "offlineSince"])
      .where(({ status }, { eq }) => eq(status, "live"))
      .go({ response: "all_new" })
      .catch(() => undefined);
    if (ended?.data.dealId) await Deal.close(ended.data.dealId, at);
  }

  /** The provider's recording of a session, for its replay. */
  export async function onRecording(event: { channelId: string; url: string; startedAt?: Date }) {
    const channel = await channelById(event.channelId).catch(() => undefined);
    if (!channel) return null;
    const { data } = await SessionEntity.query.byProducer({ producerId: channel.producerId }).go({ pages: "all" });
    const session = data
      .filter((s) => s.status !== "scheduled")
      .sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""))[0];
    if (!session) return null;
    await SessionEntity.patch({ sessionId: session.sessionId }).set({ recordingUrl: event.url }).go();
    return session.sessionId;
  }

  /** Why staff end or cancel a live; the seller is told. A seller closing their own live need not say. */
  export const CloseInput = z.object({
    reason: z.string().trim().min(5, "give a reason of at least 5 characters").max(300).optional(),
  });

  /** The caller may close the session (its seller, or any staff member), and staff gave a reason. */
  function closer(actor: Actor, session: Session, input: z.input<typeof CloseInput>) {
    const user = requireUser(actor);
    const staff = user.role === "staff";
    if (staff) requireStaff(actor);
    else requireSellerOf(actor, session.producerId);
    const { reason } = CloseInput.parse(input);
    if (staff && !reason) {
      throw new DomainError(
        400,
        "invalid_input",
        {
          vi: "Hãy ghi lý do (ít nhất 5 ký tự): người bán sẽ nhận được.",
          en: "Give a reason (5 characters or more): the seller is told.",
        },
        "reason",
      );
    }
    return { user, staff, reason: staff ? reason : undefined };
  }

  /** Ends a live on air: its seller, or any staff member (moderation, with a reason). The stream is stopped. */
  export async function end(actor: Actor, sessionId: string, input: z.input<typeof CloseInput> = {}) {
    const session = await get(sessionId);
    const { user, staff, reason } = closer(actor, session, input);
    if (session.status === "ended") return view(sessionId);
    if (staff && session.status === "scheduled") {
      throw conflict(
        "not_live",
        "Buổi live chưa lên sóng: hãy huỷ thay vì kết thúc.",
        "The live has not started: cancel it instead.",
      );
    }
    const channel = await channelById(session.channelId);
    if (session.status === "live")
      await videoProvider()
        .stopStream(channel)
        .catch((err) => console.error(err));
    if (session.status === "scheduled") {
      await SessionEntity.patch({ sessionId })
        .set({ status: "ended", endedAt: new Date().toISOString(), endedBy: user.userId })
        .go();
    } else {
      await endSession(sessionId, new Date().toISOString(), user.userId);
    }
    if (reason) await SessionEntity.patch({ sessionId }).set({ endReason: reason }).go();
    await closed(actor, "live.end", session, reason);
    return view(sessionId);
  }

  /** Calls off a live that has not gone on air: its seller, or staff (with a reason the seller is told). */
  export async function cancel(actor: Actor, sessionId: string, input: z.input<typeof CloseInput> = {}) {
    const session = await get(sessionId);
    const { user, reason } = closer(actor, session, input);
    const notScheduled = () =>
      conflict(
        "not_scheduled",
        "Chỉ huỷ được buổi live chưa lên sóng.",
        "Only a live that has not started can be cancelled.",
      );
    if (session.status !== "scheduled") throw notScheduled();
    await SessionEntity.patch({ sessionId })
      .set({
        status: "ended",
        endedAt: new Date().toISOString(),
        endedBy: user.userId,
        cancelled: true,
        endReason: reason,
      })
      .where(({ status }, { eq }) => eq(status, "scheduled"))
      .go()
      .catch(() => {
        throw notScheduled();
      });
    await closed(actor, "live.cancel", session, reason);
    return view(sessionId);
  }

  /** Staff closing a live: audited with the reason, and the producer told by SMS (the outbox locally). */
  async function closed(actor: Actor, action: "live.end" | "live.cancel", session: Session, reason?: string) {
    if (actor.kind !== "user" || actor.user.role !== "staff") return;
    await AuditEntity.create(
      Audit.entry(
        actor,
        action,
        { type: "live", id: session.sessionId },
        { status: session.status },
        { status: "ended" },
        reason,
      ),
    ).go();
    const producer = await Producer.get(session.producerId);
    const what = action === "live.cancel" ? "đã huỷ buổi live" : "đã kết thúc buổi live";
    await messenger()
      .send({
        channel: "sms",
        to: `+84${producer.phone.slice(1)}`,
        subject: "Chợ OCOP",
        text: `Chợ OCOP: cán bộ ${what} “${session.title}” của ${producer.name}. Lý do: ${reason ?? ""}`,
      })
      .catch((err) => console.error("notify failed", err));
  }

  export async function like(sessionId: string, who: string) {
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

  /** Orders placed from the session, newest first: the seller's live feed. */
  export async function orders(actor: Actor, sessionId: string) {
    const session = await get(sessionId);
    const user = requireUser(actor);
    if (user.role === "staff") requireStaff(actor);
    else requireSellerOf(actor, session.producerId);
    const { data } = await OrderEntity.query.byLive({ liveSessionId: sessionId }).go({ order: "desc", pages: "all" });
    return data.map((o) => ({
      orderId: o.orderId,
      code: o.code,
      status: o.status,
      totalVnd: o.totalVnd,
      createdAt: o.createdAt,
      buyer: o.address.name,
    }));
  }

  /** Peak viewers, likes, orders and revenue: for the seller and staff after (or during) a live. */
  export async function summary(actor: Actor, sessionId: string) {
    const session = await get(sessionId);
    const list = await orders(actor, sessionId);
    const counted = list.filter((o) => o.status !== "cancelled" && o.status !== "refunded");
    return {
      sessionId,
      title: session.title,
      status: session.status,
      startedAt: session.startedAt ?? null,
      endedAt: session.endedAt ?? null,
      peakViewers: session.peakViewers ?? 0,
      likes: session.likes ?? 0,
      orders: counted.length,
      revenueVnd: counted.reduce((n, o) => n + o.totalVnd, 0),
    };
  }

  /** The replay: the recording and the pins on its timeline. */
  export async function replay(sessionId: string) {
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

  // ─── Chat ────────────────────────────────────────────────────────────────

  /** A signed-in viewer's ticket to the session's chat; muted viewers are refused. */
  export async function joinChat(actor: Actor, sessionId: string) {
    const user = requireUser(actor);
    const session = await get(sessionId);
    const { data: muted } = await MuteEntity.get({ sessionId, userId: user.userId }).go();
    if (muted) {
      throw new DomainError(403, "muted", {
        vi: "Bạn đã bị tắt tiếng trong buổi live này.",
        en: "You have been muted in this live.",
      });
    }
    return chatProvider().join(session, chatAuthor(user, session));
  }

  /** Who the user is in this session's chat: its producer's sellers write as the shop, staff as staff. */
  export function chatAuthor(
    user: { userId: string; role: string; producerId?: string; name?: string; phone?: string },
    session: Pick<Session, "producerId" | "producerName">,
  ): ChatAuthor {
    if (user.role === "seller" && user.producerId === session.producerId)
      return { userId: user.userId, name: session.producerName, role: "seller", moderator: true };
    const name = user.name ?? (user.phone ? `Khách ***${user.phone.slice(-3)}` : "Khách");
    if (user.role === "staff") return { userId: user.userId, name, role: "staff", moderator: true };
    return { userId: user.userId, name, role: "viewer", moderator: false };
  }

  export interface ChatLine {
    id: string;
    at: string;
    text: string;
    user: { userId: string; name: string; role: ChatRole; moderator: boolean };
  }

  /**
   * Keeps a message the chat let through, for those who join later (the local hub for each message; IVS Chat's
   * message review handler on AWS). Its author is the one the server gave the writer's ticket.
   */
  export async function recordChat(
    sessionId: string,
    message: { id: string; at: string; text: string; user: ChatAuthor },
  ) {
    await ChatMessageEntity.put({
      sessionId,
      messageId: message.id,
      at: message.at,
      userId: message.user.userId,
      name: message.user.name,
      role: message.user.role,
      text: [...message.text].slice(0, CHAT_MAX_LENGTH).join(""),
    }).go();
  }

  /** The session's latest messages, oldest first, without those deleted or of viewers since muted. */
  export async function recentChat(sessionId: string, limit = CHAT_HISTORY): Promise<ChatLine[]> {
    const { data } = await ChatMessageEntity.query.bySession({ sessionId }).go({ order: "desc", limit: limit * 2 });
    return data
      .filter((m) => !m.deleted)
      .slice(0, limit)
      .reverse()
      .map((m) => ({
        id: m.messageId,
        at: m.at,
        text: m.text,
        user: { userId: m.userId, name: m.name, role: m.role, moderator: m.role !== "viewer" },
      }));
  }

  async function forgetMessage(sessionId: string, messageId: string) {
    const { data } = await ChatMessageEntity.query.byId({ sessionId, messageId }).go();
    for (const m of data) await ChatMessageEntity.patch({ sessionId, at: m.at, messageId }).set({ deleted: true }).go();
  }

  async function moderate(actor: Actor, sessionId: string) {
    const session = await get(sessionId);
    const user = requireUser(actor);
    if (user.role === "staff") requireStaff(actor);
    else requireSellerOf(actor, session.producerId);
    return { session, user };
  }

  /** Staff moderation is audited like every staff action; a seller moderating their own live is not staff. */
  async function auditStaff(actor: Actor, action: string, sessionId: string, before: unknown, after: unknown) {
    if (actor.kind !== "user" || actor.user.role !== "staff") return;
    await AuditEntity.create(Audit.entry(actor, action, { type: "live", id: sessionId }, before, after)).go();
  }

  export async function deleteMessage(actor: Actor, sessionId: string, messageId: string) {
    const { session } = await moderate(actor, sessionId);
    const id = z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .parse(messageId);
    // Forgotten first: no one joining in between is shown it again.
    await forgetMessage(sessionId, id);
    await chatProvider().deleteMessage(session, id, "moderated");
    await auditStaff(actor, "live.chat.delete", sessionId, { messageId: id }, null);
  }

  /** Mutes a viewer for the session: they are cut off, and what they wrote goes from everyone's chat. */
  export async function mute(actor: Actor, sessionId: string, userId: string) {
    const { session, user } = await moderate(actor, sessionId);
    await MuteEntity.put({
      sessionId,
      userId: z
        .string()
        .regex(/^[0-9a-z]{26}$/)
        .parse(userId),
      by: user.userId,
      at: new Date().toISOString(),
    }).go();
    await chatProvider().disconnect(session, userId, "muted");
    const { data } = await ChatMessageEntity.query.bySession({ sessionId }).go({ order: "desc", limit: 500 });
    for (const m of data.filter((m) => m.userId === userId && !m.deleted)) {
      await ChatMessageEntity.patch({ sessionId, at: m.at, messageId: m.messageId }).set({ deleted: true }).go();
      await chatProvider()
        .deleteMessage(session, m.messageId, "muted")
        .catch((err) => console.error("[live] mute", err));
    }
    await auditStaff(actor, "live.chat.mute", sessionId, null, { userId });
  }

  export async function isMuted(sessionId: string, userId: string) {
    const { data } = await MuteEntity.get({ sessionId, userId }).go();
    return !!data;
  }
}
