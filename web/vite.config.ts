import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
// Relative, so that Vite bundles it into the config (a workspace package would load as untranspiled .ts).
import { isLoopback, OUTBOX_PATH } from "../packages/core/src/util/loopback";

/** Where `vite dev` sends API and media requests: a running `pnpm start` (PORT=3100 by default here). */
const backend = process.env.API_PROXY ?? "http://127.0.0.1:3100";

/**
 * The proxy reaches `pnpm start` from loopback, so the outbox would answer anyone who reaches `vite dev --host`:
 * like the local server, answer it only to this machine.
 */
export function outboxForThisMachine(): Plugin {
  return {
    name: "cho-ocop:outbox-for-this-machine",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!OUTBOX_PATH.test(req.url ?? "") || isLoopback(req.socket.remoteAddress ?? "")) return next();
        res.statusCode = 404;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: { code: "not_found", message: "Không tìm thấy / not found" } }));
      });
    },
  };
}

/**
 * Puts the (small) stylesheet into index.html: one request fewer before the first paint,
 * which is what a phone on a weak 4G connection waits for.
 */
function inlineCss(): Plugin {
  const inlined: string[] = [];
  return {
    name: "cho-ocop:inline-css",
    apply: "build",
    enforce: "post",
    // A chunk imported later lists the entry's stylesheet among what it preloads: that file is gone, and its request
    // would get index.html back and fail that import. The sheet is in the page already; the entry (loaded already
    // too) stands in its place, so the list's numbering stays.
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const entry = Object.values(bundle).find((c) => c.type === "chunk" && c.isEntry)?.fileName;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk" || !entry) continue;
          for (const name of inlined) chunk.code = chunk.code.replaceAll(`"${name}"`, `"${entry}"`);
        }
      },
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        let out = html;
        for (const [name, asset] of Object.entries(bundle)) {
          if (asset.type !== "asset" || !name.endsWith(".css")) continue;
          const tag = new RegExp(
            `<link rel="stylesheet"[^>]*href="[^"]*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`,
          );
          if (!tag.test(out)) continue;
          out = out.replace(tag, () => `<style>${String(asset.source)}</style>`);
          delete bundle[name];
          inlined.push(name);
        }
        return out;
      },
    },
  };
}

/** What the live viewer page loads, as index.html's early script reads it (`<meta name="cho-ocop:live-early">`). */
export interface LiveEarly {
  /** The API's origin (VITE_API_URL), "" for the site's own. */
  api: string;
  /** The viewer page's chunks and the stylesheets they bring. */
  page: string[];
  css: string[];
  /** Each provider's player: mpegts.js for local FLV, the IVS player. */
  local: string[];
  ivs: string[];
}

/**
 * On `/live/<id>` the first frame waited for four fetches one after another: the entry, the viewer page's chunks,
 * the session's view, the player. index.html's early script starts the page's chunks and the view beside the entry,
 * and the player as soon as the view names it; it finds their hashed names in a meta tag this writes at build.
 */
function liveEarly(): Plugin {
  const EARLY_META = /<meta name="cho-ocop:live-early" content="\{\}" \/>/;
  let base = "/";
  let api = "";
  return {
    name: "cho-ocop:live-early",
    apply: "build",
    configResolved(config) {
      base = config.base;
      api = String(config.env.VITE_API_URL ?? "");
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
        const byModule = (test: RegExp) => chunks.find((c) => c.facadeModuleId && test.test(c.facadeModuleId));
        const withImports = (first: (typeof chunks)[number] | undefined) => {
          const seen = new Set<string>();
          const visit = (name: string) => {
            const chunk = bundle[name];
            if (seen.has(name) || chunk?.type !== "chunk" || chunk.isEntry) return;
            seen.add(name);
            for (const next of chunk.imports) visit(next);
          };
          if (first) visit(first.fileName);
          return [...seen];
        };
        const page = withImports(byModule(/[\\/]pages[\\/]live[\\/]Watch\.tsx$/));
        const css = [
          ...new Set(
            page.flatMap((name) => [
              ...((bundle[name] as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []),
            ]),
          ),
        ];
        const early: LiveEarly = {
          api,
          page: page.map((name) => base + name),
          css: css.map((name) => base + name),
          local: withImports(byModule(/[\\/]mpegts\.js[\\/]/)).map((name) => base + name),
          ivs: withImports(byModule(/[\\/]amazon-ivs-player[\\/]dist[\\/]index\.js$/)).map((name) => base + name),
        };
        const content = JSON.stringify(early).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
        return html.replace(EARLY_META, `<meta name="cho-ocop:live-early" content="${content}" />`);
      },
    },
  };
}

/**
 * Modules every storefront page uses (cards, photos, the OCOP mark, formatting, the API client): one chunk,
 * fetched once, instead of many small ones whose boundaries shift as the seller and staff pages share them.
 */
const SHOP_MODULES =
  /web[\\/]src[\\/](components[\\/](OcopStars|Photo|ProductCard|SearchBox|States|Skeletons|CrossIcon)|lib[\\/](api|format|geo|filters|title|ocop))\.tsx?$|packages[\\/]core[\\/]src[\\/](geo[\\/](province|region)|group[\\/]index)\.ts$|hono[\\/]dist[\\/](client[\\/]|utils[\\/]cookie)/;

/**
 * The live room and player every live page shares (the room's state and sockets, the wire format, the player, the
 * live texts): one chunk beside the page's own, where the viewer page waited for six. A phone on HTTP/1.1 opens six
 * connections to a host, so the session's view and the player queued behind them.
 */
const LIVE_MODULES =
  /web[\\/]src[\\/](components[\\/]live[\\/](room|ChatLine|DealClock|LiveLoaded|LivePrice|SafetyNotice)|lib[\\/](live|live-player|live-hub|live-chat-ivs)|i18n[\\/]live)\.tsx?$|packages[\\/]core[\\/]src[\\/]live[\\/](wire|limits|report-reasons)\.ts$/;

export default defineConfig({
  plugins: [solid(), inlineCss(), liveEarly(), outboxForThisMachine()],
  build: {
    target: "es2022",
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the first page needs before it can run: one file, not four that import each other.
            { name: "index", tags: ["$initial"], priority: 2 },
            { name: "shop", test: SHOP_MODULES, includeDependenciesRecursively: false, priority: 1 },
            { name: "live", test: LIVE_MODULES, includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": backend,
      "/media": backend,
      // The local server's stand-ins for S3 (uploads, signed reads of scans) and the outbox of sign-in codes.
      "/local-upload": backend,
      "/local-files": backend,
      "/dev/outbox": backend,
      // Live: playback, recordings, the broadcast page's ingest ticket and sockets, the hub.
      "/live-media": backend,
      "/recordings": backend,
      "/live-ingest": { target: backend, ws: true },
      "/live-ws": { target: backend, ws: true },
    },
  },
});
