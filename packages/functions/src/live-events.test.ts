import { randomBytes } from "node:crypto";
import { IvsClient } from "@aws-sdk/client-ivs";
import type { Actor } from "@cho-ocop/core/account/actor";
import { ChannelEntity, SessionEntity } from "@cho-ocop/core/live/entities";
import { Live } from "@cho-ocop/core/live/index";
import { hasVideoProvider, useVideoProvider, videoProvider } from "@cho-ocop/core/live/provider";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startFakeIvs } from "../../testkit/src/fake-ivs";
import { verifiedSellerOf } from "../test/api";
import { IvsVideoProvider } from "./adapters/live/ivs-video";
import { endOfflineLives } from "./jobs";
import { handler } from "./live-events";

const ACCOUNT = "123456789012";
const REGION = "ap-northeast-1";
const BUCKET = "cho-ocop-test-recordings-123456789012";
/** An id in the shape of ours (26 lowercase characters) or, with 12, of an IVS channel id. */
const id = (length = 26) => randomBytes(length).toString("hex").slice(0, length);

/** A producer's IVS channel (as IvsVideoProvider stores it) and a session scheduled on it. */
async function scheduled(startAt = new Date().toISOString()) {
  const producerId = id();
  await verifiedSellerOf(producerId);
  const channelId = id(12);
  const arn = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/${channelId}`;
  await ChannelEntity.create({
    producerId,
    channelId,
    provider: "ivs",
    arn,
    ingestUrl: "rtmps://0123456789ab.global-contribute.live-video.net:443/app/",
    streamKey: `sk_${REGION}_secret`,
    playbackUrl: `https://0123456789ab.${REGION}.playback.live-video.net/api/video/v1/x.m3u8`,
    createdAt: new Date().toISOString(),
  }).go();
  const sessionId = id();
  await SessionEntity.create({
    sessionId,
    producerId,
    producerName: "HTX Mật Ong Bạc Hà",
    channelId,
    title: "Mật ong bạc hà Mèo Vạc, chốt đơn trong live",
    startAt,
    productIds: [id()],
    status: "scheduled",
    createdAt: new Date().toISOString(),
  }).go();
  return { arn, channelId, sessionId };
}

const session = async (sessionId: string) => (await SessionEntity.get({ sessionId }).go({ consistent: true })).data;

