/**
 * Just enough of Amazon IVS (low-latency streaming) and Amazon IVS Chat to test the production adapters with the real
 * SDK clients against a local server. Both are REST JSON: `POST /<Operation>` with a JSON body, errors as a JSON body
 * with the error's name in `x-amzn-ErrorType` (IVS: `{ exceptionMessage }`, IVS Chat: `{ message, … }`).
 *
 * IVS: CreateChannel, PutMetadata, StopStream, GetStream, and the stream keys (CreateStreamKey, DeleteStreamKey,
 * ListStreamKeys, GetStreamKey: one key per channel, as IVS allows, so resetting one is delete then create). IVS Chat: CreateRoom, CreateChatToken, DeleteMessage,
 * DisconnectUser, SendEvent, DeleteRoom. Requests must be SigV4-signed for the configured key pair, region and service (`ivs` or
 * `ivschat`). IVS's own limits hold: timed metadata at most 1 KB and 5 calls per second per channel (beyond that a
 * 429 ThrottlingException), PutMetadata and GetStream only while the channel broadcasts (else ChannelNotBroadcasting).
 * A test starts and ends broadcasts with `startStream`/`endStream` (a start with a stream key other than the
 * channel's is refused, as IVS's ingest refuses it), which also record the EventBridge events IVS would send ("IVS Stream State Change", and "IVS Recording State Change" for a channel with a recording configuration).
 * IVS Chat's messaging WebSocket is served on the same port (`chatUrl`, see fake-ivs-chat.ts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { chatMessaging, type FakeChatConnection, type FakeChatMessage, type ReviewMessage } from "./fake-ivs-chat";
import { checkHeaderSignature, FAKE_CREDENTIALS, type Failure, type FakeCredentials } from "./fake-s3";
import { listen, readBytes } from "./fake-server";

export interface FakeIvsOptions {
  region?: string;
  account?: string;
  credentials?: FakeCredentials;
  /** Recording configurations that exist, with the bucket each writes to. */
  recordingConfigurations?: { arn: string; bucketName: string }[];
  /** The server's clock (ms), so that tests can step through the per-second limit without waiting. */
  now?: () => number;
  /** The media side (RTMP ingest, HLS playback: `startFakeIvsMedia`) the channels' endpoints then point at. */
  media?: FakeIvsMediaLink;
  /** Runs for each message of a room with a messageReviewHandler, in place of its Lambda. */
  reviewMessage?: ReviewMessage;
}

/** What the control plane tells the media side, and where the media side listens. */
export interface FakeIvsMediaLink {
  /** A channel's `ingestEndpoint` (`host:port`; plain `rtmp://<ingestEndpoint>/app/<streamKey>` locally). */
  ingestEndpoint: string;
  /** The scheme and host of the channels' `playbackUrl`. */
  playbackOrigin: string;
  attach(ivs: FakeIvs): void;
  metadataAccepted(channelArn: string, metadata: string): void;
  /** The broadcast ended (the publisher left, or StopStream cut it). */
  streamEnded(channelArn: string): void;
}

export interface FakeIvsChannel {
  arn: string;
  id: string;
  name: string;
  latencyMode: string;
  type: string;
  authorized: boolean;
  insecureIngest: boolean;
  recordingConfigurationArn: string;
  ingestEndpoint: string;
  playbackUrl: string;
  tags: Record<string, string>;
  /** The channel's one stream key; none between a DeleteStreamKey and the next CreateStreamKey. */
  streamKey?: FakeIvsStreamKey;
  /** The broadcast now, if any. */
  stream?: { streamId: string; startTime: string; viewerCount: number };
}

export interface FakeIvsStreamKey {
  arn: string;
  value: string;
  tags: Record<string, string>;
}

export interface FakeIvsRoom {
  arn: string;
  id: string;
  name: string;
  maximumMessageLength: number;
  maximumMessageRatePerSecond: number;
  messageReviewHandler?: { uri: string; fallbackResult: "ALLOW" | "DENY" };
  tags: Record<string, string>;
}

