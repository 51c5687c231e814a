import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { setCookie } from "hono/cookie";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_CREDENTIALS, type FakeS3, startFakeS3 } from "../../../../testkit/src/fake-s3";
import { STOREFRONT_CACHE_CONTROL } from "../../api/shared-cache";
import { ORIGIN_SECRET_HEADER } from "../../edge";
import { awsEdge, newOriginSecret, s3Client } from "./edge";
import { API_GATEWAY_MAX_BODY_BYTES, type LambdaHttpHandler } from "./gateway";

/**
 * The AWS-shaped local mode's edge: what CloudFront and API Gateway do in front of the API function, so that the
 * function runs here exactly as it runs on AWS (its event, its headers, its limits).
 */
const REGION = "ap-southeast-1";
let dir: string;
let s3: FakeS3;
const secret = newOriginSecret();

const api = new Hono().all("/api/echo", async (c) => {
  const body = new Uint8Array(await c.req.arrayBuffer());
  setCookie(c, "a", "1");
  setCookie(c, "b", "2");
  return c.json({
    method: c.req.method,
    query: c.req.query("q"),
    secret: c.req.header(ORIGIN_SECRET_HEADER),
    viewer: c.req.header("cloudfront-viewer-address"),
    host: c.req.header("x-forwarded-host"),
    cookie: c.req.header("cookie"),
    bytes: [...body],
  });
});
let served = 0;
api.get("/api/products", (c) => {
  served++;
  c.header("cache-control", STOREFRONT_CACHE_CONTROL);
  return c.json({ served });
});
const hono = handle(api) as unknown as LambdaHttpHandler;
const handler: LambdaHttpHandler = (event) =>
  event.rawPath === "/api/crash" ? Promise.reject(new Error("the function crashed")) : hono(event);

let edge: ReturnType<typeof awsEdge>;
const get = (path: string, init?: RequestInit) =>
  edge.fetch(new Request(`http://localhost:3900${path}`, init), { remoteAddress: "203.0.113.7" });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cho-ocop-aws-edge-"));
  await writeFile(join(dir, "index.html"), '<!doctype html><div id="app"></div>');
  await writeFile(join(dir, "robots.txt"), "User-agent: *\n");
  s3 = await startFakeS3({ buckets: ["media", "recordings"], region: REGION, credentials: FAKE_CREDENTIALS });
  const client = s3Client(s3.url, REGION, FAKE_CREDENTIALS);
  await client.send(
    new PutObjectCommand({ Bucket: "media", Key: "media/p/1.svg", Body: "<svg/>", ContentType: "image/svg+xml" }),
  );
  await client.send(
    new PutObjectCommand({
      Bucket: "recordings",
      Key: "ivs/v1/1/ch/2026/12/2/1/0/media/hls/master.m3u8",
      Body: "#EXTM3U\n",
      ContentType: "application/x-mpegURL",
    }),
  );
  edge = awsEdge({
    webDist: dir,
    api: handler,
    originSecret: secret,
    s3: client,
    mediaBucket: "media",
    recordingsBucket: "recordings",
    storageOrigin: new URL(s3.url).origin,
    liveOrigins: ["http://127.0.0.1:1"],
  });
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("CloudFront's cache of the API, with `cache`", () => {
  it("answers a storefront read again from the cache, and a signed-in caller's from the function", async () => {
    const cached = awsEdge({
      webDist: dir,
      api: handler,
      originSecret: secret,
      s3: s3Client(s3.url, REGION, FAKE_CREDENTIALS),
      mediaBucket: "media",
      recordingsBucket: "recordings",
      storageOrigin: new URL(s3.url).origin,
      liveOrigins: [],
      cache: {},
    });
    const read = async (headers: Record<string, string> = {}) => {
      const res = await cached.fetch(new Request("http://localhost:3900/api/products?q=che", { headers }), {});
      return [res.headers.get("x-cache"), ((await res.json()) as { served: number }).served];
    };
    const first = await read();
    expect(first[0]).toBe("Miss");
    expect(await read()).toEqual(["Hit", first[1]]);
    expect(await read({ authorization: "Bearer t" })).toEqual([null, Number(first[1]) + 1]);
  });
});

describe("the API behind API Gateway and CloudFront", () => {
  it("gets the origin secret, the viewer's address, its cookies and a binary body, and sets each cookie apart", async () => {
    const res = await get("/api/echo?q=chè", {
      method: "POST",
      headers: { cookie: "cart=x; lang=en", "content-type": "application/octet-stream" },
      body: new Uint8Array([0, 255, 1, 128]),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      method: "POST",
      query: "chè",
      secret,
      viewer: "203.0.113.7:0",
      host: "localhost:3900",
      cookie: "cart=x; lang=en",
      bytes: [0, 255, 1, 128],
    });
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("refuses a body over API Gateway's 10 MB before the function runs, and answers a crash as API Gateway does", async () => {
    const big = await get("/api/echo", { method: "POST", body: new Uint8Array(API_GATEWAY_MAX_BODY_BYTES + 1) });
    expect(big.status).toBe(413);
    const crashed = await get("/api/crash");
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ message: "Internal Server Error" });
  });
});

describe("the site, media and replays from their buckets", () => {
  it("serves /media/* from the media bucket and /recordings/* without its prefix from the recordings bucket", async () => {
    const media = await get("/media/p/1.svg");
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/svg+xml");
    expect(await media.text()).toBe("<svg/>");
    const replay = await get("/recordings/ivs/v1/1/ch/2026/12/2/1/0/media/hls/master.m3u8");
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe("#EXTM3U\n");
    expect((await get("/media/p/missing.svg")).status).toBe(403);
  });

  it("gives client-side routes the app's shell and files as they are, with the security headers", async () => {
    const page = await get("/live/01abc");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect(page.headers.get("content-security-policy")).toContain("http://127.0.0.1:1");
    expect(await (await get("/robots.txt")).text()).toBe("User-agent: *\n");
    expect((await get("/nothing.js")).status).toBe(403);
  });
});
