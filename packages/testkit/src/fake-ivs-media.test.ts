import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { CreateChannelCommand, IvsClient, PutMetadataCommand, StopStreamCommand } from "@aws-sdk/client-ivs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeIvs, startFakeIvs } from "./fake-ivs";
import { type FakeIvsMedia, SEGMENT_PRIV_OWNER, startFakeIvsMedia } from "./fake-ivs-media";
import { demux, PTS_HZ, parseId3, STREAM_TYPE_AAC, STREAM_TYPE_H264, STREAM_TYPE_ID3 } from "./mpegts";

let media: FakeIvsMedia;
let fake: FakeIvs;
let ivs: IvsClient;
const publishers = new Set<ChildProcess>();

beforeAll(async () => {
  media = await startFakeIvsMedia();
  fake = await startFakeIvs({ media });
  ivs = new IvsClient({ endpoint: fake.url, region: fake.region, credentials: fake.credentials, maxAttempts: 1 });
});
afterEach(() => {
  for (const p of publishers) p.kill("SIGKILL");
});
afterAll(async () => {
  ivs?.destroy();
  await media?.close();
  await fake?.close();
});

/** An encoder sending a live test pattern (video and audio) to the ingest, as OBS would. */
function publish(url: string) {
  const child = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30"],
      ...["-f", "lavfi", "-i", "sine", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency"],
      ...["-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", url],
    ],
    { stdio: "ignore" },
  );
  publishers.add(child);
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited };
}

/** Waits for a condition of the running system (the encoder and packager run in real time). */
async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function channel() {
  const out = await ivs.send(new CreateChannelCommand({ name: "shop", latencyMode: "LOW" }));
  const arn = out.channel?.arn ?? "";
  return {
    arn,
    ingest: `rtmp://${out.channel?.ingestEndpoint}/app/${out.streamKey?.value}`,
    key: out.streamKey?.value ?? "",
    playbackUrl: out.channel?.playbackUrl ?? "",
  };
}

const starts = (arn: string) =>
  fake.events.filter((e) => e.resources.includes(arn) && e.detail.event_name === "Stream Start");
const ends = (arn: string) =>
  fake.events.filter((e) => e.resources.includes(arn) && e.detail.event_name === "Stream End");

/** The media playlist the playback URL's multivariant playlist points at, and its segments' URLs. */
async function mediaPlaylist(playbackUrl: string) {
  const top = await fetch(playbackUrl);
  if (!top.ok) return undefined;
  const variant = (await top.text()).split("\n").find((l) => l && !l.startsWith("#")) ?? "";
  const url = new URL(variant, playbackUrl);
  const text = await (await fetch(url)).text();
  const segments = text
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => new URL(l, url).toString());
  return { text, segments, url };
}

async function segment(url: string) {
  const res = await fetch(url);
  return { res, data: Buffer.from(await res.arrayBuffer()) };
}