export interface FakeChatToken {
  roomArn: string;
  userId: string;
  attributes: Record<string, string>;
  capabilities: string[];
  sessionDurationInMinutes: number;
  token: string;
}

/** An EventBridge event as IVS sends it. */
export interface FakeIvsEvent {
  version: "0";
  id: string;
  "detail-type": "IVS Stream State Change" | "IVS Recording State Change";
  source: "aws.ivs";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, string | number>;
}

export interface FakeIvsRequest {
  service: "ivs" | "ivschat" | "unknown";
  operation: string;
  authorization: string;
  status: number;
  code?: string;
  /** The parsed JSON body. */
  input: Record<string, unknown>;
}

export interface FakeIvs {
  url: string;
  region: string;
  account: string;
  credentials: FakeCredentials;
  channels: Map<string, FakeIvsChannel>;
  /** Accepted timed metadata, in order. */
  metadata: { channelArn: string; metadata: string; at: number }[];
  rooms: Map<string, FakeIvsRoom>;
  tokens: FakeChatToken[];
  deletedMessages: { roomArn: string; id: string; reason: string }[];
  disconnects: { roomArn: string; userId: string; reason: string }[];
  roomEvents: { roomArn: string; eventName: string; attributes: Record<string, string> }[];
  /** Where amazon-ivs-chat-messaging connects (its `regionOrUrl`): ws://127.0.0.1:<port>. */
  chatUrl: string;
  /** Messages delivered to their rooms, after review. */
  chatMessages: FakeChatMessage[];
  /** Every messaging connection opened, and whether it still is. */
  chatConnections: FakeChatConnection[];
  /** Every request, answered or refused. */
  requests: FakeIvsRequest[];
  /** EventBridge events IVS would have sent. */
  events: FakeIvsEvent[];
  /** A broadcast starts; with `streamKey`, only if it is the channel's key now (else it throws, as ingest refuses). */
  startStream(channelArn: string, viewerCount?: number, streamKey?: string): FakeIvsEvent;
  endStream(channelArn: string): FakeIvsEvent[];
  close(): Promise<void>;
}

export const METADATA_LIMIT_BYTES = 1024;
export const METADATA_CALLS_PER_SECOND = 5;
/** IVS's account-wide call rates (IVS Service Quotas, "API Call Rate Quotas"; not adjustable). */
export const ACCOUNT_CALLS_PER_SECOND: Record<string, number> = {
  CreateChannel: 5,
  GetStream: 5,
  StopStream: 5,
  PutMetadata: 155,
  CreateStreamKey: 5,
  DeleteStreamKey: 5,
  GetStreamKey: 5,
  ListStreamKeys: 5,
};

const IVS_OPERATIONS = new Set([
  "CreateChannel",
  "PutMetadata",
  "StopStream",
  "GetStream",
  "CreateStreamKey",
  "DeleteStreamKey",
  "GetStreamKey",
  "ListStreamKeys",
]);
const STREAM_KEY_ARN = /^arn:aws:ivs:[a-z0-9-]+:[0-9]+:stream-key\/[a-zA-Z0-9-]+$/;
const CHAT_OPERATIONS = new Set([
  "CreateRoom",
  "CreateChatToken",
  "DeleteMessage",
  "DisconnectUser",
  "SendEvent",
  "DeleteRoom",
]);
const NAME = /^[a-zA-Z0-9-_]*$/;
const CAPABILITIES = new Set(["SEND_MESSAGE", "DISCONNECT_USER", "DELETE_MESSAGE"]);
const CHANNEL_TYPES = new Set(["BASIC", "STANDARD", "ADVANCED_SD", "ADVANCED_HD"]);

type Json = Record<string, unknown>;
type Reply = { status: number; headers: Record<string, string>; body: string; code?: string };

/** An IVS error: its name in x-amzn-ErrorType, the text in `exceptionMessage`. */
class IvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Json = {},
  ) {
    super(message);
  }
}

