import { ulid } from "ulid";
import { Producer } from "../producer";
import { SellerVerification } from "../seller/verification";
import { channelById } from "./channel";
import { chatProvider, hasChatProvider } from "./chat";
import { Deal } from "./deal";
import { type Session, SessionEntity } from "./entities";
import { tellRoom } from "./room";
import { SessionLifecycle } from "./status";

/** How far from its scheduled time a stream start still puts a session on air (a seller early or late). */
export const SCHEDULE_WINDOW_MS = 2 * 3_600_000;

/**
 * The provider's stream events drive the session: a stream starting on a channel puts on air the session scheduled
 * nearest its time within ±2 h, or else an unscheduled live of that producer (a seller who went live from OBS without
 * scheduling); the stream ending marks the live offline until it ends. Events for unknown channels change nothing,
 * nor does a start on the channel of a producer with no verified seller (E-commerce Law: verified before going live).
 */
export async function onStreamEvent(event: { channelId: string; type: "start" | "end"; at?: Date; streamId?: string }) {
  const at = (event.at ?? new Date()).toISOString();
  const channel = await channelById(event.channelId).catch(() => undefined);
  if (!channel) return null;
  const { data } = await SessionEntity.query.byProducer({ producerId: channel.producerId }).go({ pages: "all" });
  const streamIds = event.streamId ? { streamIds: [event.streamId] } : undefined;
  if (event.type === "start") {
    if (!(await SellerVerification.producerMayGoLive(channel.producerId))) {
      console.warn("[live] stream refused: no verified seller", channel.producerId);
      return null;
    }
    const live = data.find((s) => s.status === "live");
    if (live) {
      // The seller reconnected in time: the same session goes on.
      const patch = SessionEntity.patch({ sessionId: live.sessionId });
      if (streamIds) await patch.add(streamIds).remove(["offlineSince"]).go();
      else if (live.offlineSince) await patch.remove(["offlineSince"]).go();
      await tellRoom(live, { type: "stream", state: "start", sessionId: live.sessionId });
      return live.sessionId;
    }
    const distance = (s: Session) => Math.abs(Date.parse(s.startAt) - Date.parse(at));
    const next = data
      .filter((s) => s.status === "scheduled" && distance(s) <= SCHEDULE_WINDOW_MS)
      .sort((a, b) => distance(a) - distance(b))[0];
    if (!next) return unscheduled(channel, at, event.streamId, data[0]?.producerName);
    const patch = SessionEntity.patch({ sessionId: next.sessionId }).set({
      status: SessionLifecycle.move(next.status, "live"),
      startedAt: at,
    });
    const onAir = await (streamIds ? patch.add(streamIds) : patch)
      .where(({ status }, { eq }) => eq(status, next.status))
      .go()
      .catch(() => undefined);
    if (onAir) await tellRoom(next, { type: "stream", state: "start", sessionId: next.sessionId });
    return next.sessionId;
  }
  const live = data.find((s) => s.status === "live");
  if (!live) return null;
  // Not ended yet: a phone on a weak network, or OBS, reconnects within the grace (see endOffline).
  const offline = await SessionEntity.patch({ sessionId: live.sessionId })
    .set({ offlineSince: at })
    .where(({ status }, { eq }) => eq(status, "live"))
    .go()
    .catch(() => undefined);
  if (offline) await tellRoom(live, { type: "stream", state: "end", sessionId: live.sessionId });
  return live.sessionId;
}

/** A stream with nothing scheduled near its time: a live of its own, on air at once, with no featured products yet. */
async function unscheduled(
  channel: { channelId: string; producerId: string },
  at: string,
  streamId: string | undefined,
  knownName: string | undefined,
) {
  // The name its other sessions carry, if any, saves a read; the producer's record otherwise.
  const name = knownName ?? (await Producer.get(channel.producerId)).name;
  const sessionId = ulid().toLowerCase();
  // Where no chat provider is composed (the IVS events Lambda without IVS Chat rights), the live has no room yet.
  const chat = hasChatProvider() ? chatProvider() : undefined;
  const chatRoomArn = chat?.createRoom ? await chat.createRoom(sessionId) : undefined;
  await SessionEntity.create({
    sessionId,
    producerId: channel.producerId,
    producerName: name,
    channelId: channel.channelId,
    title: `Live của ${name}`,
    startAt: at,
    productIds: [],
    status: "live",
    startedAt: at,
    chatRoomArn,
    ...(streamId ? { streamIds: [streamId] } : {}),
    createdAt: new Date().toISOString(),
  }).go();
  return sessionId;
}

