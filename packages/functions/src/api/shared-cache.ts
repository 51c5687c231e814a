import type { MiddlewareHandler } from "hono";
import { SESSION_COOKIE } from "./session-cookie";

/**
 * What a shared cache (CloudFront on AWS, the local edge cache in src/local/edge-cache.ts) may keep of the API's
 * answers: the anonymous storefront reads, for a few seconds. Stock on a cached page lags by at most
 * FRESH + STALE seconds (checkout reads the table), and so does a certificate that ran out at midnight.
 */
export const STOREFRONT_FRESH_SECONDS = 10;
export const STOREFRONT_STALE_SECONDS = 20;
/** Browsers keep nothing (max-age=0); shared caches keep it fresh for s-maxage, then serve it while they refetch. */
export const STOREFRONT_CACHE_CONTROL = `public, max-age=0, s-maxage=${STOREFRONT_FRESH_SECONDS}, stale-while-revalidate=${STOREFRONT_STALE_SECONDS}`;
export const PERSONAL_CACHE_CONTROL = "private, no-store";

/** home, lists and search, product, producer, provinces and groups, facets, gift boxes and combos, lives. */
const STOREFRONT_READS = [
  /^\/api\/(home|provinces|groups|facets|products|gift-boxes|combos|live)$/,
  /^\/api\/(products|producers|combos|live)\/[^/]+$/,
];

export function isStorefrontRead(method: string, path: string): boolean {
  return (method === "GET" || method === "HEAD") && STOREFRONT_READS.some((read) => read.test(path));
}

/** A request that says who is calling (the session cookie, or a bearer token): never answered from a shared cache. */
export function isPersonal(headers: Headers): boolean {
  if (headers.has("authorization")) return true;
  const cookie = headers.get("cookie");
  return !!cookie && cookie.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * Every API answer says whether a shared cache may keep it: an anonymous storefront read that succeeded and sets no
 * cookie gets STOREFRONT_CACHE_CONTROL, everything else `private, no-store` (unless the route chose its own).
 */
export const sharedCacheHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has("cache-control")) return;
  const shared =
    isStorefrontRead(c.req.method, c.req.path) &&
    !isPersonal(c.req.raw.headers) &&
    c.res.status === 200 &&
    !c.res.headers.has("set-cookie");
  c.res.headers.set("cache-control", shared ? STOREFRONT_CACHE_CONTROL : PERSONAL_CACHE_CONTROL);
};
