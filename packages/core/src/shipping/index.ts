import { province } from "../geo/province";
import type { Settings } from "../settings";

/** Shipping by zone (same province, same region, across regions) and weight, free above a threshold. */
export namespace Shipping {
  export type Zone = "sameProvince" | "sameRegion" | "national";

  export function zone(fromProvince: string, toProvince: string): Zone {
    if (fromProvince === toProvince) return "sameProvince";
    const from = province(fromProvince)?.region;
    return from && from === province(toProvince)?.region ? "sameRegion" : "national";
  }

  /** Fee for one parcel: the base covers the first 500 g, then each further 500 g or part of it. */
  export function fee(pricing: Settings.Pricing, from: string, to: string, weightGrams: number): number {
    const rate = pricing.shipping[zone(from, to)];
    const extra = Math.max(0, Math.ceil((weightGrams - 500) / 500));
    return rate.baseVnd + extra * rate.per500gVnd;
  }

  export function isFree(pricing: Settings.Pricing, goodsVnd: number): boolean {
    return goodsVnd >= pricing.freeShippingOverVnd;
  }
}
