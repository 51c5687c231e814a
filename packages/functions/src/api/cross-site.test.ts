import { signingKey } from "@cho-ocop/core/account/secret";
import { serializeSigned } from "hono/utils/cookie";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phone, tokenFor } from "../../test/api";
import { ORIGIN_SECRET_HEADER } from "../edge";
import { CART_COOKIE, SESSION_COOKIE } from "./actor";
import { app } from "./app";

interface CartView {
  lines: Array<{ lineId: string; quantity: number }>;
}

const SITE = "http://localhost";
let productId: string;

beforeAll(async () => {
  const res = await app.request("/api/products?limit=1");
  productId = ((await res.json()) as { items: Array<{ productId: string }> }).items[0]?.productId ?? "";
  expect(productId).not.toBe("");
});

/** The session cookie the web app holds after signing in, signed as the server signs it. */
async function sessionCookie(): Promise<{ cookie: string; token: string }> {
  const token = await tokenFor();
  const cookie = (await serializeSigned(SESSION_COOKIE, token, signingKey())).split(";")[0] ?? "";
  return { cookie, token };
}

function addToCart(headers: Record<string, string>) {
  return app.request("/api/cart/items", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ productId, quantity: 1 }),
  });
}

async function cartLines(headers: Record<string, string>): Promise<number> {
  const res = await app.request("/api/cart", { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as CartView).lines.length;
}

async function expectRefused(res: Response) {
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({ error: { code: "cross_site_request", message: expect.any(String) } });
}

describe("cross-site request forgery", () => {
  it("refuses a state change carrying the session cookie from another site's page, and changes nothing", async () => {
    const { cookie } = await sessionCookie();
    await expectRefused(await addToCart({ cookie, origin: "https://evil.example" }));
    await expectRefused(await addToCart({ cookie, origin: "null" }));
    // A sibling on the same host is another origin (another port on this machine, say).
    await expectRefused(await addToCart({ cookie, origin: "http://localhost:8080" }));
    expect(await cartLines({ cookie })).toBe(0);
  });

  it("refuses one with no Origin unless the browser says it is same-origin", async () => {
    const { cookie } = await sessionCookie();
    await expectRefused(await addToCart({ cookie }));
    await expectRefused(await addToCart({ cookie, "sec-fetch-site": "same-site" }));
    await expectRefused(await addToCart({ cookie, "sec-fetch-site": "cross-site" }));
    expect(await cartLines({ cookie })).toBe(0);
    expect((await addToCart({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect(await cartLines({ cookie })).toBe(1);
  });

  it("accepts the site's own pages, and says it in English when asked", async () => {
    const { cookie } = await sessionCookie();
    expect((await addToCart({ cookie, origin: SITE })).status).toBe(201);
    expect(await cartLines({ cookie })).toBe(1);
    const refused = await addToCart({ cookie, origin: "https://evil.example", "accept-language": "en" });
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/did not come from/);
  });

  it("guards the anonymous cart's cookie too", async () => {
    const first = await addToCart({ origin: SITE });
    expect(first.status).toBe(201);
    const cookie = first.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(new RegExp(`^${CART_COOKIE}=`));
    await expectRefused(await addToCart({ cookie, origin: "https://evil.example" }));
    expect(await cartLines({ cookie })).toBe(1);
    const lineId = (((await (await app.request("/api/cart", { headers: { cookie } })).json()) as CartView).lines[0]
      ?.lineId ?? "") as string;
    await expectRefused(
      await app.request(`/api/cart/items/${lineId}`, {
        method: "DELETE",
        headers: { cookie, origin: "https://evil.example" },
      }),
    );
    expect(await cartLines({ cookie })).toBe(1);
  });

  it("leaves reads, bearer-token clients and webhooks alone", async () => {
    const { cookie, token } = await sessionCookie();
    expect((await app.request("/api/cart", { headers: { cookie, origin: "https://evil.example" } })).status).toBe(200);
    const bearer = await addToCart({ authorization: `Bearer ${token}`, origin: "https://app.example" });
    expect(bearer.status).toBe(201);
    // No cookie: whatever the webhook answers, it is not a cross-site refusal.
    const webhook = await app.request("/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      body: "{}",
    });
    expect(webhook.status).not.toBe(403);
  });
});

describe("behind CloudFront (AWS)", () => {
  const SECRET = "cloudfront-origin-secret-for-the-tests-0123456789";
  const lambda = (sourceIp = "198.51.100.1") => ({ event: { requestContext: { http: { sourceIp } } } });
  const before = { secret: process.env.ORIGIN_SECRET, url: process.env.PUBLIC_URL };

  beforeAll(() => {
    process.env.ORIGIN_SECRET = SECRET;
  });
  afterAll(() => {
    if (before.secret === undefined) delete process.env.ORIGIN_SECRET;
    else process.env.ORIGIN_SECRET = before.secret;
    if (before.url === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = before.url;
  });

  it("refuses what did not come through CloudFront: a direct call to the execute-api endpoint", async () => {
    for (const headers of [{}, { [ORIGIN_SECRET_HEADER]: "guess" }] as Record<string, string>[]) {
      const res = await app.request("/api/products?limit=1", { headers }, lambda());
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "not_through_site" } });
    }
    const through = await app.request(
      "/api/products?limit=1",
      { headers: { [ORIGIN_SECRET_HEADER]: SECRET } },
      lambda(),
    );
    expect(through.status).toBe(200);
  });

  it("takes the site to be the host the viewer asked CloudFront for, or PUBLIC_URL, not the execute-api host", async () => {
    const { cookie } = await sessionCookie();
    const edge = { [ORIGIN_SECRET_HEADER]: SECRET, "x-forwarded-host": "d111111abcdef8.cloudfront.net", cookie };
    const add = (origin: string) =>
      app.request(
        "https://abc123.execute-api.ap-southeast-1.amazonaws.com/api/cart/items",
        {
          method: "POST",
          headers: { "content-type": "application/json", ...edge, origin },
          body: JSON.stringify({ productId, quantity: 1 }),
        },
        lambda(),
      );
    expect((await add("https://d111111abcdef8.cloudfront.net")).status).toBe(201);
    await expectRefused(await add("https://evil.example"));
    process.env.PUBLIC_URL = "https://cho-ocop.example.vn";
    expect((await add("https://cho-ocop.example.vn")).status).toBe(201);
    delete process.env.PUBLIC_URL;
  });

  it("counts sign-in codes per viewer address as CloudFront gives it", async () => {
    const send = (viewer: string) =>
      app.request(
        "/api/auth/code",
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            [ORIGIN_SECRET_HEADER]: SECRET,
            "cloudfront-viewer-address": `${viewer}:0`,
          },
          body: JSON.stringify({ phone: phone() }),
        },
        lambda(),
      );
    for (let i = 0; i < 100; i++) expect((await send("203.0.113.77")).status, `request ${i + 1}`).toBe(202);
    expect((await send("203.0.113.77")).status).toBe(429);
    expect((await send("2001:db8::77")).status).toBe(202);
  }, 60_000);
});
