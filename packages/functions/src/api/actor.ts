import { type Actor, ANONYMOUS } from "@cho-ocop/core/account/actor";
import { Account } from "@cho-ocop/core/account/index";
import { signingKey } from "@cho-ocop/core/account/secret";
import { Cart } from "@cho-ocop/core/cart/index";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { behindCloudFront, viewerOrigin } from "./cloudfront";
import { SESSION_COOKIE } from "./session-cookie";

export { SESSION_COOKIE };

export type AppEnv = { Variables: { actor: () => Promise<Actor> } };

/**
 * Who is calling, resolved only when a route asks (storefront reads never pay for it): the signed session
 * cookie of the web app, or `Authorization: Bearer <token>` for API clients.
 */
export const actorContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  let resolved: Promise<Actor> | undefined;
  c.set("actor", () => {
    resolved ??= (async () => {
      const token = await sessionToken(c);
      const user = token ? await Account.resolve(token) : undefined;
      return user ? { kind: "user", user } : ANONYMOUS;
    })();
    return resolved;
  });
  await next();
};

export async function sessionToken(c: Context): Promise<string | undefined> {
  const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie = await getSignedCookie(c, signingKey(), SESSION_COOKIE);
  return cookie || undefined;
}

export async function startSession(c: Context, token: string, expiresAt: string) {
  await setSignedCookie(c, SESSION_COOKIE, token, signingKey(), {
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:" || process.env.STORAGE === "s3",
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function endSession(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/**
 * The caller's address for rate limits, never from a header the caller controls (X-Forwarded-For, or a
 * CloudFront-Viewer-Address sent to the local server): the socket on the local server; on AWS CloudFront's viewer
 * address, which only CloudFront can set since the API refuses whatever did not come through it (./cloudfront.ts),
 * else the Lambda event's source.
 */
export function clientIp(c: Context): string {
  const env = c.env as
    | {
        incoming?: { socket?: { remoteAddress?: string } };
        event?: { requestContext?: { http?: { sourceIp?: string } } };
      }
    | undefined;
  if (env?.incoming) return env.incoming.socket?.remoteAddress ?? "unknown";
  if (!env?.event) return "unknown";
  const viewer = behindCloudFront() ? c.req.header("cloudfront-viewer-address") : undefined;
  if (viewer) return viewer.replace(/:\d+$/, "");
  return env.event.requestContext?.http?.sourceIp ?? "unknown";
}

/** The public origin of the web app, for links such as the QR code's. */
export function publicOrigin(c: Context): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  return viewerOrigin(c) ?? new URL(c.req.url).origin;
}

export const CART_COOKIE = "ocop_cart";

/**
 * The cart of whoever is calling: a signed-in user's own cart, or an anonymous cart named by a signed cookie
 * (created on first use when `create` is set).
 */
export async function cartOf(c: Context<AppEnv>, create: boolean): Promise<string | undefined> {
  const actor = await c.var.actor();
  if (actor.kind === "user") return Cart.forUser(actor.user.userId);
  const existing = await getSignedCookie(c, signingKey(), CART_COOKIE);
  if (existing && Cart.Id.safeParse(existing).success) return existing;
  if (!create) return undefined;
  const cartId = Cart.newAnonymous();
  await setSignedCookie(c, CART_COOKIE, cartId, signingKey(), {
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:" || process.env.STORAGE === "s3",
    path: "/",
    maxAge: 60 * 86_400,
  });
  return cartId;
}

/** On sign-in the anonymous cart joins the account's. */
export async function adoptCart(c: Context, userId: string) {
  const anonymous = await getSignedCookie(c, signingKey(), CART_COOKIE);
  if (anonymous && Cart.Id.safeParse(anonymous).success && anonymous.startsWith("a-")) {
    await Cart.merge(anonymous, Cart.forUser(userId));
    deleteCookie(c, CART_COOKIE, { path: "/" });
  }
}
