import { adapterSlot } from "../util/adapter";
import { CHAT_HISTORY, CHAT_MAX_LENGTH } from "./limits";
import type { RoomNews } from "./wire";

export { CHAT_HISTORY, CHAT_MAX_LENGTH };

/**
 * Live chat: IVS Chat rooms in production, the local server's WebSocket hub for `pnpm start` and the tests.
 * Messages are length- and rate-limited by the provider; the web shows them escaped.
 */
export interface ChatProvider {
  readonly name: "ivs" | "local";
  /** What a signed-in viewer needs to join a session's chat. */
  join(
    session: { sessionId: string; chatRoomArn?: string },
    user: ChatAuthor,
  ): Promise<{ provider: "ivs" | "local"; url: string; token: string; expiresAt: string }>;
  /**
   * A ticket that only receives the room (no writing), for someone not signed in, when the provider needs one to
   * receive anything (IVS Chat); the local hub lets anyone watch without one.
   */
  watch?(session: {
    sessionId: string;
    chatRoomArn?: string;
  }): Promise<{ provider: "ivs" | "local"; url: string; token: string; expiresAt: string }>;
  /** A room for the session, when the provider needs one (IVS Chat). */
  createRoom?(sessionId: string): Promise<string>;
  deleteMessage(session: { sessionId: string; chatRoomArn?: string }, messageId: string, reason: string): Promise<void>;
  /** Disconnects a viewer from the session's chat (they are also refused a new token). */
  disconnect(session: { sessionId: string; chatRoomArn?: string }, userId: string, reason: string): Promise<void>;
  /** Deletes the session's room (its live is over); a room already gone is no error. */
  deleteRoom?(session: { sessionId: string; chatRoomArn?: string }): Promise<void>;
  /**
   * Tells every page in the room what the video does not bring it (IVS Chat: a room event): pins and deals for late
   * joiners, the stream's state, the live's end, the viewer count and the likes. Absent where the video provider
   * delivers these itself (the local hub).
   */
  relay?(session: { sessionId: string; chatRoomArn?: string }, news: RoomNews): Promise<void>;
  /** A room event every viewer receives (likes, viewer counts, deal starts). */
  announce(
    session: { sessionId: string; chatRoomArn?: string },
    name: string,
    attributes: Record<string, string>,
  ): Promise<void>;
}

export type ChatRole = "seller" | "staff" | "viewer";

/**
 * Who writes in a session's chat, as the server decided it from the session and the signed-in user: the
 * producer's sellers write as the shop, staff as staff. Clients never say it themselves.
 */
export interface ChatAuthor {
  userId: string;
  name: string;
  role: ChatRole;
  moderator: boolean;
}

const current = adapterSlot<ChatProvider>("chat", "the chat provider (IVS Chat or local)");

export function chatProvider(): ChatProvider {
  return current.get();
}

export function useChatProvider(next: ChatProvider) {
  current.use(next);
}

export function hasChatProvider() {
  return current.has();
}
