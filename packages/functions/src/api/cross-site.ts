import type { Context, MiddlewareHandler } from "hono";
import { CART_COOKIE, SESSION_COOKIE } from "./actor";
import { behindCloudFront, viewerOrigin } from "./cloudfront";
import { errorJson } from "./error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const COOKIES = new RegExp(`(?:^|;)\\s*(?:${SESSION_COOKIE}|${CART_COOKIE})=`);

/**
 * Cross-site request forgery: a state-changing request that carries the session or cart cookie is refused unless
 * the browser says it comes from a page of this site (`Origin`, or `Sec-Fetch-Site: same-origin` when a browser
 * sends no Origin). A bearer token is not sent by a browser on its own, so API clients are not concerned; nor are
 * webhooks, which carry no cookie.
 */
export const refuseCrossSite: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || !COOKIES.test(c.req.header("cookie") ?? "") || hasBearer(c)) return next();
  if (fromThisSite(c)) return next();
  return errorJson(c, 403, "cross_site_request", {
    vi: "Yêu cầu này không đến từ trang Chợ OCOP nên đã bị từ chối.",
    en: "This request did not come from a Chợ OCOP page, so it was refused.",
  });
};

function hasBearer(c: Context): boolean {
  return /^Bearer\s+\S+$/i.test(c.req.header("authorization") ?? "");
}

function fromThisSite(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin) return siteOrigins(c).has(origin);
  return c.req.header("sec-fetch-site") === "same-origin";
}

/**
 * The site's own origins: the one the request was addressed to (locally, any address of this machine), PUBLIC_URL,
 * and on AWS the viewer's host that CloudFront forwards (the Lambda itself is addressed by its execute-api host).
 */
function siteOrigins(c: Context): Set<string> {
  const origins = new Set([new URL(c.req.url).origin]);
  if (process.env.PUBLIC_URL) origins.add(new URL(process.env.PUBLIC_URL).origin);
  const viewer = behindCloudFront() ? viewerOrigin(c) : undefined;
  if (viewer) origins.add(viewer);
  return origins;
}
