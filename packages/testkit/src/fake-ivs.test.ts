import {
  CreateChannelCommand,
  CreateStreamKeyCommand,
  DeleteStreamKeyCommand,
  GetStreamCommand,
  GetStreamKeyCommand,
  IvsClient,
  ListStreamKeysCommand,
  PutMetadataCommand,
} from "@aws-sdk/client-ivs";
import { CreateRoomCommand, IvschatClient } from "@aws-sdk/client-ivschat";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeIvs, startFakeIvs } from "./fake-ivs";

const REGION = "ap-northeast-1";
const ACCOUNT = "444455556666";
const RECORDING = `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/Rc0000000001`;

let fake: FakeIvs;
let ivs: IvsClient;
let chat: IvschatClient;
let clock = Date.parse("2026-05-01T02:30:00Z");

beforeAll(async () => {
  fake = await startFakeIvs({
    region: REGION,
    account: ACCOUNT,
    recordingConfigurations: [{ arn: RECORDING, bucketName: "recordings-bucket" }],
    now: () => clock,
  });
  const config = { endpoint: fake.url, region: REGION, credentials: fake.credentials, maxAttempts: 1 };
  ivs = new IvsClient(config);
  chat = new IvschatClient(config);
});
beforeEach(() => {
  clock += 1001;
});
afterAll(async () => {
  ivs?.destroy();
  chat?.destroy();
  await fake?.close();
});

async function channel(recorded = true) {
  const out = await ivs.send(
    new CreateChannelCommand({ name: "test", ...(recorded ? { recordingConfigurationArn: RECORDING } : {}) }),
  );
  return out.channel?.arn ?? "";
}

