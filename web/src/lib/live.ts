/**
 * The pure rules of the live pages: when a timed cue is due on the viewer's video, what a deal's clock shows,
 * what a chat message may be, and how the hub's and the cues' JSON is read (never trusted as it comes).
 */

import { CHAT_MAX_LENGTH } from "@cho-ocop/core/live/limits";
import type { ChatMessage, ChatRole, HubDeal, HubMessage } from "@cho-ocop/core/live/wire";

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

// The wire formats (cues and hub messages) are core's: one decoder for every page and the server's tests.
export type {
  ChatMessage,
  ChatRole,
  CueBody,
  CueDeal,
  CueProduct,
  HubCue,
  HubDeal,
  HubMessage,
} from "@cho-ocop/core/live/wire";

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
        viewers: message.viewers ?? state.viewers,
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
