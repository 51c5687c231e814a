import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { CreateChannelCommand, IvsClient, PutMetadataCommand } from "@aws-sdk/client-ivs";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeIvs, startFakeIvs } from "./fake-ivs";
import { type FakeIvsMedia, startFakeIvsMedia } from "./fake-ivs-media";

const dist = dirname(createRequire(import.meta.url).resolve("amazon-ivs-player"));

/** A page that plays `?src=` with the IVS player and keeps its states, errors and TEXT_METADATA_CUE texts. */
const PAGE = `<!doctype html><html><body><video id="v" muted playsinline></video>
<script src="/ivs/player.js"></script>
<script>
  const IVS = window.IVSPlayer;
  window.cues = []; window.errors = []; window.states = [];
  const assets = location.origin + "/ivs/assets/";
  const player = IVS.create({ wasmWorker: assets + "amazon-ivs-wasmworker.min.js", wasmBinary: assets + "amazon-ivs-wasmworker.min.wasm" });
  player.attachHTMLVideoElement(document.getElementById("v"));
  player.addEventListener(IVS.PlayerEventType.TEXT_METADATA_CUE, (cue) => window.cues.push(cue.text));
  player.addEventListener(IVS.PlayerEventType.ERROR, (e) => window.errors.push(e.type + " " + e.code));
  for (const s of Object.values(IVS.PlayerState)) player.addEventListener(s, () => window.states.push(s));
  player.setAutoplay(true);
  player.setMuted(true);
  player.load(new URLSearchParams(location.search).get("src"));
  player.play();
</script></body></html>`;

let media: FakeIvsMedia;
let fake: FakeIvs;
let ivs: IvsClient;
let site: Server;
let siteUrl: string;
let browser: Browser;
let encoder: ChildProcess | undefined;

beforeAll(async () => {
  media = await startFakeIvsMedia();
  fake = await startFakeIvs({ media });
  ivs = new IvsClient({ endpoint: fake.url, region: fake.region, credentials: fake.credentials, maxAttempts: 1 });
  // The npm build is CommonJS with bare imports: bundled for the page, as the web's Vite build does.
  const bundle = await build({
    entryPoints: [join(dist, "index.js")],
    bundle: true,
    format: "iife",
    globalName: "IVSPlayer",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  const player = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  site = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://site").pathname;
    if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (path === "/ivs/player.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(player);
    const asset = /^\/ivs\/assets\/(amazon-ivs-[a-z]+\.min\.(js|wasm))$/.exec(path);
    if (!asset) return res.writeHead(404).end();
    readFile(join(dist, "assets", asset[1] ?? ""))
      .then((body) =>
        res.writeHead(200, { "content-type": asset[2] === "js" ? "text/javascript" : "application/wasm" }).end(body),
      )
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"],
  });
}, 60_000);
afterAll(async () => {
  encoder?.kill("SIGKILL");
  await browser?.close();
  site?.closeAllConnections();
  site?.close();
  ivs?.destroy();
  await media?.close();
  await fake?.close();
});

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("fake IVS media in the real IVS player (Chromium)", { timeout: 120_000 }, () => {
  it("plays the channel's playback URL and fires TEXT_METADATA_CUE with each PutMetadata text", async () => {
    const out = await ivs.send(new CreateChannelCommand({ name: "shop", latencyMode: "LOW" }));
    const arn = out.channel?.arn ?? "";
    const playbackUrl = out.channel?.playbackUrl ?? "";
    encoder = spawn(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30"],
        ...["-f", "lavfi", "-i", "sine", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency"],
        ...["-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv"],
        `rtmp://${out.channel?.ingestEndpoint}/app/${out.streamKey?.value}`,
      ],
      { stdio: "ignore" },
    );
    await until("the playback URL", async () => ((await fetch(playbackUrl)).ok ? true : undefined));

    const page = await browser.newPage();
    // Nothing leaves the machine: the player's device config is answered empty, its other calls to AWS refused.
    await page.route(
      (url) => url.hostname !== "127.0.0.1",
      (route) =>
        route.request().url().includes("ivs-device-config")
          ? route.fulfill({ status: 200, contentType: "application/json", body: "{}" })
          : route.abort(),
    );
    await page.goto(`${siteUrl}/?src=${encodeURIComponent(playbackUrl)}`);
    const read = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as { cues: string[]; errors: string[]; states: string[] };
        return { cues: w.cues, errors: w.errors, states: w.states };
      });
    await until("the player to play", async () => ((await read()).states.includes("Playing") ? true : undefined));

    const text = JSON.stringify({ type: "pin", productId: "01JPIN", title: "Mật ong rừng U Minh" });
    await ivs.send(new PutMetadataCommand({ channelArn: arn, metadata: text }));
    const state = await until("the cue", async () => {
      const now = await read();
      return now.cues.length ? now : undefined;
    });
    expect(state.cues).toEqual([text]);
    expect(state.errors).toEqual([]);
    await page.close();
  });
});