/** A raw call, to see the wire format the SDK hides. */
function raw(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("fake IVS and IVS Chat", () => {
  it("keeps one stream key per channel, as IVS: a second CreateStreamKey exceeds the quota until the key is deleted", async () => {
    const arn = await channel(false);
    const { streamKeys } = await ivs.send(new ListStreamKeysCommand({ channelArn: arn }));
    expect(streamKeys).toHaveLength(1);
    const first = streamKeys?.[0]?.arn ?? "";
    await expect(ivs.send(new CreateStreamKeyCommand({ channelArn: arn }))).rejects.toMatchObject({
      name: "ServiceQuotaExceededException",
      $metadata: { httpStatusCode: 402 },
    });
    await ivs.send(new DeleteStreamKeyCommand({ arn: first }));
    await expect(ivs.send(new GetStreamKeyCommand({ arn: first }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
    expect((await ivs.send(new ListStreamKeysCommand({ channelArn: arn }))).streamKeys).toEqual([]);
    const made = await ivs.send(new CreateStreamKeyCommand({ channelArn: arn }));
    expect(made.streamKey).toMatchObject({ channelArn: arn, value: expect.stringMatching(/^sk_ap-northeast-1_/) });
    expect((await ivs.send(new GetStreamKeyCommand({ arn: made.streamKey?.arn ?? "" }))).streamKey?.value).toBe(
      made.streamKey?.value,
    );
    expect(() => fake.startStream(arn, 0, "sk_ap-northeast-1_old")).toThrow(/not its stream key/);
    expect(fake.startStream(arn, 0, made.streamKey?.value)).toMatchObject({ detail: { event_name: "Stream Start" } });
  });

  it("answers CreateChannel with IVS's defaults (LOW latency, STANDARD) and the channel's endpoints", async () => {
    const out = await ivs.send(new CreateChannelCommand({ name: "defaults" }));
    expect(out.channel).toMatchObject({
      name: "defaults",
      latencyMode: "LOW",
      type: "STANDARD",
      authorized: false,
      recordingConfigurationArn: "",
      ingestEndpoint: expect.stringMatching(/\.global-contribute\.live-video\.net$/),
      playbackUrl: expect.stringMatching(
        new RegExp(
          `^https://[0-9a-f]{12}\\.${REGION}\\.playback\\.live-video\\.net/api/video/v1/${REGION}\\.${ACCOUNT}\\.channel\\.[A-Za-z0-9]{12}\\.m3u8$`,
        ),
      ),
    });
    expect(out.streamKey).toMatchObject({
      channelArn: out.channel?.arn,
      value: expect.stringMatching(/^sk_ap-northeast-1_/),
    });
  });

  it("refuses invalid channel names and unknown channel types as ValidationException", async () => {
    await expect(ivs.send(new CreateChannelCommand({ name: "có dấu" }))).rejects.toMatchObject({
      name: "ValidationException",
      $metadata: { httpStatusCode: 400 },
    });
    const res = await raw("/CreateChannel", { type: "PREMIUM" });
    expect(res.status).toBe(403); // unsigned: refused before it is read
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
  });

  it("answers errors in IVS's shape: x-amzn-ErrorType and { exceptionMessage }", async () => {
    const arn = await channel();
    const error = await ivs.send(new GetStreamCommand({ channelArn: arn })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ChannelNotBroadcasting",
      exceptionMessage: expect.stringContaining(arn),
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("takes at most 1 KB of metadata and 5 calls a second per channel, and only while broadcasting", async () => {
    const arn = await channel();
    const put = (metadata: string, channelArn = arn) => ivs.send(new PutMetadataCommand({ channelArn, metadata }));
    await expect(put("{}")).rejects.toMatchObject({ name: "ChannelNotBroadcasting" });
    fake.startStream(arn);
    await expect(put("x".repeat(1025))).rejects.toMatchObject({ name: "ValidationException" });
    for (let i = 0; i < 5; i++) await put(String(i));
    await expect(put("5")).rejects.toMatchObject({ name: "ThrottlingException", $metadata: { httpStatusCode: 429 } });

    // The limit is per channel, and frees up as the second passes.
    const other = await channel();
    fake.startStream(other);
    await put("other", other);
    clock += 1001;
    await put("5");
    expect(fake.metadata.filter((m) => m.channelArn === arn).map((m) => m.metadata)).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
    ]);
    fake.endStream(arn);
    fake.endStream(other);
  });

  it("keeps IVS's account-wide call rates: CreateChannel 5 a second", async () => {
    for (let i = 0; i < 5; i++) await ivs.send(new CreateChannelCommand({ name: `rate-${i}` }));
    await expect(ivs.send(new CreateChannelCommand({ name: "rate-5" }))).rejects.toMatchObject({
      name: "ThrottlingException",
      $metadata: { httpStatusCode: 429 },
    });
    clock += 1001;
    await ivs.send(new CreateChannelCommand({ name: "rate-6" }));
  });

  it("records the EventBridge events of a broadcast, with the recording's S3 prefix", async () => {
    const arn = await channel();
    const id = arn.split("/")[1];
    const start = fake.startStream(arn, 3);
    expect(start).toMatchObject({
      "detail-type": "IVS Stream State Change",
      source: "aws.ivs",
      account: ACCOUNT,
      region: REGION,
      resources: [arn],
      detail: { event_name: "Stream Start", channel_name: "test", stream_id: expect.stringMatching(/^st-/) },
    });
    expect((await ivs.send(new GetStreamCommand({ channelArn: arn }))).stream).toMatchObject({
      state: "LIVE",
      viewerCount: 3,
      startTime: new Date(clock),
    });
    clock += 60_000;
    const [end, recording] = fake.endStream(arn);
    expect(end?.detail).toMatchObject({ event_name: "Stream End", stream_id: start.detail.stream_id });
    expect(recording).toMatchObject({
      "detail-type": "IVS Recording State Change",
      resources: [arn],
      detail: {
        recording_status: "Recording End",
        recording_s3_bucket_name: "recordings-bucket",
        recording_s3_key_prefix: expect.stringMatching(
          new RegExp(`^ivs/v1/${ACCOUNT}/${id}/2026/5/1/2/3\\d/[A-Za-z0-9]{12}$`),
        ),
        recording_duration_ms: 60_000,
      },
    });
  });

  it("sends no recording event for a channel without a recording configuration", async () => {
    const arn = await channel(false);
    fake.startStream(arn);
    expect(fake.endStream(arn)).toHaveLength(1);
  });

  it("refuses a request signed for the other service", async () => {
    // An IVS-signed request sent to an IVS Chat operation: the credential scope names the wrong service.
    const misrouted = new IvsClient({
      endpoint: fake.url,
      region: REGION,
      credentials: fake.credentials,
      maxAttempts: 1,
    });
    misrouted.middlewareStack.add(
      (next) => (args) => {
        (args.request as { path: string }).path = "/CreateRoom";
        return next(args);
      },
      { step: "build" },
    );
    await expect(misrouted.send(new CreateChannelCommand({ name: "x" }))).rejects.toMatchObject({
      name: "InvalidSignatureException",
      message: "Credential should be scoped to correct service: 'ivschat'",
      $metadata: { httpStatusCode: 403 },
    });
    expect(fake.requests.at(-1)).toMatchObject({ service: "ivschat", operation: "CreateRoom", status: 403 });
    misrouted.destroy();
  });

  it("refuses a request signed for another region", async () => {
    const elsewhere = new IvschatClient({
      endpoint: fake.url,
      region: "us-west-2",
      credentials: fake.credentials,
      maxAttempts: 1,
    });
    await expect(elsewhere.send(new CreateRoomCommand({ name: "x" }))).rejects.toMatchObject({
      name: "InvalidSignatureException",
      message: expect.stringContaining("the region 'us-west-2' is wrong"),
      $metadata: { httpStatusCode: 403 },
    });
    elsewhere.destroy();
  });

  it("answers IVS Chat errors in its shape: { message, reason, fieldList }", async () => {
    await expect(chat.send(new CreateRoomCommand({ maximumMessageRatePerSecond: 1000 }))).rejects.toMatchObject({
      name: "ValidationException",
      reason: "FIELD_VALIDATION_FAILED",
      fieldList: [{ name: "maximumMessageRatePerSecond", message: "must be 1 to 100" }],
    });
  });

  it("records every request with its operation and outcome, and refuses unknown operations", async () => {
    const res = await raw("/DeleteChannel", {});
    expect(res.status).toBe(404);
    expect(fake.requests.at(-1)).toMatchObject({ service: "unknown", operation: "POST /DeleteChannel", status: 404 });
    expect(new Set(fake.requests.map((r) => r.service))).toEqual(new Set(["ivs", "ivschat", "unknown"]));
  });
});
