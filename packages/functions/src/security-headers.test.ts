import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, INLINE_SCRIPT_HASHES, PERMISSIONS_POLICY, securityHeaders } from "./security-headers";

const WEB = join(dirname(fileURLToPath(import.meta.url)), "../../../web");

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((d) => {
      const [name = "", ...values] = d.split(" ");
      return [name, values];
    }),
  );
}

describe("the Content-Security-Policy", () => {
  const csp = directives(contentSecurityPolicy());

  it("allows our own origin and exactly the third parties the web app uses", () => {
    expect(Object.fromEntries(csp)).toEqual({
      "default-src": ["'self'"],
      "script-src": [
        "'self'",
        ...INLINE_SCRIPT_HASHES,
        "'wasm-unsafe-eval'",
        "https://js.stripe.com",
        "https://*.js.stripe.com",
      ],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "blob:"],
      "media-src": ["'self'", "blob:", "https://*.live-video.net"],
      "worker-src": ["'self'", "blob:"],
      "connect-src": ["'self'", "https://api.stripe.com", "https://*.live-video.net", "wss://*.live-video.net"],
      "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
      "object-src": ["'self'"],
      "font-src": ["'self'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    // Never a blanket allowance.
    for (const [name, values] of csp) {
      for (const bad of ["*", "'unsafe-eval'", "http:", "https:", "data:"]) expect(values, name).not.toContain(bad);
    }
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("loads the third parties from the URLs the web app names", () => {
    const sources = ["src/lib/stripe.ts", "src/lib/live-player.ts", "src/lib/live-broadcast.ts"]
      .map((file) => readFileSync(join(WEB, file), "utf8"))
      .join("\n");
    const scripts = [...sources.matchAll(/"(https:\/\/[^"/]+)\/[^"]*\.js"|"(https:\/\/js\.stripe\.com)\/v3"/g)].map(
      (m) => m[1] ?? m[2],
    );
    // The IVS SDKs are npm packages of our build: no IVS CDN script is named, none allowed.
    expect(new Set(scripts)).toEqual(new Set(["https://js.stripe.com"]));
    for (const origin of scripts) expect(csp.get("script-src")).toContain(origin);
  });

  it("lets index.html's inline script run by its hash, and no other", () => {
    const pages = [join(WEB, "index.html"), join(WEB, "dist/index.html")].filter((file) => existsSync(file));
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) =>
          `'sha256-${createHash("sha256")
            .update(m[1] ?? "")
            .digest("base64")}'`,
      );
      expect(inline, page).toEqual(INLINE_SCRIPT_HASHES);
    }
  });

  it("names the storage bucket and the site's own sockets where given", () => {
    const policy = directives(
      contentSecurityPolicy({
        storage: ["https://uploads.s3.ap-southeast-1.amazonaws.com"],
        sockets: ["ws://192.168.1.5:3000", "wss://192.168.1.5:3000"],
      }),
    );
    expect(policy.get("connect-src")).toEqual(
      expect.arrayContaining([
        "ws://192.168.1.5:3000",
        "wss://192.168.1.5:3000",
        "https://uploads.s3.ap-southeast-1.amazonaws.com",
      ]),
    );
    for (const name of ["img-src", "object-src"])
      expect(policy.get(name)).toContain("https://uploads.s3.ap-southeast-1.amazonaws.com");
  });
});

describe("the other headers", () => {
  it("no sniffing, no framing, the origin only across sites, camera and microphone for our own pages only", () => {
    const headers = securityHeaders();
    expect(headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    const features = new Map(PERMISSIONS_POLICY.split(", ").map((f) => f.split("=") as [string, string]));
    expect(features.get("camera")).toBe("(self)");
    expect(features.get("microphone")).toBe("(self)");
    expect(features.get("geolocation")).toBe("()");
    expect(features.get("display-capture")).toBe("()");
    for (const [name, allow] of features) expect(allow === "()" || allow.startsWith("(self"), name).toBe(true);
  });
});
