import { z } from "zod";
import { type Actor, requireSellerOf, requireStaff, requireUser } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { messenger } from "../message";
import { Producer } from "../producer";
import { DomainError } from "../util/error";
import { channelById } from "./channel";
import { ChannelEntity, type Session, SessionEntity } from "./entities";
import { videoProvider } from "./provider";
import { conflict, get, view } from "./session";
import { SessionLifecycle } from "./status";
import { endSession } from "./stream";

/** Why staff end or cancel a live; the seller is told. A seller closing their own live need not say. */
export const CloseInput = z.object({
  reason: z.string().trim().min(5, "give a reason of at least 5 characters").max(300).optional(),
});

/** The caller may close the session (its seller, or any staff member), and staff gave a reason. */
function closer(actor: Actor, session: Session, input: z.input<typeof CloseInput>) {
  const user = requireUser(actor);
  const staff = user.role === "staff";
  if (staff) requireStaff(actor);
  else requireSellerOf(actor, session.producerId);
  const { reason } = CloseInput.parse(input);
  if (staff && !reason) {
    throw new DomainError(
      400,
      "invalid_input",
      {
        vi: "Hãy ghi lý do (ít nhất 5 ký tự): người bán sẽ nhận được.",
        en: "Give a reason (5 characters or more): the seller is told.",
      },
      "reason",
    );
  }
  return { user, staff, reason: staff ? reason : undefined };
}

/** Ends a live on air: its seller, or any staff member (moderation, with a reason). The stream is stopped. */
export async function end(actor: Actor, sessionId: string, input: z.input<typeof CloseInput> = {}) {
  const session = await get(sessionId);
  const { user, staff, reason } = closer(actor, session, input);
  if (session.status === "ended") return view(sessionId);
  if (staff && session.status === "scheduled") {
    throw conflict(
      "not_live",
      "Buổi live chưa lên sóng: hãy huỷ thay vì kết thúc.",
      "The live has not started: cancel it instead.",
    );
  }
  const channel = await channelById(session.channelId);
  if (session.status === "live") await stopOnEnd(channel);
  if (session.status === "scheduled") {
    await SessionEntity.patch({ sessionId })
      .set({
        status: SessionLifecycle.move(session.status, "ended"),
        endedAt: new Date().toISOString(),
        endedBy: user.userId,
      })
      .go();
  } else {
    await endSession(sessionId, new Date().toISOString(), user.userId);
  }
  if (reason) await SessionEntity.patch({ sessionId }).set({ endReason: reason }).go();
  await closed(actor, "live.end", session, reason);
  return view(sessionId);
}

/**
 * Stops the stream of an ended live. Locally the ingest refuses the channel's publishes for 30 s; IVS has no such
 * refusal (OBS or Larix would be back on air within seconds, as an unscheduled live), so its key is rotated, which
 * stops the stream too: the seller's page shows the new key for their next live.
 */
async function stopOnEnd(channel: Awaited<ReturnType<typeof channelById>>) {
  const video = videoProvider();
  try {
    if (video.name !== "ivs") return await video.stopStream(channel);
    const streamKey = await video.rotateStreamKey(channel);
    await ChannelEntity.patch({ producerId: channel.producerId }).set({ streamKey }).go();
  } catch (err) {
    console.error(err);
    await video.stopStream(channel).catch((e) => console.error(e));
  }
}

/** Calls off a live that has not gone on air: its seller, or staff (with a reason the seller is told). */
export async function cancel(actor: Actor, sessionId: string, input: z.input<typeof CloseInput> = {}) {
  const session = await get(sessionId);
  const { user, reason } = closer(actor, session, input);
  const notScheduled = () =>
    conflict(
      "not_scheduled",
      "Chỉ huỷ được buổi live chưa lên sóng.",
      "Only a live that has not started can be cancelled.",
    );
  if (session.status !== "scheduled") throw notScheduled();
  await SessionEntity.patch({ sessionId })
    .set({
      status: SessionLifecycle.move(session.status, "ended"),
      endedAt: new Date().toISOString(),
      endedBy: user.userId,
      cancelled: true,
      endReason: reason,
    })
    .where(({ status }, { eq }) => eq(status, "scheduled"))
    .go()
    .catch(() => {
      throw notScheduled();
    });
  await closed(actor, "live.cancel", session, reason);
  return view(sessionId);
}

/** Staff closing a live: audited with the reason, and the producer told by SMS (the outbox locally). */
async function closed(actor: Actor, action: "live.end" | "live.cancel", session: Session, reason?: string) {
  if (actor.kind !== "user" || actor.user.role !== "staff") return;
  await AuditEntity.create(
    Audit.entry(
      actor,
      action,
      { type: "live", id: session.sessionId },
      { status: session.status },
      { status: "ended" },
      reason,
    ),
  ).go();
  const producer = await Producer.get(session.producerId);
  const what = action === "live.cancel" ? "đã huỷ buổi live" : "đã kết thúc buổi live";
  await messenger()
    .send({
      channel: "sms",
      to: `+84${producer.phone.slice(1)}`,
      subject: "Chợ OCOP",
      text: `Chợ OCOP: cán bộ ${what} “${session.title}” của ${producer.name}. Lý do: ${reason ?? ""}`,
    })
    .catch((err) => console.error("notify failed", err));
}
