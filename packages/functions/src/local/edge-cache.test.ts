import { LocalStorage } from "@cho-ocop/core/storage/index";
import { addDays } from "@cho-ocop/core/util/date";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../api/actor";
import { STOREFRONT_CACHE_CONTROL, STOREFRONT_FRESH_SECONDS, STOREFRONT_STALE_SECONDS } from "../api/shared-cache";
import { PRODUCTS } from "./demo/products";
import { edgeCache } from "./edge-cache";
import { demoId } from "./seed";
import { localApp } from "./server";

const URL_ = "http://shop.test/api/products?q=mat";

/** An origin that answers with how many times it was asked, under the headers given. */
function origin(headers: Record<string, string> = { "cache-control": STOREFRONT_CACHE_CONTROL }) {
  let asked = 0;
  const fetch = vi.fn(async (request: Request) => {
    asked++;
    const vary = request.headers.get("accept-language") ?? "";
    return new Response(JSON.stringify({ asked, vary }), {
      headers: { "content-type": "application/json", ...headers },
    });
  });
  return { fetch, asked: () => asked };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
}

const read = async (res: Response) => ({
  cache: res.headers.get("x-cache"),
  body: (await res.json()) as { asked: number; vary: string },
});

describe("the edge cache (CloudFront's part, locally)", () => {
  it("answers a second read of the same URL from the cache, and another query string from the origin", async () => {
    const o = origin();
    const time = clock();
    const cache = edgeCache(o.fetch, { now: time.now });
    expect(await read(await cache(new Request(URL_), {}))).toEqual({ cache: "Miss", body: { asked: 1, vary: "" } });
    time.advance(STOREFRONT_FRESH_SECONDS - 1);
    const hit = await cache(new Request(URL_), {});
    expect(hit.headers.get("age")).toBe(String(STOREFRONT_FRESH_SECONDS - 1));
    expect(await read(hit)).toEqual({ cache: "Hit", body: { asked: 1, vary: "" } });
    expect((await read(await cache(new Request(`${URL_}&limit=2`), {}))).cache).toBe("Miss");
    expect(o.asked()).toBe(2);
  });

  it("serves a stale answer once fresh time is over while one refetch runs, then the new answer", async () => {
    const o = origin();
    const time = clock();
    const cache = edgeCache(o.fetch, { now: time.now });
    await cache(new Request(URL_), {});
    time.advance(STOREFRONT_FRESH_SECONDS + 1);
    const [a, b] = await Promise.all([cache(new Request(URL_), {}), cache(new Request(URL_), {})]);
    expect((await read(a)).cache).toBe("Stale");
    expect((await read(b)).body.asked).toBe(1);
    await vi.waitFor(() => expect(o.asked()).toBe(2));
    expect(await read(await cache(new Request(URL_), {}))).toEqual({ cache: "Hit", body: { asked: 2, vary: "" } });
  });

  it("asks the origin again once stale time is over too", async () => {
    const o = origin();
    const time = clock();
    const cache = edgeCache(o.fetch, { now: time.now });
    await cache(new Request(URL_), {});
    time.advance(STOREFRONT_FRESH_SECONDS + STOREFRONT_STALE_SECONDS);
    expect(await read(await cache(new Request(URL_), {}))).toEqual({ cache: "Miss", body: { asked: 2, vary: "" } });
  });

  it("lets concurrent misses of one URL wait for one origin request", async () => {
    const o = origin();
    const cache = edgeCache(o.fetch);
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache(new Request(URL_), {})));
    expect(new Set(await Promise.all(answers.map(async (a) => (await read(a)).body.asked)))).toEqual(new Set([1]));
    expect(o.asked()).toBe(1);
  });

  it("never reads or fills the cache for a request with the session cookie or Authorization", async () => {
    const o = origin();
    const cache = edgeCache(o.fetch);
    await cache(new Request(URL_), {});
    for (const headers of [
      { cookie: `lang=vi; ${SESSION_COOKIE}=abc.def` },
      { authorization: "Bearer token" },
    ] as Array<Record<string, string>>) {
      const res = await read(await cache(new Request(URL_, { headers }), {}));
      expect(res.cache).toBeNull();
    }
    expect(o.asked()).toBe(3);
    // Another cookie (the anonymous cart's) is nothing personal to the storefront.
    expect((await read(await cache(new Request(URL_, { headers: { cookie: "ocop_cart=x" } }), {}))).cache).toBe("Hit");
  });

  it("keeps nothing the answer calls private, no-store or sets a cookie with, nor what has no shared lifetime", async () => {
    for (const headers of [
      { "cache-control": "private, no-store" },
      { "cache-control": "no-cache" },
      { "cache-control": STOREFRONT_CACHE_CONTROL, "set-cookie": "a=b" },
      { "cache-control": STOREFRONT_CACHE_CONTROL, vary: "*" },
      {},
    ] as Array<Record<string, string>>) {
      const o = origin(headers);
      const cache = edgeCache(o.fetch);
      await cache(new Request(URL_), {});
      expect((await read(await cache(new Request(URL_), {}))).cache, JSON.stringify(headers)).toBe("Miss");
    }
  });

  it("keeps one variant per value of the headers the answer varies on", async () => {
    const o = origin({ "cache-control": STOREFRONT_CACHE_CONTROL, vary: "Accept-Language" });
    const cache = edgeCache(o.fetch);
    const vi_ = { headers: { "accept-language": "vi" } };
    const en = { headers: { "accept-language": "en" } };
    expect((await read(await cache(new Request(URL_, vi_), {}))).body).toEqual({ asked: 1, vary: "vi" });
    expect(await read(await cache(new Request(URL_, en), {}))).toEqual({
      cache: "Miss",
      body: { asked: 2, vary: "en" },
    });
    expect(await read(await cache(new Request(URL_, vi_), {}))).toEqual({
      cache: "Hit",
      body: { asked: 1, vary: "vi" },
    });
    expect(await read(await cache(new Request(URL_, en), {}))).toEqual({
      cache: "Hit",
      body: { asked: 2, vary: "en" },
    });
  });

  it("passes writes through", async () => {
    const o = origin();
    const cache = edgeCache(o.fetch);
    await cache(new Request(URL_, { method: "POST", body: "{}" }), {});
    await cache(new Request(URL_, { method: "POST", body: "{}" }), {});
    expect(o.asked()).toBe(2);
  });
});

