import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorJson } from "./error";

/**
 * The largest JSON body of any route, with room to spare: a product or producer with its 5,000-character story
 * (each character `\uXXXX`-escaped at worst), a combo, a price list.
 */
export const JSON_LIMIT = 64 * 1024;
/** Stripe's events carry whole objects (a payment intent with its charges), larger than our own requests. */
export const WEBHOOK_LIMIT = 512 * 1024;

const MB = 1024 * 1024;
/** A province's OCOP list as an .xlsx of at most 1 MB, sent base64 in JSON (4/3 of its size) with its mapping. */
export const IMPORT_LIMIT = 1.5 * MB;
const IMPORT_PATH = "/api/admin/certificates/import";

export function tooLarge(c: Context, maxBytes: number) {
  const most = maxBytes >= MB ? `${Math.floor(maxBytes / MB)} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return errorJson(c, 413, "too_large", {
    vi: `Yêu cầu quá lớn: tối đa ${most}.`,
    en: `Request too large: at most ${most}.`,
  });
}

const limiter = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxSize) });
const json = limiter(JSON_LIMIT);
const webhook = limiter(WEBHOOK_LIMIT);
const spreadsheet = limiter(IMPORT_LIMIT);

/**
 * Every API request's body is bounded before anything reads it: by Content-Length when it is given, otherwise
 * while it streams (and on Lambda, where the body is already in the event, the same check applies to it).
 */
export const bodyLimits: MiddlewareHandler = (c, next) =>
  c.req.path.startsWith("/api/webhooks/")
    ? webhook(c, next)
    : c.req.path === IMPORT_PATH
      ? spreadsheet(c, next)
      : json(c, next);
