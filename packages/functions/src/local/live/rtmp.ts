import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import NodeMediaServer from "node-media-server";
import Context from "node-media-server/src/core/context.js";
import logger from "node-media-server/src/core/logger.js";
import BaseSession from "node-media-server/src/session/base_session.js";
import { SetupError } from "../dynamo";

/** The RTMP application: OBS's "server" is rtmp://host:port/live and its "stream key" the stream name, as on IVS. */
export const RTMP_APP = "live";

/** A publish whose stream key was accepted: one per channel at a time. */
export interface Publish {
  channelId: string;
  streamKey: string;
  startedAt: number;
  /** FLV timestamp (ms) of the newest audio or video frame received; null before the first. */
  lastTs: number | null;
  /** The recording of this publish, written as it arrives. */
  recording: string;
}

export interface RtmpIngestOptions {
  port: number;
  /** Interface the RTMP listener binds (0.0.0.0 so that OBS and phones on the network reach it). */
  bind?: string;
  /** Where each publish is recorded: a path for a channel and a start time. */
  recordingPath(channelId: string, startedAt: number): string;
  /** Checks a stream key (asynchronously: the channel may have to be read from the table). */
  authorize(streamKey: string): Promise<{ channelId: string } | { refused: string }>;
  /** Refuses at once, before any lookup (a channel just stopped by staff, say). */
  refuseNow?(streamKey: string): string | undefined;
  onPublish(publish: Publish): void;
  onUnpublish(publish: Publish): void;
}

type Sink = (chunk: Buffer) => void;

/** A subscriber inside this process (a viewer's HTTP response, the recorder): NMS feeds it FLV tags. */
class Subscriber extends BaseSession {
  constructor(streamPath: string, sink: Sink) {
    super();
    this.protocol = "flv";
    // An empty ip marks an internal session: NMS then emits no play events and counts no play for it.
    this.ip = "";
    this.streamPath = streamPath;
    this.sendBuffer = sink;
  }
}

interface Active {
  publish: Publish;
  session: BaseSession;
  recorder: Subscriber;
  file: WriteStream;
  viewers: Map<Subscriber, () => void>;
}

/** The FLV timestamp of a tag (NMS sends one whole tag per buffer): 24 bits plus an extension byte. */
function tagTimestamp(tag: Buffer): number | null {
  if (tag.length < 11 || (tag[0] !== 8 && tag[0] !== 9)) return null;
  return ((tag[7] ?? 0) << 24) | ((tag[4] ?? 0) << 16) | ((tag[5] ?? 0) << 8) | (tag[6] ?? 0);
}

/**
 * The local RTMP ingest: node-media-server v4 for the RTMP protocol, with what this product needs around it.
 * - Stream keys are checked on `prePublish`; a refused publisher is cut off, and the `postPublish`/`donePublish`
 *   events NMS still emits for it are ignored (only accepted publishes count).
 * - `publishGraceMs` is set to 0 on every stream: NMS would otherwise report the end 30 s late.
 * - NMS calls process.exit when its port is taken: the listener is started here instead, with a clear error.
 * - Viewers are ended when their publish ends: a new publish restarts timestamps at 0, so players must reload.
 */
export class RtmpIngest {
  private readonly nms: NodeMediaServer;
  private readonly accepted = new Map<BaseSession, Active>();
  private readonly byChannel = new Map<string, Active>();
  private readonly listeners: Array<[string, (session: BaseSession) => void]> = [];

  private constructor(private readonly options: RtmpIngestOptions) {
    // NMS logs every connection at "debug" (its constructor sets that level): only its errors are worth showing.
    logger.log = (message, level = "info") => {
      if (level === "error") console.error(`[live] node-media-server: ${message}`);
    };
    this.nms = new NodeMediaServer({
      bind: options.bind ?? "0.0.0.0",
      rtmp: { port: options.port },
      // No HTTP listener (playback is served by our own server), no store, no auto-record: all done here.
      webadmin: { enable: false },
      record: { auto: false },
    });
    this.listen("prePublish", (s) => this.prePublish(s));
    this.listen("donePublish", (s) => this.donePublish(s));
    // RTMP playback would be keyed by the secret stream key: viewers watch through our server only.
    this.listen("prePlay", (s) => {
      if (s.protocol === "rtmp") s.socket?.destroy();
    });
  }

  static async start(options: RtmpIngestOptions): Promise<RtmpIngest> {
    const ingest = new RtmpIngest(options);
    const server = ingest.nms.rtmpServer.tcpServer;
    if (!server) throw new Error("node-media-server made no RTMP listener");
    // Listened here rather than by nms.run(), whose error handler exits the process when the port is taken.
    await new Promise<void>((resolve, reject) => {
      server.once("error", (err: NodeJS.ErrnoException) => {
        ingest.unlisten();
        reject(
          err.code === "EADDRINUSE"
            ? new SetupError(
                `RTMP port ${options.port} is already in use.`,
                `Stop what is using it (\`ss -ltnp | grep :${options.port}\`) or choose another: \`RTMP_PORT=${options.port + 1} pnpm start\`.`,
              )
            : err,
        );
      });
      server.listen(options.port, options.bind ?? "0.0.0.0", () => resolve());
    });
    server.on("error", (err) => console.error("[live] RTMP listener:", err));
    return ingest;
  }

