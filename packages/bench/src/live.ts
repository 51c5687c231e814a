import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";

/**
 * Live selling, measured on this machine: the local server (localApp + startLocalLive, DynamoDB Local) runs in its
 * own process (live-server.ts); this process is the seller's API client, the WebSocket and FLV viewers, and the
 * clock that times them. ffmpeg publishes over RTMP with the session's stream key, as OBS or the browser ingest do.
 *
 * 1. Pin → viewer: 500 WebSocket viewers on /live-ws/<sessionId>; the seller pins through the API
 *    (POST /api/seller/live/{id}/pin, under the 5 per second limit); time from the call's start to each viewer
 *    receiving the cue.
 * 2. Glass to glass: frames carrying Date.now() as a block code go through ffmpeg (H.264 zerolatency, 2 s GOP) to
 *    the RTMP ingest; the playback FLV is read over HTTP and decoded by ffmpeg; the code is compared with Date.now().
 * 3. Server CPU per viewer: the server process's CPU time over fixed windows at 0/100/500 WebSocket viewers (idle,
 *    then with 2 pins a second) and at 0/10/50 FLV viewers.
 */

const here = dirname(fileURLToPath(import.meta.url));
const FFMPEG = process.env.FFMPEG ?? "ffmpeg";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (n: number) => Math.round(n * 10) / 10;

export interface LiveServer {
  base: string;
  rtmpUrl: string;
  sellers: string[];
  central: string;
  pid: number;
  dynamoPid: number;
  /** The server process's CPU time (user + system) in ms so far. */
  cpuMs(): Promise<number>;
  /** Records the seller (by bearer token) verified, as the demo seed does: only verified sellers go live. */
  verifySeller(token: string): Promise<void>;
  stop(): Promise<void>;
}

