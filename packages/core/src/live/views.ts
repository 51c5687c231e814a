import { z } from "zod";
import { Card } from "../storefront/card";

/** What live answers, as zod schemas: the routes declare their responses with them and the web reads their types. */

export const SessionStatus = z.enum(["scheduled", "live", "ended"]);
const Provider = z.enum(["ivs", "local"]);
const When = z.string().nullable();

/** A session in a list (home, the Live page): no playback, no products. */
export const SessionCard = z.object({
  sessionId: z.string(),
  title: z.string(),
  status: SessionStatus,
  startAt: z.string(),
  producerId: z.string(),
  producerName: z.string(),
  cover: z.string().nullable(),
  products: z.number().int(),
});
export type SessionCard = z.infer<typeof SessionCard>;

/** A session as its seller and staff list it: cancelled or not, and the reason staff gave for closing it. */
export const OwnSessionCard = SessionCard.extend({ cancelled: z.boolean(), endReason: z.string().nullable() });
export type OwnSessionCard = z.infer<typeof OwnSessionCard>;

/** A live-only deal as everyone sees it. */
export const DealView = z.object({
  dealId: z.string(),
  productId: z.string(),
  priceVnd: z.number(),
  quantity: z.number(),
  remaining: z.number(),
  perBuyer: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type DealView = z.infer<typeof DealView>;

/** What a viewer needs: playback (never the stream key), the pin now, the deal running, the featured products. */
export const SessionView = SessionCard.extend({
  startedAt: When,
  endedAt: When,
  likes: z.number(),
  /** Live, but the stream dropped: the seller is reconnecting. */
  offline: z.boolean(),
  playback: z.object({ provider: Provider, url: z.string() }),
  pin: Card.nullable(),
  pinnedAt: When,
  /** The seller's safety notice over the video now. */
  notice: z.object({ text: z.string(), at: When }).nullable(),
  deal: DealView.nullable(),
  products: z.array(Card),
  recordingUrl: z.string().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

/** Where the seller sends the stream: only the producer's sellers ever see it. */
export const Ingest = z.object({ provider: Provider, ingestUrl: z.string(), streamKey: z.string() });
export type Ingest = z.infer<typeof Ingest>;

export const Pinned = z.object({ pinned: Card.nullable() });
export type Pinned = z.infer<typeof Pinned>;

/** The notice shown now, as its seller set it. */
export const Notice = z.object({ notice: z.string().nullable(), at: z.string() });
export type Notice = z.infer<typeof Notice>;

export const Likes = z.object({ likes: z.number() });

/** An ended session's recording and the pins on its timeline. */
export const Replay = SessionCard.extend({
  recordingUrl: z.string().nullable(),
  startedAt: When,
  endedAt: When,
  pins: z.array(z.object({ atMs: z.number(), product: Card.nullable() })),
  /** The safety notices shown over the video, each from its moment until the next (`text: null` cleared it). */
  notices: z.array(z.object({ atMs: z.number(), text: z.string().nullable() })),
});
export type Replay = z.infer<typeof Replay>;

export const ChatLine = z.object({
  id: z.string(),
  at: z.string(),
  text: z.string(),
  user: z.object({
    userId: z.string(),
    name: z.string(),
    role: z.enum(["seller", "staff", "viewer"]),
    moderator: z.boolean(),
  }),
});
export type ChatLine = z.infer<typeof ChatLine>;

/** A ticket to the session's room: whom it is for, or null when it only watches (IVS Chat needs a token even to read). */
export const ChatTicket = z.object({
  provider: Provider,
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  user: ChatLine.shape.user.nullable(),
});
export type ChatTicket = z.infer<typeof ChatTicket>;

/**
 * What a page joining a live's IVS Chat room reads first, in the local hub's hello shape (core/live/wire.ts): the
 * room now, past the shared cache, with the recent chat and the notice shown now as its newest cue.
 */
export const Welcome = z.object({
  type: z.literal("hello"),
  sessionId: z.string(),
  status: SessionStatus,
  viewers: z.null(),
  likes: z.number(),
  pin: z.object({ productId: z.string() }).nullable(),
  pinnedAt: When,
  deal: DealView.nullable(),
  cues: z.array(z.object({ text: z.string(), ts: z.null(), at: z.string() })),
  chat: z.array(ChatLine),
  user: z.null(),
  chatMaxLength: z.number(),
});
export type Welcome = z.infer<typeof Welcome>;
