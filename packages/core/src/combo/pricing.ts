import type { Settings } from "../settings";

/** The best tier a custom combo of `items` products reaches, as a percentage (0 when none). */
export function tierPercent(pricing: Settings.Pricing, items: number): number {
  return pricing.comboTiers.filter((t) => items >= t.minItems).reduce((best, t) => Math.max(best, t.percent), 0);
}

/**
 * A combo's price. Templates have a fixed price (box included, capped at the list price); custom combos cost their products less the tier
 * discount, plus the box. All in whole đồng: the discount is rounded down to the đồng, in the shopper's favour never
 * against it.
 */
export function comboPrice(
  pricing: Settings.Pricing,
  input: { partsVnd: number; items: number; boxVnd: number; fixedPriceVnd?: number },
): { priceVnd: number; discountVnd: number; percent: number } {
  if (input.fixedPriceVnd !== undefined) {
    // Never more than buying the parts and the box separately (a seller may lower a price after the template).
    const listed = input.partsVnd + input.boxVnd;
    const priceVnd = Math.min(input.fixedPriceVnd, listed);
    return { priceVnd, discountVnd: listed - priceVnd, percent: 0 };
  }
  const percent = tierPercent(pricing, input.items);
  const discountVnd = Math.floor((input.partsVnd * percent) / 100);
  return { priceVnd: input.partsVnd - discountVnd + input.boxVnd, discountVnd, percent };
}

/**
 * Splits an integer amount over weights so that the shares add up exactly (largest remainder).
 * Used to share a combo's discount among the producers whose products are in it.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}
