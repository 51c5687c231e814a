import { once } from "node:events";
import { stat, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { sameSecret } from "@cho-ocop/core/account/secret";
import { ChannelEntity } from "@cho-ocop/core/live/entities";
import { Live } from "@cho-ocop/core/live/index";
import {
  type Channel,
  METADATA_MAX_BYTES,
  METADATA_PER_SECOND,
  MetadataError,
  type VideoProvider,
} from "@cho-ocop/core/live/provider";
import { cueBytes } from "@cho-ocop/core/live/wire";
import { Children } from "../../local/live/children";
import type { LiveHub } from "../../local/live/hub";
import { type Publish, RTMP_APP, type RtmpIngest } from "../../local/live/rtmp";
import { channelOfKey, newChannel, newStreamKey } from "../../local/live/stream-key";

/** After staff or the seller end a live, its channel refuses publishes this long (OBS reconnects on its own). */
export const STOPPED_REFUSAL_MS = 30_000;

export type StreamListener = (channelId: string, state: "start" | "end", sessionId: string | null) => void;

/**
 * Live video on this machine: node-media-server takes RTMP (OBS, Larix, or the broadcast page through ffmpeg),
 * our server plays it at `/live-media/<channelId>.flv`, timed metadata goes to viewers over the hub's WebSocket,
 * and each live is recorded for its replay. Same limits and same stream events as Amazon IVS.
 */
export class LocalVideoProvider implements VideoProvider {
  readonly name = "local" as const;
  private ingest?: RtmpIngest;
  private readonly keys = new Map<string, string>();
  private readonly cueTimes = new Map<string, number[]>();
  private readonly stoppedUntil = new Map<string, number>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly sessions = new WeakMap<Publish, string | null>();
  private readonly listeners = new Set<StreamListener>();
  private readonly liveSession = new Map<string, string>();

  constructor(
    private readonly options: {
      hub: LiveHub;
      /** Host in the RTMP URL given to sellers (this machine's address on the network). */
      host: string;
      recordings: string;
      children: Children;
      ffmpeg: string;
      /** How long a live whose stream dropped waits for a reconnect before it ends (Live.RECONNECT_GRACE_SECONDS). */
      reconnectGraceMs?: number;
    },
  ) {}

  private readonly graceTimers = new Set<NodeJS.Timeout>();

  private get graceMs() {
    return this.options.reconnectGraceMs ?? Live.RECONNECT_GRACE_SECONDS * 1000;
  }

  /** Ends the lives whose stream has stayed gone past the grace, and tells their viewers. */
  async endOffline() {
    for (const sessionId of await Live.endOffline(this.graceMs / 1000)) {
      console.log(`[live] session ${sessionId} ended: the stream did not come back within ${this.graceMs / 1000} s`);
      this.options.hub.ended(sessionId);
    }
  }

  private endLater() {
    const timer = setTimeout(() => {
      this.graceTimers.delete(timer);
      this.inOrder("grace", () => this.endOffline());
    }, this.graceMs + 50);
    this.graceTimers.add(timer);
  }

  /** Clears the pending grace timers (stopping). */
  stopTimers() {
    for (const timer of this.graceTimers) clearTimeout(timer);
    this.graceTimers.clear();
  }

  /** The RTMP ingest this provider serves (set once it listens: its port is part of the ingest URL). */
  use(ingest: RtmpIngest) {
    this.ingest = ingest;
  }

  get rtmpUrl() {
    return `rtmp://${this.options.host}:${this.ingest?.port ?? 1935}/${RTMP_APP}`;
  }

  onStream(listener: StreamListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async createChannel(): Promise<Channel> {
    const { channelId, streamKey } = newChannel();
    this.keys.set(channelId, streamKey);
    return {
      channelId,
      provider: "local",
      ingestUrl: this.rtmpUrl,
      streamKey,
      playbackUrl: `/live-media/${channelId}.flv`,
    };
  }

  /** The key check before a publish: the channel id is in the key, the key is compared with the channel's. */
  async authorize(streamKey: string): Promise<{ channelId: string } | { refused: string }> {
    const channelId = channelOfKey(streamKey);
    if (!channelId) return { refused: "not a stream key of this server" };
    let known = this.keys.get(channelId);
    if (!known) {
      const { data } = await ChannelEntity.query.byChannel({ channelId }).go();
      known = data[0]?.provider === "local" ? data[0].streamKey : undefined;
      if (known) this.keys.set(channelId, known);
    }
    return known && sameSecret(known, streamKey) ? { channelId } : { refused: "wrong stream key" };
  }

  refuseNow(streamKey: string): string | undefined {
    const channelId = channelOfKey(streamKey);
    const until = channelId ? this.stoppedUntil.get(channelId) : undefined;
    if (until && until > Date.now()) return "the live was ended on this channel a moment ago";
    return undefined;
  }

  /** Stream events for one channel run one after another, as EventBridge would deliver start before end. */
  private inOrder(channelId: string, work: () => Promise<void>) {
    const next = (this.chains.get(channelId) ?? Promise.resolve())
      .then(work)
      .catch((err) => console.error("[live] stream event", err));
    this.chains.set(channelId, next);
    void next.finally(() => this.chains.get(channelId) === next && this.chains.delete(channelId));
  }

  private tell(channelId: string, state: "start" | "end", sessionId: string | null) {
    this.options.hub.stream(channelId, state, sessionId);
    for (const listener of this.listeners) listener(channelId, state, sessionId);
  }

  onPublish(publish: Publish) {
    this.inOrder(publish.channelId, async () => {
      const sessionId = await Live.onStreamEvent({
        channelId: publish.channelId,
        type: "start",
        at: new Date(publish.startedAt),
      });
      this.sessions.set(publish, sessionId);
      if (sessionId) this.liveSession.set(publish.channelId, sessionId);
      console.log(
        `[live] stream started on channel ${publish.channelId}${sessionId ? `: session ${sessionId} is live` : " (no session scheduled)"}`,
      );
      this.tell(publish.channelId, "start", sessionId);
    });
  }

  onUnpublish(publish: Publish) {
    this.inOrder(publish.channelId, async () => {
      const sessionId = this.sessions.get(publish) ?? null;
      await Live.onStreamEvent({ channelId: publish.channelId, type: "end" });
      this.liveSession.delete(publish.channelId);
      console.log(
        `[live] stream ended on channel ${publish.channelId}${sessionId ? ` (the session ends unless it is back within ${this.graceMs / 1000} s)` : ""}`,
      );
      this.tell(publish.channelId, "end", sessionId);
      if (sessionId) this.endLater();
      const url = await this.keepRecording(publish, !!sessionId);
      if (url) await Live.onRecording({ channelId: publish.channelId, url, startedAt: new Date(publish.startedAt) });
    });
  }

  /**
   * The recording of a publish that carried a session, remuxed to MP4 (browsers play and seek it natively);
   * kept as FLV if the remux fails. A publish that put no session live, or had no frames, leaves no file.
   */
  private async keepRecording(publish: Publish, forSession: boolean): Promise<string | undefined> {
    const flv = publish.recording;
    if (!forSession || publish.lastTs === null) {
      await unlink(flv).catch(() => undefined);
      return undefined;
    }
    const mp4 = flv.replace(/\.flv$/, ".mp4");
    const child = this.options.children.spawn(this.options.ffmpeg, [
      ...["-hide_banner", "-loglevel", "error", "-y", "-i", flv],
      ...["-c", "copy", "-movflags", "+faststart", mp4],
    ]);
    const [code] = await Promise.race([once(child, "exit"), once(child, "error").then(() => [-1])]);
    const made = code === 0 && (await stat(mp4).catch(() => undefined))?.size;
    if (made) {
      await unlink(flv).catch(() => undefined);
      return `/recordings/${basename(mp4)}`;
    }
    console.warn(`[live] recording kept as FLV (remux failed: ${Children.stderrOf(child) || `exit ${code}`})`);
    await unlink(mp4).catch(() => undefined);
    return `/recordings/${basename(flv)}`;
  }

  recordingPath(channelId: string, startedAt: number) {
    return join(this.options.recordings, `${channelId}-${startedAt}.flv`);
  }

  /** Same limits as IVS PutMetadata: at most 1 KB, at most 5 per second per channel. */
  async putMetadata(channel: Channel, payload: string): Promise<void> {
    if (cueBytes(payload) > METADATA_MAX_BYTES) throw new MetadataError("too_large");
    const now = Date.now();
    const recent = (this.cueTimes.get(channel.channelId) ?? []).filter((t) => t > now - 1000);
    if (recent.length >= METADATA_PER_SECOND) throw new MetadataError("throttled");
    recent.push(now);
    this.cueTimes.set(channel.channelId, recent);
    this.options.hub.cue(channel.channelId, payload, this.ingest?.publishing(channel.channelId)?.lastTs ?? null);
  }

  async stopStream(channel: Channel): Promise<void> {
    this.stoppedUntil.set(channel.channelId, Date.now() + STOPPED_REFUSAL_MS);
    this.ingest?.disconnect(channel.channelId);
    this.options.hub.endedOnChannel(channel.channelId);
  }

  /**
   * The new key is the one `authorize` knows from now on (so a publish with the old one is refused), and the
   * publish on air, which came in with the old key, is cut off; the live waits for the seller's reconnect as for
   * any dropped stream.
   */
  async rotateStreamKey(channel: Channel): Promise<string> {
    const streamKey = newStreamKey(channel.channelId);
    this.keys.set(channel.channelId, streamKey);
    this.ingest?.disconnect(channel.channelId);
    return streamKey;
  }

  async viewerCount(channel: Channel): Promise<number | null> {
    const sessionId = this.liveSession.get(channel.channelId);
    return sessionId ? this.options.hub.viewers(sessionId) : 0;
  }

  /** Resolves once every stream event received so far has been handled (for stopping, and for tests). */
  async settled() {
    while (this.chains.size) await Promise.all(this.chains.values());
  }
}
