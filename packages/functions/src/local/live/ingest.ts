import type { ChildProcess } from "node:child_process";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Actor } from "@cho-ocop/core/account/actor";
import { hmac, sameSecret } from "@cho-ocop/core/account/secret";
import { Live } from "@cho-ocop/core/live/index";
import { DomainError } from "@cho-ocop/core/util/error";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { Children } from "./children";
import type { LocalVideoProvider } from "./video";

const PATH = /^\/live-ingest\/([0-9a-z]{26})\/?$/;
export const INGEST_TICKET_SECONDS = 120;
/** Bytes waiting for ffmpeg beyond which the phone's data is no longer read (the socket's window then fills). */
const HIGH_WATER = 1 << 20;
const HEARTBEAT_MS = 10_000;

/** A short-lived ticket for the broadcast page's ingest socket, for when no session cookie can travel with it. */
export function ingestTicket(sessionId: string, producerId: string) {
  const expires = Math.floor(Date.now() / 1000) + INGEST_TICKET_SECONDS;
  const body = `${sessionId}.${producerId}.${expires}`;
  return { ticket: `${body}.${hmac(`live-ingest.${body}`)}`, expiresAt: new Date(expires * 1000).toISOString() };
}

function readTicket(ticket: string, sessionId: string): string | undefined {
  const [s, producerId, expires, signature] = ticket.split(".");
  if (!s || !producerId || !expires || !signature || s !== sessionId) return undefined;
  if (!sameSecret(signature, hmac(`live-ingest.${s}.${producerId}.${expires}`))) return undefined;
  return Number(expires) * 1000 > Date.now() ? producerId : undefined;
}

