import { sameSecret } from "@cho-ocop/core/account/secret";
import type { Context, MiddlewareHandler } from "hono";
import { ORIGIN_SECRET_HEADER } from "../edge";
import { errorJson } from "./error";

/** Whether this API answers only what CloudFront forwards (ORIGIN_SECRET set: on AWS). */
export const behindCloudFront = () => Boolean(process.env.ORIGIN_SECRET);

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
