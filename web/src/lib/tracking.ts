import { Carrier } from "@cho-ocop/core/order/carrier";

/** Pure rules of the order pages: a parcel's timeline, whether an order may still be cancelled, time left to pay. */

export type ParcelStatus = "pending_payment" | "confirmed" | "packed" | "shipped" | "delivered" | "cancelled";

export interface ParcelLike {
  status: ParcelStatus | string;
  paymentMethod: string;
  history?: ReadonlyArray<{ status?: string | null; at?: string | null }> | null;
}

export interface Step {
  status: Exclude<ParcelStatus, "cancelled">;
  at: string | null;
  state: "done" | "current" | "todo";
}

const FLOW: Array<Exclude<ParcelStatus, "cancelled">> = [
  "pending_payment",
  "confirmed",
  "packed",
  "shipped",
  "delivered",
];

/**
 * A parcel's steps: chờ thanh toán (not for cash on delivery), đã xác nhận, đã đóng gói, đang giao, đã giao — each
 * done with its time, the one it is at "current", the rest to come. A cancelled parcel keeps the steps it reached.
 */
export function parcelSteps(parcel: ParcelLike): Step[] {
  const flow = parcel.paymentMethod === "cod" ? FLOW.slice(1) : FLOW;
  const when = new Map<string, string>();
  for (const h of parcel.history ?? []) if (h.status && h.at) when.set(h.status, h.at);
  const reached =
    parcel.status === "cancelled"
      ? Math.max(-1, ...flow.map((s, i) => (when.has(s) ? i : -1)))
      : flow.indexOf(parcel.status as Step["status"]);
  return flow.map((status, i) => ({
    status,
    at: when.get(status) ?? null,
    state:
      i < reached || (i === reached && (status === "delivered" || parcel.status === "cancelled"))
        ? "done"
        : i === reached
          ? "current"
          : "todo",
  }));
}

const CANCELLABLE_PARCELS: readonly string[] = ["pending_payment", "confirmed", "packed"];

/** The API lets a shopper cancel an order until any of its parcels has shipped. */
export function cancellable(order: { status: string; fulfilments: ReadonlyArray<{ status: string }> }): boolean {
  return (
    (order.status === "pending_payment" || order.status === "confirmed") &&
    order.fulfilments.every((f) => CANCELLABLE_PARCELS.includes(f.status))
  );
}

/** Whole seconds left until `payBy` (0 once it has passed). */
export function secondsLeft(payBy: string | null | undefined, now: number = Date.now()): number {
  if (!payBy) return 0;
  const at = Date.parse(payBy);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((at - now) / 1000));
}

/** "29:05": minutes and seconds of a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "14:35": the time of day an instant is in Vietnam. */
export function vietnamTime(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(at);
}

/** A line of a placed order, as the order keeps it: what to put back in the cart to order it again. */
export type CartAgain =
  | { kind: "product"; productId: string; quantity: number; dealId?: string }
  | { kind: "combo"; comboId: string; quantity: number };

/**
 * The cart lines of a placed order (its `lines` are the priced lines as the shopper saw them). Used when a card
 * order is cancelled to pay another way: placing an order empties the cart, cancelling does not refill it.
 */
export function linesToReorder(lines: readonly unknown[]): CartAgain[] {
  const out: CartAgain[] = [];
  for (const raw of lines) {
    if (!raw || typeof raw !== "object") continue;
    const line = raw as Record<string, unknown>;
    const quantity = typeof line.quantity === "number" && line.quantity > 0 ? line.quantity : 1;
    if (line.kind === "product" && typeof line.productId === "string") {
      const deal = line.deal as { dealId?: unknown } | null | undefined;
      out.push({
        kind: "product",
        productId: line.productId,
        quantity,
        ...(typeof deal?.dealId === "string" ? { dealId: deal.dealId } : {}),
      });
    } else if (line.kind === "combo" && typeof line.comboId === "string") {
      out.push({ kind: "combo", comboId: line.comboId, quantity });
    }
  }
  return out;
}

/**
 * The carrier's public tracking page for a parcel (GHN, GHTK, Viettel Post, VNPost, J&T, SPX, Ninja Van, Best), as
 * the order messages link it; undefined for a carrier we do not know, whose number then stays plain text.
 */
export function trackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined) {
  return Carrier.trackingUrl(carrier, trackingNumber);
}
