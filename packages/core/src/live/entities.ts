import type { EntityItem } from "electrodb";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";

// The deal moved to its own concept; these stay until every importer reads it from there.
export { type Deal, DealBuyerEntity, DealEntity } from "./deal/entities";

const config = { client: lazyClient, table: tableName() };

/** One live channel per producer, created on first use. Holds the stream key: never sent to anyone but its sellers. */
export const ChannelEntity = entityOnFirstUse(
  {
    model: { entity: "channel", version: "1", service: SERVICE },
    attributes: {
      producerId: { type: "string", required: true },
      channelId: { type: "string", required: true },
      provider: { type: ["ivs", "local"] as const, required: true },
      arn: { type: "string" },
      ingestUrl: { type: "string", required: true },
      streamKey: { type: "string", required: true },
      playbackUrl: { type: "string", required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byProducer: { pk: { field: "pk", composite: ["producerId"] }, sk: { field: "sk", composite: [] } },
      byChannel: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["channelId"] },
        sk: { field: "gsi1sk", composite: [] },
      },
    },
  },
  config,
);

export const SESSION_STATUSES = ["scheduled", "live", "ended"] as const;

/** A live selling session: scheduled by a seller, live and ended by the provider's stream events. */
export const SessionEntity = entityOnFirstUse(
  {
    model: { entity: "livesession", version: "1", service: SERVICE },
    attributes: {
      sessionId: { type: "string", required: true },
      producerId: { type: "string", required: true },
      producerName: { type: "string", required: true },
      channelId: { type: "string", required: true },
      title: { type: "string", required: true },
      startAt: { type: "string", required: true },
      coverKey: { type: "string" },
      productIds: { type: "list", items: { type: "string" }, required: true },
      status: { type: SESSION_STATUSES, required: true },
      startedAt: { type: "string" },
      endedAt: { type: "string" },
      endedBy: { type: "string" },
      /** Staff ending or cancelling a live give the seller a reason. */
      endReason: { type: "string" },
      /** Called off before it went on air (it never streamed). */
      cancelled: { type: "boolean" },
      /** The stream dropped at this time while live: the session waits for the seller to reconnect, then ends. */
      offlineSince: { type: "string" },
      /** The product pinned now (late joiners see it at once), and when. */
      pinProductId: { type: "string" },
      pinnedAt: { type: "string" },
      /** The seller's safety notice shown over the video now, and since when (the replay keeps them: NoticeEntity). */
      noticeText: { type: "string" },
      noticeAt: { type: "string" },
      dealId: { type: "string" },
      likes: { type: "number", default: 0 },
      /** When the room was last told the likes (on IVS: at most every 2 s, however many like). */
      likesRelayedAt: { type: "string" },
      peakViewers: { type: "number", default: 0 },
      chatRoomArn: { type: "string" },
      /** The provider's ids of the streams that carried this session (IVS stream_id), to match its recording. */
      streamIds: { type: "set", items: "string" },
      recordingUrl: { type: "string" },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["sessionId"] }, sk: { field: "sk", composite: [] } },
      byProducer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["producerId"] },
        sk: { field: "gsi1sk", composite: ["startAt", "sessionId"] },
      },
      byStatus: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["status"] },
        sk: { field: "gsi2sk", composite: ["startAt", "sessionId"] },
      },
    },
  },
  config,
);
export type Session = EntityItem<typeof SessionEntity>;

/** Every pin and unpin of a session, with its time in the stream: the replay's timeline. */
export const PinEntity = entityOnFirstUse(
  {
    model: { entity: "livepin", version: "1", service: SERVICE },
    attributes: {
      sessionId: { type: "string", required: true },
      at: { type: "string", required: true },
      streamMs: { type: "number", required: true },
      productId: { type: "string" },
    },
    indexes: { bySession: { pk: { field: "pk", composite: ["sessionId"] }, sk: { field: "sk", composite: ["at"] } } },
  },
  config,
);

/** Viewers muted in a session's chat by its seller or staff. */
export const MuteEntity = entityOnFirstUse(
  {
    model: { entity: "livemute", version: "1", service: SERVICE },
    attributes: {
      sessionId: { type: "string", required: true },
      userId: { type: "string", required: true },
      by: { type: "string", required: true },
      at: { type: "string", required: true },
    },
    indexes: { byKey: { pk: { field: "pk", composite: ["sessionId"] }, sk: { field: "sk", composite: ["userId"] } } },
  },
  config,
);

export const CHAT_ROLES = ["seller", "staff", "viewer"] as const;

/**
 * A session's chat as it was said: what late joiners are shown. Written by the local hub, or by IVS Chat's message
 * review handler, for every message let through; a message deleted by a moderator, or written by a viewer later
 * muted, is kept marked `deleted` and never shown again.
 */
export const ChatMessageEntity = entityOnFirstUse(
  {
    model: { entity: "livechat", version: "1", service: SERVICE },
    attributes: {
      sessionId: { type: "string", required: true },
      messageId: { type: "string", required: true },
      at: { type: "string", required: true },
      userId: { type: "string", required: true },
      name: { type: "string", required: true },
      role: { type: CHAT_ROLES, required: true },
      text: { type: "string", required: true },
      deleted: { type: "boolean" },
    },
    indexes: {
      bySession: { pk: { field: "pk", composite: ["sessionId"] }, sk: { field: "sk", composite: ["at", "messageId"] } },
      byId: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["sessionId", "messageId"] },
        sk: { field: "gsi1sk", composite: [] },
      },
    },
  },
  config,
);
export type ChatMessage = EntityItem<typeof ChatMessageEntity>;
