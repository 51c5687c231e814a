import { spawn } from "node:child_process";
import { once } from "node:events";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

/** The machine's Chromium, as web's e2e runs it; never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch(extra: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extra] });
}

/** A phone (412×915, as web's e2e PHONE) in Vietnamese and Vietnam's time. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
}

async function must<T>(reply: { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }) {
  if (!reply.ok()) throw new Error(`HTTP ${reply.status()}: ${await reply.text()}`);
  return (await reply.json()) as T;
}

/**
 * Signs a demo seller in within the context (its cookie) with the code from the local outbox, then schedules a
 * live starting now with two of its approved products. Returns the session's id.
 */
export async function scheduleDemoLive(context: BrowserContext, base: string, phone: string, title: string) {
  const headers = { origin: base };
  await must(await context.request.post(`${base}/api/auth/code`, { data: { phone }, headers }));
  const outbox = await must<Array<{ to: string; text: string }>>(await context.request.get(`${base}/api/dev/outbox`));
  const code = outbox.find((m) => m.to === `+84${phone.slice(1)}`)?.text.match(/\b(\d{6})\b/)?.[1];
  await must(await context.request.post(`${base}/api/auth/verify`, { data: { phone, code }, headers }));
  const products = await must<Array<{ productId: string; status?: string }>>(
    await context.request.get(`${base}/api/seller/products`),
  );
  const productIds = products
    .filter((p) => !p.status || p.status === "approved")
    .slice(0, 2)
    .map((p) => p.productId);
  const { sessionId } = await must<{ sessionId: string }>(
    await context.request.post(`${base}/api/seller/live`, {
      data: { title, startAt: new Date().toISOString(), productIds },
      headers,
    }),
  );
  return sessionId;
}

/**
 * The frame-code video: Chromium's fake camera plays it (`--use-file-for-fake-video-capture`), looping from its
 * start. Each frame carries its own index in 16 black/white 30×30 blocks across the width at y 60–90 (white is 1,
 * bit 0 on the left), the same bits inverted at y 90–120 (a frame is read only when both agree), over testsrc2
 * so that the encoders have a moving picture to work on.
 */
export const CODE = { width: 480, height: 854, fps: 30, frames: 300, y: 60, block: 30, bits: 16 } as const;

export async function makeCodeVideo(file: string) {
  const { width, height, fps, frames, y, block } = CODE;
  const bit = `mod(floor(N/pow(2,floor(X/${block}))),2)`;
  const child = spawn(
    process.env.FFMPEG ?? "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-y"],
      ...["-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=${fps}`],
      ...["-f", "lavfi", "-i", `color=black:size=${width}x${2 * block}:rate=${fps},format=yuv420p`],
      "-filter_complex",
      `[1:v]geq=lum='16+219*if(lt(Y,${block}),${bit},1-${bit})':cb=128:cr=128[code];[0:v][code]overlay=0:${y},format=yuv420p`,
      ...["-frames:v", String(frames), "-f", "yuv4mpegpipe", file],
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`ffmpeg could not make ${file} (${code})`);
}

/**
 * Installed in a page (as a string: the bench's TypeScript helpers must not reach the page): from the first
 * `<video>` matching the selector, each frame that reaches the screen (requestVideoFrameCallback) is drawn to a
 * canvas and its code read; `window[key]` collects [index (−1 when unreadable), wall time in ms]. The wall time is
 * Date.now() at the frame's capture (`captureTime`, a camera's frames) or its expected display, so two browsers
 * on this machine share one clock.
 */
export function codeReader(selector: string, key: string, clock: "capture" | "display") {
  const { width, height, y, block, bits, frames } = CODE;
  return `(() => {
  const canvas = document.createElement("canvas");
  canvas.width = ${width};
  canvas.height = ${2 * block};
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const out = (window[${JSON.stringify(key)}] = []);
  const read = (video) => {
    const w = video.videoWidth, h = video.videoHeight;
    if (!w || !h) return -1;
    ctx.drawImage(video, 0, (${y} * h) / ${height}, w, (${2 * block} * h) / ${height}, 0, 0, ${width}, ${2 * block});
    const data = ctx.getImageData(0, 0, ${width}, ${2 * block}).data;
    const light = (cx, cy) => {
      let sum = 0;
      for (let j = cy - 5; j < cy + 5; j++)
        for (let i = cx - 5; i < cx + 5; i++) {
          const o = (j * ${width} + i) * 4;
          sum += data[o] + data[o + 1] + data[o + 2];
        }
      return sum / 300 > 128;
    };
    let index = 0;
    for (let b = 0; b < ${bits}; b++) {
      const x = b * ${block} + ${block / 2};
      const on = light(x, ${block / 2});
      if (on === light(x, ${block + block / 2})) return -1;
      if (on) index += 2 ** b;
    }
    return index < ${frames} ? index : -1;
  };
  const watch = (video) => {
    const step = (_now, meta) => {
      const t = ${clock === "capture" ? "meta.captureTime ?? meta.expectedDisplayTime" : "meta.expectedDisplayTime"};
      out.push([read(video), Date.now() - (performance.now() - t)]);
      video.requestVideoFrameCallback(step);
    };
    video.requestVideoFrameCallback(step);
  };
  const find = () => {
    const video = document.querySelector(${JSON.stringify(selector)});
    if (video) watch(video);
    else setTimeout(find, 50);
  };
  find();
})()`;
}
