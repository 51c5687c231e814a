import type { ChatAuthor, ChatProvider } from "@cho-ocop/core/live/chat";
import { CHAT_TICKET_SECONDS, signChatTicket } from "../../local/live/chat-token";
import type { LiveHub } from "../../local/live/hub";

/** Live chat on the local server's WebSocket hub: the same duties as IVS Chat, for `pnpm start` and the tests. */
export class LocalChatProvider implements ChatProvider {
  readonly name = "local" as const;

  constructor(private readonly hub: LiveHub) {}

  async join(session: { sessionId: string }, user: ChatAuthor) {
    const expires = Math.floor(Date.now() / 1000) + CHAT_TICKET_SECONDS;
    return {
      provider: "local" as const,
      url: `/live-ws/${session.sessionId}`,
      token: signChatTicket({ sessionId: session.sessionId, ...user, expires }),
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  async deleteMessage(session: { sessionId: string }, messageId: string, reason: string) {
    this.hub.deleteMessage(session.sessionId, messageId, reason);
  }

  async disconnect(session: { sessionId: string }, userId: string, reason: string) {
    this.hub.disconnectUser(session.sessionId, userId, reason);
  }

  async announce(session: { sessionId: string }, name: string, attributes: Record<string, string>) {
    this.hub.announce(session.sessionId, name, attributes);
  }
}
