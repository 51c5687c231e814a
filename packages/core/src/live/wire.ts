import { z } from "zod";
import { CHAT_MAX_LENGTH } from "./limits";

/**
 * The live's two wire formats, written by the server and read by every page: the cue the video carries as timed
 * metadata (IVS PutMetadata, or the local hub's `cue` message), and the realtime hub's messages. Browser-safe (zod
 * only). Decoding never trusts what comes: a malformed message or cue reads as null, a missing field as its default.
 */

// ─── Cues ───

/** A pinned product as a cue carries it: short keys, the 1 KB limit of timed metadata being tight. */
export interface PinCueProduct {
  id: string;
  n: string;
  v: number;
  u: string;
  i: string | null;
  st: number | null;
}

export type Cue =
  /** A pin (`p`), or an unpin (`p: null`), `ms` into the stream of session `s`. */
  | { t: "pin"; s: string; ms: number; p: PinCueProduct | null }
  | {
      t: "deal";
      s: string;
      ms: number;
      d: { id: string; p: string; v: number; q: number; b: number; from: string; to: string };
    };

export function encodeCue(cue: Cue): string {
  return JSON.stringify(cue);
}

/** The bytes a cue takes on the wire (UTF-8), as the provider's 1 KB limit counts them. */
export function cueBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export interface CueProduct {
  productId: string;
  name: string;
  priceVnd: number;
  unit: string;
  image: string | null;
  stars: number | null;
}

export interface CueDeal {
  dealId: string;
  productId: string;
  priceVnd: number;
  quantity: number;
  perBuyer: number;
  startsAt: string;
  endsAt: string;
}

export type CueBody = { kind: "pin"; product: CueProduct | null } | { kind: "deal"; deal: CueDeal };

const Count = z.number().int().min(0);

const PinCue = z.object({
  t: z.literal("pin"),
  p: z
    .object({
      id: z.string(),
      n: z.string(),
      v: Count,
      u: z.string(),
      i: z.string().nullable().catch(null),
      st: Count.nullable().catch(null),
    })
    .nullable(),
});

const DealCue = z.object({
  t: z.literal("deal"),
  d: z.object({ id: z.string(), p: z.string(), v: Count, q: Count, b: Count, from: z.string(), to: z.string() }),
});

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads a cue's text (`{"t":"pin","p":{…}}` or `{"t":"deal","d":{…}}`); anything else gives null. */
export function decodeCue(text: string): CueBody | null {
  const raw = json(text);
  const pin = PinCue.safeParse(raw);
  if (pin.success) {
    const p = pin.data.p;
    return {
      kind: "pin",
      product: p && { productId: p.id, name: p.n, priceVnd: p.v, unit: p.u, image: p.i, stars: p.st },
    };
  }
  const deal = DealCue.safeParse(raw);
  if (!deal.success) return null;
  const d = deal.data.d;
  return {
    kind: "deal",
    deal: {
      dealId: d.id,
      productId: d.p,
      priceVnd: d.v,
      quantity: d.q,
      perBuyer: d.b,
      startsAt: d.from,
      endsAt: d.to,
    },
  };
}

// ─── The hub's messages ───

export type ChatRole = "seller" | "staff" | "viewer";

/** Who wrote, as the server decided it: the producer's sellers write as the shop (its name, role "seller"). */
export interface ChatUser {
  userId: string;
  name: string;
  role: ChatRole;
  moderator: boolean;
}

export interface ChatMessage {
  id: string;
  at: string;
  text: string;
  user: ChatUser;
}

export interface HubCue {
  text: string;
  ts: number | null;
}

export interface HubDeal extends CueDeal {
  remaining: number;
}

/** What the hub sends (the local hub writes these; IVS Chat room events carry likes, viewers and deals). */
export type HubOutgoing =
  | {
      type: "hello";
      sessionId: string;
      status: string;
      viewers: number;
      likes: number;
      /** The pinned product's card, and the session's deal: late joiners show them at once. */
      pin: { productId: string } | null;
      pinnedAt: string | null;
      deal: HubDeal | null;
      /** The newest cue of each kind since the stream started. */
      cues: (HubCue & { at: string })[];
      /** The recent chat, oldest first. */
      chat: ChatMessage[];
      user: ChatUser | null;
      chatMaxLength: number;
    }
  | { type: "cue"; text: string; ts: number | null; at: string }
  | { type: "stream"; state: "start" | "end"; sessionId: string | null }
  | { type: "ended"; sessionId: string }
  | { type: "viewers" | "likes"; count: number }
  | ({ type: "chat"; ref?: unknown } & ChatMessage)
  | { type: "delete"; id: string; reason: string }
  | { type: "bye"; reason: string }
  | { type: "auth"; user: ChatUser; ref?: unknown }
  | { type: "error"; code: string; message: string; ref?: unknown }
  | { type: "pong"; t: unknown }
  | { type: "event"; name: string; attributes: Record<string, string> };