describe("fake IVS media: RTMP ingest, HLS playback, timed metadata", { timeout: 60_000 }, () => {
  it("starts the stream on a publish with the channel's key and serves its HLS at the playback URL", async () => {
    const ch = await channel();
    expect(ch.playbackUrl).toMatch(
      new RegExp(`^${media.playbackOrigin}/api/video/v1/${fake.region}\\.${fake.account}\\.channel\\.\\w+\\.m3u8$`),
    );
    expect((await fetch(ch.playbackUrl)).status).toBe(404);

    const encoder = publish(ch.ingest);
    await until("the stream start event", () => starts(ch.arn)[0]);
    expect(starts(ch.arn)[0]).toMatchObject({
      "detail-type": "IVS Stream State Change",
      detail: {
        event_name: "Stream Start",
        channel_name: "shop",
        stream_id: fake.channels.get(ch.arn)?.stream?.streamId,
      },
    });

    const top = await until("the playback URL to answer", async () => {
      const res = await fetch(ch.playbackUrl);
      return res.ok ? res : undefined;
    });
    expect(top.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(top.headers.get("access-control-allow-origin")).toBe("*");
    expect(await top.text()).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);

    const playlist = await until("three segments", async () => {
      const p = await mediaPlaylist(ch.playbackUrl);
      return p && p.segments.length >= 3 ? p : undefined;
    });
    expect(playlist.text).toMatch(
      /^#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:(\d+)\n#EXT-X-MEDIA-SEQUENCE:\d+\n/,
    );
    const target = Number(/#EXT-X-TARGETDURATION:(\d+)/.exec(playlist.text)?.[1]);
    const durations = [...playlist.text.matchAll(/#EXTINF:([\d.]+),/g)].map((m) => Number(m[1]));
    expect(durations.every((d) => d > 0 && Math.round(d) <= target)).toBe(true);
    expect(playlist.text).not.toContain("#EXT-X-ENDLIST");

    const [first, second] = await Promise.all(playlist.segments.slice(0, 2).map(segment));
    expect(first?.res.headers.get("content-type")).toBe("video/mp2t");
    expect(first?.res.headers.get("access-control-allow-origin")).toBe("*");
    const read = demux(first?.data ?? Buffer.alloc(0));
    expect(read.pmt?.streams.map((s) => s.streamType)).toEqual([STREAM_TYPE_H264, STREAM_TYPE_AAC, STREAM_TYPE_ID3]);
    const videoPid = read.pmt?.streams[0]?.pid ?? -1;
    const firstVideoPts = read.pes.get(videoPid)?.[0]?.pts;
    expect(firstVideoPts).toBeDefined();
    // The ID3 stream has a sample in every segment (the IVS player waits for one before playing): a PRIV frame.
    const [opening] = read.pes.get(read.pmt?.streams[2]?.pid ?? -1) ?? [];
    expect(opening?.pts).toBe(firstVideoPts);
    expect(parseId3(opening?.payload ?? Buffer.alloc(0))).toEqual([
      { id: "PRIV", description: SEGMENT_PRIV_OWNER, value: expect.stringMatching(/^[0-9a-f]{8}$/) },
    ]);
    // A player reading segment after segment sees every PID's packets in sequence.
    expect(
      demux(Buffer.concat([first?.data ?? Buffer.alloc(0), second?.data ?? Buffer.alloc(0)])).discontinuities,
    ).toEqual([]);

    encoder.child.kill("SIGINT");
    await until("the stream end event", () => ends(ch.arn)[0]);
    expect(fake.channels.get(ch.arn)?.stream).toBeUndefined();
    expect((await fetch(ch.playbackUrl)).status).toBe(404);
    const last = await until("the last segment packaged", () =>
      media.broadcasts.find((b) => b.channelArn === ch.arn && b.ended),
    );
    const endPlaylist = await (await fetch(new URL(playlist.url))).text();
    expect(last.segments.length).toBeGreaterThanOrEqual(3);
    expect(endPlaylist).toContain("#EXT-X-ENDLIST");
  });

  it("refuses a publish with a key that is not the channel's, and a second publisher on a live channel", async () => {
    const ch = await channel();
    const wrong = publish(`${media.rtmpUrl}sk_${fake.region}_notTheKey`);
    expect(await wrong.exited).not.toBe(0);
    expect(starts(ch.arn)).toEqual([]);

    publish(ch.ingest);
    await until("the stream start event", () => starts(ch.arn)[0]);
    const second = publish(ch.ingest);
    expect(await second.exited).not.toBe(0);
    expect(starts(ch.arn)).toHaveLength(1);
    expect(fake.channels.get(ch.arn)?.stream).toBeDefined();
  });

  it("puts each PutMetadata in a later segment as an ID3 TXXX frame at the PTS of the video then packaged", async () => {
    const ch = await channel();
    publish(ch.ingest);
    await until("a first segment", async () => ((await mediaPlaylist(ch.playbackUrl))?.segments.length ?? 0) > 0);
    const text = JSON.stringify({ type: "pin", productId: "01JPIN", title: "Mật ong rừng U Minh" });
    await ivs.send(new PutMetadataCommand({ channelArn: ch.arn, metadata: text }));

    const found = await until("a segment carrying the metadata", async () => {
      const playlist = await mediaPlaylist(ch.playbackUrl);
      for (const url of playlist?.segments ?? []) {
        const { data } = await segment(url);
        const read = demux(data);
        const id3 = read.pmt?.streams.find((s) => s.streamType === STREAM_TYPE_ID3);
        const cue = read.pes.get(id3?.pid ?? -1)?.find((p) => parseId3(p.payload)[0]?.id === "TXXX");
        if (cue) return { read, cue, url };
      }
      return undefined;
    });
    expect(found.cue.streamId).toBe(0xbd);
    expect(parseId3(found.cue.payload)).toEqual([{ id: "TXXX", description: "", value: text }]);
    const broadcast = media.broadcasts.find((b) => b.channelArn === ch.arn);
    const sequence = Number(/(\d+)\.ts$/.exec(found.url)?.[1]);
    const packaged = broadcast?.segments.find((s) => s.sequence === sequence);
    const videoPid = found.read.pmt?.streams.find((s) => s.streamType === STREAM_TYPE_H264)?.pid ?? -1;
    const videoPts = (found.read.pes.get(videoPid) ?? []).map((p) => p.pts);
    expect(videoPts).toContain(found.cue.pts);
    expect(found.cue.pts).toBeGreaterThanOrEqual(packaged?.firstPts ?? Number.POSITIVE_INFINITY);
    expect(found.cue.pts).toBeLessThan((packaged?.firstPts ?? 0) + (packaged?.duration ?? 0) * PTS_HZ);
    expect(found.read.discontinuities).toEqual([]);
  });

  it("cuts the publisher on StopStream and ends the stream", async () => {
    const ch = await channel();
    const encoder = publish(ch.ingest);
    await until("the stream start event", () => starts(ch.arn)[0]);
    await ivs.send(new StopStreamCommand({ channelArn: ch.arn }));
    expect(await encoder.exited).not.toBe(0);
    expect(ends(ch.arn)).toHaveLength(1);
    expect(fake.channels.get(ch.arn)?.stream).toBeUndefined();
  });
});
