/**
 * The media side of the fake IVS: what IVS does between the broadcaster's encoder and the viewer's player.
 * - Ingest: RTMP on `rtmp://127.0.0.1:<port>/app/<streamKey>` (IVS: `rtmps://<ingestEndpoint>:443/app/`). A publish
 *   with a channel's current stream key starts its stream (the fake's `startStream`, so the "IVS Stream State Change"
 *   event is recorded); any other key, or a second publisher on a live channel, is refused. The publisher leaving
 *   ends the stream; StopStream cuts the publisher.
 * - Playback: ffmpeg repackages the stream (codecs copied) as MPEG-TS, cut here into HLS segments at keyframes, served
 *   at the channel's `playbackUrl` (a multivariant playlist, as IVS's, then a live media playlist), with CORS open.
 *   Offline, the playback URL answers 404, as IVS's does.
 * - Timed metadata: each accepted PutMetadata goes into the segment being packaged as an ID3 TXXX frame, in a PES at
 *   the PTS of the newest video frame, on a stream of type 0x15 declared in the PMT with the metadata descriptors, so
 *   that the IVS player (amazon-ivs-player, checked in Chromium by fake-ivs-media.browser.test.ts) fires
 *   TEXT_METADATA_CUE with the text when playback reaches that frame.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeIvs, FakeIvsChannel, FakeIvsMediaLink } from "./fake-ivs";
import {
  ContinuityCounters,
  id3Priv,
  id3Txxx,
  PAT_PID,
  type Pmt,
  PTS_HZ,
  packetsOf,
  parsePat,
  parsePes,
  parsePmt,
  patSection,
  pesPackets,
  pesWithPts,
  pmtSection,
  ptsOf,
  STREAM_ID_PRIVATE_1,
  STREAM_TYPE_AAC,
  STREAM_TYPE_H264,
  sectionPacket,
  type TsPacket,
  withId3Stream,
} from "./mpegts";
import { type FlvSink, type RtmpIngest, type RtmpPublisher, startRtmpIngest } from "./rtmp-ingest";

export interface FakeIvsMediaOptions {
  /** 0 (the default) for a free port. */
  rtmpPort?: number;
  httpPort?: number;
  ffmpeg?: string;
  /** A segment is cut at the first keyframe this long after its start. */
  segmentSeconds?: number;
  /** Segments listed in the live playlist. */
  playlistLength?: number;
}

export interface FakeIvsSegment {
  sequence: number;
  /** Seconds. */
  duration: number;
  /** The PTS (90 kHz) of its first video frame. */
  firstPts: number;
  data: Buffer;
}

/** One stream of a channel, from the publish to the end of its packaging. */
export interface FakeIvsBroadcast {
  channelArn: string;
  streamId: string;
  /** Finished segments, in order. */
  segments: FakeIvsSegment[];
  /** Metadata put into the stream, with the PTS it was given. */
  cues: { metadata: string; pts: number }[];
  /** Set once ffmpeg has packaged the last of the publish. */
  ended: boolean;
}

export interface FakeIvsMedia extends FakeIvsMediaLink {
  /** `rtmp://127.0.0.1:<port>/app/`: the ingest URL a publisher appends the stream key to. */
  rtmpUrl: string;
  /** Every broadcast so far, newest last. */
  broadcasts: FakeIvsBroadcast[];
  /** ffmpeg's error output, for a test that needs to say why packaging failed. */
  packagerLog: string[];
  close(): Promise<void>;
}

const MAX_SEGMENTS_KEPT = 600;
/** The owner of the PRIV frame that opens each segment's ID3 stream. */
export const SEGMENT_PRIV_OWNER = "fake-ivs:segment";

interface Live {
  channel: FakeIvsChannel;
  broadcast: FakeIvsBroadcast;
  publisher: RtmpPublisher;
  ffmpeg: ChildProcess;
  packager: Packager;
}

