import { type Actor, requireSellerOf } from "../account/actor";
import { DomainError, notFound } from "../util/error";
import { type Session, SessionEntity } from "./entities";

export const conflict = (code: string, vi: string, en: string) => new DomainError(409, code, { vi, en });

export const notLive = () =>
  conflict("not_live", "Buổi live chưa bắt đầu hoặc đã kết thúc.", "The live session is not on air.");

export async function get(sessionId: string): Promise<Session> {
  const { data } = await SessionEntity.get({ sessionId }).go({ consistent: true });
  if (!data) throw notFound({ vi: "buổi live", en: "Live session" });
  return data;
}

/** The session, for one of its producer's sellers only. */
export async function ownSession(actor: Actor, sessionId: string) {
  const session = await get(sessionId);
  requireSellerOf(actor, session.producerId);
  return session;
}

/** Where the stream is now, in ms since it went on air: the time a cue carries. */
export function streamMs(session: Session, at = Date.now()) {
  return session.startedAt ? Math.max(0, at - Date.parse(session.startedAt)) : 0;
}
