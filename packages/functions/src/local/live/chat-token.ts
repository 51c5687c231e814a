import { hmac, sameSecret } from "@cho-ocop/core/account/secret";
import type { ChatRole } from "@cho-ocop/core/live/chat";

/** What a chat ticket (from `POST /api/live/:id/chat`) lets its holder do in one session's room. */
export interface ChatTicket {
  sessionId: string;
  userId: string;
  name: string;
  role: ChatRole;
  moderator: boolean;
  /** Unix seconds. */
  expires: number;
}

export const CHAT_TICKET_SECONDS = 10 * 60;

/** `<base64url JSON>.<HMAC>`: signed with the server's key, so the hub checks it without a read. */
export function signChatTicket(ticket: ChatTicket): string {
  const body = Buffer.from(
    JSON.stringify({
      s: ticket.sessionId,
      u: ticket.userId,
      n: ticket.name,
      r: ticket.role,
      m: ticket.moderator,
      e: ticket.expires,
    }),
  ).toString("base64url");
  return `${body}.${hmac(`live-chat.${body}`)}`;
}

export function verifyChatTicket(token: string, now = Date.now()): ChatTicket | undefined {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || !sameSecret(signature, hmac(`live-chat.${body}`))) return undefined;
  try {
    const t = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof t.s !== "string" || typeof t.u !== "string" || typeof t.n !== "string" || typeof t.e !== "number")
      return undefined;
    if (t.e * 1000 < now) return undefined;
    const role: ChatRole = t.r === "seller" || t.r === "staff" ? t.r : "viewer";
    return { sessionId: t.s, userId: t.u, name: t.n, role, moderator: t.m === true, expires: t.e };
  } catch {
    return undefined;
  }
}
