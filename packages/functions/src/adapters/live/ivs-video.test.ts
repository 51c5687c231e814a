import { IvsClient } from "@aws-sdk/client-ivs";
import type { Channel } from "@cho-ocop/core/live/provider";
import { MetadataError } from "@cho-ocop/core/live/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeIvs, startFakeIvs } from "../../../../testkit/src/fake-ivs";
import { IvsVideoProvider, ivsChannelId, ivsConfigFromEnv, readIvsEvent } from "./ivs-video";

const REGION = "ap-northeast-1";
const ACCOUNT = "111122223333";
const RECORDING = `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/Rc0123456789`;
const PRODUCER = "01jabcdefghjkmnpqrstvwxyz0";

let fake: FakeIvs;
let client: IvsClient;
/** The fake's clock; the provider's back-off moves it instead of waiting. */
let clock = Date.parse("2026-03-14T12:00:00Z");
const waits: number[] = [];

function provider(options: Partial<ConstructorParameters<typeof IvsVideoProvider>[0]> = {}) {
  return new IvsVideoProvider({
    region: REGION,
    stage: "prod",
    recordingConfigurationArn: RECORDING,
    client,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    ...options,
  });
}

beforeAll(async () => {
  fake = await startFakeIvs({
    region: REGION,
    account: ACCOUNT,
    recordingConfigurations: [{ arn: RECORDING, bucketName: "cho-ocop-prod-recordings-111122223333" }],
    now: () => clock,
  });
  client = new IvsClient({ endpoint: fake.url, region: REGION, credentials: fake.credentials, maxAttempts: 1 });
});
afterAll(async () => {
  client?.destroy();
  await fake?.close();
});
beforeEach(() => {
  waits.length = 0;
  // A new second: IVS's per-second call rates start afresh.
  clock += 1001;
});

const scope = new RegExp(`^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+/\\d{8}/${REGION}/ivs/aws4_request, `);

async function liveChannel(): Promise<Channel> {
  const channel = await provider().createChannel({ producerId: PRODUCER, name: "HTX Chè Shan Tuyết" });
  fake.startStream(channel.arn ?? "", 42);
  return channel;
}

