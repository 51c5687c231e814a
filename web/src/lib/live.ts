/**
 * The pure rules of the live pages: when a timed cue is due on the viewer's video, what a deal's clock shows,
 * what a chat message may be, and how the hub's and the cues' JSON is read (never trusted as it comes).
 */

import { CHAT_MAX_LENGTH } from "@cho-ocop/core/live/limits";

/**
 * A cue is never shown later than this after it arrived, whatever the player's clock says: with the 100 ms check
 * and rendering, a viewer sees a pin within a second even when their player runs more than that behind live.
 */
export const CUE_MAX_LATE_MS = 700;
/** The hub's limit; the hub's hello says the same. */
export { CHAT_MAX_LENGTH };

export interface PlayerClock {
  /** x-stream-base-ts of the playback response: the stream timestamp (ms) of the player's time 0. */
  baseTs: number | null;
  /** The video element's currentTime (seconds). */
  currentTime: number;
}

/**
 * Whether a cue put at stream time `ts` (ms) is due: the frame now on screen is at or past it
 * (base + currentTime × 1000 ≥ ts), or it has waited `CUE_MAX_LATE_MS` since it arrived (a player that stalls, a
 * base that is unknown). A cue without a timestamp is due at once.
 */
export function cueDue(
  cue: { ts: number | null; receivedAt: number },
  clock: PlayerClock | null,
  now: number,
  maxLateMs = CUE_MAX_LATE_MS,
): boolean {
  if (cue.ts === null) return true;
  if (now - cue.receivedAt >= maxLateMs) return true;
  if (!clock || clock.baseTs === null) return false;
  return clock.baseTs + clock.currentTime * 1000 >= cue.ts;
}

/** "mm:ss", or "h:mm:ss" past an hour; never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

export interface DealClock {
  startsAt: string;
  endsAt: string;
  remaining: number;
}

export type DealPhase =
  | { phase: "countdown"; msLeft: number }
  | { phase: "running"; msLeft: number }
  | { phase: "soldOut" }
  | { phase: "ended" };

/** Where a deal stands at `now`: counting down to its start, running (time left), sold out or over. */
export function dealPhase(deal: DealClock, now: number): DealPhase {
  const starts = Date.parse(deal.startsAt);
  const ends = Date.parse(deal.endsAt);
  if (Number.isNaN(starts) || Number.isNaN(ends) || now >= ends) return { phase: "ended" };
  if (deal.remaining <= 0) return { phase: "soldOut" };
  if (now < starts) return { phase: "countdown", msLeft: starts - now };
  return { phase: "running", msLeft: ends - now };
}

export type ChatProblem = "empty" | "tooLong";

/** Characters as people count them (an emoji is one), as the hub counts them. */
export function chatLength(text: string): number {
  return [...text.trim()].length;
}

/** What is wrong with a chat message before it is sent, or null. */
export function chatProblem(text: string, max = CHAT_MAX_LENGTH): ChatProblem | null {
  const n = chatLength(text);
  if (n === 0) return "empty";
  if (n > max) return "tooLong";
  return null;
}

// ─── Cues (the provider's timed metadata, as Live.pin / Live.startDeal write it) ───

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === "string";
const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Reads a cue's text (`{"t":"pin","p":{…}}` or `{"t":"deal","d":{…}}`); anything else is ignored. */
export function readCue(text: string): CueBody | null {
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
      },
    };
  }
  return null;
}

// ─── The hub's messages ───

export type ChatRole = "seller" | "staff" | "viewer";

export interface ChatMessage {
  id: string;
  at: string;
  text: string;
  /** As the server decided it: the producer's sellers write as the shop (its name, role "seller"). */
  user: { userId: string; name: string; role: ChatRole; moderator: boolean };
}

export interface HubCue {
  text: string;
  ts: number | null;
}

export interface HubDeal extends CueDeal {
  remaining: number;
}

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
  | { type: "auth"; user: ChatMessage["user"] }
  | { type: "error"; code: string; message: string; ref?: string | number };

const cueOf = (v: unknown): HubCue | null =>
  isRecord(v) && str(v.text) ? { text: v.text, ts: typeof v.ts === "number" ? v.ts : null } : null;

const roleOf = (v: unknown): ChatRole => (v === "seller" || v === "staff" ? v : "viewer");

