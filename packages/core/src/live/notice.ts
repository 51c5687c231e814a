import type { Actor } from "../account/actor";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { DomainError } from "../util/error";
import { channelById } from "./channel";
import { cuePayload } from "./cue";
import { SessionEntity } from "./entities";
import { NOTICE_MAX_LENGTH, noticeText } from "./notice-presets";
import { videoProvider } from "./provider";
import { cueNews, tellRoom } from "./room";
import { notLive, ownSession, streamMs } from "./session";
import type { Notice } from "./views";
import type { Cue } from "./wire";

/**
 * The seller's safety notice over the stream (E-commerce Law 2025: streamers get a tool to show safety warnings),
 * e.g. "Sản phẩm không phải là thuốc" for herbal products. It travels as pins do: timed metadata with the video,
 * the room for pages whose player has not started, the session for late joiners; the replay keeps each with its
 * time in the stream.
 */

/** Every notice set and cleared in a session, with its time in the stream: shown again on the replay. */
export const NoticeEntity = entityOnFirstUse(
  {
    model: { entity: "livenotice", version: "1", service: SERVICE },
    attributes: {
      sessionId: { type: "string", required: true },
      at: { type: "string", required: true },
      streamMs: { type: "number", required: true },
      text: { type: "string" },
    },
    indexes: { bySession: { pk: { field: "pk", composite: ["sessionId"] }, sk: { field: "sk", composite: ["at"] } } },
  },
  { client: lazyClient, table: tableName() },
);

const tooLong = () =>
  new DomainError(
    400,
    "invalid_input",
    {
      vi: `Lời cảnh báo có từ 1 đến ${NOTICE_MAX_LENGTH} ký tự.`,
      en: `A notice is 1 to ${NOTICE_MAX_LENGTH} characters.`,
    },
    "notice",
  );

/** Shows a notice over the live (or clears it with null): only its sellers, only while on air. */
export async function setNotice(actor: Actor, sessionId: string, raw: string | null): Promise<Notice> {
  const session = await ownSession(actor, sessionId);
  const text = raw === null ? null : noticeText(raw);
  if (raw !== null && text === null) throw tooLong();
  if (session.status !== "live") throw notLive();
  const at = new Date();
  const ms = streamMs(session, at.getTime());
  const cue: Cue = { t: "notice", s: sessionId, ms, n: text };
  const channel = await channelById(session.channelId);
  await videoProvider().putMetadata(channel, cuePayload(cue));
  await Promise.all([
    text
      ? SessionEntity.patch({ sessionId }).set({ noticeText: text, noticeAt: at.toISOString() }).go()
      : SessionEntity.patch({ sessionId }).remove(["noticeText", "noticeAt"]).go(),
    NoticeEntity.put({ sessionId, at: at.toISOString(), streamMs: ms, text: text ?? undefined }).go(),
  ]);
  await tellRoom(session, cueNews(cue, at));
  return { notice: text, at: at.toISOString() };
}

/** The replay's notices, in stream order. */
export async function noticeTimeline(sessionId: string) {
  const { data } = await NoticeEntity.query.bySession({ sessionId }).go({ pages: "all" });
  return data.map((n) => ({ atMs: n.streamMs, text: n.text ?? null }));
}