describe("the local server's storefront behind the edge cache", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps anonymous storefront reads, never a signed-in caller's", async () => {
    const app = localApp({
      webDist: "/nonexistent",
      storage: new LocalStorage(process.env.UPLOAD_DIR ?? ""),
      cache: {},
    });
    const first = await app.request("/api/products?limit=3");
    expect(first.headers.get("cache-control")).toBe(STOREFRONT_CACHE_CONTROL);
    expect(first.headers.get("x-cache")).toBe("Miss");
    expect((await app.request("/api/products?limit=3")).headers.get("x-cache")).toBe("Hit");
    const signedIn = await app.request("/api/products?limit=3", { headers: { authorization: "Bearer nobody" } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("x-cache")).toBeNull();
    // Not a storefront read: never kept.
    const cart = await app.request("/api/cart");
    expect(cart.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a certificate that runs out at midnight is gone from cached pages within s-maxage + stale-while-revalidate", async () => {
    const listed = PRODUCTS.filter((p) => p.status === "approved" && p.certificate.monthsAgo < 36);
    const app = localApp({
      webDist: "/nonexistent",
      storage: new LocalStorage(process.env.UPLOAD_DIR ?? ""),
      cache: {},
    });
    // The listed product whose certificate runs out first, and its last valid day (Vietnam time, UTC+7).
    const pages = await Promise.all(
      listed.map(async (p) => {
        const id = demoId("product", p.key);
        return (await (await app.request(`/api/products/${id}`)).json()) as {
          productId: string;
          certificate: { validUntil: string };
        };
      }),
    );
    const first = pages.sort((a, b) => a.certificate.validUntil.localeCompare(b.certificate.validUntil))[0];
    if (!first) throw new Error("no listed demo product");
    const lastDay = first.certificate.validUntil;
    const midnight = Date.parse(`${addDays(lastDay, 1)}T00:00:00+07:00`);
    const path = `/api/products/${first.productId}`;

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(midnight - 5_000);
    expect((await app.request(path)).status).toBe(200);
    // Just after midnight the cached page may still show it…
    vi.setSystemTime(midnight + 1_000);
    const lagging = await app.request(path);
    expect([lagging.status, lagging.headers.get("x-cache")]).toEqual([200, "Hit"]);
    // …but never once the cache's whole lifetime has passed since midnight.
    vi.setSystemTime(midnight + (STOREFRONT_FRESH_SECONDS + STOREFRONT_STALE_SECONDS) * 1000);
    expect((await app.request(path)).status).toBe(404);
  });
});