const userOf = (v: unknown): ChatMessage["user"] | null =>
  isRecord(v) && str(v.userId) && str(v.name)
    ? { userId: v.userId, name: v.name, role: roleOf(v.role), moderator: v.moderator === true }
    : null;

/** A chat message as the hub or the API gives it, or null. */
export function chatMessageOf(v: unknown): ChatMessage | null {
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
export function readHubMessage(data: unknown): HubMessage | null {
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
        viewers: int(m.viewers) ? m.viewers : 0,
        likes: int(m.likes) ? m.likes : 0,
        cues: Array.isArray(m.cues) ? m.cues.flatMap((c) => cueOf(c) ?? []) : [],
        chatMaxLength: int(m.chatMaxLength) ? m.chatMaxLength : CHAT_MAX_LENGTH,
        pinId: isRecord(m.pin) && str(m.pin.productId) ? m.pin.productId : null,
        deal: dealOf(m.deal),
        chat: Array.isArray(m.chat) ? m.chat.flatMap((c) => chatMessageOf(c) ?? []) : [],
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
      const message = chatMessageOf(m);
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

/** Keeps the newest `max` chat messages (a long live must not grow the page without end). */
export function appendChat<T extends { id: string }>(list: readonly T[], message: T, max = 200): T[] {
  if (list.some((m) => m.id === message.id)) return [...list];
  const next = [...list, message];
  return next.length > max ? next.slice(next.length - max) : next;
}

/**
 * The recent chat a page is given on joining, merged with what it already shows (a reconnect): each message once,
 * in the order they were said, the newest `max` kept.
 */
export function mergeChat<T extends { id: string; at: string }>(
  shown: readonly T[],
  history: readonly T[],
  max = 200,
): T[] {
  const byId = new Map<string, T>();
  for (const m of [...history, ...shown]) if (!byId.has(m.id)) byId.set(m.id, m);
  const all = [...byId.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return all.length > max ? all.slice(all.length - max) : all;
}

/** How a chat author is labelled: the shop (the producer's sellers), staff, or nothing for a viewer. */
export function chatBadge(user: { role: ChatRole }): "shop" | "staff" | null {
  return user.role === "seller" ? "shop" : user.role === "staff" ? "staff" : null;
}

/** A deal whose live has ended: it ends then too (its clock stops; the badge goes). */
export function endDeal<T extends DealClock>(deal: T, now: number): T {
  const at = new Date(now).toISOString();
  return Date.parse(deal.endsAt) > now ? { ...deal, endsAt: at } : deal;
}

/** What a live page shows of its room, kept from the hub's messages by `reduceRoom`. */
export interface RoomState {
  status: "scheduled" | "live" | "ended";
  viewers: number | null;
  likes: number;
  pinId: string | null;
  deal: HubDeal | null;
  messages: ChatMessage[];
}

const statusOf = (s: string): RoomState["status"] => (s === "live" || s === "ended" ? s : "scheduled");

/**
 * The room after one message from the hub, the same on the seller's desk and the viewers' pages: one viewer count
 * (the hub's), the pin and the deal for late joiners, the recent chat, and the end of the live ending its deal and
 * its pin.
 */
export function reduceRoom(state: RoomState, message: HubMessage, now: number): RoomState {
  switch (message.type) {
    case "hello": {
      const status = statusOf(message.status);
      const deal = message.deal ?? state.deal;
      return {
        status,
        viewers: message.viewers,
        likes: Math.max(state.likes, message.likes),
        pinId: status === "ended" ? null : message.pinId,
        deal: deal && status === "ended" ? endDeal(deal, now) : deal,
        messages: mergeChat(state.messages, message.chat),
      };
    }
    case "stream":
      return message.state === "start" && state.status !== "ended" ? { ...state, status: "live" } : state;
    case "viewers":
      return { ...state, viewers: message.count };
    case "likes":
      return { ...state, likes: Math.max(state.likes, message.count) };
    case "chat": {
      const { type: _type, ref: _ref, ...chat } = message;
      return { ...state, messages: appendChat(state.messages, chat) };
    }
    case "delete":
      return { ...state, messages: state.messages.filter((m) => m.id !== message.id) };
    case "ended":
      return { ...state, status: "ended", pinId: null, deal: state.deal ? endDeal(state.deal, now) : null };
    default:
      return state;
  }
}

/** A deal read again from the API: units left move on; a deal another one replaced is left as it is. */
export function freshDeal(current: HubDeal | null, fresh: HubDeal): HubDeal | null {
  if (!current || current.dealId !== fresh.dealId) return current;
  return fresh;
}

/** "2026-12-01T19:30" typed in a datetime-local box, read as Vietnam time, as an ISO instant with +07:00. */
export function vietnamLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const iso = `${local}:00+07:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** The datetime-local value (Vietnam time) of an instant: the schedule form's default start. */
export function isoToVietnamLocal(at: Date): string {
  const shifted = new Date(at.getTime() + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

export interface DealFormInput {
  priceVnd: string;
  quantity: string;
  perBuyer: string;
  countdownSeconds: string;
  durationMinutes: string;
}
export type DealField = keyof DealFormInput;
export type DealFieldProblem = "number" | "priceRange" | "quantityRange" | "perBuyerRange" | "countdown" | "duration";

/**
 * The seller's deal form checked as the API will (Live.DealInput): whole numbers, price from 1.000 đ and below the
 * regular price, 1–10.000 units, 1–100 per buyer and not above the quantity, a 10–300 s countdown, 1–20 minutes.
 */
export function checkDeal(
  form: DealFormInput,
  regularPriceVnd: number,
):
  | { ok: true; value: Record<DealField, number> }
  | { ok: false; errors: Partial<Record<DealField, DealFieldProblem>> } {
  const errors: Partial<Record<DealField, DealFieldProblem>> = {};
  const read = (field: DealField) => {
    const raw = form[field].replace(/[.\s]/g, "");
    if (!/^\d{1,12}$/.test(raw)) {
      errors[field] = "number";
      return Number.NaN;
    }
    return Number(raw);
  };
  const priceVnd = read("priceVnd");
  const quantity = read("quantity");
  const perBuyer = read("perBuyer");
  const countdownSeconds = read("countdownSeconds");
  const durationMinutes = read("durationMinutes");
  if (!errors.priceVnd && (priceVnd < 1000 || priceVnd >= regularPriceVnd)) errors.priceVnd = "priceRange";
  if (!errors.quantity && (quantity < 1 || quantity > 10_000)) errors.quantity = "quantityRange";
  if (!errors.perBuyer && (perBuyer < 1 || perBuyer > 100 || (!errors.quantity && perBuyer > quantity)))
    errors.perBuyer = "perBuyerRange";
  if (!errors.countdownSeconds && (countdownSeconds < 10 || countdownSeconds > 300))
    errors.countdownSeconds = "countdown";
  if (!errors.durationMinutes && (durationMinutes < 1 || durationMinutes > 20)) errors.durationMinutes = "duration";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { priceVnd, quantity, perBuyer, countdownSeconds, durationMinutes } };
}

/** The MediaRecorder type the broadcast page records in: H.264 (copied by ffmpeg) first, else VP8/VP9 (encoded). */
export function recorderType(isSupported: (type: string) => boolean): string | null {
  const candidates = [
    "video/x-matroska;codecs=avc1,opus",
    "video/webm;codecs=h264,opus",
    "video/webm;codecs=vp8,opus",
    "video/webm;codecs=vp9,opus",
    "video/webm",
  ];
  return candidates.find((type) => isSupported(type)) ?? null;
}

/**
 * What the broadcast page asks of the camera. A phone held upright streams portrait (720×1280, 9:16), as viewers
 * watch it full screen; a computer's webcam streams landscape. `crop-and-scale` lets the browser cut the sensor's
 * frame to that shape instead of giving whatever it has.
 */
export function cameraConstraints(
  facing: "user" | "environment",
  portrait: boolean,
): MediaTrackConstraints & { resizeMode?: string } {
  const [width, height] = portrait ? [720, 1280] : [1280, 720];
  return {
    facingMode: facing,
    width: { ideal: width },
    height: { ideal: height },
    aspectRatio: { ideal: width / height },
    frameRate: { ideal: 30 },
    resizeMode: "crop-and-scale",
  };
}

/** "sk_abcd…" shown as dots until revealed, keeping its last 4 characters to tell keys apart. */
export function maskKey(key: string): string {
  return key.length <= 4 ? "••••" : `${"•".repeat(Math.min(16, key.length - 4))}${key.slice(-4)}`;
}