// The events as IVS sends them (IVS User Guide, "Using Amazon EventBridge with IVS Low-Latency Streaming").
const streamEvent = (arn: string, eventName: string, time: string, streamId = "st-1A2b3c4D5e6F78ghij9Klmn") => ({
  version: "0",
  id: crypto.randomUUID(),
  "detail-type": "IVS Stream State Change",
  source: "aws.ivs",
  account: ACCOUNT,
  time,
  region: REGION,
  resources: [arn],
  detail: { event_name: eventName, channel_name: "cho-ocop-test-producer", stream_id: streamId },
});
const recordingEnd = (
  arn: string,
  prefix: string,
  { time = "2026-03-14T13:51:32Z", streamId = "st-1A2b3c4D5e6F78ghij9Klmn", durationMs = 99370264 } = {},
) => ({
  version: "0",
  id: crypto.randomUUID(),
  "detail-type": "IVS Recording State Change",
  source: "aws.ivs",
  account: ACCOUNT,
  time,
  region: REGION,
  resources: [arn],
  detail: {
    channel_name: "cho-ocop-test-producer",
    stream_id: streamId,
    recording_status: "Recording End",
    recording_status_reason: "",
    recording_s3_bucket_name: BUCKET,
    recording_s3_key_prefix: prefix,
    recording_duration_ms: durationMs,
    recording_session_id: "a6RfV23ES97iyfoQ",
  },
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the live-events Lambda (EventBridge → IVS events → live sessions)", () => {
  it("puts the scheduled session on air at Stream Start, ends it at Stream End and keeps its recording", async () => {
    vi.stubEnv("RECORDINGS_BUCKET", BUCKET);
    const { arn, channelId, sessionId } = await scheduled("2026-03-14T12:00:00.000Z");

    const started = await handler(streamEvent(arn, "Stream Start", "2026-03-14T12:03:43Z"));
    expect(started).toMatchObject({ kind: "stream", type: "start", channelId, sessionId });
    expect(await session(sessionId)).toMatchObject({ status: "live", startedAt: "2026-03-14T12:03:43.000Z" });

    await handler(streamEvent(arn, "Stream End", "2026-03-14T13:51:30Z"));
    // The seller may reconnect: the session waits out the grace, then the 1-minute job ends it as of the drop.
    expect(await session(sessionId)).toMatchObject({ status: "live", offlineSince: "2026-03-14T13:51:30.000Z" });
    expect(await Live.endOffline(60, new Date("2026-03-14T13:52:00Z"))).not.toContain(sessionId);
    expect(await endOfflineLives()).toMatchObject({ ended: expect.arrayContaining([sessionId]) });
    expect(await session(sessionId)).toMatchObject({
      status: "ended",
      endedAt: "2026-03-14T13:51:30.000Z",
      endedBy: "stream",
    });

    const prefix = `ivs/v1/${ACCOUNT}/${channelId}/2026/3/14/12/3/j8Z9O91ndcVs`;
    const recorded = await handler(recordingEnd(arn, prefix));
    expect(recorded).toMatchObject({ kind: "recording", sessionId });
    expect((await session(sessionId))?.recordingUrl).toBe(`/recordings/${prefix}/media/hls/master.m3u8`);
  });

  it("changes nothing, and does not throw, for a malformed event or one from another bucket", async () => {
    vi.stubEnv("RECORDINGS_BUCKET", BUCKET);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { arn, channelId, sessionId } = await scheduled();
    const before = await session(sessionId);

    for (const bad of [
      {},
      { ...streamEvent(arn, "Stream Start", "2026-03-14T12:03:43Z"), resources: ["arn:aws:s3:::not-a-channel"] },
      { ...streamEvent(arn, "Stream Start", "2026-03-14T12:03:43Z"), detail: {} },
      {
        ...recordingEnd(arn, `ivs/v1/${ACCOUNT}/${channelId}/2026/3/14/12/3/x`),
        detail: { ...recordingEnd(arn, "").detail, recording_s3_bucket_name: "someone-elses-bucket" },
      },
    ]) {
      await expect(handler(bad)).resolves.toMatchObject({ kind: "ignored" });
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(await session(sessionId)).toEqual(before);
  });

  it("does nothing for a channel this stage does not know (another stage's channel in the same account)", async () => {
    const unknown = `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/${id(12)}`;
    await expect(handler(streamEvent(unknown, "Stream Start", "2026-03-14T12:03:43Z"))).resolves.toMatchObject({
      kind: "stream",
      sessionId: null,
    });
  });

  it("puts on air only a session scheduled within 2 h of the stream's start, else an unscheduled live of the producer", async () => {
    const now = Date.now();
    const { arn, sessionId } = await scheduled(new Date(now + 86_400_000).toISOString());
    const at = new Date(now).toISOString();

    const started = await handler(streamEvent(arn, "Stream Start", at, "st-unscheduled"));
    expect(started).toMatchObject({ kind: "stream", type: "start" });
    const liveId = (started as { sessionId: string }).sessionId;
    expect(liveId).not.toBe(sessionId);
    expect(await session(sessionId)).toMatchObject({ status: "scheduled" });
    const live = await session(liveId);
    expect(live).toMatchObject({ status: "live", startedAt: at, productIds: [] });
    expect(live?.producerId).toBe((await session(sessionId))?.producerId);
    // A reconnect of the same stream goes on with that live, not the one scheduled tomorrow.
    expect(await handler(streamEvent(arn, "Stream Start", at, "st-again"))).toMatchObject({ sessionId: liveId });

    const near = await scheduled(new Date(now + 90 * 60_000).toISOString());
    expect(await handler(streamEvent(near.arn, "Stream Start", at))).toMatchObject({ sessionId: near.sessionId });
    expect(await session(near.sessionId)).toMatchObject({ status: "live" });
  });

  it("attaches a recording to the session its stream carried, never to a later one", async () => {
    vi.stubEnv("RECORDINGS_BUCKET", BUCKET);
    const first = await scheduled("2026-03-14T12:00:00.000Z");
    const channel = (await ChannelEntity.query.byChannel({ channelId: first.channelId }).go()).data[0];
    const laterId = id();
    await SessionEntity.create({
      sessionId: laterId,
      producerId: channel?.producerId ?? "",
      producerName: "HTX Mật Ong Bạc Hà",
      channelId: first.channelId,
      title: "Buổi sau",
      startAt: "2026-03-14T14:00:00.000Z",
      productIds: [id()],
      status: "scheduled",
      createdAt: new Date().toISOString(),
    }).go();
    await handler(streamEvent(first.arn, "Stream Start", "2026-03-14T12:00:10Z", "st-first"));
    await Live.end({ kind: "system" } as never, first.sessionId).catch(() => undefined);
    await handler(streamEvent(first.arn, "Stream End", "2026-03-14T13:00:00Z", "st-first"));
    await Live.endOffline(60, new Date("2026-03-14T13:05:00Z"));
    expect(await session(first.sessionId)).toMatchObject({ status: "ended" });
    await handler(streamEvent(first.arn, "Stream Start", "2026-03-14T14:01:00Z", "st-later"));
    expect(await session(laterId)).toMatchObject({ status: "live" });

    // The first stream's recording is ready only now, while the later session is on air.
    const prefix = `ivs/v1/${ACCOUNT}/${first.channelId}/2026/3/14/12/0/firstRec01`;
    const byStream = await handler(
      recordingEnd(first.arn, prefix, { time: "2026-03-14T14:02:00Z", streamId: "st-first", durationMs: 3_590_000 }),
    );
    expect(byStream).toMatchObject({ kind: "recording", sessionId: first.sessionId });
    expect((await session(first.sessionId))?.recordingUrl).toBe(`/recordings/${prefix}/media/hls/master.m3u8`);
    expect((await session(laterId))?.recordingUrl).toBeUndefined();

    // An unknown stream id: the recording goes to the session on air when it began (12:00), not the later one.
    const other = `ivs/v1/${ACCOUNT}/${first.channelId}/2026/3/14/12/0/firstRec02`;
    await expect(
      handler(
        recordingEnd(first.arn, other, { time: "2026-03-14T14:03:00Z", streamId: "st-unknown", durationMs: 7_370_000 }),
      ),
    ).resolves.toMatchObject({ sessionId: first.sessionId });
    expect((await session(laterId))?.recordingUrl).toBeUndefined();
  });

  it("ending a live on IVS stops its stream and rotates the key, so OBS reconnecting with the old one is refused", async () => {
    const fake = await startFakeIvs({ region: REGION, account: ACCOUNT });
    const client = new IvsClient({ endpoint: fake.url, region: REGION, credentials: fake.credentials, maxAttempts: 1 });
    const before = hasVideoProvider() ? videoProvider() : undefined;
    const ivs = new IvsVideoProvider({ region: REGION, stage: "test", client });
    useVideoProvider(ivs);
    try {
      const producerId = id();
      await verifiedSellerOf(producerId);
      const channel = await ivs.createChannel({ producerId, name: "HTX" });
      await ChannelEntity.create({ ...channel, producerId, createdAt: new Date().toISOString() }).go();
      const sessionId = id();
      await SessionEntity.create({
        sessionId,
        producerId,
        producerName: "HTX Mật Ong Bạc Hà",
        channelId: channel.channelId,
        title: "Mật ong bạc hà",
        startAt: new Date().toISOString(),
        productIds: [id()],
        status: "scheduled",
        createdAt: new Date().toISOString(),
      }).go();
      const arn = channel.arn ?? "";
      await handler(fake.startStream(arn, 0, channel.streamKey));
      expect(await session(sessionId)).toMatchObject({ status: "live" });

      const seller = { kind: "user", user: { userId: id(), role: "seller", producerId, name: "Chị Hoa" } } as Actor;
      await Live.end(seller, sessionId);
      expect(await session(sessionId)).toMatchObject({ status: "ended" });
      expect(fake.channels.get(arn)?.stream).toBeUndefined();
      const stored = (await ChannelEntity.get({ producerId }).go()).data;
      expect(stored?.streamKey).toBe(fake.channels.get(arn)?.streamKey?.value);
      expect(stored?.streamKey).not.toBe(channel.streamKey);
      expect(() => fake.startStream(arn, 0, channel.streamKey)).toThrow(/not its stream key/);
    } finally {
      if (before) useVideoProvider(before);
      client.destroy();
      await fake.close();
    }
  });
});
