import { channelById } from "./channel";
import { Deal } from "./deal";
import { SessionEntity } from "./entities";
import { SessionLifecycle } from "./status";

/**
 * The provider's stream events drive the session: a stream starting on a channel puts its next scheduled session
 * on air; the stream ending ends it. Events for channels with nothing scheduled change nothing.
 */
export async function onStreamEvent(event: { channelId: string; type: "start" | "end"; at?: Date }) {
  const at = (event.at ?? new Date()).toISOString();
  const channel = await channelById(event.channelId).catch(() => undefined);
  if (!channel) return null;
  const { data } = await SessionEntity.query.byProducer({ producerId: channel.producerId }).go({ pages: "all" });
  if (event.type === "start") {
    const live = data.find((s) => s.status === "live");
    if (live) {
      // The seller reconnected in time: the same session goes on.
      if (live.offlineSince) await SessionEntity.patch({ sessionId: live.sessionId }).remove(["offlineSince"]).go();
      return live.sessionId;
    }
    // The scheduled session nearest to now (a seller may start a little early or late).
    const next = data
      .filter((s) => s.status === "scheduled")
      .sort(
        (a, b) => Math.abs(Date.parse(a.startAt) - Date.parse(at)) - Math.abs(Date.parse(b.startAt) - Date.parse(at)),
      )[0];
    if (!next) return null;
    await SessionEntity.patch({ sessionId: next.sessionId })
      .set({ status: SessionLifecycle.move(next.status, "live"), startedAt: at })
      .where(({ status }, { eq }) => eq(status, next.status))
      .go()
      .catch(() => undefined);
    return next.sessionId;
  }
  const live = data.find((s) => s.status === "live");
  if (!live) return null;
  // Not ended yet: a phone on a weak network, or OBS, reconnects within the grace (see endOffline).
  await SessionEntity.patch({ sessionId: live.sessionId })
    .set({ offlineSince: at })
    .where(({ status }, { eq }) => eq(status, "live"))
    .go()
    .catch(() => undefined);
  return live.sessionId;
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
  if (ended?.data.dealId) await Deal.close(ended.data.dealId, at);
}

/** The provider's recording of a session, for its replay. */
export async function onRecording(event: { channelId: string; url: string; startedAt?: Date }) {
  const channel = await channelById(event.channelId).catch(() => undefined);
  if (!channel) return null;
  const { data } = await SessionEntity.query.byProducer({ producerId: channel.producerId }).go({ pages: "all" });
  const session = data
    .filter((s) => s.status !== "scheduled")
    .sort((a, b) => (b.startedAt ?? "").localeCompare(a.startedAt ?? ""))[0];
  if (!session) return null;
  await SessionEntity.patch({ sessionId: session.sessionId }).set({ recordingUrl: event.url }).go();
  return session.sessionId;
}
