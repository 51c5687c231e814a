import type { IvsClient } from "@aws-sdk/client-ivs";
import { Live } from "@cho-ocop/core/live/index";
import { type Channel, METADATA_MAX_BYTES, MetadataError, type VideoProvider } from "@cho-ocop/core/live/provider";
import { DomainError } from "@cho-ocop/core/util/error";
import { z } from "zod";

/**
 * Where a stage's IVS resources live. IVS is not offered in ap-southeast-1, where the rest of the app runs, so its
 * channels, chat rooms, recording configuration and recordings bucket live in an IVS region (ap-northeast-1 by
 * default, stacks/LiveMedia.ts); ingest and playback go through IVS's global edge whatever the region.
 */
export const IvsConfig = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "expected an AWS region such as ap-northeast-1"),
  stage: z.string().regex(/^[a-zA-Z0-9-]{1,40}$/, "expected the SST stage"),
  recordingConfigurationArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:ivs:[a-z0-9-]+:\d{12}:recording-configuration\/[a-zA-Z0-9]+$/)
    .optional(),
  /** The Lambda IVS Chat rooms send each message to before delivering it (the chat history for late joiners). */
  chatReviewHandlerArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+$/)
    .optional(),
  /** IVS Chat's messaging endpoint, when it is not the region's own (the AWS-shaped local mode's server). */
  chatMessagingUrl: z.url({ protocol: /^wss?$/ }).optional(),
});
export type IvsConfig = z.infer<typeof IvsConfig>;

/** The Lambda's IVS settings from its environment (set by stacks/Api.ts; the stage comes from SST). */
export function ivsConfigFromEnv(env: Record<string, string | undefined>): IvsConfig {
  return IvsConfig.parse({
    region: env.IVS_REGION,
    stage: env.SST_STAGE,
    recordingConfigurationArn: env.IVS_RECORDING_CONFIGURATION_ARN || undefined,
    chatReviewHandlerArn: env.IVS_CHAT_REVIEW_HANDLER_ARN || undefined,
    chatMessagingUrl: env.IVS_CHAT_MESSAGING_URL || undefined,
  });
}

const CHANNEL_ARN = /^arn:aws[a-z-]*:ivs:[a-z0-9-]+:\d{12}:channel\/([a-zA-Z0-9]+)$/;

/** The channel id IVS puts at the end of a channel ARN (also the id in recording prefixes). */
export function ivsChannelId(arn: string): string {
  const id = CHANNEL_ARN.exec(arn)?.[1];
  if (!id) throw new Error(`not an IVS channel ARN: ${arn}`);
  return id;
}

// The SDK is loaded on first use, not with the Lambda: most requests never touch a live channel.
type IvsSdk = typeof import("@aws-sdk/client-ivs");
let sdk: Promise<IvsSdk> | undefined;
const loadSdk = () => {
  sdk ??= import("@aws-sdk/client-ivs");
  return sdk;
};

const errorName = (err: unknown) => (err instanceof Error ? err.name : undefined);

export interface IvsVideoOptions extends IvsConfig {
  /** A configured client (tests); by default one for `region`. */
  client?: IvsClient;
  /**
   * STANDARD transcodes the phone's stream into a ladder of lower renditions, so shoppers on weak 4G keep watching
   * (and cost less to serve); BASIC, much cheaper per input hour, passes the one rendition through, which such
   * viewers cannot keep up with.
   */
  channelType?: "STANDARD" | "BASIC";
  /** Waits before each retry of a throttled PutMetadata (ms). */
  throttleBackoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** How long a channel's viewer count is reused (ms). */
  viewerCountTtlMs?: number;
  now?: () => number;
}

/** Production live video: one Amazon IVS low-latency channel per producer. */
export class IvsVideoProvider implements VideoProvider {
  readonly name = "ivs" as const;
  private clients?: Promise<{ main: IvsClient; metadata: IvsClient }>;
  private readonly viewers = new Map<string, { count: number | null; at: number }>();

  constructor(private readonly options: IvsVideoOptions) {}

  private connect() {
    this.clients ??= (async () => {
      if (this.options.client) return { main: this.options.client, metadata: this.options.client };
      const { IvsClient } = await loadSdk();
      // PutMetadata retries throttling itself (short and bounded: a pin shows within a second or fails), so its
      // client does not retry on top; the other calls keep the SDK's standard retries.
      return {
        main: new IvsClient({ region: this.options.region }),
        metadata: new IvsClient({ region: this.options.region, maxAttempts: 1 }),
      };
    })();
    return this.clients;
  }

