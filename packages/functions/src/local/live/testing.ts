import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalStorage } from "@cho-ocop/core/storage/index";
import { serve } from "@hono/node-server";
import WebSocket from "ws";
import {
  call,
  certificateInput,
  producerInput,
  productInput,
  sonLaWard,
  tokenFor,
  verifySeller,
} from "../../../test/people";
import { localApp } from "../server";
import { type LocalLiveOptions, startLocalLive } from "./index";

/**
 * What the live tests share: the local server on a free port with the live runtime attached (exactly as
 * `pnpm start` wires it), a producer with approved products, ffmpeg publishing a test pattern, WebSocket clients.
 */
export async function startLiveServer(options: Pick<LocalLiveOptions, "reconnectGraceMs" | "hubLimits"> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), "cho-ocop-live-"));
  const live = await startLocalLive({ dataDir, host: "127.0.0.1", rtmpPort: 0, ...options });
  const app = localApp({
    webDist: join(dataDir, "web"),
    storage: new LocalStorage(process.env.UPLOAD_DIR ?? join(dataDir, "uploads")),
    live: live.routes,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  if (!server.listening) await once(server, "listening");
  live.attach(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const publishers = new Set<ChildProcess>();
  return {
    live,
    base,
    dataDir,
    /** ffmpeg publishing a 320×240 test pattern with a tone to rtmp://…/live/<key>, as OBS would. */
    publish(key: string, seconds = 120): Publisher {
      const child = spawn(
        "ffmpeg",
        [
          ...["-hide_banner", "-loglevel", "error", "-re"],
          ...["-f", "lavfi", "-i", `testsrc=size=320x240:rate=15:duration=${seconds}`],
          ...["-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`],
          ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-c:a", "aac"],
          ...["-f", "flv", `${live.rtmpUrl}/${key}`],
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      publishers.add(child);
      let stderr = "";
      child.stderr?.on("data", (d) => {
        stderr += d;
      });
      const exited = once(child, "exit").then(([code]) => code as number | null);
      return {
        child,
        exited,
        stderr: () => stderr,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
          await exited;
        },
      };
    },
    /** A WebSocket client; `from` picks the loopback address it connects from (127.0.0.x: another "device"). */
    socket(path: string, protocols?: string[], options: { from?: string; headers?: Record<string, string> } = {}) {
      return new Client(
        new WebSocket(`${base.replace("http", "ws")}${path}`, protocols, {
          headers: options.headers,
          ...(options.from ? { localAddress: options.from } : {}),
        }),
      );
    },
    async stop() {
      for (const p of publishers) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
      await live.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
export type LiveServer = Awaited<ReturnType<typeof startLiveServer>>;

export interface Publisher {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr(): string;
  stop(): Promise<void>;
}

/** A WebSocket client that keeps every JSON message it gets, for `next(...)` to find. */
export class Client {
  readonly messages: Array<Record<string, unknown>> = [];
  private waiters: Array<() => void> = [];
  readonly opened: Promise<void>;
  closed: { code: number; reason: string } | undefined;

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.opened.catch(() => undefined);
    ws.on("message", (data, isBinary) => {
      if (!isBinary) this.messages.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(message: object) {
    this.ws.send(JSON.stringify(message));
  }

  /** The first message (from `from` on) that matches, waiting up to `ms`. */
  async next<T = Record<string, unknown>>(
    match: (m: Record<string, unknown>) => boolean,
    ms = 5000,
    from = 0,
  ): Promise<T & Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found as T & Record<string, unknown>;
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) {
        throw new Error(`no matching message in ${ms} ms; got ${JSON.stringify(this.messages).slice(0, 1500)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async whenClosed(ms = 5000) {
    const deadline = Date.now() + ms;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  close() {
    this.ws.close();
  }
}

export async function until<T>(probe: () => Promise<T | undefined | false>, ms = 10_000, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** A producer's identity-verified seller with `count` approved products (stock 40 each), and central staff. */
export async function sellerWithProducts(
  name: string,
  count = 2,
  productName = (i: number) => `${name} sản phẩm ${i}`,
) {
  const seller = await tokenFor();
  const central = await tokenFor({ role: "staff", staffScope: "central" });
  await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), name) });
  await verifySeller(seller);
  const productIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const created = await call<{ productId: string; producerId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: productInput(productName(i)),
    });
    const { productId } = created.body;
    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    const approved = await call("POST", `/api/admin/products/${productId}/approve`, { token: central });
    if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
    productIds.push(productId);
  }
  return { seller, central, productIds };
}

export interface SessionView {
  sessionId: string;
  status: "scheduled" | "live" | "ended";
  playback: { provider: string; url: string };
  pin: { productId: string } | null;
}

/** A session a minute from now featuring the products, and where to publish it. */
export async function scheduleSession(seller: string, productIds: string[], title = "Phiên live thử nghiệm") {
  const scheduled = await call<SessionView>("POST", "/api/seller/live", {
    token: seller,
    body: { title, startAt: new Date(Date.now() + 60_000).toISOString(), productIds },
  });
  if (scheduled.status !== 201) throw new Error(`schedule: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
  const ingest = await call<{ ingestUrl: string; streamKey: string }>(
    "GET",
    `/api/seller/live/${scheduled.body.sessionId}/ingest`,
    { token: seller },
  );
  return { session: scheduled.body, ...ingest.body };
}

export async function status(sessionId: string) {
  return (await call<SessionView>("GET", `/api/live/${sessionId}`)).body.status;
}