/** How long a live whose stream dropped waits for the seller to reconnect before it ends (IVS's recording reconnect window is the same). */
export const RECONNECT_GRACE_SECONDS = 60;

/**
 * Ends the lives whose stream has been gone longer than the grace, at the time it went (the 1-minute job on AWS,
 * a timer locally). Returns the sessions it ended.
 */
export async function endOffline(graceSeconds = RECONNECT_GRACE_SECONDS, now = new Date()) {
  const { data } = await SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" });
  const cutoff = new Date(now.getTime() - graceSeconds * 1000).toISOString();
  const gone = data.filter((s) => s.offlineSince && s.offlineSince <= cutoff);
  for (const s of gone) await endSession(s.sessionId, s.offlineSince ?? now.toISOString(), "stream");
  return gone.map((s) => s.sessionId);
}

/** Marks every live session offline (the local runtime starting again after a crash: no stream is up yet). */
export async function markAllOffline(now = new Date()) {
  const { data } = await SessionEntity.query.byStatus({ status: "live" }).go({ pages: "all" });
  for (const s of data.filter((s) => !s.offlineSince))
    await SessionEntity.patch({ sessionId: s.sessionId }).set({ offlineSince: now.toISOString() }).go();
}

export async function endSession(sessionId: string, at: string, by: string) {
  const ended = await SessionEntity.patch({ sessionId })
    .set({ status: SessionLifecycle.move("live", "ended"), endedAt: at, endedBy: by })
    .remove(["pinProductId", "pinnedAt", "offlineSince"])
    .where(({ status }, { eq }) => eq(status, "live"))
    .go({ response: "all_new" })
    .catch(() => undefined);
  if (!ended) return;
  if (ended.data.dealId) await Deal.close(ended.data.dealId, at, ended.data);
  await tellRoom(ended.data, { type: "ended", sessionId });
}

/** How long after its live ended a room stays: the end has reached every page by then. */
export const ROOM_KEPT_SECONDS = 60;

/**
 * Deletes the chat rooms of the lives that ended a minute ago or more (the 1-minute job on AWS; IVS Chat's rooms
 * are counted against a quota and bill nothing idle, but an ended live's room is of no use). Returns the sessions.
 */
export async function closeRooms(now = new Date()) {
  const chat = hasChatProvider() ? chatProvider() : undefined;
  if (!chat?.deleteRoom) return [];
  // Ended lives started within the last days (a cancelled one may have been scheduled weeks ahead).
  const since = new Date(now.getTime() - 3 * 86_400_000).toISOString();
  const { data } = await SessionEntity.query.byStatus({ status: "ended" }).gte({ startAt: since }).go({ pages: "all" });
  const cutoff = new Date(now.getTime() - ROOM_KEPT_SECONDS * 1000).toISOString();
  const done: string[] = [];
  for (const s of data.filter((s) => s.chatRoomArn && (s.endedAt ?? "") <= cutoff)) {
    try {
      await chat.deleteRoom(s);
      await SessionEntity.patch({ sessionId: s.sessionId }).remove(["chatRoomArn"]).go();
      done.push(s.sessionId);
    } catch (err) {
      console.error("[live] room not deleted", s.sessionId, err);
    }
  }
  return done;
}

/** How far a recording's start may lie outside a session's time on air (the event's clock against IVS's). */
const RECORDING_SLACK_MS = 2 * 60_000;

/**
 * The provider's recording of a session, for its replay. It belongs to the session its stream carried (by the
 * provider's stream id), else to the session on air when it started; never to a later session, and a recording that
 * matches none is left alone.
 */
export async function onRecording(event: { channelId: string; url: string; startedAt?: Date; streamId?: string }) {
  const channel = await channelById(event.channelId).catch(() => undefined);
  if (!channel) return null;
  const { data } = await SessionEntity.query.byProducer({ producerId: channel.producerId }).go({ pages: "all" });
  const aired = data.filter((s) => s.status !== "scheduled" && s.startedAt);
  const start = event.startedAt?.getTime();
  const session =
    aired.find((s) => event.streamId && s.streamIds?.includes(event.streamId)) ??
    (start === undefined
      ? undefined
      : aired
          .filter(
            (s) =>
              Date.parse(s.startedAt ?? "") <= start + RECORDING_SLACK_MS &&
              (!s.endedAt || Date.parse(s.endedAt) >= start - RECORDING_SLACK_MS),
          )
          .sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""))[0]);
  if (!session) return null;
  await SessionEntity.patch({ sessionId: session.sessionId }).set({ recordingUrl: event.url }).go();
  return session.sessionId;
}