  async createChannel({ producerId }: { producerId: string; name: string }): Promise<Channel> {
    const [{ CreateChannelCommand }, { main }] = await Promise.all([loadSdk(), this.connect()]);
    const { stage, recordingConfigurationArn } = this.options;
    const out = await main.send(
      new CreateChannelCommand({
        name: `cho-ocop-${stage}-${producerId}`,
        latencyMode: "LOW",
        type: this.options.channelType ?? "STANDARD",
        authorized: false,
        insecureIngest: false,
        ...(recordingConfigurationArn ? { recordingConfigurationArn } : {}),
        tags: { app: "cho-ocop", stage, producerId },
      }),
    );
    const arn = out.channel?.arn;
    const ingestEndpoint = out.channel?.ingestEndpoint;
    const playbackUrl = out.channel?.playbackUrl;
    const streamKey = out.streamKey?.value;
    if (!arn || !ingestEndpoint || !playbackUrl || !streamKey) {
      throw new Error("IVS CreateChannel answered without the channel's ARN, endpoints or stream key");
    }
    return {
      channelId: ivsChannelId(arn),
      provider: "ivs",
      arn,
      ingestUrl: ingestUrlOf(ingestEndpoint),
      streamKey,
      playbackUrl,
    };
  }

  async putMetadata(channel: Channel, payload: string): Promise<void> {
    if (Buffer.byteLength(payload) > METADATA_MAX_BYTES) throw new MetadataError("too_large");
    const channelArn = arnOf(channel);
    const [{ PutMetadataCommand }, { metadata }] = await Promise.all([loadSdk(), this.connect()]);
    const backoff = this.options.throttleBackoffMs ?? [200, 400, 800];
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 0; ; attempt++) {
      try {
        await metadata.send(new PutMetadataCommand({ channelArn, metadata: payload }));
        return;
      } catch (err) {
        const name = errorName(err);
        if (name === "ChannelNotBroadcasting") throw notBroadcasting();
        if (name !== "ThrottlingException") throw err;
        const wait = backoff[attempt];
        if (wait === undefined) throw new MetadataError("throttled");
        await sleep(wait);
      }
    }
  }

  async stopStream(channel: Channel): Promise<void> {
    const [{ StopStreamCommand }, { main }] = await Promise.all([loadSdk(), this.connect()]);
    try {
      await main.send(new StopStreamCommand({ channelArn: arnOf(channel) }));
    } catch (err) {
      if (errorName(err) !== "ChannelNotBroadcasting") throw err;
    }
  }

  /**
   * A new stream key. IVS allows one key per channel, so the old one is deleted first (from then on IVS refuses it),
   * then one is created; a broadcast already on air with the old key is not cut off by its deletion, so the stream
   * is stopped too. A failure between the two leaves the channel without a key: rotating again repairs it.
   */
  async rotateStreamKey(channel: Channel): Promise<string> {
    const channelArn = arnOf(channel);
    const [{ CreateStreamKeyCommand, DeleteStreamKeyCommand, ListStreamKeysCommand }, { main }] = await Promise.all([
      loadSdk(),
      this.connect(),
    ]);
    const { streamKeys } = await main.send(new ListStreamKeysCommand({ channelArn }));
    for (const { arn } of streamKeys ?? []) {
      try {
        await main.send(new DeleteStreamKeyCommand({ arn }));
      } catch (err) {
        if (errorName(err) !== "ResourceNotFoundException") throw err;
      }
    }
    const { stage } = this.options;
    const out = await main.send(new CreateStreamKeyCommand({ channelArn, tags: { app: "cho-ocop", stage } }));
    const streamKey = out.streamKey?.value;
    if (!streamKey) throw new Error("IVS CreateStreamKey answered without the key");
    await this.stopStream(channel);
    return streamKey;
  }

  /**
   * GetStream's viewer count. IVS allows GetStream 5 times a second for the whole account and refreshes the count
   * about every 15 s, so a count is reused that long, and a throttled call answers with the last count known.
   */
  async viewerCount(channel: Channel): Promise<number | null> {
    const channelArn = arnOf(channel);
    const now = (this.options.now ?? Date.now)();
    const known = this.viewers.get(channelArn);
    if (known && now - known.at < (this.options.viewerCountTtlMs ?? 15_000)) return known.count;
    const [{ GetStreamCommand }, { main }] = await Promise.all([loadSdk(), this.connect()]);
    let count: number | null;
    try {
      const { stream } = await main.send(new GetStreamCommand({ channelArn }));
      count = stream?.state === "LIVE" ? (stream.viewerCount ?? null) : null;
    } catch (err) {
      const name = errorName(err);
      if (name === "ThrottlingException") return known?.count ?? null;
      if (name !== "ChannelNotBroadcasting") throw err;
      count = null;
    }
    this.viewers.set(channelArn, { count, at: now });
    return count;
  }
}

function arnOf(channel: Channel) {
  if (channel.provider !== "ivs" || !channel.arn) throw new Error(`not an IVS channel: ${channel.channelId}`);
  return channel.arn;
}

// The seller's phone dropped off (4G) while the session is still on air: IVS refuses timed metadata until it is back.
const notBroadcasting = () =>
  new DomainError(409, "not_broadcasting", {
    vi: "Video chưa lên sóng: kiểm tra kết nối của điện thoại đang phát.",
    en: "The video is not on air: check the broadcasting phone's connection.",
  });

