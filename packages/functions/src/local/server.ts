import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import { isStorageKey, type LocalStorage } from "@cho-ocop/core/storage/index";
import { type Context, type Env, Hono } from "hono";
import { compress } from "hono/compress";
import { app as api } from "../api/app";
import { bodyLimits } from "../api/body-limit";
import { refuseCrossSite } from "../api/cross-site";
import { notFoundRoute } from "../api/error";
import { securityHeadersMiddleware } from "../security-headers";
import { decodePath, devRoutes } from "./dev-routes";
import { type EdgeCacheOptions, edgeCache } from "./edge-cache";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
};

export async function fileIn(root: string, path: string): Promise<string | undefined> {
  const decoded = decodePath(path);
  if (decoded === undefined) return undefined;
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

/**
 * The local server: the same Hono API as on Lambda, plus what CloudFront does on AWS —
 * public media from the local storage folder, the built web app with an SPA fallback and, with `cache`, CloudFront's
 * cache of the anonymous storefront reads (./edge-cache.ts; `pnpm start` turns it on).
 */
export function localApp(options: {
  webDist: string;
  storage: LocalStorage;
  live?: Hono;
  cache?: EdgeCacheOptions | false;
}) {
  const webDist = resolve(options.webDist);
  const server = new Hono();
  server.use(compress());
  // Signed reads of private files may be framed by the site itself: the review page embeds a PDF scan.
  server.use(securityHeadersMiddleware({ framedBySelf: (path) => path.startsWith("/local-files/") }));
  // Not only the API's routes change state: uploads and the broadcast page's ingest ticket too.
  server.use(refuseCrossSite);

  server.get("/media/*", async (c) => {
    const key = c.req.path.slice("/media/".length);
    // Decoded once, then held to the one key check: an encoded "..%2F" names no file, it does not climb out of media/.
    const storageKey = `media/${decodePath(key) ?? ""}`;
    const body = isStorageKey(storageKey) ? await options.storage.read(storageKey) : undefined;
    if (!body) return c.json({ error: { code: "not_found", message: "Không tìm thấy tệp / file not found" } }, 404);
    return c.body(new Uint8Array(body), 200, {
      "content-type": CONTENT_TYPES[extname(key)] ?? "application/octet-stream",
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    });
  });

  // Uploads have their own limit, their ticket's size (src/local/dev-routes.ts).
  server.use("*", async (c, next) => (c.req.path === "/local-upload" ? next() : bodyLimits(c, next)));
  server.route("/", devRoutes(options.storage));
  // `pnpm bench load`'s bare HTTP ceiling: this server's own stack answering a fixed body of the size asked.
  if (process.env.BENCH_ROUTES === "1") server.get("/bench/fixed/:bytes", fixedBody);
  // Live playback, recordings and the broadcast page's ingest ticket (src/local/live).
  if (options.live) server.route("/", options.live);
  server.route("/", api);
  // Whatever the API does not route is still the API's: a JSON 404, never the web app's page.
  server.all("/api/*", notFoundRoute);

  server.get("*", async (c) => {
    const file = (await fileIn(webDist, c.req.path)) ?? resolve(webDist, "index.html");
    const body = await readFile(file).catch(() => undefined);
    if (!body) return c.text("The web app is not built: run `pnpm start` again (it builds web/ first).", 503);
    const immutable = c.req.path.startsWith("/assets/");
    return c.body(new Uint8Array(body), 200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    });
  });
  const app = options.cache ? cachedApp(server, options.cache) : server;
  if (process.env.BENCH_ROUTES !== "1") return app;
  // The same, in front of everything (the edge cache, security headers, compression): Node's HTTP and Hono alone.
  const front = new Hono();
  front.get("/bench/front/:bytes", fixedBody);
  front.all("*", (c) => app.fetch(c.req.raw, c.env));
  return front;
}

const fixedBody = (c: Context) =>
  c.body("x".repeat(Math.min(Number(c.req.param("bytes")) || 0, 1 << 20)), 200, {
    "content-type": "application/json",
  });

/** `app` behind the edge cache, as one Hono app again (the live hub's upgrade and tests take an app). */
export function cachedApp<E extends Env>(app: Hono<E>, cache: EdgeCacheOptions): Hono<E> {
  const cached = edgeCache<E["Bindings"]>((request, env) => app.fetch(request, env), cache);
  const front = new Hono<E>();
  front.all("*", (c) => cached(c.req.raw, c.env));
  return front;
}