  get port(): number {
    const address = this.nms.rtmpServer.tcpServer?.address();
    return typeof address === "object" && address ? address.port : this.options.port;
  }

  private listen(event: string, handler: (session: BaseSession) => void) {
    Context.eventEmitter.on(event, handler);
    this.listeners.push([event, handler]);
  }

  private unlisten() {
    for (const [event, handler] of this.listeners) Context.eventEmitter.off(event, handler);
    this.listeners.length = 0;
  }

  private refuse(session: BaseSession, reason: string) {
    console.warn(`[live] refused a publish on ${session.streamPath}: ${reason}`);
    // The socket, not session.close(): end() would let the publisher go on sending until it notices.
    session.socket?.destroy();
  }

  private prePublish(session: BaseSession) {
    if (session.broadcast) session.broadcast.publishGraceMs = 0;
    if (session.streamApp !== RTMP_APP) return this.refuse(session, `unknown application "${session.streamApp}"`);
    // NMS refuses a second publisher on a busy stream itself (after emitting postPublish for it).
    if (session.broadcast?.publisher) return;
    const key = session.streamName;
    const now = this.options.refuseNow?.(key);
    if (now) return this.refuse(session, now);
    void this.options
      .authorize(key)
      .catch((err) => ({ refused: `the key could not be checked (${err instanceof Error ? err.message : err})` }))
      .then(async (verdict) => {
        if ("refused" in verdict) return this.refuse(session, verdict.refused);
        // The publisher may have gone, or been replaced, while the key was looked up.
        if (session.broadcast?.publisher !== session || session.socket?.destroyed) return;
        await this.accept(session, verdict.channelId);
      })
      .catch((err) => {
        console.error("[live] publish", err);
        session.socket?.destroy();
      });
  }

  private async accept(session: BaseSession, channelId: string) {
    const startedAt = Date.now();
    const recording = this.options.recordingPath(channelId, startedAt);
    await mkdir(dirname(recording), { recursive: true });
    const file = createWriteStream(recording);
    const publish: Publish = { channelId, streamKey: session.streamName, startedAt, lastTs: null, recording };
    const recorder = new Subscriber(session.streamPath, (tag) => {
      const ts = tagTimestamp(tag);
      if (ts !== null) publish.lastTs = ts;
      file.write(tag);
    });
    const active: Active = { publish, session, recorder, file, viewers: new Map() };
    this.accepted.set(session, active);
    this.byChannel.set(channelId, active);
    session.broadcast?.postPlay(recorder);
    this.options.onPublish(publish);
  }

  private donePublish(session: BaseSession) {
    const active = this.accepted.get(session);
    if (!active) return; // a refused publisher: NMS reports its end like any other
    this.accepted.delete(session);
    if (this.byChannel.get(active.publish.channelId) === active) this.byChannel.delete(active.publish.channelId);
    for (const [viewer, end] of active.viewers) {
      session.broadcast?.donePlay(viewer);
      end();
    }
    active.viewers.clear();
    session.broadcast?.donePlay(active.recorder);
    active.file.end(() => this.options.onUnpublish(active.publish));
  }

  /** The channel's publish now, if any. */
  publishing(channelId: string): Publish | undefined {
    return this.byChannel.get(channelId)?.publish;
  }

  /**
   * Subscribes to a channel's live FLV: the header, metadata, codec headers and the current GOP arrive at once,
   * then every tag. `end` is called when the publish ends. Returns the unsubscribe function, or undefined offline.
   */
  watch(channelId: string, sink: Sink, end: () => void): (() => void) | undefined {
    const active = this.byChannel.get(channelId);
    const broadcast = active?.session.broadcast;
    if (!active || !broadcast) return undefined;
    const viewer = new Subscriber(active.session.streamPath, sink);
    active.viewers.set(viewer, end);
    broadcast.postPlay(viewer);
    return () => {
      if (active.viewers.delete(viewer)) broadcast.donePlay(viewer);
    };
  }

  /** Cuts the channel's publisher off (staff or the seller ending the live); NMS then reports the end. */
  disconnect(channelId: string): boolean {
    const active = this.byChannel.get(channelId);
    active?.session.socket?.destroy();
    return !!active;
  }

  async stop() {
    const files = [...this.accepted.values()].map((a) => a.file);
    for (const active of this.accepted.values()) active.session.socket?.destroy();
    await this.nms.stop();
    const server = this.nms.rtmpServer.tcpServer;
    if (server?.listening) await once(server, "close").catch(() => undefined);
    await Promise.all(files.map((f) => (f.closed ? undefined : once(f, "close").catch(() => undefined))));
    this.unlisten();
  }
}
