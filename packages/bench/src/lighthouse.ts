import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, type Server } from "./local-server";

const FLAGS =
  "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

// The bench's server takes any free RTMP port (a `pnpm start` on this machine may hold 1935): the live viewer page
// is measured with a stream on air.
process.env.RTMP_PORT ??= "0";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Report {
  categories: Record<
    "performance" | "accessibility",
    { score: number | null; auditRefs: Array<{ id: string; weight: number }> }
  >;
  audits: Record<
    string,
    { score: number | null; numericValue?: number; details?: { items?: Array<Record<string, unknown>> } }
  >;
  environment?: { benchmarkIndex?: number };
}

/** Lighthouse (mobile, simulated throttling) performance and accessibility on a page of the running local server. */
export async function lighthouseBench(url: string) {
  const dir = await mkdtemp(join(tmpdir(), "cho-ocop-lh-"));
  const out = join(dir, "report.json");
  try {
    await promisify(execFile)(
      join(ROOT, "packages/bench/node_modules/.bin/lighthouse"),
      [
        url,
        "--chrome-path=/usr/bin/chromium",
        `--chrome-flags=${FLAGS} --user-data-dir=${join(dir, "profile")}`,
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
      ],
      { timeout: 180_000 },
    );
    const raw = await readFile(out, "utf8");
    // LIGHTHOUSE_REPORTS=<dir> keeps each page's whole report (its trace-derived audits) for reading.
    if (process.env.LIGHTHOUSE_REPORTS) {
      await mkdir(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
      await writeFile(join(process.env.LIGHTHOUSE_REPORTS, `${new URL(url).pathname.replace(/\W+/g, "_")}.json`), raw);
    }
    const report = JSON.parse(raw) as Report;
    const audit = (id: string) => report.audits[id]?.numericValue;
    const items = (id: string) => report.audits[id]?.details?.items ?? [];
    const scriptBytes = (items("network-requests") as Array<{ resourceType?: string; transferSize?: number }>)
      .filter((r) => r.resourceType === "Script")
      .reduce((n, r) => n + (r.transferSize ?? 0), 0);
    const score = (category: keyof Report["categories"]) => Math.round((report.categories[category].score ?? 0) * 100);
    /** The weighted audits of a category that lose points, with their score out of 1. */
    const losing = (category: keyof Report["categories"]) =>
      report.categories[category].auditRefs
        .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} ${report.audits[ref.id]?.score} (weight ${ref.weight})`);
    const file = (url: unknown) => String(url ?? "").replace(/^https?:\/\/[^/]+/, "") || "(page)";
    return {
      figures: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "FCP ms": Math.round(audit("first-contentful-paint") ?? 0),
        "LCP ms": Math.round(audit("largest-contentful-paint") ?? 0),
        "TBT ms": Math.round(audit("total-blocking-time") ?? 0),
        CLS: +(audit("cumulative-layout-shift") ?? 0).toFixed(3),
        "JS KB transferred (gzip)": +(scriptBytes / 1024).toFixed(1),
      },
      /** What holds the score back: the elements that shifted, and the longest main-thread tasks by script. */
      causes: {
        performanceAudits: losing("performance"),
        accessibilityAudits: losing("accessibility"),
        shifts: (items("layout-shifts") as Array<{ score?: number; node?: { selector?: string } }>).map(
          (s) => `${(s.score ?? 0).toFixed(3)} ${s.node?.selector ?? "?"}`,
        ),
        longTasks: (items("long-tasks") as Array<{ url?: string; duration?: number; startTime?: number }>)
          .slice(0, 5)
          .map((t) => `${Math.round(t.duration ?? 0)} ms at ${Math.round(t.startTime ?? 0)} ms ${file(t.url)}`),
        lcpElement: String(
          (items("largest-contentful-paint-element")[0] as { items?: Array<{ node?: { selector?: string } }> })
            ?.items?.[0]?.node?.selector ?? "",
        ),
      },
      benchmarkIndex: report.environment?.benchmarkIndex,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function json<T>(res: Promise<Response>, what: string): Promise<T> {
  const reply = await res;
  if (!reply.ok) throw new Error(`${what}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/**
 * A live on air on the bench server, as a viewer finds it: a demo seller (HTX Chè Suối Giàng) signs in with the code
 * from the local outbox, schedules a live now with two of its products, pins one, and ffmpeg publishes a portrait
 * 360×640 test pattern to the ingest URL and key the API gives, as a phone app would.
 */
export async function onAirLive(base: string): Promise<{ path: string; stop(): Promise<void> }> {
  const phone = "0912000101";
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  await json(post("/api/auth/code", { phone }), "sign-in code");
  const outbox = await json<Array<{ to: string; text: string }>>(fetch(`${base}/api/dev/outbox`), "outbox");
  const code = outbox.find((m) => m.to === `+84${phone.slice(1)}`)?.text.match(/\b(\d{6})\b/)?.[1];
  const { token } = await json<{ token: string }>(post("/api/auth/verify", { phone, code }), "sign-in");
  const get = <T>(path: string) =>
    json<T>(fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }), path);
  const products = await get<Array<{ productId: string; status?: string }>>("/api/seller/products");
  const productIds = products
    .filter((p) => !p.status || p.status === "approved")
    .slice(0, 2)
    .map((p) => p.productId);
  const { sessionId } = await json<{ sessionId: string }>(
    post(
      "/api/seller/live",
      {
        title: "Chè Shan tuyết Suối Giàng — đo hiệu năng trang xem live",
        startAt: new Date().toISOString(),
        productIds,
      },
      token,
    ),
    "schedule",
  );
  const ingest = await get<{ ingestUrl: string; streamKey: string }>(`/api/seller/live/${sessionId}/ingest`);
  const ffmpeg: ChildProcess = spawn(
    process.env.FFMPEG ?? "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc2=size=360x640:rate=30"],
      ...["-f", "lavfi", "-i", "sine=frequency=440"],
      ...["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "60", "-pix_fmt", "yuv420p"],
      ...["-b:v", "800k", "-c:a", "aac", "-b:a", "96k", "-ar", "44100"],
      ...["-f", "flv", `${ingest.ingestUrl}/${ingest.streamKey}`],
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = once(ffmpeg, "exit");
  const stop = async () => {
    if (ffmpeg.exitCode !== null || ffmpeg.signalCode !== null) return;
    ffmpeg.kill("SIGINT");
    await exited;
  };
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const view = await get<{ status: string }>(`/api/live/${sessionId}`);
      if (view.status === "live") break;
      if (Date.now() > deadline) throw new Error(`live ${sessionId} did not go on air within 20 s`);
      await sleep(250);
    }
    await json(post(`/api/seller/live/${sessionId}/pin`, { productId: productIds[0] }, token), "pin");
    return { path: `/live/${sessionId}`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Each figure's name and unit in the `bench` lines. */
const NAMES = {
  performance: ["performance", "score"],
  accessibility: ["accessibility", "score"],
  "FCP ms": ["first contentful paint", "ms"],
  "LCP ms": ["largest contentful paint", "ms"],
  "TBT ms": ["total blocking time", "ms"],
  CLS: ["cumulative layout shift", "unitless"],
  "JS KB transferred (gzip)": ["JavaScript transferred", "KB"],
} as const;

/**
 * Home, a product page and the live viewer page, one after another: a table, what holds each back, and every
 * figure as one line `bench {"name":…,"value":…,"unit":…}` for tools to read.
 */
export async function lighthouseAll(server: Server) {
  const first = await json<{ items: Array<{ productId: string }> }>(
    fetch(`${server.url}/api/products?limit=1`),
    "products",
  );
  const live = await onAirLive(server.url).catch(async (err: unknown) => {
    console.warn(`live viewer: no stream on air (${err instanceof Error ? err.message : err}); measuring a coming one`);
    const coming = await json<Array<{ sessionId: string }>>(fetch(`${server.url}/api/live`), "lives");
    return { path: `/live/${coming[0]?.sessionId}`, stop: async () => {} };
  });
  const rows = [];
  const causes: Record<string, unknown> = {};
  const lines: string[] = [];
  try {
    for (const [page, path] of [
      ["home", "/"],
      ["product", `/san-pham/${first.items[0]?.productId}`],
      ["live viewer", live.path],
    ] as const) {
      const result = await lighthouseBench(`${server.url}${path}`);
      rows.push({ page, ...result.figures, "benchmark index": result.benchmarkIndex });
      causes[page] = result.causes;
      for (const [label, value] of Object.entries(result.figures)) {
        const [name, unit] = NAMES[label as keyof typeof result.figures];
        lines.push(`bench ${JSON.stringify({ name: `lighthouse ${page} ${name}`, value, unit })}`);
      }
    }
  } finally {
    await live.stop();
  }
  console.table(rows);
  console.log("What holds each page back (layout shifts with their score; the longest tasks, simulated times):");
  console.dir(causes, { depth: 4 });
  for (const line of lines) console.log(line);
}
