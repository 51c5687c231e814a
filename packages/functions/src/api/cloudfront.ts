import { sameSecret } from "@cho-ocop/core/account/secret";
import type { Context, MiddlewareHandler } from "hono";
import { ORIGIN_SECRET_HEADER } from "../edge";
import { errorJson } from "./error";

/** Whether this API answers only what CloudFront forwards (ORIGIN_SECRET set: on AWS). */
export const behindCloudFront = () => Boolean(process.env.ORIGIN_SECRET);

/**
 * The site's origin as the viewer addressed it, from what CloudFront forwards: the viewer's host, and the scheme,
 * always https on AWS (the distribution redirects http) and http only in the AWS-shaped local mode, whose edge says so
 * in CloudFront's own CloudFront-Forwarded-Proto header.
 */
export function viewerOrigin(c: Context): string | undefined {
  const host = c.req.header("x-forwarded-host");
  if (!host) return undefined;
  const scheme = behindCloudFront() && c.req.header("cloudfront-forwarded-proto") === "http" ? "http" : "https";
  return `${scheme}://${host}`;
}

/** On AWS, a request that did not come through CloudFront (a direct call to the execute-api endpoint) is refused. */
export const onlyThroughCloudFront: MiddlewareHandler = async (c, next) => {
  if (!behindCloudFront() || fromCloudFront(c)) return next();
  return errorJson(c, 403, "not_through_site", {
    vi: "API chỉ nhận yêu cầu qua trang web.",
    en: "The API answers only requests made through the site.",
  });
};

function fromCloudFront(c: Context): boolean {
  return sameSecret(c.req.header(ORIGIN_SECRET_HEADER) ?? "", process.env.ORIGIN_SECRET ?? "");
}
