import { province } from "../geo/province";
import type { RegionId } from "../geo/region";
import type { GroupId } from "../group";

/**
 * Facet counts, as shoppers know them from Shopee and Lazada: beside each province (and each group) the number of
 * products the list would show on choosing it — the search text and every other filter applied, that facet's own
 * choice left out, so the counts tell where else to go.
 */
export interface Facets {
  province: Record<string, number>;
  group: Record<string, number>;
  /** False when the read stopped at its bound before the end: the counts are then only lower bounds. */
  complete: boolean;
}

export interface FacetFilters {
  group?: GroupId;
  province?: string;
  region?: RegionId;
  minStars?: number;
  minPrice?: number;
  maxPrice?: number;
}

/** What a facet count needs of a listed product, and how many products it stands for (1, or a counter's count). */
export interface Counted {
  provinceCode: string;
  group: string;
  region: string;
  stars: number;
  priceVnd?: number;
  n?: number;
}

type Dimension = "province" | "group";

function keeps(item: Counted, f: FacetFilters, except: Dimension): boolean {
  if (except !== "group" && f.group && item.group !== f.group) return false;
  if (except !== "province" && f.province && item.provinceCode !== f.province) return false;
  if (f.region && item.region !== f.region) return false;
  if (f.minStars !== undefined && item.stars < f.minStars) return false;
  if (f.minPrice !== undefined && (item.priceVnd ?? 0) < f.minPrice) return false;
  if (f.maxPrice !== undefined && (item.priceVnd ?? 0) > f.maxPrice) return false;
  return true;
}

export function countFacets(items: Iterable<Counted>, f: FacetFilters, complete = true): Facets {
  const out: Facets = { province: {}, group: {}, complete };
  for (const item of items) {
    const n = item.n ?? 1;
    if (keeps(item, f, "province")) out.province[item.provinceCode] = (out.province[item.provinceCode] ?? 0) + n;
    if (keeps(item, f, "group")) out.group[item.group] = (out.group[item.group] ?? 0) + n;
  }
  return out;
}

const PREFIX = "facet";

/**
 * The storefront counter a listed product adds 1 to: one per province × group × stars (at most 34 × 6 × 3), from
 * which the counts under any choice of group, province, region and stars are sums — no price, which is not kept.
 */
export function facetKey(item: { provinceCode: string; group: string; stars: number }): string {
  return `${PREFIX}-${item.provinceCode}-${item.group}-${item.stars}`;
}
export const FACET_KEY_PREFIX = `${PREFIX}-`;

/** Reads `facet-<province>-<group>-<stars>` counters back as counted items. */
export function fromCounters(rows: Iterable<{ key: string; count: number }>): Counted[] {
  const out: Counted[] = [];
  for (const { key, count } of rows) {
    const m = /^facet-(\d{2})-([a-z-]+)-(\d)$/.exec(key);
    if (!m || count <= 0) continue;
    const [, code = "", group = "", stars = "0"] = m;
    out.push({ provinceCode: code, group, region: province(code)?.region ?? "", stars: Number(stars), n: count });
  }
  return out;
}
