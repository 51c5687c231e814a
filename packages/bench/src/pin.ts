import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  api,
  type Child,
  type LiveServer,
  type LiveSession,
  percentile,
  publishTestPattern,
  scheduleSession,
  startLiveServer,
  waitLive,
} from "./live";

/**
 * `pnpm bench pin`: pin → viewer with 5,000 WebSocket viewers on the local hub (issue 12; target p95 ≤ 250 ms, none
 * missing). The server runs in its own process (live-server.ts) with a 640×360 test pattern on air; the viewers
 * are spread over worker processes (pin-viewers.ts), 1,250 each; the seller pins through the API, one pin every
 * ≈ 0.6 s (under the 5 per second limit). Delay: from the API call's start in this process to each viewer's socket
 * receiving the cue in its worker, on the machine's shared clock (performance.timeOrigin + performance.now()).
 */
const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const ms = (n: number) => Math.round(n * 10) / 10;

interface Worker {
  child: ChildProcess;
  next<T>(type: string): Promise<T>;
}

function worker(): Worker {
  const child = fork(join(here, "pin-viewers.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`a viewers' worker exited (${code})`);
  });
  exited.catch(() => undefined);
  return {
    child,
    next<T>(type: string) {
      return Promise.race([
        new Promise<T>((resolve) => {
          const on = (m: { type?: string }) => {
            if (m.type !== type) return;
            child.off("message", on);
            resolve(m as T);
          };
          child.on("message", on);
        }),
        exited,
      ]);
    },
  };
}

async function fanOut(server: LiveServer, seller: string, session: LiveSession, viewers: number, pins: number) {
  const count = Math.ceil(viewers / 1250);
  const workers = Array.from({ length: count }, worker);
  try {
    const url = `${server.base.replace("http", "ws")}/live-ws/${session.sessionId}`;
    let joined = 0;
    // One worker at a time: 5,000 handshakes at once would be a test of the accept queue, not of the fan-out.
    for (const [i, w] of workers.entries()) {
      const share = Math.min(1250, viewers - i * 1250);
      const reply = w.next<{ count: number }>("joined");
      w.child.send({ type: "join", url, count: share });
      joined += (await reply).count;
    }
    await sleep(2000); // the viewer-count broadcast that follows the joins
    const delays: number[] = [];
    const apiMs: number[] = [];
    const firsts: number[] = [];
    const lasts: number[] = [];
    let missing = 0;
    let throttled = 0;
    for (let pin = 0; pin < pins; pin++) {
      const ready = workers.map((w) => w.next("ready"));
      const got = workers.map((w) => w.next<{ times: number[]; missing: number }>("got"));
      for (const w of workers) w.child.send({ type: "pin", pin, waitMs: 5000 });
      await Promise.all(ready);
      const t0 = now();
      const reply = await api(server, "POST", `/api/seller/live/${session.sessionId}/pin`, seller, {
        productId: session.productIds[pin % session.productIds.length],
      });
      apiMs.push(now() - t0);
      if (reply.status === 429) throttled++;
      else if (reply.status !== 200) throw new Error(`pin: ${reply.status} ${JSON.stringify(reply.body)}`);
      let first = Number.POSITIVE_INFINITY;
      let last = 0;
      for (const g of await Promise.all(got)) {
        missing += g.missing;
        for (const t of g.times) {
          delays.push(t - t0);
          first = Math.min(first, t - t0);
          last = Math.max(last, t - t0);
        }
      }
      firsts.push(first);
      lasts.push(last);
      await sleep(400);
    }
    const all = delays.sort((a, b) => a - b);
    const median = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );
    return {
      viewers: joined,
      workers: count,
      pins,
      deliveries: all.length,
      missing,
      throttled,
      "p50 ms": ms(percentile(all, 0.5)),
      "p95 ms": ms(percentile(all, 0.95)),
      "p99 ms": ms(percentile(all, 0.99)),
      "max ms": ms(all[all.length - 1] ?? Number.NaN),
      "API reply p50 ms": ms(median(apiMs)),
      "first viewer p50 ms": ms(median(firsts)),
      "last viewer p50 ms": ms(median(lasts)),
    };
  } finally {
    for (const w of workers) if (w.child.connected) w.child.send({ type: "stop" });
    await Promise.all(workers.map((w) => (w.child.exitCode === null ? once(w.child, "exit") : undefined)));
  }
}

export async function pinBench(viewers = 5000, pins = 20) {
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`${cpus().length} cores; load average before the run ${load.join(" ")} (1, 5, 15 min)`);
  const server = await startLiveServer(viewers + 100);
  let publisher: Child | undefined;
  try {
    const seller = server.sellers[0] ?? "";
    const session = await scheduleSession(server, seller, "HTX Đo Ghim Đông");
    publisher = publishTestPattern(server, session.streamKey);
    await waitLive(server, session.sessionId).catch((err) => {
      throw new Error(`${err.message}: ${publisher?.stderr()}`);
    });
    await sleep(2000);
    console.log(
      `\nPin → viewer delay: ${viewers} WebSocket viewers in worker processes, ${pins} pins through the API (target p95 ≤ 250 ms, none missing)`,
    );
    const row = await fanOut(server, seller, session, viewers, pins);
    console.table([row]);
    const line = (name: string, value: number, unit: string) =>
      console.log(`bench ${JSON.stringify({ name, value, unit })}`);
    line(`pin to viewer ${viewers} viewers p50`, row["p50 ms"], "ms");
    line(`pin to viewer ${viewers} viewers p95`, row["p95 ms"], "ms");
    line(`pin to viewer ${viewers} viewers max`, row["max ms"], "ms");
    line(`pin to viewer ${viewers} viewers missing`, row.missing, "deliveries");
  } finally {
    await publisher?.stop();
    await server.stop();
  }
}