// ─── EventBridge ─────────────────────────────────────────────────────────────

const EventBase = {
  source: z.literal("aws.ivs"),
  time: z.iso.datetime(),
  resources: z.array(z.string()).min(1),
};

const StreamStateChange = z.object({
  ...EventBase,
  "detail-type": z.literal("IVS Stream State Change"),
  detail: z.object({ event_name: z.string(), stream_id: z.string().optional() }),
});

const RecordingStateChange = z.object({
  ...EventBase,
  "detail-type": z.literal("IVS Recording State Change"),
  detail: z.object({
    recording_status: z.string(),
    recording_s3_bucket_name: z.string(),
    recording_s3_key_prefix: z.string(),
    stream_id: z.string().optional(),
    recording_duration_ms: z.number().int().nonnegative().optional(),
  }),
});

/** The two IVS events the live-events Lambda receives (stacks/Live.ts), as IVS documents them. */
export const IvsEvent = z.discriminatedUnion("detail-type", [StreamStateChange, RecordingStateChange]);

// ivs/v1/<account>/<channel id>/<year>/<month>/<day>/<hours>/<minutes>/<recording id>
const RECORDING_PREFIX = /^ivs\/v1\/\d{12}\/([a-zA-Z0-9]+)\/\d{4}(\/\d{1,2}){4}\/[a-zA-Z0-9]+$/;

/** Where the site serves a recording: its CloudFront distribution maps /recordings/* to the recordings bucket. */
export const recordingUrl = (prefix: string) => `/recordings/${prefix}/media/hls/master.m3u8`;

export type IvsEventAction =
  | { kind: "stream"; channelId: string; type: "start" | "end"; at: Date; streamId?: string }
  | { kind: "recording"; channelId: string; url: string; streamId?: string; startedAt?: Date }
  | { kind: "ignored"; reason: string };

/** What an IVS EventBridge event means for live sessions; anything unexpected is ignored with a reason. */
export function readIvsEvent(raw: unknown, expected: { recordingsBucket?: string } = {}): IvsEventAction {
  const parsed = IvsEvent.safeParse(raw);
  if (!parsed.success) {
    return { kind: "ignored", reason: `not an IVS stream or recording event: ${parsed.error.issues[0]?.message}` };
  }
  const event = parsed.data;
  const channelArn = event.resources[0] ?? "";
  const channelId = CHANNEL_ARN.exec(channelArn)?.[1];
  if (!channelId) return { kind: "ignored", reason: `not a channel ARN: ${channelArn}` };
  if (event["detail-type"] === "IVS Stream State Change") {
    const type =
      event.detail.event_name === "Stream Start" ? "start" : event.detail.event_name === "Stream End" ? "end" : null;
    if (!type) return { kind: "ignored", reason: `stream event ${event.detail.event_name}` };
    return { kind: "stream", channelId, type, at: new Date(event.time), streamId: event.detail.stream_id };
  }
  const { recording_status: status, recording_s3_bucket_name: bucket, recording_s3_key_prefix: prefix } = event.detail;
  if (status !== "Recording End") return { kind: "ignored", reason: `recording event ${status}` };
  if (expected.recordingsBucket && bucket !== expected.recordingsBucket) {
    return { kind: "ignored", reason: `recording in another bucket: ${bucket}` };
  }
  const match = RECORDING_PREFIX.exec(prefix);
  if (!match || match[1] !== channelId) return { kind: "ignored", reason: `unexpected recording prefix: ${prefix}` };
  // Recording End comes at the end: the recording began its duration earlier (what places it in a session's time on air).
  const duration = event.detail.recording_duration_ms;
  return {
    kind: "recording",
    channelId,
    url: recordingUrl(prefix),
    streamId: event.detail.stream_id,
    startedAt: duration === undefined ? undefined : new Date(Date.parse(event.time) - duration),
  };
}

/**
 * Applies an IVS event to the live sessions. A malformed or unrelated event changes nothing and is logged, not
 * thrown: EventBridge would only deliver it again. Failures of the table itself are thrown, so that the delivery is
 * retried.
 */
export async function onIvsEvent(raw: unknown, expected: { recordingsBucket?: string } = {}) {
  const action = readIvsEvent(raw, expected);
  if (action.kind === "stream") {
    return { ...action, sessionId: await Live.onStreamEvent(action) };
  }
  if (action.kind === "recording") {
    return { ...action, sessionId: await Live.onRecording(action) };
  }
  console.warn(`IVS event ignored: ${action.reason}`);
  return action;
}

/**
 * OBS's server for a channel: IVS's endpoint is a host, reached over RTMPS on 443. An endpoint that names its own port
 * is a plain RTMP server (the AWS-shaped local mode's IVS, which has no certificate).
 */
export function ingestUrlOf(ingestEndpoint: string): string {
  return /:\d+$/.test(ingestEndpoint) ? `rtmp://${ingestEndpoint}/app/` : `rtmps://${ingestEndpoint}:443/app/`;
}