/** `sockets`: how many sockets the hub takes in one session and from one address (the bench's viewers share one). */
export async function startLiveServer(sockets = 1000): Promise<LiveServer> {
  const child = fork(join(here, "live-server.ts"), [], {
    cwd: join(here, ".."),
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_HUB_SOCKETS: String(sockets) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const exited = once(child, "exit");
  const ready = await Promise.race([
    new Promise<Record<string, unknown>>((resolve) =>
      child.on("message", (m: Record<string, unknown>) => m.type === "ready" && resolve(m)),
    ),
    exited.then(() => {
      throw new Error("the live server exited before it was ready");
    }),
  ]);
  let asked = 0;
  const dynamoPid = ready.dynamoPid as number;
  return {
    base: ready.base as string,
    rtmpUrl: ready.rtmpUrl as string,
    sellers: ready.sellers as string[],
    central: ready.central as string,
    pid: child.pid as number,
    dynamoPid,
    cpuMs() {
      const id = ++asked;
      return new Promise((resolve) => {
        const onMessage = (m: { type?: string; id?: number; usage?: NodeJS.CpuUsage }) => {
          if (m.type !== "cpu" || m.id !== id || !m.usage) return;
          child.off("message", onMessage);
          resolve((m.usage.user + m.usage.system) / 1000);
        };
        child.on("message", onMessage);
        child.send({ type: "cpu", id });
      });
    },
    verifySeller(token) {
      const id = ++asked;
      return new Promise((resolve, reject) => {
        const onMessage = (m: { type?: string; id?: number; error?: string }) => {
          if (m.type !== "verified" || m.id !== id) return;
          child.off("message", onMessage);
          if (m.error) reject(new Error(m.error));
          else resolve();
        };
        child.on("message", onMessage);
        child.send({ type: "verify", id, token });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: "stop" });
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        try {
          process.kill(dynamoPid, "SIGKILL");
        } catch {}
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A process's CPU time in ms from /proc (utime + stime, in clock ticks of 10 ms). */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

export async function api<T>(server: LiveServer, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export interface LiveSession {
  sessionId: string;
  channelId: string;
  streamKey: string;
  productIds: string[];
}

/** Through the API as a seller would: a producer, approved products, a session featuring them, its stream key. */
export async function scheduleSession(server: LiveServer, seller: string, name: string): Promise<LiveSession> {
  const must = <T>(what: string, reply: { status: number; body: T }) => {
    if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const provinceCode = "14"; // Sơn La
  const wards = must(
    "wards",
    await api<Array<{ code: string }>>(server, "GET", `/api/provinces/${provinceCode}/wards`),
  );
  must(
    "producer",
    await api(server, "POST", "/api/seller/producer", seller, {
      name,
      kind: "cooperative",
      provinceCode,
      wardCode: wards[0]?.code,
      street: "Bản Áng",
      phone: "0912 345 678",
      taxCode: "5500123456",
      story: "Hợp tác xã đo hiệu năng.",
    }),
  );
  await server.verifySeller(seller);
  const productIds: string[] = [];
  for (let i = 1; i <= 2; i++) {
    const { productId } = must(
      "product",
      await api<{ productId: string }>(server, "POST", "/api/seller/products", seller, {
        name: `${name} sản phẩm ${i}`,
        group: "do-uong",
        priceVnd: 150000,
        unit: "hộp 200g",
        weightGrams: 250,
        stock: 40,
        label: {
          ingredients: "Búp chè 100%",
          netContent: "200 g",
          dates: "In trên đáy hộp",
          shelfLife: "24 tháng",
          storage: "Nơi khô ráo",
          foodSafetyCertificate: "12/2025/ATTP-CNĐK",
        },
      }),
    );
    must(
      "submit",
      await api(server, "POST", `/api/seller/products/${productId}/submit`, seller, {
        certificate: {
          stars: 4,
          decisionNumber: "1520/QĐ-UBND",
          decisionDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
          issuer: "UBND tỉnh Sơn La",
          level: "province",
          score: { a: 30, b: 18, c: 27 },
        },
      }),
    );
    must("approve", await api(server, "POST", `/api/admin/products/${productId}/approve`, server.central));
    productIds.push(productId);
  }
  const session = must(
    "schedule",
    await api<{ sessionId: string; playback: { url: string } }>(server, "POST", "/api/seller/live", seller, {
      title: `${name} — đo hiệu năng`,
      startAt: new Date(Date.now() + 60_000).toISOString(),
      productIds,
    }),
  );
  const { streamKey } = must(
    "ingest",
    await api<{ streamKey: string }>(server, "GET", `/api/seller/live/${session.sessionId}/ingest`, seller),
  );
  const channelId = /\/live-media\/([0-9a-f]+)\.flv$/.exec(session.playback.url)?.[1] ?? "";
  return { sessionId: session.sessionId, channelId, streamKey, productIds };
}

export async function waitLive(server: LiveServer, sessionId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const view = await api<{ status: string }>(server, "GET", `/api/live/${sessionId}`);
    if (view.body.status === "live") return;
    await sleep(200);
  }
  throw new Error(`session ${sessionId} did not go live within ${timeoutMs / 1000} s`);
}

export interface Child {
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

function run(args: string[], stdio: Array<"ignore" | "pipe">): Child {
  const child = spawn(FFMPEG, args, { stdio: [stdio[0] ?? "ignore", stdio[1] ?? "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  child.on("error", (err) => {
    stderr += String(err);
  });
  const exited = once(child, "exit");
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** ffmpeg publishing a 640×360 30 fps test pattern with a tone, H.264 zerolatency, 2 s keyframes, as OBS would. */
export function publishTestPattern(server: LiveServer, streamKey: string): Child {
  return run(
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30"],
      ...["-f", "lavfi", "-i", "sine=frequency=440"],
      ...["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "60", "-pix_fmt", "yuv420p"],
      ...["-b:v", "1000k", "-c:a", "aac", "-b:a", "128k", "-ar", "44100"],
      ...["-f", "flv", `${server.rtmpUrl}/${streamKey}`],
    ],
    ["ignore", "ignore"],
  );
}

/** A WebSocket viewer of the session; `onCue` gets the arrival time of each cue (performance.now()). */
class Viewer {
  readonly ws: WebSocket;
  readonly hello: Promise<void>;

  constructor(server: LiveServer, sessionId: string, onCue: (at: number) => void) {
    this.ws = new WebSocket(`${server.base.replace("http", "ws")}/live-ws/${sessionId}`);
    this.hello = new Promise((resolve, reject) => {
      this.ws.once("error", reject);
      this.ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      this.ws.on("message", (data: Buffer) => {
        const at = performance.now();
        // The type is the message's first key: no JSON parse on the clock's path.
        if (data.includes('"type":"cue"')) onCue(at);
        else if (data.includes('"type":"hello"')) resolve();
      });
    });
    this.hello.catch(() => undefined);
  }

  close() {
    this.ws.terminate();
  }
}

async function connectViewers(server: LiveServer, sessionId: string, count: number, onCue: (at: number) => void) {
  const viewers: Viewer[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => new Viewer(server, sessionId, onCue));
    viewers.push(...batch);
    await Promise.all(batch.map((v) => v.hello));
  }
  return viewers;
}

/** 1. Pin → viewer delay over `pins` pins, 500 viewers. */
async function pinBench(server: LiveServer, seller: string, session: LiveSession, viewerCount = 500, pins = 20) {
  let current: { t0: number; times: number[] } | undefined;
  const viewers = await connectViewers(server, session.sessionId, viewerCount, (at) => {
    current?.times.push(at - current.t0);
  });
  await sleep(1500); // the viewer-count broadcast that follows the joins
  const deliveries: number[] = [];
  const firsts: number[] = [];
  const lasts: number[] = [];
  const apiMs: number[] = [];
  let missing = 0;
  let throttled = 0;
  try {
    for (let i = 0; i < pins; i++) {
      const pin = { t0: performance.now(), times: [] as number[] };
      current = pin;
      const reply = await api(server, "POST", `/api/seller/live/${session.sessionId}/pin`, seller, {
        productId: session.productIds[i % session.productIds.length],
      });
      apiMs.push(performance.now() - pin.t0);
      if (reply.status === 429) throttled++;
      else if (reply.status !== 200) throw new Error(`pin: ${reply.status} ${JSON.stringify(reply.body)}`);
      const deadline = performance.now() + 5000;
      while (pin.times.length < viewers.length && performance.now() < deadline) await sleep(5);
      missing += viewers.length - pin.times.length;
      deliveries.push(...pin.times);
      const sorted = [...pin.times].sort((a, b) => a - b);
      firsts.push(sorted[0] ?? Number.NaN);
      lasts.push(sorted[sorted.length - 1] ?? Number.NaN);
      current = undefined;
      await sleep(400); // ≤ 2 pins a second: well under the 5 per second limit
    }
  } finally {
    for (const v of viewers) v.close();
  }
  const all = deliveries.sort((a, b) => a - b);
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  return {
    viewers: viewers.length,
    pins,
    deliveries: all.length,
    "missing/throttled": `${missing}/${throttled}`,
    "p50 ms": ms(percentile(all, 0.5)),
    "p95 ms": ms(percentile(all, 0.95)),
    "p99 ms": ms(percentile(all, 0.99)),
    "max ms": ms(all[all.length - 1] ?? Number.NaN),
    "API reply p50 ms": ms(median(apiMs)),
    "first viewer p50 ms": ms(median(firsts)),
    "last viewer p50 ms": ms(median(lasts)),
  };
}

/**
 * 3. The server's CPU over fixed windows: at 0/100/500 WebSocket viewers idle (heartbeats only) and while the seller
 * pins twice a second (each pin fanned out to every viewer), then at 0/10/50 FLV viewers with the stream only.
 */
async function cpuBench(server: LiveServer, seller: string, session: LiveSession, seconds = 12) {
  const window = async (during?: () => Promise<void>, everyMs = 500) => {
    const [cpu0, dyn0, t0] = [await server.cpuMs(), procCpuMs(server.dynamoPid), performance.now()];
    let running = true;
    const background = (async () => {
      while (running && during) {
        const started = performance.now();
        await during();
        await sleep(Math.max(0, everyMs - (performance.now() - started)));
      }
    })();
    await sleep(seconds * 1000);
    running = false;
    await background;
    const elapsed = (performance.now() - t0) / 1000;
    const [cpu1, dyn1] = [await server.cpuMs(), procCpuMs(server.dynamoPid)];
    return { server: (cpu1 - cpu0) / elapsed, dynamo: (dyn1 - dyn0) / elapsed };
  };
  const rows: Array<Record<string, string | number>> = [];
  const row = (what: string, n: number, w: { server: number; dynamo: number }, base: number, extra = {}) =>
    rows.push({
      viewers: what,
      "server CPU ms/s": Math.round(w.server),
      "DynamoDB Local CPU ms/s": Math.round(w.dynamo),
      "per viewer ms/s": n ? +((w.server - base) / n).toFixed(3) : "—",
      ...extra,
    });

  let i = 0;
  let pins = 0;
  const pin = async () => {
    const reply = await api(server, "POST", `/api/seller/live/${session.sessionId}/pin`, seller, {
      productId: session.productIds[i++ % session.productIds.length],
    });
    if (reply.status === 200) pins++;
  };
  let idleBase = 0;
  let pinBase = 0;
  for (const n of [0, 100, 500]) {
    let cues = 0;
    const viewers = await connectViewers(server, session.sessionId, n, () => cues++);
    await sleep(2000); // the viewer-count broadcast that follows the joins
    const idle = await window();
    if (n === 0) idleBase = idle.server;
    row(`${n} WebSocket, idle`, n, idle, idleBase);
    cues = 0;
    pins = 0;
    const busy = await window(pin);
    if (n === 0) pinBase = busy.server;
    row(`${n} WebSocket, 2 pins/s`, n, busy, pinBase, {
      "cues received": cues,
      "per pin per viewer µs": n ? Math.round(((busy.server - pinBase) * seconds * 1000) / pins / n) : "—",
    });
    for (const v of viewers) v.close();
    await sleep(1500);
  }

  let flvBase = 0;
  for (const n of [0, 10, 50]) {
    let bytes = 0;
    const controllers = Array.from({ length: n }, () => new AbortController());
    const readers = controllers.map(async (abort) => {
      try {
        const res = await fetch(`${server.base}/live-media/${session.channelId}.flv`, { signal: abort.signal });
        if (!res.ok || !res.body) throw new Error(`FLV: HTTP ${res.status}`);
        for await (const chunk of res.body) bytes += chunk.byteLength;
      } catch (err) {
        if (!abort.signal.aborted) throw err;
      }
    });
    await sleep(3000); // past the opening burst (codec headers and the current GOP)
    bytes = 0;
    const t0 = performance.now();
    const w = await window();
    const rate = n ? (bytes * 8) / ((performance.now() - t0) / 1000) / n / 1000 : 0;
    if (n === 0) flvBase = w.server;
    row(`${n} FLV`, n, w, flvBase, n ? { "kbit/s per viewer": Math.round(rate) } : {});
    for (const c of controllers) c.abort();
    await Promise.all(readers);
    await sleep(1500);
  }
  return rows;
}

// The clock code: 48 bits of Date.now() in 40×40 blocks, 16 per row, rows 0–2, then the same bits inverted in rows
// 3–5 (a frame counts only when both copies agree). White is 1. The lower third moves, so the encoder has work.
const W = 640;
const H = 360;
const BLOCK = 40;
const BITS = 48;
const COLS = W / BLOCK;

function drawFrame(frame: Buffer, value: number, n: number) {
  for (let y = 240; y < H; y++) for (let x = 0; x < W; x++) frame[y * W + x] = ((x + n * 8) ^ (y * 3)) & 0xff;
  for (let bit = 0; bit < BITS; bit++) {
    const on = Math.floor(value / 2 ** bit) % 2 === 1;
    for (const [row, shade] of [
      [Math.floor(bit / COLS), on ? 235 : 16],
      [3 + Math.floor(bit / COLS), on ? 16 : 235],
    ] as const) {
      const x0 = (bit % COLS) * BLOCK;
      const y0 = row * BLOCK;
      for (let y = y0; y < y0 + BLOCK; y++) frame.fill(shade, y * W + x0, y * W + x0 + BLOCK);
    }
  }
}

function readFrame(frame: Buffer): number | undefined {
  const bitAt = (row: number, col: number) => {
    let sum = 0;
    for (let y = row * BLOCK + 10; y < row * BLOCK + 30; y++)
      for (let x = col * BLOCK + 10; x < col * BLOCK + 30; x++) sum += frame[y * W + x] ?? 0;
    return sum / 400 > 128;
  };
  let value = 0;
  for (let bit = 0; bit < BITS; bit++) {
    const row = Math.floor(bit / COLS);
    const col = bit % COLS;
    const on = bitAt(row, col);
    if (on === bitAt(3 + row, col)) return undefined;
    if (on) value += 2 ** bit;
  }
  return value;
}

/** 2. Glass to glass: clock frames → ffmpeg → RTMP ingest → /live-media FLV over HTTP → ffmpeg decode → clock. */
async function glassBench(server: LiveServer, session: LiveSession, warmup = 4, seconds = 20, fps = 30) {
  const encoder = run(
    [
      ...["-hide_banner", "-loglevel", "error"],
      ...["-f", "rawvideo", "-pix_fmt", "gray", "-s", `${W}x${H}`, "-framerate", String(fps), "-i", "pipe:0"],
      ...["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", String(2 * fps)],
      ...["-pix_fmt", "yuv420p", "-flush_packets", "1", "-f", "flv", `${server.rtmpUrl}/${session.streamKey}`],
    ],
    ["pipe", "ignore"],
  );
  encoder.child.stdin?.on("error", () => undefined);
  let producing = true;
  let sent = 0;
  const producer = (async () => {
    const frame = Buffer.alloc(W * H);
    const start = performance.now();
    while (producing && encoder.child.exitCode === null) {
      drawFrame(frame, Date.now(), sent);
      encoder.child.stdin?.write(Buffer.from(frame));
      sent++;
      await sleep(Math.max(0, start + (sent * 1000) / fps - performance.now()));
    }
  })();
  let decoder: Child | undefined;
  try {
    await waitLive(server, session.sessionId);
    decoder = run(
      [
        ...["-hide_banner", "-loglevel", "error", "-fflags", "nobuffer", "-flags", "low_delay", "-threads", "1"],
        ...["-probesize", "65536", "-analyzeduration", "0"],
        ...["-i", `${server.base}/live-media/${session.channelId}.flv`],
        ...["-map", "0:v", "-f", "rawvideo", "-pix_fmt", "gray", "-fps_mode", "passthrough", "-flush_packets", "1"],
        "pipe:1",
      ],
      ["ignore", "pipe"],
    );
    const delays: number[] = [];
    let decoded = 0;
    let unreadable = 0;
    let firstAt: number | undefined;
    let pending: Buffer = Buffer.alloc(0);
    const size = W * H;
    const done = new Promise<void>((resolve, reject) => {
      decoder?.child.on("exit", (code) =>
        reject(new Error(`decoder exited (${code}) early: ${decoder?.stderr() || "no output"}`)),
      );
      decoder?.child.stdout?.on("data", (chunk: Buffer) => {
        const now = Date.now();
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        while (pending.length >= size) {
          const value = readFrame(pending.subarray(0, size) as Buffer);
          pending = pending.subarray(size);
          decoded++;
          firstAt ??= now;
          if (value === undefined) unreadable++;
          else if (now - firstAt >= warmup * 1000) delays.push(now - value);
          if (now - firstAt >= (warmup + seconds) * 1000) resolve();
        }
      });
    });
    await Promise.race([
      done,
      sleep((warmup + seconds + 20) * 1000).then(() => {
        throw new Error(`no frames decoded in time: ${decoder?.stderr() || "no ffmpeg output"}`);
      }),
    ]);
    const sorted = delays.sort((a, b) => a - b);
    return {
      "frames sent": sent,
      "frames decoded": decoded,
      "code unreadable": unreadable,
      "frames timed": sorted.length,
      "p50 ms": percentile(sorted, 0.5),
      "p95 ms": percentile(sorted, 0.95),
      "min ms": sorted[0] ?? Number.NaN,
      "max ms": sorted[sorted.length - 1] ?? Number.NaN,
    };
  } finally {
    producing = false;
    await producer;
    await decoder?.stop();
    encoder.child.stdin?.end();
    await encoder.stop();
  }
}

export async function liveBench() {
  // The figures are only as quiet as the machine: say how busy it was before the run.
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`${cpus().length} cores; load average before the run ${load.join(" ")} (1, 5, 15 min)`);
  const server = await startLiveServer();
  const publishers: Child[] = [];
  try {
    const [sellerA = "", sellerB = ""] = server.sellers;
    const a = await scheduleSession(server, sellerA, "HTX Đo Ghim");
    const publisher = publishTestPattern(server, a.streamKey);
    publishers.push(publisher);
    await waitLive(server, a.sessionId).catch((err) => {
      throw new Error(`${err.message}: ${publisher.stderr()}`);
    });
    await sleep(2000);

    console.log(
      "\nPin → viewer delay: 500 WebSocket viewers (this process; the server is another), 20 pins through the API",
    );
    console.table([await pinBench(server, sellerA, a)]);

    console.log("\nServer CPU per viewer: 12 s windows of the server process's CPU time; DynamoDB Local's beside it");
    console.log("(640×360 30 fps H.264 ≈ 1 Mbit/s + AAC 128 kbit/s test pattern; viewers in this process)");
    console.table(await cpuBench(server, sellerA, a));
    await publisher.stop();

    const b = await scheduleSession(server, sellerB, "HTX Đo Độ Trễ");
    console.log(
      "\nGlass to glass: clock code in the picture → ffmpeg x264 zerolatency → RTMP → FLV over HTTP → ffmpeg",
    );
    console.log(
      "(excludes camera capture, screen display and the browser player's buffer: mpegts.js low-latency adds its own)",
    );
    console.table([await glassBench(server, b)]);
  } finally {
    for (const p of publishers) await p.stop();
    await server.stop();
  }
}
