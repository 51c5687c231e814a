import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Hono } from "hono";
import { ORIGIN_SECRET_HEADER } from "../../edge";
import { type SiteSources, securityHeaders, socketOrigins } from "../../security-headers";
import type { EdgeCacheOptions } from "../edge-cache";
import { CONTENT_TYPES, cachedApp, fileIn } from "../server";
import { invokeThroughGateway, type LambdaHttpHandler } from "./gateway";

export interface EdgeOptions {
  webDist: string;
  /** The API function's handler (src/lambda.ts), called through API Gateway's payload 2.0. */
  api: LambdaHttpHandler;
  /** The secret CloudFront adds to every request it forwards to the API (ORIGIN_SECRET). */
  originSecret: string;
  s3: S3Client;
  mediaBucket: string;
  recordingsBucket: string;
  /** The fake S3's origin: the browser uploads to it (presigned POSTs) and reads signed links from it. */
  storageOrigin: string;
  /** The fake IVS playback and IVS Chat origins the pages reach, for the policy's lists. */
  liveOrigins: string[];
  /** CloudFront's cache of the anonymous storefront reads (../edge-cache.ts). */
  cache?: EdgeCacheOptions | false;
}

export const newOriginSecret = () => randomBytes(24).toString("base64url");

/**
 * What CloudFront does on AWS (stacks/Web.ts), for the AWS-shaped local mode: /api/* to the API function with the
 * origin secret and the viewer's address, /media/* from the media bucket, /recordings/* from the recordings bucket
 * with the prefix dropped, the rest from the built site with client-side routes (a last segment without a dot) given
 * the SPA shell, the response headers policy on every answer and, with `cache`, the cache policy of /api/*.
 */
export function awsEdge(options: EdgeOptions) {
  const webDist = resolve(options.webDist);
  const edge = new Hono<{ Bindings: { remoteAddress?: string } }>();

  edge.use(async (c, next) => {
    await next();
    const sources: SiteSources = {
      sockets: socketOrigins(c.req.header("host")),
      storage: [options.storageOrigin],
      live: options.liveOrigins,
    };
    for (const [name, value] of Object.entries(securityHeaders(sources))) c.res.headers.set(name, value);
  });

  edge.all("/api/*", async (c) => {
    const headers = new Headers(c.req.raw.headers);
    // CloudFront forwards the viewer's Host as X-Forwarded-Host (stacks/Web.ts, API_VIEWER_HEADERS).
    headers.set("x-forwarded-host", headers.get("host") ?? new URL(c.req.url).host);
    headers.set("cloudfront-forwarded-proto", new URL(c.req.url).protocol.replace(":", ""));
    const ip = c.env?.remoteAddress ?? "127.0.0.1";
    headers.set("cloudfront-viewer-address", `${ip}:0`);
    headers.set(ORIGIN_SECRET_HEADER, options.originSecret);
    const forwarded = new Request(c.req.url, {
      method: c.req.method,
      headers,
      body: c.req.method === "GET" || c.req.method === "HEAD" ? undefined : await c.req.arrayBuffer(),
    });
    return invokeThroughGateway(options.api, forwarded, ip);
  });

  const fromBucket = async (bucket: string, key: string) => {
    try {
      const object = await options.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = await object.Body?.transformToByteArray();
      return new Response(new Uint8Array(body ?? []), {
        headers: {
          "content-type": object.ContentType ?? CONTENT_TYPES[extname(key)] ?? "application/octet-stream",
          ...(object.CacheControl ? { "cache-control": object.CacheControl } : {}),
        },
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === "NoSuchKey" || name === "NotFound" || name === "AccessDenied") {
        return new Response("<Error><Code>AccessDenied</Code></Error>", {
          status: 403,
          headers: { "content-type": "application/xml" },
        });
      }
      throw err;
    }
  };
  edge.get("/media/*", (c) => fromBucket(options.mediaBucket, decodeURIComponent(c.req.path.slice(1))));
  edge.get("/recordings/*", (c) =>
    fromBucket(options.recordingsBucket, decodeURIComponent(c.req.path.slice("/recordings/".length))),
  );

  edge.get("*", async (c) => {
    const last = c.req.path.split("/").pop() ?? "";
    const file = last.includes(".") ? await fileIn(webDist, c.req.path) : resolve(webDist, "index.html");
    const body = file ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) return c.text("Not found", 403);
    return c.body(new Uint8Array(body), 200, {
      "content-type": CONTENT_TYPES[extname(file ?? "")] ?? "application/octet-stream",
      "cache-control": c.req.path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });
  return options.cache ? cachedApp(edge, options.cache) : edge;
}

export const s3Client = (
  endpoint: string,
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
) => new S3Client({ endpoint, region, credentials, forcePathStyle: true });