describe("IvsVideoProvider against a local IVS server", () => {
  it("creates a low-latency STANDARD channel named for the stage and producer, recorded, tagged, signed for ivs", async () => {
    const channel = await provider().createChannel({ producerId: PRODUCER, name: "HTX Chè Shan Tuyết" });

    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ service: "ivs", operation: "CreateChannel", status: 200 });
    expect(request?.authorization).toMatch(scope);
    expect(request?.input).toEqual({
      name: `cho-ocop-prod-${PRODUCER}`,
      latencyMode: "LOW",
      type: "STANDARD",
      authorized: false,
      insecureIngest: false,
      recordingConfigurationArn: RECORDING,
      tags: { app: "cho-ocop", stage: "prod", producerId: PRODUCER },
    });

    const stored = fake.channels.get(channel.arn ?? "");
    expect(stored).toBeDefined();
    expect(channel).toEqual({
      channelId: stored?.id,
      provider: "ivs",
      arn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/${stored?.id}`,
      ingestUrl: `rtmps://${stored?.ingestEndpoint}:443/app/`,
      streamKey: stored?.streamKey?.value,
      playbackUrl: stored?.playbackUrl,
    });
    expect(channel.ingestUrl).toMatch(/^rtmps:\/\/[0-9a-f]{12}\.global-contribute\.live-video\.net:443\/app\/$/);
    expect(channel.streamKey).toMatch(/^sk_ap-northeast-1_[A-Za-z0-9]{36}$/);
    expect(channel.playbackUrl).not.toContain(channel.streamKey);
    expect(channel.channelId).toBe(ivsChannelId(channel.arn ?? ""));
  });

  it("creates a BASIC channel without recording when so configured", async () => {
    await provider({ channelType: "BASIC", recordingConfigurationArn: undefined }).createChannel({
      producerId: PRODUCER,
      name: "x",
    });
    const input = fake.requests.at(-1)?.input;
    expect(input).toMatchObject({ type: "BASIC" });
    expect(input).not.toHaveProperty("recordingConfigurationArn");
  });

  it("lets a CreateChannel error through (a recording configuration that does not exist)", async () => {
    const missing = `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/Missing00000`;
    await expect(
      provider({ recordingConfigurationArn: missing }).createChannel({ producerId: PRODUCER, name: "x" }),
    ).rejects.toMatchObject({ name: "ResourceNotFoundException", $metadata: { httpStatusCode: 404 } });
  });

  it("puts timed metadata on the channel with PutMetadata", async () => {
    const channel = await liveChannel();
    const pin = JSON.stringify({ t: "pin", s: "s1", ms: 1200, p: { id: "p1", n: "Chè Shan Tuyết", v: 250000 } });
    await provider().putMetadata(channel, pin);

    expect(fake.metadata.at(-1)).toEqual({ channelArn: channel.arn, metadata: pin, at: clock });
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ service: "ivs", operation: "PutMetadata", status: 204 });
    expect(request?.input).toEqual({ channelArn: channel.arn, metadata: pin });
    expect(request?.authorization).toMatch(scope);
  });

  it("refuses a payload over 1 KB before anything reaches IVS, counting bytes, not characters", async () => {
    const channel = await liveChannel();
    const before = fake.requests.length;
    // 342 × "ắ" is 342 characters but 1026 bytes in UTF-8.
    const vietnamese = "ắ".repeat(342);
    await expect(provider().putMetadata(channel, vietnamese)).rejects.toBeInstanceOf(MetadataError);
    await expect(provider().putMetadata(channel, "x".repeat(1025))).rejects.toMatchObject({
      status: 413,
      code: "metadata_too_large",
    });
    expect(fake.requests).toHaveLength(before);

    await provider().putMetadata(channel, "x".repeat(1024));
    expect(fake.metadata.at(-1)?.metadata).toHaveLength(1024);
  });

  it("retries a throttled PutMetadata with a short back-off and succeeds once the channel's second has passed", async () => {
    const channel = await liveChannel();
    for (let i = 0; i < 5; i++) await provider().putMetadata(channel, `{"n":${i}}`);
    expect(waits).toEqual([]);

    await provider().putMetadata(channel, `{"n":5}`);
    // Throttled at +0, +200 and +600 ms (the first five are still within the second), accepted at +1400 ms.
    expect(waits).toEqual([200, 400, 800]);
    expect(fake.metadata.filter((m) => m.channelArn === channel.arn).map((m) => m.metadata)).toEqual(
      [0, 1, 2, 3, 4, 5].map((n) => `{"n":${n}}`),
    );
    const calls = fake.requests.filter((r) => r.operation === "PutMetadata").slice(-4);
    expect(calls.map((r) => [r.status, r.code])).toEqual([
      [429, "ThrottlingException"],
      [429, "ThrottlingException"],
      [429, "ThrottlingException"],
      [204, undefined],
    ]);
  });

  it("gives up with MetadataError('throttled') when IVS keeps throttling", async () => {
    const channel = await liveChannel();
    const stuck = provider({ sleep: async (ms) => void waits.push(ms) }); // the fake's clock stands still
    for (let i = 0; i < 5; i++) await stuck.putMetadata(channel, `{"n":${i}}`);
    const error = await stuck.putMetadata(channel, `{"n":5}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetadataError);
    expect(error).toMatchObject({ status: 429, code: "metadata_throttled" });
    expect(waits).toEqual([200, 400, 800]);
    expect(fake.requests.filter((r) => r.code === "ThrottlingException").length).toBeGreaterThanOrEqual(4);
    expect(fake.metadata.filter((m) => m.channelArn === channel.arn)).toHaveLength(5);
  });

  it("says the video is not on air when the seller's phone has dropped off (ChannelNotBroadcasting)", async () => {
    const channel = await provider().createChannel({ producerId: PRODUCER, name: "x" });
    await expect(provider().putMetadata(channel, "{}")).rejects.toMatchObject({
      status: 409,
      code: "not_broadcasting",
    });
    expect(fake.requests.at(-1)).toMatchObject({ status: 404, code: "ChannelNotBroadcasting" });
    expect(waits).toEqual([]);
  });

  it("reads the viewer count with GetStream while live, and null when offline", async () => {
    const channel = await liveChannel();
    expect(await provider().viewerCount(channel)).toBe(42);
    expect(fake.requests.at(-1)).toMatchObject({ operation: "GetStream", input: { channelArn: channel.arn } });

    fake.endStream(channel.arn ?? "");
    expect(await provider().viewerCount(channel)).toBeNull();
    expect(fake.requests.at(-1)).toMatchObject({ operation: "GetStream", status: 404, code: "ChannelNotBroadcasting" });
  });

  it("reuses a viewer count for 15 s, and answers a throttled GetStream with the last count known", async () => {
    const channel = await liveChannel();
    const viewers = provider({ now: () => clock });
    const getStreams = () => fake.requests.filter((r) => r.operation === "GetStream").length;
    expect(await viewers.viewerCount(channel)).toBe(42);
    const stream = fake.channels.get(channel.arn ?? "")?.stream;
    if (stream) stream.viewerCount = 57;
    const before = getStreams();
    clock += 14_000;
    expect(await viewers.viewerCount(channel)).toBe(42);
    expect(getStreams()).toBe(before);
    clock += 1_000;
    expect(await viewers.viewerCount(channel)).toBe(57);
    expect(getStreams()).toBe(before + 1);

    // GetStream is limited to 5 a second for the whole account (IVS Service Quotas).
    clock += 15_000;
    for (let i = 0; i < 5; i++) expect(await provider().viewerCount(channel)).toBe(57);
    expect(await viewers.viewerCount(channel)).toBe(57);
    expect(fake.requests.at(-1)).toMatchObject({ operation: "GetStream", status: 429, code: "ThrottlingException" });
    expect(await provider().viewerCount(channel)).toBeNull();
  });

  it("stops a broadcast with StopStream, and takes an offline channel in its stride", async () => {
    const channel = await liveChannel();
    await provider().stopStream(channel);
    expect(fake.requests.at(-1)).toMatchObject({
      operation: "StopStream",
      status: 200,
      input: { channelArn: channel.arn },
    });
    expect(fake.channels.get(channel.arn ?? "")?.stream).toBeUndefined();
    expect(fake.events.at(-2)).toMatchObject({
      "detail-type": "IVS Stream State Change",
      detail: { event_name: "Stream End" },
    });

    await provider().stopStream(channel);
    expect(fake.requests.at(-1)).toMatchObject({
      operation: "StopStream",
      status: 404,
      code: "ChannelNotBroadcasting",
    });
  });

  it("lets other errors through (a channel IVS does not know)", async () => {
    const gone: Channel = {
      channelId: "Gone00000000",
      provider: "ivs",
      arn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/Gone00000000`,
      ingestUrl: "rtmps://x:443/app/",
      streamKey: "sk",
      playbackUrl: "https://x",
    };
    await expect(provider().viewerCount(gone)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(provider().stopStream(gone)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("refuses a local channel rather than sending it to IVS", async () => {
    const local: Channel = {
      channelId: "c1",
      provider: "local",
      ingestUrl: "rtmp://127.0.0.1/live",
      streamKey: "k",
      playbackUrl: "/live/c1",
    };
    const before = fake.requests.length;
    await expect(provider().putMetadata(local, "{}")).rejects.toThrow(/not an IVS channel/);
    expect(fake.requests).toHaveLength(before);
  });

  it("is refused when the request is not signed with the right secret", async () => {
    const forged = new IvsClient({
      endpoint: fake.url,
      region: REGION,
      credentials: { ...fake.credentials, secretAccessKey: "not-the-secret" },
      maxAttempts: 1,
    });
    await expect(provider({ client: forged }).createChannel({ producerId: PRODUCER, name: "x" })).rejects.toMatchObject(
      { name: "InvalidSignatureException", $metadata: { httpStatusCode: 403 } },
    );
    forged.destroy();
  });
});

describe("IVS configuration from the Lambda's environment", () => {
  it("reads region, stage and recording configuration", () => {
    expect(
      ivsConfigFromEnv({ IVS_REGION: REGION, SST_STAGE: "prod", IVS_RECORDING_CONFIGURATION_ARN: RECORDING }),
    ).toEqual({ region: REGION, stage: "prod", recordingConfigurationArn: RECORDING });
    expect(ivsConfigFromEnv({ IVS_REGION: REGION, SST_STAGE: "dev" })).toEqual({ region: REGION, stage: "dev" });
  });

  it("fails at cold start without a region or stage, or with a malformed ARN", () => {
    expect(() => ivsConfigFromEnv({ SST_STAGE: "prod" })).toThrow();
    expect(() => ivsConfigFromEnv({ IVS_REGION: REGION })).toThrow();
    expect(() =>
      ivsConfigFromEnv({ IVS_REGION: REGION, SST_STAGE: "prod", IVS_RECORDING_CONFIGURATION_ARN: "arn:x" }),
    ).toThrow();
  });
});

describe("IVS EventBridge events", () => {
  // As documented in the IVS User Guide, "Using Amazon EventBridge with IVS Low-Latency Streaming".
  const streamEvent = (eventName: string) => ({
    version: "0",
    id: "01234567-0123-0123-0123-012345678901",
    "detail-type": "IVS Stream State Change",
    source: "aws.ivs",
    account: ACCOUNT,
    time: "2026-03-14T12:03:43Z",
    region: REGION,
    resources: [`arn:aws:ivs:${REGION}:${ACCOUNT}:channel/AbCdef1G2hij`],
    detail: {
      event_name: eventName,
      channel_name: `cho-ocop-prod-${PRODUCER}`,
      stream_id: "st-1A2b3c4D5e6F78ghij9Klmn",
    },
  });
  const prefix = `ivs/v1/${ACCOUNT}/AbCdef1G2hij/2026/3/14/12/3/j8Z9O91ndcVs`;
  const recordingEvent = (status: string, overrides: Record<string, unknown> = {}) => ({
    version: "0",
    id: "12345678-1a23-4567-a1bc-1a2b34567890",
    "detail-type": "IVS Recording State Change",
    source: "aws.ivs",
    account: ACCOUNT,
    time: "2026-03-14T13:51:32Z",
    region: REGION,
    resources: [`arn:aws:ivs:${REGION}:${ACCOUNT}:channel/AbCdef1G2hij`],
    detail: {
      channel_name: `cho-ocop-prod-${PRODUCER}`,
      stream_id: "st-1A2b3c4D5e6F78ghij9Klmn",
      recording_status: status,
      recording_status_reason: "",
      recording_s3_bucket_name: "cho-ocop-prod-recordings-111122223333",
      recording_s3_key_prefix: prefix,
      recording_duration_ms: 99370264,
      recording_session_id: "a6RfV23ES97iyfoQ",
      ...overrides,
    },
  });

  it("reads Stream Start and Stream End as the channel going live and off air, at the event's time", () => {
    expect(readIvsEvent(streamEvent("Stream Start"))).toEqual({
      kind: "stream",
      channelId: "AbCdef1G2hij",
      type: "start",
      at: new Date("2026-03-14T12:03:43Z"),
      streamId: "st-1A2b3c4D5e6F78ghij9Klmn",
    });
    expect(readIvsEvent(streamEvent("Stream End"))).toMatchObject({ kind: "stream", type: "end" });
  });

  it("ignores the other stream events (Session Created, Stream Failure, …)", () => {
    for (const name of ["Session Created", "Session Ended", "Stream Failure", "Stream Takeover"]) {
      expect(readIvsEvent(streamEvent(name))).toEqual({ kind: "ignored", reason: `stream event ${name}` });
    }
  });

  it("reads Recording End as the replay's HLS master playlist under /recordings/", () => {
    expect(
      readIvsEvent(recordingEvent("Recording End"), { recordingsBucket: "cho-ocop-prod-recordings-111122223333" }),
    ).toEqual({
      kind: "recording",
      channelId: "AbCdef1G2hij",
      url: `/recordings/${prefix}/media/hls/master.m3u8`,
      // Its stream, and when it began (the event's time less its duration): what ties it to its session.
      streamId: "st-1A2b3c4D5e6F78ghij9Klmn",
      startedAt: new Date(Date.parse("2026-03-14T13:51:32Z") - 99370264),
    });
  });

  it("ignores other recording states, other buckets and prefixes that are not IVS's", () => {
    expect(readIvsEvent(recordingEvent("Recording Start")).kind).toBe("ignored");
    expect(readIvsEvent(recordingEvent("Recording End Failure")).kind).toBe("ignored");
    expect(readIvsEvent(recordingEvent("Recording End"), { recordingsBucket: "another-bucket" })).toMatchObject({
      kind: "ignored",
      reason: expect.stringContaining("another bucket"),
    });
    for (const bad of [
      "ivs/v1/../../private/x",
      `ivs/v1/${ACCOUNT}/OtherChannel/2026/3/14/12/3/j8Z9O91ndcVs`,
      `${prefix}/../../x`,
      "",
    ]) {
      expect(readIvsEvent(recordingEvent("Recording End", { recording_s3_key_prefix: bad })).kind).toBe("ignored");
    }
  });

  it("ignores events that are not IVS stream or recording events, without throwing", () => {
    for (const bad of [
      undefined,
      "Stream Start",
      {},
      { ...streamEvent("Stream Start"), source: "aws.s3" },
      { ...streamEvent("Stream Start"), resources: [] },
      { ...streamEvent("Stream Start"), resources: ["arn:aws:s3:::bucket"] },
      { ...streamEvent("Stream Start"), "detail-type": "IVS Limit Breach" },
      { ...streamEvent("Stream Start"), time: "yesterday" },
      { ...recordingEvent("Recording End"), detail: { recording_status: "Recording End" } },
    ]) {
      expect(readIvsEvent(bad).kind).toBe("ignored");
    }
  });

  it("rotates the stream key: the old one deleted (IVS allows one), a new one made, the broadcast on the old one stopped", async () => {
    const channel = await liveChannel();
    const arn = channel.arn ?? "";
    const from = fake.requests.length;
    const newKey = await provider().rotateStreamKey(channel);

    expect(fake.requests.slice(from).map((r) => [r.operation, r.status])).toEqual([
      ["ListStreamKeys", 200],
      ["DeleteStreamKey", 204],
      ["CreateStreamKey", 200],
      ["StopStream", 200],
    ]);
    expect(newKey).toMatch(/^sk_ap-northeast-1_[A-Za-z0-9]{36}$/);
    expect(newKey).not.toBe(channel.streamKey);
    expect(fake.channels.get(arn)?.streamKey?.value).toBe(newKey);
    // Cut off: IVS reports the stream's end; the old key is refused for a new broadcast, the new one goes on air.
    expect(fake.channels.get(arn)?.stream).toBeUndefined();
    expect(fake.events.slice(-2).map((e) => e.detail.event_name ?? e.detail.recording_status)).toContain("Stream End");
    expect(() => fake.startStream(arn, 0, channel.streamKey)).toThrow(/not its stream key/);
    expect(fake.startStream(arn, 0, newKey)).toMatchObject({ detail: { event_name: "Stream Start" } });

    // Offline, rotating again needs no StopStream to succeed; and a channel left without a key gets one.
    fake.endStream(arn);
    clock += 1001;
    const stored = fake.channels.get(arn);
    if (stored) stored.streamKey = undefined;
    const repaired = await provider().rotateStreamKey({ ...channel, streamKey: newKey });
    expect(fake.channels.get(arn)?.streamKey?.value).toBe(repaired);
  });

  it("reads the events the local IVS server emits the same way", async () => {
    const channel = await provider().createChannel({ producerId: PRODUCER, name: "x" });
    const start = fake.startStream(channel.arn ?? "");
    const [end, recording] = fake.endStream(channel.arn ?? "");
    expect(readIvsEvent(start)).toMatchObject({ kind: "stream", channelId: channel.channelId, type: "start" });
    expect(readIvsEvent(end)).toMatchObject({ kind: "stream", channelId: channel.channelId, type: "end" });
    expect(readIvsEvent(recording)).toMatchObject({
      kind: "recording",
      channelId: channel.channelId,
      url: expect.stringMatching(
        new RegExp(
          `^/recordings/ivs/v1/${ACCOUNT}/${channel.channelId}/2026/3/14/12/\\d+/[A-Za-z0-9]+/media/hls/master\\.m3u8$`,
        ),
      ),
    });
  });
});
