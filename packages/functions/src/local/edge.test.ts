import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalStorage } from "@cho-ocop/core/storage/index";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phone } from "../../test/people";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "../security-headers";
import { localApp } from "./server";

/** What CloudFront does on AWS, the local server does itself: the security headers, and the caller's real address. */
let dir: string;
let server: Server;
let base: string;
let storage: LocalStorage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cho-ocop-edge-"));
  await writeFile(join(dir, "index.html"), '<!doctype html><div id="app"></div>');
  storage = new LocalStorage(process.env.UPLOAD_DIR ?? join(dir, "uploads"));
  await storage.put("media/edge-test/photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png");
  await storage.put("private/edge-test/scan.pdf", "%PDF-1.7\n", "application/pdf");
  const app = localApp({ webDist: dir, storage });
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  if (!server.listening) await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

function expectSecurityHeaders(res: Response, framing = "'none'") {
  const host = new URL(base).host;
  expect(res.headers.get("content-security-policy")).toBe(
    contentSecurityPolicy({ sockets: [`ws://${host}`, `wss://${host}`], framedBySelf: framing === "'self'" }),
  );
  expect(res.headers.get("content-security-policy")).toContain(`frame-ancestors ${framing}`);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toBe(PERMISSIONS_POLICY);
  expect(res.headers.get("x-frame-options")).toBe(framing === "'self'" ? "SAMEORIGIN" : "DENY");
}

describe("security headers on the local server", () => {
  it("on a page of the web app", async () => {
    const res = await fetch(`${base}/san-pham`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expectSecurityHeaders(res);
    // The live hub's socket on this very address is allowed.
    expect(res.headers.get("content-security-policy")).toMatch(
      new RegExp(`connect-src 'self' ws://${new URL(base).host} wss://`),
    );
  });

  it("on an API answer and on the API reference page, which loads nothing from elsewhere", async () => {
    const res = await fetch(`${base}/api/products?limit=1`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.headers.get("content-type")).toContain("text/html");
    expectSecurityHeaders(docs);
    const html = await docs.text();
    expect(html).not.toMatch(/<script|<link|<iframe|src=/i);
  });

  it("on a media file", async () => {
    const res = await fetch(`${base}/media/edge-test/photo.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expectSecurityHeaders(res);
  });

  it("on error answers", async () => {
    const missing = await fetch(`${base}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: expect.any(String) } });
    expectSecurityHeaders(missing);
    const invalid = await fetch(`${base}/api/auth/code`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ phone: "not a phone" }),
    });
    expect(invalid.status).toBe(400);
    expectSecurityHeaders(invalid);
  });

  it("lets only the site's own pages frame a signed read (the review page embeds a PDF scan)", async () => {
    const res = await fetch(`${base}${await storage.readUrl("private/edge-test/scan.pdf")}`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, "'self'");
  });
});

describe("the caller's address on the local server", () => {
  it("is the socket's: a forged CloudFront-Viewer-Address does not get around the hourly limit of codes per address", async () => {
    const send = (i: number) =>
      fetch(`${base}/api/auth/code`, {
        method: "POST",
        headers: { "content-type": "application/json", "cloudfront-viewer-address": `203.0.113.${i % 250}:443` },
        body: JSON.stringify({ phone: phone() }),
      });
    // 100 codes an hour from one address (packages/core/src/account/index.ts), each to a new number.
    for (let i = 0; i < 100; i++) expect((await send(i)).status, `request ${i + 1}`).toBe(202);
    const over = await send(100);
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: { code: "rate_limited" } });
  }, 60_000);
});