/** ffmpeg's arguments: H.264 from MediaRecorder is copied; anything else (VP8/VP9 WebM) is encoded to H.264. */
export function ffmpegArgs(mime: string, rtmpTarget: string): string[] {
  const copy = /avc1|h264/i.test(mime);
  return [
    ...["-hide_banner", "-loglevel", "warning", "-fflags", "+nobuffer+genpts", "-i", "pipe:0"],
    ...(copy
      ? ["-c:v", "copy"]
      : ["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "60", "-pix_fmt", "yuv420p"]),
    ...["-c:a", "aac", "-b:a", "128k", "-ar", "44100"],
    ...["-f", "flv", rtmpTarget],
  ];
}

interface Bridge {
  ws: WebSocket;
  ffmpeg: ChildProcess;
  channelId: string;
  alive: boolean;
  ended: Promise<number | null>;
}

/**
 * Going live from a phone locally: the broadcast page records the camera with MediaRecorder and sends the chunks
 * over a WebSocket (`/live-ingest/<sessionId>`); ffmpeg turns them into RTMP for the local ingest, the same path
 * as OBS. One broadcast per channel: a new connection (a phone that reconnected) replaces the old one.
 */
export class IngestBridge {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 8 << 20 });
  private readonly bridges = new Map<string, Bridge>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unlisten: () => void;

  constructor(
    private readonly options: {
      video: LocalVideoProvider;
      children: Children;
      ffmpeg: string;
      rtmpPort: () => number;
      /** Who is calling, from the session cookie or a bearer token. */
      actorOf: (req: IncomingMessage) => Promise<Actor>;
    },
  ) {
    this.heartbeat = setInterval(() => {
      for (const bridge of this.bridges.values()) {
        if (!bridge.alive) bridge.ws.terminate();
        bridge.alive = false;
        bridge.ws.ping();
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    this.unlisten = options.video.onStream((channelId, state, sessionId) => {
      const bridge = this.bridges.get(channelId);
      if (!bridge) return;
      send(bridge.ws, { type: "stream", state, sessionId });
      // The live was ended (by staff, or by its seller from another device): tell the phone to stop.
      if (state === "end") bridge.ws.close(1000, "ended");
    });
  }

  static matches(path: string) {
    return PATH.test(path);
  }

  private async authorize(req: IncomingMessage, sessionId: string, url: URL) {
    const ticket = url.searchParams.get("ticket");
    if (ticket) {
      const producerId = readTicket(ticket, sessionId);
      if (!producerId)
        throw new DomainError(401, "bad_ticket", { vi: "Vé hết hạn.", en: "Ticket invalid or expired." });
      const session = await Live.get(sessionId);
      if (session.producerId !== producerId) throw new DomainError(403, "forbidden", { vi: "Không.", en: "No." });
      return Live.channelOf(producerId);
    }
    // With a cookie, only a page of this very site may open the socket (no cross-site WebSocket hijacking).
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) {
      throw new DomainError(403, "forbidden", { vi: "Sai nguồn.", en: "Cross-origin broadcast refused." });
    }
    await Live.ingest(await this.options.actorOf(req), sessionId);
    return Live.channelOf((await Live.get(sessionId)).producerId);
  }

  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? "/", "http://local");
    const sessionId = PATH.exec(url.pathname)?.[1] ?? "";
    let channel: Awaited<ReturnType<typeof Live.channelOf>>;
    try {
      channel = await this.authorize(req, sessionId, url);
    } catch (err) {
      const status = err instanceof DomainError ? err.status : 500;
      if (!(err instanceof DomainError)) console.error("[live] ingest", err);
      socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${status}`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.run(ws, channel, url.searchParams.get("mime") ?? ""));
  }

  private async run(ws: WebSocket, channel: { channelId: string; streamKey: string }, mime: string) {
    // Chunks that arrive before ffmpeg runs (the page should wait for "ready", but may not) are kept for it.
    const early: Buffer[] = [];
    let write = (chunk: Buffer) => void early.push(chunk);
    let received = 0;
    let seq = 0;
    const bridge: Partial<Bridge> & { alive: boolean } = { alive: true };
    ws.on("pong", () => {
      bridge.alive = true;
    });
    ws.on("message", (data: RawData, isBinary) => {
      if (!isBinary) return this.control(ws, data);
      const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      received += chunk.length;
      seq++;
      write(chunk);
      send(ws, { type: "ack", seq, bytes: received, queued: bridge.ffmpeg?.stdin?.writableLength ?? received });
    });
    ws.on("error", () => ws.terminate());

    const refused = this.options.video.refuseNow(channel.streamKey);
    if (refused) {
      send(ws, { type: "error", code: "stopped", message: refused });
      return ws.close(4009, "stopped");
    }
    const previous = this.bridges.get(channel.channelId);
    if (previous) {
      send(previous.ws, { type: "error", code: "replaced", message: "Another broadcast took over this channel." });
      previous.ws.close(4000, "replaced");
      previous.ffmpeg.stdin?.end();
      await Children.end(previous.ffmpeg, 3000);
    }
    if (ws.readyState !== ws.OPEN) return;

    const target = `rtmp://127.0.0.1:${this.options.rtmpPort()}/live/${channel.streamKey}`;
    const ffmpeg = this.options.children.spawn(this.options.ffmpeg, ffmpegArgs(mime, target), {
      stdio: ["pipe", "ignore", "pipe"],
    });
    const ended = new Promise<number | null>((resolve) => {
      ffmpeg.once("exit", (code) => resolve(code));
      ffmpeg.once("error", () => resolve(null));
    });
    const live: Bridge = { ws, ffmpeg, channelId: channel.channelId, alive: true, ended };
    Object.assign(bridge, live);
    this.bridges.set(channel.channelId, bridge as Bridge);
    const stdin = ffmpeg.stdin;
    stdin?.on("error", () => undefined);
    write = (chunk) => {
      if (!stdin || stdin.destroyed) return;
      // Backpressure: while ffmpeg has a megabyte waiting, stop reading the phone (its bufferedAmount then grows).
      if (!stdin.write(chunk) || stdin.writableLength > HIGH_WATER) {
        if (!ws.isPaused) {
          ws.pause();
          stdin.once("drain", () => ws.resume());
        }
      }
    };
    for (const chunk of early.splice(0)) write(chunk);
    ffmpeg.once("error", (err) => {
      send(ws, { type: "error", code: "encoder_missing", message: `ffmpeg could not start: ${err.message}` });
      ws.close(1011, "encoder");
    });
    ffmpeg.once("exit", (code) => {
      if (this.bridges.get(channel.channelId) === bridge) this.bridges.delete(channel.channelId);
      if (ws.readyState === ws.OPEN) {
        const tail = Children.stderrOf(ffmpeg).split("\n").slice(-3).join(" ");
        send(ws, { type: "error", code: "encoder_exit", message: `ffmpeg stopped (exit ${code}) ${tail}`.trim() });
        ws.close(1011, "encoder");
      }
    });
    // The page went away or said "end": ffmpeg gets the end of its input, flushes and closes the RTMP stream.
    const finish = () => {
      stdin?.end();
      void Children.end(ffmpeg, 5000);
    };
    if (ws.readyState !== ws.OPEN) return finish();
    ws.on("close", finish);
    send(ws, { type: "ready", transcode: !/avc1|h264/i.test(mime) });
  }

  private control(ws: WebSocket, data: RawData) {
    let message: { type?: unknown; t?: unknown } = {};
    try {
      message = JSON.parse(data.toString());
    } catch {}
    if (message.type === "ping") send(ws, { type: "pong", t: message.t ?? null });
    else if (message.type === "end") ws.close(1000, "end");
  }

  async close() {
    clearInterval(this.heartbeat);
    this.unlisten();
    await Promise.all(
      [...this.bridges.values()].map(async (b) => {
        b.ws.close(1001, "server stopping");
        b.ffmpeg.stdin?.end();
        await Children.end(b.ffmpeg, 3000);
        b.ws.terminate();
      }),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function send(ws: WebSocket, message: object) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