export async function startFakeIvsMedia(options: FakeIvsMediaOptions = {}): Promise<FakeIvsMedia> {
  const segmentSeconds = options.segmentSeconds ?? 1;
  const playlistLength = options.playlistLength ?? 6;
  const broadcasts: FakeIvsBroadcast[] = [];
  const packagerLog: string[] = [];
  const live = new Map<string, Live>();
  let ivs: FakeIvs | undefined;

  function publish(publisher: RtmpPublisher): FlvSink | { refused: string } {
    const channel = [...(ivs?.channels.values() ?? [])].find((c) => c.streamKey?.value === publisher.streamKey);
    if (!ivs || !channel) return { refused: "not a stream key of any channel" };
    if (channel.stream || live.has(channel.arn)) return { refused: "the channel is already broadcasting" };
    let streamId: string;
    try {
      streamId = String(ivs.startStream(channel.arn, 0, publisher.streamKey).detail.stream_id);
    } catch (err) {
      return { refused: err instanceof Error ? err.message : String(err) };
    }
    const broadcast: FakeIvsBroadcast = { channelArn: channel.arn, streamId, segments: [], cues: [], ended: false };
    broadcasts.push(broadcast);
    const ffmpeg = spawn(
      options.ffmpeg ?? "ffmpeg",
      [
        // Probing the input would hold the first seconds back: the FLV sequence headers come first anyway. (Not
        // -fflags nobuffer: with it ffmpeg drops the video before the third keyframe.)
        ...["-hide_banner", "-loglevel", "error", "-analyzeduration", "0", "-probesize", "32768"],
        ...["-f", "flv", "-i", "pipe:0"],
        ...["-map", "0", "-c", "copy", "-f", "mpegts", "-flush_packets", "1", "pipe:1"],
      ],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    const packager = new Packager(broadcast, segmentSeconds);
    const entry: Live = { channel, broadcast, publisher, ffmpeg, packager };
    live.set(channel.arn, entry);
    ffmpeg.stdout?.on("data", (chunk: Buffer) => packager.push(chunk));
    ffmpeg.stderr?.on("data", (chunk: Buffer) => packagerLog.push(chunk.toString()));
    ffmpeg.stdin?.on("error", () => undefined);
    ffmpeg.on("error", (err) => packagerLog.push(`ffmpeg could not start: ${err.message}`));
    ffmpeg.on("close", () => {
      packager.finish();
      if (live.get(channel.arn) === entry) live.delete(channel.arn);
    });
    return {
      write: (chunk) => ffmpeg.stdin?.write(chunk),
      end: () => {
        ffmpeg.stdin?.end();
        if (channel.stream?.streamId === streamId) ivs?.endStream(channel.arn);
      },
    };
  }

  const rtmp: RtmpIngest = await startRtmpIngest({ port: options.rtmpPort ?? 0, publish });

  const server = createServer((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "Access-Control-Allow-Methods": "GET, HEAD", "Access-Control-Allow-Headers": "*" });
      return res.end();
    }
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const reply = serve(path);
    if (!reply) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, { "content-type": reply.type, "cache-control": reply.cache });
    res.end(req.method === "HEAD" ? undefined : reply.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.httpPort ?? 0, "127.0.0.1", () => resolve());
  });
  const playbackOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const broadcastOf = (channelId: string, streamId: string) =>
    broadcasts.find((b) => b.streamId === streamId && b.channelArn.endsWith(`/${channelId}`));

  function serve(path: string): { type: string; cache: string; body: string | Buffer } | undefined {
    const playback = /^\/api\/video\/v1\/[a-z0-9-]+\.\d+\.channel\.([a-zA-Z0-9]+)\.m3u8$/.exec(path);
    if (playback) {
      const on = [...live.values()].find((l) => l.channel.id === playback[1]);
      if (!on?.channel.stream || !on.broadcast.segments.length) return undefined;
      const codecs = on.packager.codecs();
      return {
        type: "application/vnd.apple.mpegurl",
        cache: "no-cache",
        body: [
          "#EXTM3U",
          "#EXT-X-INDEPENDENT-SEGMENTS",
          `#EXT-X-STREAM-INF:BANDWIDTH=${on.packager.bandwidth()}${codecs ? `,CODECS="${codecs}"` : ""}`,
          `/media/${on.channel.id}/${on.broadcast.streamId}/playlist.m3u8`,
          "",
        ].join("\n"),
      };
    }
    const media = /^\/media\/([a-zA-Z0-9]+)\/([a-zA-Z0-9-]+)\/(playlist\.m3u8|(\d+)\.ts)$/.exec(path);
    const broadcast = media && broadcastOf(media[1] ?? "", media[2] ?? "");
    if (!media || !broadcast) return undefined;
    if (media[4] !== undefined) {
      const segment = broadcast.segments.find((s) => s.sequence === Number(media[4]));
      return segment && { type: "video/mp2t", cache: "max-age=60", body: segment.data };
    }
    const window = broadcast.segments.slice(-playlistLength);
    const target = Math.max(1, ...window.map((s) => Math.ceil(s.duration)));
    return {
      type: "application/vnd.apple.mpegurl",
      cache: "no-cache",
      body: [
        "#EXTM3U",
        "#EXT-X-VERSION:3",
        `#EXT-X-TARGETDURATION:${target}`,
        `#EXT-X-MEDIA-SEQUENCE:${window[0]?.sequence ?? 0}`,
        ...window.flatMap((s) => [`#EXTINF:${s.duration.toFixed(3)},`, `${s.sequence}.ts`]),
        ...(broadcast.ended ? ["#EXT-X-ENDLIST"] : []),
        "",
      ].join("\n"),
    };
  }

  return {
    rtmpUrl: rtmp.url,
    ingestEndpoint: `127.0.0.1:${rtmp.port}`,
    playbackOrigin,
    broadcasts,
    packagerLog,
    attach(fake) {
      ivs = fake;
    },
    metadataAccepted(channelArn, metadata) {
      live.get(channelArn)?.packager.cue(metadata);
    },
    streamEnded(channelArn) {
      live.get(channelArn)?.publisher.cut();
    },
    async close() {
      for (const l of live.values()) {
        l.publisher.cut();
        l.ffmpeg.kill("SIGKILL");
      }
      await rtmp.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Cuts ffmpeg's MPEG-TS into segments that each start with a PAT, a PMT (declaring the ID3 stream) and a keyframe,
 * and puts timed metadata in at the newest video PTS.
 */
class Packager {
  private pending = Buffer.alloc(0);
  private readonly counters = new ContinuityCounters();
  private pmtPid?: number;
  private pmt?: Pmt;
  private id3Pid = 0;
  private videoPid?: number;
  private audioPid?: number;
  private open?: { packets: Buffer[]; firstPts: number };
  private lastVideoPts?: number;
  private frameTicks = 3000;
  private queued: string[] = [];
  private videoCodec?: string;
  private audioCodec?: string;
  private bytes = 0;
  private sequence = 0;

  constructor(
    private readonly broadcast: FakeIvsBroadcast,
    private readonly segmentSeconds: number,
  ) {}

  push(chunk: Buffer) {
    const data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const whole = data.length - (data.length % 188);
    for (const p of packetsOf(data.subarray(0, whole))) this.packet(p);
    this.pending = Buffer.from(data.subarray(whole));
  }

  private packet(p: TsPacket) {
    if (p.pid === PAT_PID) {
      if (p.unitStart && this.pmtPid === undefined) this.pmtPid = parsePat(p.payload)[0]?.pmtPid;
      return;
    }
    if (p.pid === this.pmtPid) {
      if (p.unitStart && !this.pmt) this.program(parsePmt(p.payload));
      return;
    }
    if (!this.pmt) return;
    if (p.pid === this.videoPid && p.unitStart) {
      const pts = ptsOf(p);
      if (pts !== undefined) {
        if (p.randomAccess) this.keyframe(pts, p);
        if (this.lastVideoPts !== undefined && pts > this.lastVideoPts) this.frameTicks = pts - this.lastVideoPts;
        this.lastVideoPts = pts;
      }
    }
    if (p.pid === this.audioPid && p.unitStart && !this.audioCodec) this.audioCodec = aacCodec(p);
    if (!this.open) return;
    this.open.packets.push(p.raw);
    if (p.pid === this.videoPid && p.unitStart && this.lastVideoPts !== undefined) {
      for (const text of this.queued.splice(0)) this.cue(text);
    }
  }

  private program(pmt: Pmt) {
    this.videoPid = pmt.streams.find((s) => s.streamType === STREAM_TYPE_H264)?.pid;
    this.audioPid = pmt.streams.find((s) => s.streamType === STREAM_TYPE_AAC)?.pid;
    this.id3Pid = Math.max(0x100, ...pmt.streams.map((s) => s.pid)) + 1;
    this.pmt = withId3Stream(pmt, this.id3Pid);
  }

  private keyframe(pts: number, p: TsPacket) {
    if (!this.videoCodec) this.videoCodec = avcCodec(p);
    if (this.open && pts - this.open.firstPts < this.segmentSeconds * PTS_HZ - this.frameTicks / 2) return;
    if (this.open) this.close(pts - this.open.firstPts);
    if (this.pmtPid === undefined || !this.pmt) return;
    this.open = {
      firstPts: pts,
      packets: [
        sectionPacket(PAT_PID, patSection(this.pmt.programNumber, this.pmtPid), this.counters),
        sectionPacket(this.pmtPid, pmtSection(this.pmt), this.counters),
      ],
    };
    // The IVS player waits for a sample on every stream the PMT declares before it plays: the ID3 stream gets one
    // at each segment's start, a PRIV frame (no TEXT_METADATA_CUE) with the segment's sequence number.
    const sequence = Buffer.alloc(4);
    sequence.writeUInt32BE(this.sequence);
    const marker = id3Priv(SEGMENT_PRIV_OWNER, sequence);
    this.open.packets.push(...pesPackets(this.id3Pid, pesWithPts(STREAM_ID_PRIVATE_1, pts, marker), this.counters));
  }

  private close(ticks: number) {
    if (!this.open) return;
    const data = Buffer.concat(this.open.packets);
    this.bytes += data.length;
    this.broadcast.segments.push({
      sequence: this.sequence++,
      duration: ticks / PTS_HZ,
      firstPts: this.open.firstPts,
      data,
    });
    if (this.broadcast.segments.length > MAX_SEGMENTS_KEPT) this.broadcast.segments.shift();
    this.open = undefined;
  }

  /** Timed metadata at the PTS of the newest video frame packaged (held until the first keyframe). */
  cue(text: string) {
    if (!this.open || this.lastVideoPts === undefined) {
      this.queued.push(text);
      return;
    }
    const pts = this.lastVideoPts;
    this.open.packets.push(
      ...pesPackets(this.id3Pid, pesWithPts(STREAM_ID_PRIVATE_1, pts, id3Txxx(text)), this.counters),
    );
    this.broadcast.cues.push({ metadata: text, pts });
  }

  finish() {
    if (this.open && this.lastVideoPts !== undefined) {
      this.close(this.lastVideoPts + this.frameTicks - this.open.firstPts);
    }
    this.broadcast.ended = true;
  }

  codecs(): string {
    return [this.videoCodec, this.audioCodec].filter(Boolean).join(",");
  }

  /** Peak bits per second of the segments so far, for the multivariant playlist. */
  bandwidth(): number {
    const peak = Math.max(0, ...this.broadcast.segments.map((s) => (s.data.length * 8) / Math.max(s.duration, 0.1)));
    return Math.max(100_000, Math.round(peak));
  }
}

/** `avc1.PPCCLL` from the SPS in a keyframe's first packet. */
function avcCodec(p: TsPacket): string | undefined {
  const es = parsePes(p.payload).payload;
  for (let at = 0; at + 7 < es.length; at++) {
    if (es[at] === 0 && es[at + 1] === 0 && es[at + 2] === 1 && ((es[at + 3] ?? 0) & 0x1f) === 7) {
      return `avc1.${es.subarray(at + 4, at + 7).toString("hex")}`;
    }
  }
  return undefined;
}

/** `mp4a.40.<object type>` from the ADTS header of an audio PES. */
function aacCodec(p: TsPacket): string | undefined {
  const es = parsePes(p.payload).payload;
  if (es[0] !== 0xff || ((es[1] ?? 0) & 0xf0) !== 0xf0) return undefined;
  return `mp4a.40.${((es[2] ?? 0) >> 6) + 1}`;
}

/**
 * A finished broadcast as IVS's recording writes it under the recording's S3 prefix: `media/hls/master.m3u8`, a
 * rendition's VOD playlist and its segments (keys relative to the prefix).
 */
export function recordingFiles(broadcast: FakeIvsBroadcast): { key: string; type: string; body: string | Buffer }[] {
  const segments = broadcast.segments;
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.duration)));
  const bandwidth = Math.max(1, ...segments.map((s) => Math.round((s.data.length * 8) / Math.max(s.duration, 0.1))));
  const hls = "application/x-mpegURL";
  return [
    {
      key: "media/hls/master.m3u8",
      type: hls,
      body: ["#EXTM3U", `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth}`, "source/playlist.m3u8", ""].join("\n"),
    },
    {
      key: "media/hls/source/playlist.m3u8",
      type: hls,
      body: [
        "#EXTM3U",
        "#EXT-X-VERSION:3",
        `#EXT-X-TARGETDURATION:${target}`,
        "#EXT-X-PLAYLIST-TYPE:VOD",
        `#EXT-X-MEDIA-SEQUENCE:${segments[0]?.sequence ?? 0}`,
        ...segments.flatMap((s) => [`#EXTINF:${s.duration.toFixed(3)},`, `${s.sequence}.ts`]),
        "#EXT-X-ENDLIST",
        "",
      ].join("\n"),
    },
    ...segments.map((s) => ({ key: `media/hls/source/${s.sequence}.ts`, type: "video/MP2T", body: s.data })),
  ];
}