export async function startFakeIvs(options: FakeIvsOptions = {}): Promise<FakeIvs> {
  const region = options.region ?? "ap-northeast-1";
  const account = options.account ?? "123456789012";
  const credentials = options.credentials ?? FAKE_CREDENTIALS;
  const now = options.now ?? Date.now;
  const recordingBuckets = new Map((options.recordingConfigurations ?? []).map((r) => [r.arn, r.bucketName]));
  const ingestHost = `${hex(12)}.global-contribute.live-video.net`;
  const playbackOrigin = options.media?.playbackOrigin ?? `https://${hex(12)}.${region}.playback.live-video.net`;

  const channels = new Map<string, FakeIvsChannel>();
  const metadata: FakeIvs["metadata"] = [];
  const rooms = new Map<string, FakeIvsRoom>();
  const tokens: FakeChatToken[] = [];
  const deletedMessages: FakeIvs["deletedMessages"] = [];
  const disconnects: FakeIvs["disconnects"] = [];
  const roomEvents: FakeIvs["roomEvents"] = [];
  const requests: FakeIvsRequest[] = [];
  const events: FakeIvsEvent[] = [];
  const messaging = chatMessaging({
    rooms,
    now,
    deletedMessages,
    disconnects,
    ...(options.reviewMessage ? { reviewMessage: options.reviewMessage } : {}),
  });
  /** Accepted calls in the last second, per channel (PutMetadata) and per operation (the account's rates). */
  const metadataCalls = new Map<string, number[]>();
  const accountCalls = new Map<string, number[]>();

  /** Counts a call against a one-second window of `limit` calls, or throttles it. */
  function withinRate(window: Map<string, number[]>, key: string, limit: number, what: string) {
    const at = now();
    const recent = (window.get(key) ?? []).filter((t) => t > at - 1000);
    if (recent.length >= limit) {
      window.set(key, recent);
      throw new IvsError(429, "ThrottlingException", `Request rate exceeded for ${what}`);
    }
    window.set(key, [...recent, at]);
  }
  const recordings = new Map<string, { prefix: string; startedAt: number }>();

  const validation = (message: string) => new IvsError(400, "ValidationException", message);

  const newStreamKey = (tags: Record<string, string>): FakeIvsStreamKey => ({
    arn: `arn:aws:ivs:${region}:${account}:stream-key/${alnum(12)}`,
    value: `sk_${region}_${alnum(36)}`,
    tags,
  });

  /** The channel whose stream key has this ARN (IVS answers 404 for a key that does not exist, or no longer). */
  function keyOwner(arn: unknown): FakeIvsChannel & { streamKey: FakeIvsStreamKey } {
    if (typeof arn !== "string" || !STREAM_KEY_ARN.test(arn))
      throw validation(`invalid stream key ARN: ${String(arn)}`);
    for (const channel of channels.values()) {
      if (channel.streamKey?.arn === arn) return channel as FakeIvsChannel & { streamKey: FakeIvsStreamKey };
    }
    throw new IvsError(404, "ResourceNotFoundException", `ResourceNotFoundException: ${arn}`);
  }

  const keyOut = (channel: FakeIvsChannel, key: FakeIvsStreamKey) => ({
    arn: key.arn,
    value: key.value,
    channelArn: channel.arn,
    tags: key.tags,
  });

  function channelOf(arn: unknown): FakeIvsChannel {
    const channel = typeof arn === "string" ? channels.get(arn) : undefined;
    if (!channel) throw new IvsError(404, "ResourceNotFoundException", `ResourceNotFoundException: ${String(arn)}`);
    return channel;
  }

  function broadcasting(channel: FakeIvsChannel) {
    if (!channel.stream) throw new IvsError(404, "ChannelNotBroadcasting", `Channel is offline: ${channel.arn}`);
    return channel.stream;
  }

  const ivs: Record<string, (input: Json) => Json | undefined> = {
    CreateChannel(input) {
      const name = str(input.name, "");
      if (name.length > 128 || !NAME.test(name)) throw validation("name must match ^[a-zA-Z0-9-_]*$, at most 128");
      const latencyMode = str(input.latencyMode, "LOW");
      if (latencyMode !== "LOW" && latencyMode !== "NORMAL") throw validation(`invalid latencyMode: ${latencyMode}`);
      const type = str(input.type, "STANDARD");
      if (!CHANNEL_TYPES.has(type)) throw validation(`invalid type: ${type}`);
      const tags = checkTags(input.tags, validation);
      const recordingConfigurationArn = str(input.recordingConfigurationArn, "");
      if (recordingConfigurationArn && !recordingBuckets.has(recordingConfigurationArn)) {
        throw new IvsError(
          404,
          "ResourceNotFoundException",
          `Recording configuration not found: ${recordingConfigurationArn}`,
        );
      }
      const id = alnum(12);
      const arn = `arn:aws:ivs:${region}:${account}:channel/${id}`;
      const channel: FakeIvsChannel = {
        arn,
        id,
        name,
        latencyMode,
        type,
        authorized: input.authorized === true,
        insecureIngest: input.insecureIngest === true,
        recordingConfigurationArn,
        ingestEndpoint: options.media?.ingestEndpoint ?? ingestHost,
        playbackUrl: `${playbackOrigin}/api/video/v1/${region}.${account}.channel.${id}.m3u8`,
        tags,
        streamKey: newStreamKey(tags),
      };
      channels.set(arn, channel);
      const { streamKey, stream: _stream, id: _id, ...info } = channel;
      return { channel: info, streamKey: streamKey && keyOut(channel, streamKey) };
    },

    CreateStreamKey(input) {
      const channel = channelOf(input.channelArn);
      if (channel.streamKey) {
        throw new IvsError(402, "ServiceQuotaExceededException", "Exceeded the number of stream keys for the channel", {
          channelArn: channel.arn,
        });
      }
      channel.streamKey = newStreamKey(checkTags(input.tags, validation));
      return { streamKey: keyOut(channel, channel.streamKey) };
    },

    DeleteStreamKey(input) {
      const channel: FakeIvsChannel = keyOwner(input.arn);
      channel.streamKey = undefined;
      return undefined;
    },

    GetStreamKey(input) {
      const channel = keyOwner(input.arn);
      return { streamKey: keyOut(channel, channel.streamKey) };
    },

    ListStreamKeys(input) {
      const channel = channelOf(input.channelArn);
      const key = channel.streamKey;
      return { streamKeys: key ? [{ arn: key.arn, channelArn: channel.arn, tags: key.tags }] : [] };
    },

    PutMetadata(input) {
      const channel = channelOf(input.channelArn);
      const text = str(input.metadata, "");
      if (!text || Buffer.byteLength(text) > METADATA_LIMIT_BYTES) {
        throw validation(`metadata must be 1 to ${METADATA_LIMIT_BYTES} bytes`);
      }
      broadcasting(channel);
      withinRate(metadataCalls, channel.arn, METADATA_CALLS_PER_SECOND, "PutMetadata on this channel");
      metadata.push({ channelArn: channel.arn, metadata: text, at: now() });
      options.media?.metadataAccepted(channel.arn, text);
      return undefined;
    },

    StopStream(input) {
      const channel = channelOf(input.channelArn);
      broadcasting(channel);
      endStream(channel.arn);
      return {};
    },

    GetStream(input) {
      const channel = channelOf(input.channelArn);
      const stream = broadcasting(channel);
      return {
        stream: {
          channelArn: channel.arn,
          streamId: stream.streamId,
          playbackUrl: channel.playbackUrl,
          startTime: stream.startTime,
          state: "LIVE",
          health: "HEALTHY",
          viewerCount: stream.viewerCount,
        },
      };
    },
  };

  const chatValidation = (message: string, field: string) =>
    new IvsError(400, "ValidationException", message, {
      reason: "FIELD_VALIDATION_FAILED",
      fieldList: [{ name: field, message }],
    });

  function roomOf(identifier: unknown): FakeIvsRoom {
    const room = typeof identifier === "string" ? rooms.get(identifier) : undefined;
    if (!room) {
      throw new IvsError(404, "ResourceNotFoundException", `Room not found: ${String(identifier)}`, {
        resourceId: String(identifier),
        resourceType: "ROOM",
      });
    }
    return room;
  }

  const chat: Record<string, (input: Json) => Json> = {
    CreateRoom(input) {
      const name = str(input.name, "");
      if (name.length > 128 || !NAME.test(name)) throw chatValidation("must match ^[a-zA-Z0-9-_]*$", "name");
      const rate = num(input.maximumMessageRatePerSecond, 10);
      if (!Number.isInteger(rate) || rate < 1 || rate > 100)
        throw chatValidation("must be 1 to 100", "maximumMessageRatePerSecond");
      const length = num(input.maximumMessageLength, 500);
      if (!Number.isInteger(length) || length < 1 || length > 500)
        throw chatValidation("must be 1 to 500", "maximumMessageLength");
      const tags = checkTags(input.tags, (message) => chatValidation(message, "tags"));
      const messageReviewHandler = reviewHandler(input.messageReviewHandler);
      const id = alnum(12);
      const room: FakeIvsRoom = {
        arn: `arn:aws:ivschat:${region}:${account}:room/${id}`,
        id,
        name,
        maximumMessageLength: length,
        maximumMessageRatePerSecond: rate,
        ...(messageReviewHandler ? { messageReviewHandler } : {}),
        tags,
      };
      rooms.set(room.arn, room);
      const at = new Date(now()).toISOString();
      return { ...room, createTime: at, updateTime: at, loggingConfigurationIdentifiers: [] };
    },

    CreateChatToken(input) {
      const room = roomOf(input.roomIdentifier);
      const userId = str(input.userId, "");
      if (userId.length < 1 || userId.length > 128) throw chatValidation("must be 1 to 128 characters", "userId");
      const capabilities = Array.isArray(input.capabilities) ? input.capabilities.map(String) : [];
      const unknown = capabilities.find((c) => !CAPABILITIES.has(c));
      if (unknown) throw chatValidation(`unknown capability ${unknown}`, "capabilities");
      const minutes = num(input.sessionDurationInMinutes, 60);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 180)
        throw chatValidation("must be 1 to 180", "sessionDurationInMinutes");
      const attributes = stringMap(input.attributes);
      if (Buffer.byteLength(JSON.stringify(attributes)) > 1024) throw chatValidation("at most 1 KB", "attributes");
      const token = `AQICAH${randomBytes(48).toString("base64url")}`;
      const at = now();
      const expiresAt = at + 3_600_000;
      const sessionExpiresAt = at + minutes * 60_000;
      const issued = { roomArn: room.arn, userId, attributes, capabilities, token };
      tokens.push({ ...issued, sessionDurationInMinutes: minutes });
      messaging.issue({ ...issued, expiresAt, sessionExpiresAt, used: false });
      return {
        token,
        tokenExpirationTime: new Date(expiresAt).toISOString(),
        sessionExpirationTime: new Date(sessionExpiresAt).toISOString(),
      };
    },

    DeleteMessage(input) {
      const room = roomOf(input.roomIdentifier);
      const id = str(input.id, "");
      if (!/^[a-zA-Z0-9]{1,128}$/.test(id)) throw chatValidation("must match ^[a-zA-Z0-9]+$", "id");
      const reason = str(input.reason, "");
      if (reason.length > 256) throw chatValidation("at most 256 characters", "reason");
      return { id: messaging.deleteMessage(room.arn, id, reason) };
    },

    DisconnectUser(input) {
      const room = roomOf(input.roomIdentifier);
      const userId = str(input.userId, "");
      if (userId.length < 1 || userId.length > 128) throw chatValidation("must be 1 to 128 characters", "userId");
      const reason = str(input.reason, "");
      if (reason.length > 256) throw chatValidation("at most 256 characters", "reason");
      messaging.disconnectUser(room.arn, userId, reason);
      return {};
    },

    SendEvent(input) {
      const room = roomOf(input.roomIdentifier);
      const eventName = str(input.eventName, "");
      if (eventName.length < 1 || eventName.length > 100)
        throw chatValidation("must be 1 to 100 characters", "eventName");
      const attributes = stringMap(input.attributes);
      if (Buffer.byteLength(JSON.stringify(attributes)) > 1024) throw chatValidation("at most 1 KB", "attributes");
      roomEvents.push({ roomArn: room.arn, eventName, attributes });
      return { id: messaging.sendEvent(room.arn, eventName, attributes) };
    },

    DeleteRoom(input) {
      const { arn } = roomOf(input.identifier);
      rooms.delete(arn);
      messaging.closeRoom(arn);
      return {};
    },
  };

  function event(type: FakeIvsEvent["detail-type"], channel: FakeIvsChannel, detail: FakeIvsEvent["detail"]) {
    const sent: FakeIvsEvent = {
      version: "0",
      id: randomUUID(),
      "detail-type": type,
      source: "aws.ivs",
      account,
      time: new Date(now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
      region,
      resources: [channel.arn],
      detail,
    };
    events.push(sent);
    return sent;
  }

  function startStream(channelArn: string, viewerCount = 0, streamKey?: string) {
    const channel = channelOf(channelArn);
    if (channel.stream) throw new Error(`${channelArn} is already broadcasting`);
    if (streamKey !== undefined && streamKey !== channel.streamKey?.value) {
      throw new Error(`${channelArn} refused the publish: not its stream key`);
    }
    const streamId = `st-${alnum(25)}`;
    channel.stream = { streamId, startTime: new Date(now()).toISOString(), viewerCount };
    const bucket = recordingBuckets.get(channel.recordingConfigurationArn);
    if (bucket) {
      const d = new Date(now());
      const prefix = [
        "ivs/v1",
        account,
        channel.id,
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        alnum(12),
      ].join("/");
      recordings.set(channel.arn, { prefix, startedAt: now() });
    }
    return event("IVS Stream State Change", channel, {
      event_name: "Stream Start",
      channel_name: channel.name,
      stream_id: streamId,
    });
  }

  function endStream(channelArn: string) {
    const channel = channelOf(channelArn);
    const stream = broadcasting(channel);
    channel.stream = undefined;
    options.media?.streamEnded(channel.arn);
    const sent = [
      event("IVS Stream State Change", channel, {
        event_name: "Stream End",
        channel_name: channel.name,
        stream_id: stream.streamId,
      }),
    ];
    const recording = recordings.get(channel.arn);
    const bucket = recordingBuckets.get(channel.recordingConfigurationArn);
    if (recording && bucket) {
      recordings.delete(channel.arn);
      sent.push(
        event("IVS Recording State Change", channel, {
          channel_name: channel.name,
          stream_id: stream.streamId,
          recording_status: "Recording End",
          recording_status_reason: "",
          recording_s3_bucket_name: bucket,
          recording_s3_key_prefix: recording.prefix,
          recording_duration_ms: now() - recording.startedAt,
          recording_session_id: alnum(16),
        }),
      );
    }
    return sent;
  }

  async function handle(req: IncomingMessage): Promise<{ reply: Reply; log: FakeIvsRequest }> {
    const body = await readBytes(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const operation = path.slice(1);
    const service = IVS_OPERATIONS.has(operation) ? "ivs" : CHAT_OPERATIONS.has(operation) ? "ivschat" : "unknown";
    const authorization = String(req.headers.authorization ?? "");
    let input: Json = {};
    const log = (reply: Reply): { reply: Reply; log: FakeIvsRequest } => ({
      reply,
      log: {
        service,
        operation: service === "unknown" ? `${req.method} ${path}` : operation,
        authorization,
        status: reply.status,
        ...(reply.code ? { code: reply.code } : {}),
        input,
      },
    });
    const shape = service === "ivschat" ? "chat" : "ivs";
    if (service === "unknown" || req.method !== "POST") {
      return log(errorReply(shape, new IvsError(404, "UnknownOperationException", `${req.method} ${path}`)));
    }
    const problem = checkHeaderSignature(req, body, { credentials, region, service, escapePath: true });
    if (problem) return log(errorReply(shape, authError(problem)));
    try {
      input = body.length ? (JSON.parse(body.toString("utf8")) as Json) : {};
    } catch {
      return log(errorReply(shape, new IvsError(400, "ValidationException", "Request body is not valid JSON")));
    }
    try {
      const limit = ACCOUNT_CALLS_PER_SECOND[operation];
      if (service === "ivs" && limit) withinRate(accountCalls, operation, limit, `${operation} in this account`);
      const output = service === "ivs" ? ivs[operation]?.(input) : chat[operation]?.(input);
      return log(
        output === undefined
          ? { status: 204, headers: {}, body: "" }
          : { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(output) },
      );
    } catch (e) {
      if (e instanceof IvsError) return log(errorReply(shape, e));
      throw e;
    }
  }

  const server = await listen((req, res) => {
    handle(req)
      .then(({ reply, log }) => {
        requests.push(log);
        res.writeHead(reply.status, { "x-amzn-requestid": randomUUID(), ...reply.headers });
        res.end(reply.body);
      })
      .catch((e: unknown) => res.writeHead(500).end(String(e)));
  }, messaging.upgrade);

  const fake: FakeIvs = {
    url: server.url,
    region,
    account,
    credentials,
    channels,
    metadata,
    rooms,
    tokens,
    deletedMessages,
    disconnects,
    roomEvents,
    chatUrl: server.url.replace(/^http:/, "ws:"),
    chatMessages: messaging.messages,
    chatConnections: messaging.connections,
    requests,
    events,
    startStream,
    endStream,
    close: () => {
      messaging.close();
      return server.close();
    },
  };
  options.media?.attach(fake);
  return fake;
}

/** IVS answers `{ exceptionMessage }`, IVS Chat `{ message, … }`; both name the error in x-amzn-ErrorType. */
function errorReply(shape: "ivs" | "chat", error: IvsError): Reply {
  const body = shape === "ivs" ? { exceptionMessage: error.message } : { message: error.message, ...error.extra };
  return {
    status: error.status,
    code: error.code,
    headers: { "content-type": "application/json", "x-amzn-errortype": error.code },
    body: JSON.stringify(body),
  };
}

/** Signature problems in the words of AWS's REST JSON front ends. */
function authError({ code, message }: Failure): IvsError {
  if (code === "AccessDenied") return new IvsError(403, "MissingAuthenticationTokenException", message);
  if (code === "InvalidAccessKeyId")
    return new IvsError(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
  return new IvsError(403, "InvalidSignatureException", message);
}

function reviewHandler(value: unknown): FakeIvsRoom["messageReviewHandler"] {
  if (!value || typeof value !== "object") return undefined;
  const { uri, fallbackResult } = value as Json;
  if (typeof uri !== "string" || !uri) return undefined;
  return { uri, fallbackResult: fallbackResult === "DENY" ? "DENY" : "ALLOW" };
}

function checkTags(tags: unknown, fail: (message: string) => Error): Record<string, string> {
  const map = stringMap(tags);
  const entries = Object.entries(map);
  if (entries.length > 50) throw fail("at most 50 tags");
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128 || key.startsWith("aws:")) throw fail(`invalid tag key ${key}`);
    if (value.length > 256) throw fail(`tag ${key}: value longer than 256 characters`);
  }
  return map;
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, String(v)]));
}

const str = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
const num = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);
const hex = (n: number) => randomBytes(n).toString("hex").slice(0, n);

function alnum(n: number) {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(n), (b) => chars[b % chars.length]).join("");
}