export function encodeHubMessage(message: HubOutgoing): string {
  return JSON.stringify(message);
}

/** A hub message as a page reads it. */
export type HubMessage =
  | {
      type: "hello";
      status: string;
      viewers: number;
      likes: number;
      cues: HubCue[];
      chatMaxLength: number;
      /** The product pinned now and the deal of the session (late joiners show them at once). */
      pinId: string | null;
      deal: HubDeal | null;
      /** The recent chat, oldest first: what was said before this page joined. */
      chat: ChatMessage[];
    }
  | { type: "cue"; text: string; ts: number | null }
  | { type: "stream"; state: "start" | "end" }
  | { type: "viewers"; count: number }
  | { type: "likes"; count: number }
  | ({ type: "chat"; ref?: string | number } & ChatMessage)
  | { type: "delete"; id: string }
  | { type: "ended" }
  | { type: "bye"; reason: string }
  | { type: "auth"; user: ChatUser }
  | { type: "error"; code: string; message: string; ref?: string | number };

/** Each item of an array that reads as `item`; anything but an array is none. */
const someOf = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((list) =>
      list.flatMap((x): z.output<T>[] => {
        const r = item.safeParse(x);
        return r.success ? [r.data] : [];
      }),
    );

const Ref = z.union([z.string(), z.number()]).optional().catch(undefined);

const User = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(["seller", "staff", "viewer"]).catch("viewer"),
  moderator: z.boolean().catch(false),
});

export const ChatMessageWire = z.object({ id: z.string(), at: z.string(), text: z.string(), user: User });

const Cue_ = z.object({ text: z.string(), ts: z.number().nullable().catch(null) });

const Deal_ = z.object({
  dealId: z.string(),
  productId: z.string(),
  priceVnd: Count,
  quantity: Count,
  remaining: Count,
  perBuyer: Count,
  startsAt: z.string(),
  endsAt: z.string(),
});

const Incoming = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    status: z.string().catch("scheduled"),
    viewers: Count.catch(0),
    likes: Count.catch(0),
    cues: someOf(Cue_),
    chatMaxLength: Count.catch(CHAT_MAX_LENGTH),
    pin: z
      .object({ productId: z.string() })
      .nullable()
      .catch(null)
      .transform((p) => p?.productId ?? null),
    deal: Deal_.nullable().catch(null),
    chat: someOf(ChatMessageWire),
  }),
  z.object({ type: z.literal("cue"), ...Cue_.shape }),
  z.object({ type: z.literal("stream"), state: z.enum(["start", "end"]) }),
  z.object({ type: z.enum(["viewers", "likes"]), count: Count }),
  z.object({ type: z.literal("chat"), ...ChatMessageWire.shape, ref: Ref }),
  z.object({ type: z.literal("delete"), id: z.string() }),
  z.object({ type: z.literal("ended") }),
  z.object({ type: z.literal("bye"), reason: z.string().catch("") }),
  z.object({ type: z.literal("auth"), user: User }),
  z.object({ type: z.literal("error"), code: z.string().catch("error"), message: z.string().catch(""), ref: Ref }),
]);

/** Reads one WebSocket message from the hub; unknown or malformed messages give null. */
export function decodeHubMessage(data: unknown): HubMessage | null {
  if (typeof data !== "string") return null;
  const parsed = Incoming.safeParse(json(data));
  if (!parsed.success) return null;
  const m = parsed.data;
  switch (m.type) {
    case "hello": {
      const { pin, ...hello } = m;
      return { ...hello, pinId: pin };
    }
    case "chat":
      return { type: "chat", id: m.id, at: m.at, text: m.text, user: m.user, ref: m.ref };
    default:
      return m;
  }
}

/** A chat message as the hub or the API gives it, or null. */
export function decodeChatMessage(v: unknown): ChatMessage | null {
  const parsed = ChatMessageWire.safeParse(v);
  return parsed.success ? parsed.data : null;
}
