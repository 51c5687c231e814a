import type { MiddlewareHandler } from "hono";

/**
 * The headers every answer of the site carries: the web app, the API, media and errors. One definition for the
 * local server (`securityHeadersMiddleware`) and CloudFront's response headers policy (stacks/Web.ts), so they cannot
 * drift.
 */

/** Stripe.js and its frames (web/src/lib/stripe.ts), as Stripe's integration security guide lists them. */
const STRIPE = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
};

/**
 * The IVS Web Player and Web Broadcast SDK are npm packages of our own build (web/src/lib/live-player.ts,
 * live-broadcast.ts): their scripts, worker and wasm come from 'self' ('wasm-unsafe-eval' compiles the wasm, worker-src
 * blob: for the worker the player may wrap). Only the playlists and segments (*.live-video.net) and the broadcast's
 * ingest are IVS's.
 */
const IVS = {
  connect: ["https://*.live-video.net", "wss://*.live-video.net"],
  media: ["https://*.live-video.net"],
};

/**
 * web/index.html's inline scripts (the remembered language, set before the app loads; the live viewer page's early
 * requests). Their hashes, so that no other inline script runs; security-headers.test.ts fails when a script changes
 * without this.
 */
export const INLINE_SCRIPT_HASHES = [
  "'sha256-outmj+WJ/qfgi8fspdYrUFtXwRVpK6EHMyp5QeOuqGE='",
  "'sha256-EunDnTZbo0WcQscJKlbJZ1xKP4eC8yYUxDwblM6YFWU='",
];

export interface SiteSources {
  /**
   * Where the browser uploads to and reads private files from, beside the site itself: the bucket's origin on AWS
   * (presigned POSTs, signed links to certificate scans shown in <img> and <object>); locally they are same-origin.
   */
  storage?: string[];
  /** WebSocket origins of the site itself (the local live hub and browser ingest), named for browsers whose 'self' leaves out ws:/wss:. */
  sockets?: string[];
  /** Live video and chat servers other than IVS's own (the AWS-shaped local mode's fakes of IVS and IVS Chat). */
  live?: string[];
  /** Who may frame the answer: nobody, except the site's own pages embedding a PDF scan (local signed reads). */
  framedBySelf?: boolean;
}

export function contentSecurityPolicy(sources: SiteSources = {}): string {
  const storage = sources.storage ?? [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...INLINE_SCRIPT_HASHES, "'wasm-unsafe-eval'", ...STRIPE.script],
    // The built stylesheet is inlined into index.html (web/vite.config.ts) and changes with every build, while the
    // CloudFront policy is fixed at deploy: inline styles stay allowed (they cannot run script).
    "style-src": ["'self'", "'unsafe-inline'"],
    // blob: the previews of photos being uploaded.
    "img-src": ["'self'", "blob:", ...storage],
    // blob: Media Source Extensions (mpegts.js locally, the IVS player); IVS's playback host where the player falls
    // back to the browser's own HLS (iPhone Safari).
    "media-src": ["'self'", "blob:", ...IVS.media, ...(sources.live ?? [])],
    "worker-src": ["'self'", "blob:"],
    "connect-src": [
      "'self'",
      ...(sources.sockets ?? []),
      ...STRIPE.connect,
      ...IVS.connect,
      ...(sources.live ?? []),
      ...storage,
    ],
    "frame-src": STRIPE.frame,
    // A certificate scan in PDF is embedded with <object> on the review page.
    "object-src": ["'self'", ...storage],
    "font-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": [sources.framedBySelf ? "'self'" : "'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Camera and microphone for the site's own broadcast page; payment for Stripe's wallet buttons; the rest off. */
export const PERMISSIONS_POLICY = [
  "camera=(self)",
  "microphone=(self)",
  'payment=(self "https://js.stripe.com")',
  "geolocation=()",
  "display-capture=()",
  "usb=()",
  "accelerometer=()",
  "gyroscope=()",
  "magnetometer=()",
].join(", ");

export const REFERRER_POLICY = "strict-origin-when-cross-origin";

export function securityHeaders(sources: SiteSources = {}): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(sources),
    "x-content-type-options": "nosniff",
    "x-frame-options": sources.framedBySelf ? "SAMEORIGIN" : "DENY",
    "referrer-policy": REFERRER_POLICY,
    "permissions-policy": PERMISSIONS_POLICY,
  };
}

/** The WebSocket origins of the host a request named (`ws://host`, `wss://host`). */
export function socketOrigins(host: string | undefined): string[] {
  return host && /^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
}

/**
 * The local server's answers: every one gets the headers (web pages, the API, media, errors). Signed reads of private
 * files may be framed by the site itself: the review page embeds a PDF scan.
 */
export function securityHeadersMiddleware(
  options: { framedBySelf?: (path: string) => boolean } = {},
): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = securityHeaders({
      sockets: socketOrigins(c.req.header("host")),
      framedBySelf: options.framedBySelf?.(c.req.path) ?? false,
    });
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
