import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./local-server";

/**
 * The entry script and what index.html preloads, gzipped. Each page then loads its own lazy chunk: the Lighthouse
 * run reports the JavaScript a page really transfers.
 */
export async function webBench() {
  const dist = join(ROOT, "web/dist");
  const html = await readFile(join(dist, "index.html"), "utf8");
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] ?? "");
  let raw = 0;
  let gzipped = 0;
  for (const src of new Set(scripts)) {
    const body = await readFile(join(dist, src.replace(/^\//, "")));
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? "");
  let cssGzipped = 0;
  for (const href of css) cssGzipped += gzipSync(await readFile(join(dist, href.replace(/^\//, "")))).length;
  return {
    "initial JS files": new Set(scripts).size,
    "initial JS KB": +(raw / 1024).toFixed(1),
    "initial JS KB gzipped": +(gzipped / 1024).toFixed(1),
    "CSS KB gzipped": +(cssGzipped / 1024).toFixed(1),
  };
}
