import { type GroupId, isGroupId, isRegionId, province, type RegionId } from "./geo";

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "stars"] as const;
export type Sort = (typeof SORTS)[number];
export type Stars = 3 | 4 | 5;

/** Everything the catalog can be narrowed by; the URL query carries all of it so a shared link opens the same view. */
export interface Filters {
  q?: string;
  group?: GroupId;
  province?: string;
  region?: RegionId;
  minStars?: Stars;
  minPrice?: number;
  maxPrice?: number;
  sort?: Sort;
}

/** The order keys appear in a URL, so that the same view always has the same link. */
const KEYS = ["q", "group", "region", "province", "minStars", "minPrice", "maxPrice", "sort"] as const;

/** The API's upper bound for a price (MAX_VND in core): larger input is dropped rather than sent and refused. */
export const MAX_PRICE = 10_000_000_000;

function price(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  const digits = raw.replace(/[.\s₫đ,]/g, "");
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return n <= MAX_PRICE ? n : undefined;
}

/** Reads filters from a URL query; values the API would refuse (unknown province, 2 stars, "abc" đồng) are dropped. */
export function parseFilters(search: URLSearchParams | string): Filters {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const f: Filters = {};
  const q = params.get("q")?.trim().replace(/\s+/g, " ").slice(0, 100);
  if (q) f.q = q;
  const group = params.get("group");
  if (group && isGroupId(group)) f.group = group;
  const code = params.get("province");
  if (code && province(code)) f.province = code;
  const region = params.get("region");
  if (region && isRegionId(region)) f.region = region;
  const stars = Number(params.get("minStars"));
  if (stars === 3 || stars === 4 || stars === 5) f.minStars = stars;
  let min = price(params.get("minPrice"));
  let max = price(params.get("maxPrice"));
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  if (min !== undefined) f.minPrice = min;
  if (max !== undefined) f.maxPrice = max;
  const sort = params.get("sort");
  if (sort && (SORTS as readonly string[]).includes(sort)) f.sort = sort as Sort;
  return clean(f);
}

/** Province and region must agree: a province speaks for its region, so a region that contradicts it is dropped. */
function clean(f: Filters): Filters {
  if (f.province) {
    const p = province(f.province);
    if (f.region && p?.region !== f.region) delete f.region;
  }
  return f;
}

/** "q=nuoc+mam&province=82&minStars=4": the query string of a view, without defaults, keys in a fixed order. */
export function filtersToSearch(f: Filters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = f[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function catalogHref(f: Filters): string {
  const search = filtersToSearch(f);
  return search ? `/san-pham?${search}` : "/san-pham";
}

/**
 * Applies a change from a filter control. Choosing a province outside the chosen region clears the region,
 * and choosing a region clears a province outside it, so the two never contradict each other.
 */
export function withFilter(f: Filters, patch: Partial<Filters>): Filters {
  const next: Filters = { ...f, ...patch };
  for (const key of KEYS) if (next[key] === undefined || next[key] === "") delete next[key];
  if (patch.region && next.province && province(next.province)?.region !== patch.region) delete next.province;
  if (patch.province && next.region && province(patch.province)?.region !== next.region) delete next.region;
  if (next.minPrice !== undefined && next.maxPrice !== undefined && next.minPrice > next.maxPrice) {
    [next.minPrice, next.maxPrice] = [next.maxPrice, next.minPrice];
  }
  if (next.sort === "relevance" && !next.q) delete next.sort;
  return next;
}

/** The filters that narrow the results (not the sort), for the "n filters" badge and the clear button. */
export function activeFilters(f: Filters): Array<keyof Filters> {
  return KEYS.filter((k) => k !== "sort" && k !== "q" && f[k] !== undefined);
}

/** The API query for a page of results; the API's own validation is the same as parseFilters'. */
export function toApiQuery(f: Filters, cursor?: string, limit = 24): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(filtersToSearch(f))) query[key] = value;
  if (cursor) query.cursor = cursor;
  query.limit = String(limit);
  return query;
}

/** The API query for the filters' counts (`GET /api/facets`): every filter and the search text, no sort or page. */
export function toFacetQuery(f: Filters): Record<string, string> {
  const { sort: _sort, ...narrowing } = f;
  return Object.fromEntries(new URLSearchParams(filtersToSearch(narrowing)));
}
