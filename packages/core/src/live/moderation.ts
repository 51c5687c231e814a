import { z } from "zod";
import { type Actor, requireUser } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { DomainError } from "../util/error";
import { CHAT_HISTORY, CHAT_MAX_LENGTH, type ChatAuthor, chatProvider } from "./chat";
import { ChatMessageEntity, MuteEntity, type Session } from "./entities";
import { forSellerOrStaff, get } from "./session";
import type { ChatLine, ChatTicket } from "./views";

/**
 * A signed-in viewer's ticket to the session's chat; muted viewers are refused. Someone not signed in gets a ticket
 * that only watches where the provider needs one to receive the room's news at all (IVS Chat), else must sign in.
 */
export async function joinChat(actor: Actor, sessionId: string): Promise<ChatTicket> {
  const provider = chatProvider();
  if (actor.kind === "anonymous" && provider.watch) {
    const session = await get(sessionId);
    return { ...(await provider.watch(session)), user: null };
  }
  const user = requireUser(actor);
  const session = await get(sessionId);
  const { data: muted } = await MuteEntity.get({ sessionId, userId: user.userId }).go();
  if (muted) {
    throw new DomainError(403, "muted", {
      vi: "Bạn đã bị tắt tiếng trong buổi live này.",
      en: "You have been muted in this live.",
    });
  }
  const author = chatAuthor(user, session);
  return { ...(await provider.join(session, author)), user: author };
}

/** Who the user is in this session's chat: its producer's sellers write as the shop, staff as staff. */
export function chatAuthor(
  user: { userId: string; role: string; producerId?: string; name?: string; phone?: string },
  session: Pick<Session, "producerId" | "producerName">,
): ChatAuthor {
  if (user.role === "seller" && user.producerId === session.producerId)
    return { userId: user.userId, name: session.producerName, role: "seller", moderator: true };
  const name = user.name ?? (user.phone ? `Khách ***${user.phone.slice(-3)}` : "Khách");
  if (user.role === "staff") return { userId: user.userId, name, role: "staff", moderator: true };
  return { userId: user.userId, name, role: "viewer", moderator: false };
}

export type { ChatLine };

/**
 * Keeps a message the chat let through, for those who join later (the local hub for each message; IVS Chat's
 * message review handler on AWS). Its author is the one the server gave the writer's ticket.
 */
export async function recordChat(
  sessionId: string,
  message: { id: string; at: string; text: string; user: ChatAuthor },
) {
  await ChatMessageEntity.put({
    sessionId,
    messageId: message.id,
    at: message.at,
    userId: message.user.userId,
    name: message.user.name,
    role: message.user.role,
    text: [...message.text].slice(0, CHAT_MAX_LENGTH).join(""),
  }).go();
}

/** The session's latest messages, oldest first, without those deleted or of viewers since muted. */
export async function recentChat(sessionId: string, limit = CHAT_HISTORY): Promise<ChatLine[]> {
  const { data } = await ChatMessageEntity.query.bySession({ sessionId }).go({ order: "desc", limit: limit * 2 });
  return data
    .filter((m) => !m.deleted)
    .slice(0, limit)
    .reverse()
    .map((m) => ({
      id: m.messageId,
      at: m.at,
      text: m.text,
      user: { userId: m.userId, name: m.name, role: m.role, moderator: m.role !== "viewer" },
    }));
}

async function forgetMessage(sessionId: string, messageId: string) {
  const { data } = await ChatMessageEntity.query.byId({ sessionId, messageId }).go();
  for (const m of data) await ChatMessageEntity.patch({ sessionId, at: m.at, messageId }).set({ deleted: true }).go();
}

/** Staff moderation is audited like every staff action; a seller moderating their own live is not staff. */
async function auditStaff(actor: Actor, action: string, sessionId: string, before: unknown, after: unknown) {
  if (actor.kind !== "user" || actor.user.role !== "staff") return;
  await AuditEntity.create(Audit.entry(actor, action, { type: "live", id: sessionId }, before, after)).go();
}

export async function deleteMessage(actor: Actor, sessionId: string, messageId: string) {
  const { session } = await forSellerOrStaff(actor, sessionId);
  const id = z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .parse(messageId);
  // Forgotten first: no one joining in between is shown it again.
  await forgetMessage(sessionId, id);
  await chatProvider().deleteMessage(session, id, "moderated");
  await auditStaff(actor, "live.chat.delete", sessionId, { messageId: id }, null);
}

/** Mutes a viewer for the session: they are cut off, and what they wrote goes from everyone's chat. */
export async function mute(actor: Actor, sessionId: string, userId: string) {
  const { session, user } = await forSellerOrStaff(actor, sessionId);
  await MuteEntity.put({
    sessionId,
    userId: z
      .string()
      .regex(/^[0-9a-z]{26}$/)
      .parse(userId),
    by: user.userId,
    at: new Date().toISOString(),
  }).go();
  await chatProvider().disconnect(session, userId, "muted");
  const { data } = await ChatMessageEntity.query.bySession({ sessionId }).go({ order: "desc", limit: 500 });
  for (const m of data.filter((m) => m.userId === userId && !m.deleted)) {
    await ChatMessageEntity.patch({ sessionId, at: m.at, messageId: m.messageId }).set({ deleted: true }).go();
    await chatProvider()
      .deleteMessage(session, m.messageId, "muted")
      .catch((err) => console.error("[live] mute", err));
  }
  await auditStaff(actor, "live.chat.mute", sessionId, null, { userId });
}

export async function isMuted(sessionId: string, userId: string) {
  const { data } = await MuteEntity.get({ sessionId, userId }).go();
  return !!data;
}
