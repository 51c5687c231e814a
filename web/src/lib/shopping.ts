import { MAX_ITEMS as COMBO_MAX, MIN_ITEMS as COMBO_MIN, GREETING_MAX } from "@cho-ocop/core/combo/limits";
import { formatCount, formatDecimal } from "./format";

/**
 * Pure rules of the cart, combo builder and checkout screens. Prices always come from the API; these only read its
 * numbers (a gap to free shipping, whether a box can hold what was picked) and keep the UI's own bookkeeping.
 */

export { COMBO_MAX, COMBO_MIN, GREETING_MAX };

/** How much more the goods must reach for shipping to be free; 0 once it is (or when nothing is in the cart). */
export function freeShippingGap(
  totals: { goodsVnd: number; discountVnd: number; freeShipping: boolean },
  thresholdVnd: number,
): number {
  if (totals.freeShipping || totals.goodsVnd === 0) return 0;
  return Math.max(0, thresholdVnd - (totals.goodsVnd - totals.discountVnd));
}

/** What the parts weigh together, in grams. */
export function weightOf(parts: ReadonlyArray<{ weightGrams: number }>): number {
  return parts.reduce((n, p) => n + p.weightGrams, 0);
}

/** Whether a box holds the parts: its capacity by weight against what they weigh. */
export function boxFits(box: { capacityGrams: number }, weightGrams: number): boolean {
  return weightGrams <= box.capacityGrams;
}

/** Share of a box's capacity used, 0–100 (capped), for its meter. */
export function fillPercent(weightGrams: number, capacityGrams: number): number {
  if (capacityGrams <= 0) return 100;
  return Math.min(100, Math.round((weightGrams / capacityGrams) * 100));
}

/** "850 g", "1,2 kg" ("1.2 kg" in English): a weight for people. */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${formatCount(grams)} g`;
  return `${formatDecimal(grams / 1000, 2)} kg`;
}

export type ComboState = "empty" | "tooFew" | "tooMany" | "noBox" | "tooHeavy" | "ready";

/** Whether a combo can be priced and saved, and if not, why: the API's own rules (2–8 products, a box that holds them). */
export function comboState(count: number, box: { capacityGrams: number } | undefined, weightGrams: number): ComboState {
  if (count === 0) return "empty";
  if (count < COMBO_MIN) return "tooFew";
  if (count > COMBO_MAX) return "tooMany";
  if (!box) return "noBox";
  if (!boxFits(box, weightGrams)) return "tooHeavy";
  return "ready";
}

/** The same products in the same box price the same: the key under which a quote is kept. */
export function comboKey(productIds: readonly string[], boxId: string): string {
  return `${boxId}:${productIds.join(",")}`;
}

/** How many producers the parts come from (one parcel each). */
export function producersOf(parts: ReadonlyArray<{ producerId: string }>): number {
  return new Set(parts.map((p) => p.producerId)).size;
}

/**
 * A key for one checkout attempt: sent as `Idempotency-Key`, kept until the order is placed, so that a double tap
 * or a retry after a lost answer gives the same order instead of a second one.
 */
export function newIdempotencyKey(random: () => string = () => crypto.randomUUID()): string {
  return `web-${random().replace(/[^A-Za-z0-9_-]/g, "")}`;
}

/** Characters left for a greeting card. */
export function greetingLeft(text: string): number {
  return GREETING_MAX - [...text].length;
}

interface LineForParcels {
  kind: "product" | "combo";
  quantity: number;
  name?: string;
  producerId?: string;
  title?: string | null;
  box?: { name: string };
  parts?: ReadonlyArray<{ name: string; producerId: string }>;
}

export interface ParcelContent {
  items: Array<{ name: string; quantity: number; combo: string | null }>;
  boxes: Array<{ name: string; quantity: number }>;
}

/**
 * What each producer's parcel holds, read from the cart's lines: their products, their parts of gift combos, and
 * the boxes (with the card) of combos whose first product is theirs — as the API splits an order.
 */
export function parcelContents(lines: readonly LineForParcels[], comboTitle: string): Map<string, ParcelContent> {
  const out = new Map<string, ParcelContent>();
  const of = (producerId: string) => {
    let found = out.get(producerId);
    if (!found) {
      found = { items: [], boxes: [] };
      out.set(producerId, found);
    }
    return found;
  };
  for (const line of lines) {
    if (line.kind === "product") {
      if (line.producerId)
        of(line.producerId).items.push({ name: line.name ?? "", quantity: line.quantity, combo: null });
      continue;
    }
    const title = line.title ?? comboTitle;
    for (const part of line.parts ?? [])
      of(part.producerId).items.push({ name: part.name, quantity: line.quantity, combo: title });
    const lead = line.parts?.[0];
    if (lead && line.box) of(lead.producerId).boxes.push({ name: line.box.name, quantity: line.quantity });
  }
  return out;
}

/**
 * What to show for shipping: free once the goods reach the threshold (whatever the province), unknown until a
 * province is chosen, else the API's fee.
 */
export function shippingShown(totals: {
  shippingVnd: number | null;
  freeShipping: boolean;
}): "free" | "unknown" | number {
  if (totals.freeShipping || totals.shippingVnd === 0) return "free";
  return totals.shippingVnd === null ? "unknown" : totals.shippingVnd;
}
