import type { ChildProcess } from "node:child_process";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Actor } from "@cho-ocop/core/account/actor";
import { hmac, sameSecret } from "@cho-ocop/core/account/secret";
import { Live } from "@cho-ocop/core/live/index";
import { DomainError } from "@cho-ocop/core/util/error";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { LocalVideoProvider } from "../../adapters/live/local-video";
import { Children } from "./children";
import { fromThisSite, refuseUpgrade } from "./upgrade";

const PATH = /^\/live-ingest\/([0-9a-z]{26})\/?$/;
export const INGEST_TICKET_SECONDS = 120;
/** Bytes waiting for ffmpeg beyond which the phone's data is no longer read (the socket's window then fills). */
const HIGH_WATER = 1 << 20;
const HEARTBEAT_MS = 10_000;

/**
 * A short-lived ticket for the broadcast page's ingest socket, for when no session cookie can travel with it. It
 * travels as the socket's subprotocol (`Sec-WebSocket-Protocol`), never in the URL, which proxies and logs keep.
 */
export function ingestTicket(sessionId: string, producerId: string) {
  const expires = Math.floor(Date.now() / 1000) + INGEST_TICKET_SECONDS;
  const body = `${sessionId}.${producerId}.${expires}`;
  return { ticket: `${body}.${hmac(`live-ingest.${body}`)}`, expiresAt: new Date(expires * 1000).toISOString() };
}

function readTicket(ticket: string, sessionId: string): { producerId: string; expires: number } | undefined {
  const [s, producerId, expires, signature, extra] = ticket.split(".");
  if (!s || !producerId || !expires || !signature || extra !== undefined || s !== sessionId) return undefined;
  if (!sameSecret(signature, hmac(`live-ingest.${s}.${producerId}.${expires}`))) return undefined;
  return Number(expires) * 1000 > Date.now() ? { producerId, expires: Number(expires) * 1000 } : undefined;
}

/** The subprotocols a client offered (`Sec-WebSocket-Protocol: a, b`). */
function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return header
    ? header
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
    : [];
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
  streamKey: string;
  alive: boolean;
  ended: Promise<number | null>;
}

const forbidden = () => new DomainError(403, "forbidden", { vi: "Không.", en: "No." });

/**
 * Going live from a phone locally: the broadcast page records the camera with MediaRecorder and sends the chunks
 * over a WebSocket (`/live-ingest/<sessionId>`); ffmpeg turns them into RTMP for the local ingest, the same path
 * as OBS. One broadcast per channel: a new connection (a phone that reconnected) replaces the old one, and its
 * ffmpeg starts only once the old one's has exited.
 */
export class IngestBridge {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 8 << 20,
    // The ticket, when it is the subprotocol, is echoed back as the WebSocket protocol requires.
    handleProtocols: (protocols) => protocols.values().next().value ?? false,
  });
  private readonly bridges = new Map<string, Bridge>();
  /** Each channel's newest connection: an older one still waiting for its turn gives way without starting ffmpeg. */
  private readonly newest = new Map<string, WebSocket>();
  /** Each channel's takeovers, one after another: the previous ffmpeg has exited before the next one starts. */
  private readonly turns = new Map<string, Promise<unknown>>();
  /** Tickets used, until they expire: a ticket opens one socket. */
  private readonly usedTickets = new Map<string, number>();
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
      // The live was ended (by staff, or by its seller from another device): tell the phone to stop. Not the end
      // of the publish this bridge replaced, which can come after it started.
      if (state === "end" && options.video.refuseNow(bridge.streamKey)) bridge.ws.close(1000, "ended");
    });
  }

  static matches(path: string) {
    return PATH.test(path);
  }

  /** The ticket (the subprotocol offered) or, without one, the session cookie or bearer token. */
  private async authorize(req: IncomingMessage, sessionId: string) {
    // Only a page of this very site may open the socket (no cross-site WebSocket hijacking with the cookie).
    if (!fromThisSite(req)) throw forbidden();
    const [ticket] = offeredProtocols(req);
    if (ticket) {
      const read = readTicket(ticket, sessionId);
      if (!read || this.usedTickets.has(ticket))
        throw new DomainError(401, "bad_ticket", { vi: "Vé hết hạn.", en: "Ticket invalid or expired." });
      const now = Date.now();
      for (const [used, expires] of this.usedTickets) if (expires <= now) this.usedTickets.delete(used);
      this.usedTickets.set(ticket, read.expires);
      const session = await Live.get(sessionId);
      if (session.producerId !== read.producerId) throw forbidden();
      return Live.channelOf(read.producerId);
    }
    await Live.ingest(await this.options.actorOf(req), sessionId);
    return Live.channelOf((await Live.get(sessionId)).producerId);
  }

  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? "/", "http://local");
    const sessionId = PATH.exec(url.pathname)?.[1] ?? "";
    let channel: Awaited<ReturnType<typeof Live.channelOf>>;
    try {
      channel = await this.authorize(req, sessionId);
    } catch (err) {
      const status = err instanceof DomainError ? err.status : 500;
      if (!(err instanceof DomainError)) console.error("[live] ingest", err);
      return refuseUpgrade(socket, status, "Refused", String(status));
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const older = this.newest.get(channel.channelId);
      if (older) replaced(older);
      this.newest.set(channel.channelId, ws);
      ws.once("close", () => this.newest.get(channel.channelId) === ws && this.newest.delete(channel.channelId));
      this.run(ws, channel, url.searchParams.get("mime") ?? "").catch((err) => {
        console.error("[live] ingest", err);
        ws.close(1011, "unavailable");
      });
    });
  }

  /** Runs `work` after the channel's previous takeovers (concurrent opens queue here, in the order they came). */
  private inTurn<T>(channelId: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.turns.get(channelId) ?? Promise.resolve()).then(work);
    const settled = turn.catch(() => undefined);
    this.turns.set(channelId, settled);
    void settled.then(() => this.turns.get(channelId) === settled && this.turns.delete(channelId));
    return turn;
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
    // The channel's turn ends once this connection's ffmpeg is running (or it gave way): the next one replaces it.
    const ffmpeg = await this.inTurn(channel.channelId, async () => {
      const previous = this.bridges.get(channel.channelId);
      if (previous) {
        replaced(previous.ws);
        previous.ffmpeg.stdin?.end();
        await Children.end(previous.ffmpeg, 3000);
      }
      if (ws.readyState !== ws.OPEN || this.newest.get(channel.channelId) !== ws) return undefined;
      const target = `rtmp://127.0.0.1:${this.options.rtmpPort()}/live/${channel.streamKey}`;
      const child = this.options.children.spawn(this.options.ffmpeg, ffmpegArgs(mime, target), {
        stdio: ["pipe", "ignore", "pipe"],
      });
      const ended = new Promise<number | null>((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.once("error", () => resolve(null));
      });
      const live: Bridge = {
        ws,
        ffmpeg: child,
        channelId: channel.channelId,
        streamKey: channel.streamKey,
        ended,
        alive: true,
      };
      Object.assign(bridge, live);
      this.bridges.set(channel.channelId, bridge as Bridge);
      return child;
    });
    if (!ffmpeg) return;
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

/** An older connection of the channel gives way to a newer one (a phone that reconnected). */
function replaced(ws: WebSocket) {
  send(ws, { type: "error", code: "replaced", message: "Another broadcast took over this channel." });
  ws.close(4000, "replaced");
}

function send(ws: WebSocket, message: object) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
