import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalStorage } from "@cho-ocop/core/storage/index";
import { afterAll, describe, expect, it } from "vitest";
import { localApp } from "./server";

const INDEX = "<!doctype html><title>Chợ OCOP</title>";
const webDist = mkdtempSync(join(tmpdir(), "cho-ocop-web-"));
writeFileSync(join(webDist, "index.html"), INDEX);
const storage = new LocalStorage(mkdtempSync(join(tmpdir(), "cho-ocop-uploads-")));
const server = localApp({ webDist, storage });
afterAll(() => {
  rmSync(webDist, { recursive: true, force: true });
  rmSync(storage.root, { recursive: true, force: true });
});

/** A request as @hono/node-server hands it over: with the TCP peer's address on the socket. */
const from = (remoteAddress: string, path: string, headers: Record<string, string> = {}) =>
  server.request(path, { headers }, { incoming: { socket: { remoteAddress } } });

describe("the outbox of sign-in codes", () => {
  it("answers callers on this machine (127.0.0.0/8, ::1, IPv4-mapped loopback)", async () => {
    for (const address of ["127.0.0.1", "127.0.1.1", "::1", "::ffff:127.0.0.1"]) {
      const json = await from(address, "/api/dev/outbox");
      expect(json.status, address).toBe(200);
      expect(Array.isArray(await json.json())).toBe(true);
      const page = await from(address, "/dev/outbox");
      expect(page.status, address).toBe(200);
      expect(await page.text()).toContain("Hộp thư đi");
    }
  });

  it("is not there (404 in the error shape) for anyone else on the network, whatever headers they send", async () => {
    for (const address of ["192.168.1.23", "10.0.0.5", "::ffff:192.168.1.23", "fe80::1", ""]) {
      for (const path of ["/api/dev/outbox", "/dev/outbox"]) {
        const res = await from(address, path, {
          "x-forwarded-for": "127.0.0.1",
          "x-real-ip": "127.0.0.1",
          "cloudfront-viewer-address": "127.0.0.1:443",
          host: "127.0.0.1",
        });
        expect(res.status, `${address} ${path}`).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
      }
    }
  });
});

describe("every path under /api/ answers JSON", () => {
  it("an unknown /api/ path is a 404 in the error shape, not the web app's page", async () => {
    for (const path of ["/api/no-such-route", "/api/combos/....//....//", "/api/", "/api/products/x/y/z"]) {
      for (const method of ["GET", "POST", "DELETE"]) {
        const res = await server.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
      }
    }
  });

  it("while other paths still get the web app", async () => {
    const res = await server.request("/san-pham/xyz");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
  });
});

describe("/media/*", () => {
  it("never leaves media/: an encoded '..' does not reach a private certificate scan (404)", async () => {
    await storage.put("private/certificates/htx-b/giay-chung-nhan.pdf", "%PDF-1.7 bí mật", "application/pdf");
    await storage.put("media/products/htx-a/anh.jpg", "jpeg", "image/jpeg");
    expect((await server.request("/media/products/htx-a/anh.jpg")).status).toBe(200);
    for (const path of [
      "/media/x/..%2F..%2Fprivate%2Fcertificates%2Fhtx-b%2Fgiay-chung-nhan.pdf",
      "/media/..%2Fprivate%2Fcertificates%2Fhtx-b%2Fgiay-chung-nhan.pdf",
      "/media/products/htx-a/..%2F..%2F..%2Fprivate/certificates/htx-b/giay-chung-nhan.pdf",
      "/media/x/%2E%2E%2F%2E%2E%2Fprivate%2Fcertificates%2Fhtx-b%2Fgiay-chung-nhan.pdf",
      "/media/x/..%5C..%5Cprivate%5Ccertificates%5Chtx-b%5Cgiay-chung-nhan.pdf",
      "/media/%2Fetc%2Fpasswd",
      "/media/%E0%A4%A",
    ]) {
      const res = await server.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("bí mật");
    }
  });
});
