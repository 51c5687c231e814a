import { CHAT_MAX_LENGTH } from "./limits";
import { NOTICE_MAX_LENGTH } from "./notice-presets";

/**
 * The live's two wire formats, written by the server and read by every page: the cue the video carries as timed
 * metadata (IVS PutMetadata, or the local hub's `cue` message), and the realtime hub's messages. Browser-safe and
 * without dependencies: zod in a page would cost its weight and trip the CSP with its eval probe. Decoding never
 * trusts what comes: a malformed message or cue reads as null, a missing field as its default.
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
      /** `r`: units left, when the server knows them (a deal's news after a sale). */
      d: { id: string; p: string; v: number; q: number; b: number; from: string; to: string; r?: number };
    }
  /** The seller's safety notice over the video (`n`), or none (`n: null`). */
  | { t: "notice"; s: string; ms: number; n: string | null };

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
  /** Units left, when the cue says (the room's news after a sale; the video's cue does not). */
  remaining?: number;
}

export type CueBody =
  | { kind: "pin"; product: CueProduct | null }
  | { kind: "deal"; deal: CueDeal }
  | { kind: "notice"; text: string | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === "string";
const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Reads a cue's text (`{"t":"pin","p":{…}}`, `{"t":"deal","d":{…}}`, `{"t":"notice","n":…}`); anything else gives null. */
export function decodeCue(text: string): CueBody | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  if (raw.t === "pin") {
    if (raw.p === null) return { kind: "pin", product: null };
    const p = raw.p;
    if (!isRecord(p) || !str(p.id) || !str(p.n) || !int(p.v) || !str(p.u)) return null;
    return {
      kind: "pin",
      product: {
        productId: p.id,
        name: p.n,
        priceVnd: p.v,
        unit: p.u,
        image: str(p.i) ? p.i : null,
        stars: int(p.st) ? p.st : null,
      },
    };
  }
  if (raw.t === "notice") {
    if (raw.n === null) return { kind: "notice", text: null };
    return str(raw.n) && raw.n.trim()
      ? { kind: "notice", text: [...raw.n].slice(0, NOTICE_MAX_LENGTH).join("") }
      : null;
  }
  if (raw.t === "deal") {
    const d = raw.d;
    if (!isRecord(d) || !str(d.id) || !str(d.p) || !int(d.v) || !int(d.q) || !int(d.b)) return null;
    if (!str(d.from) || !str(d.to)) return null;
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
        ...(int(d.r) ? { remaining: d.r } : {}),
      },
    };
  }
  return null;
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
      /** Null where the room counts its viewers itself, later (IVS: the minutely news). */
      viewers: number | null;
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

/** What the server tells a live's room beyond its chat: where the video does not carry it, as room events. */
export type RoomNews = Extract<HubOutgoing, { type: "cue" | "stream" | "ended" | "viewers" | "likes" }>;

export function encodeHubMessage(message: HubOutgoing): string {
  return JSON.stringify(message);
}

/** A hub message as a page reads it. */
export type HubMessage =
  | {
      type: "hello";
      status: string;
      viewers: number | null;
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

const cueOf = (v: unknown): HubCue | null =>
  isRecord(v) && str(v.text) ? { text: v.text, ts: typeof v.ts === "number" ? v.ts : null } : null;

const roleOf = (v: unknown): ChatRole => (v === "seller" || v === "staff" ? v : "viewer");

const userOf = (v: unknown): ChatUser | null =>
  isRecord(v) && str(v.userId) && str(v.name)
    ? { userId: v.userId, name: v.name, role: roleOf(v.role), moderator: v.moderator === true }
    : null;

/** A chat message as the hub or the API gives it, or null. */
export function decodeChatMessage(v: unknown): ChatMessage | null {
  if (!isRecord(v)) return null;
  const user = userOf(v.user);
  if (!user || !str(v.id) || !str(v.text) || !str(v.at)) return null;
  return { id: v.id, at: v.at, text: v.text, user };
}

function dealOf(v: unknown): HubDeal | null {
  if (!isRecord(v) || !str(v.dealId) || !str(v.productId) || !int(v.priceVnd) || !int(v.quantity)) return null;
  if (!int(v.remaining) || !int(v.perBuyer) || !str(v.startsAt) || !str(v.endsAt)) return null;
  return {
    dealId: v.dealId,
    productId: v.productId,
    priceVnd: v.priceVnd,
    quantity: v.quantity,
    remaining: v.remaining,
    perBuyer: v.perBuyer,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
  };
}

const refOf = (v: unknown) => (typeof v === "string" || typeof v === "number" ? v : undefined);

/** Reads one WebSocket message from the hub; unknown or malformed messages give null. */
export function decodeHubMessage(data: unknown): HubMessage | null {
  if (typeof data !== "string") return null;
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(m)) return null;
  switch (m.type) {
    case "hello":
      return {
        type: "hello",
        status: str(m.status) ? m.status : "scheduled",
        viewers: int(m.viewers) ? m.viewers : null,
        likes: int(m.likes) ? m.likes : 0,
        cues: Array.isArray(m.cues) ? m.cues.flatMap((c) => cueOf(c) ?? []) : [],
        chatMaxLength: int(m.chatMaxLength) ? m.chatMaxLength : CHAT_MAX_LENGTH,
        pinId: isRecord(m.pin) && str(m.pin.productId) ? m.pin.productId : null,
        deal: dealOf(m.deal),
        chat: Array.isArray(m.chat) ? m.chat.flatMap((c) => decodeChatMessage(c) ?? []) : [],
      };
    case "cue": {
      const cue = cueOf(m);
      return cue ? { type: "cue", ...cue } : null;
    }
    case "stream":
      return m.state === "start" || m.state === "end" ? { type: "stream", state: m.state } : null;
    case "viewers":
    case "likes":
      return int(m.count) ? { type: m.type, count: m.count } : null;
    case "chat": {
      const message = decodeChatMessage(m);
      return message ? { type: "chat", ...message, ref: refOf(m.ref) } : null;
    }
    case "delete":
      return str(m.id) ? { type: "delete", id: m.id } : null;
    case "ended":
      return { type: "ended" };
    case "bye":
      return { type: "bye", reason: str(m.reason) ? m.reason : "" };
    case "auth": {
      const user = userOf(m.user);
      return user ? { type: "auth", user } : null;
    }
    case "error":
      return {
        type: "error",
        code: str(m.code) ? m.code : "error",
        message: str(m.message) ? m.message : "",
        ref: refOf(m.ref),
      };
    default:
      return null;
  }
}
