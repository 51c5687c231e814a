import { randomBytes } from "node:crypto";
import { ChannelEntity, SessionEntity } from "@cho-ocop/core/live/entities";
import { Live } from "@cho-ocop/core/live/index";
import { afterEach, describe, expect, it, vi } from "vitest";
import { endOfflineLives } from "./jobs";
import { handler } from "./live-events";

const ACCOUNT = "123456789012";
const REGION = "ap-northeast-1";
const BUCKET = "cho-ocop-test-recordings-123456789012";
/** An id in the shape of ours (26 lowercase characters) or, with 12, of an IVS channel id. */
const id = (length = 26) => randomBytes(length).toString("hex").slice(0, length);

/** A producer's IVS channel (as IvsVideoProvider stores it) and a session scheduled on it. */
async function scheduled() {
  const producerId = id();
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
    startAt: new Date().toISOString(),
    productIds: [id()],
    status: "scheduled",
    createdAt: new Date().toISOString(),
  }).go();
  return { arn, channelId, sessionId };
}

const session = async (sessionId: string) => (await SessionEntity.get({ sessionId }).go({ consistent: true })).data;

// The events as IVS sends them (IVS User Guide, "Using Amazon EventBridge with IVS Low-Latency Streaming").
const streamEvent = (arn: string, eventName: string, time: string) => ({
  version: "0",
  id: crypto.randomUUID(),
  "detail-type": "IVS Stream State Change",
  source: "aws.ivs",
  account: ACCOUNT,
  time,
  region: REGION,
  resources: [arn],
  detail: { event_name: eventName, channel_name: "cho-ocop-test-producer", stream_id: "st-1A2b3c4D5e6F78ghij9Klmn" },
});
const recordingEnd = (arn: string, prefix: string) => ({
  version: "0",
  id: crypto.randomUUID(),
  "detail-type": "IVS Recording State Change",
  source: "aws.ivs",
  account: ACCOUNT,
  time: "2026-03-14T13:51:32Z",
  region: REGION,
  resources: [arn],
  detail: {
    channel_name: "cho-ocop-test-producer",
    stream_id: "st-1A2b3c4D5e6F78ghij9Klmn",
    recording_status: "Recording End",
    recording_status_reason: "",
    recording_s3_bucket_name: BUCKET,
    recording_s3_key_prefix: prefix,
    recording_duration_ms: 99370264,
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
    const { arn, channelId, sessionId } = await scheduled();

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
});
