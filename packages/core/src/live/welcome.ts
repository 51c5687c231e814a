import { CHAT_MAX_LENGTH } from "./limits";
import { recentChat } from "./moderation";
import { view } from "./session";
import type { Welcome } from "./views";
import type { HubOutgoing } from "./wire";
import { encodeCue } from "./wire";

/**
 * What a page joining a live's IVS Chat room is told, as the local hub's hello tells it (src/local/live/hub.ts): the
 * pin, the deal, the notice and the likes now, read past the shared cache that keeps the session's view for
 * seconds, and the recent chat, which IVS Chat does not keep. The viewer count is left to the room's minutely news.
 */
export async function welcome(sessionId: string): Promise<Welcome> {
  const [now, chat] = await Promise.all([view(sessionId), recentChat(sessionId)]);
  const hello = {
    type: "hello" as const,
    sessionId,
    status: now.status,
    viewers: null,
    likes: now.likes,
    pin: now.pin ? { productId: now.pin.productId } : null,
    pinnedAt: now.pinnedAt,
    deal: now.deal,
    // The notice now, or none (a null notice): it settles what a view seconds old showed.
    cues: [
      {
        text: encodeCue({ t: "notice", s: sessionId, ms: 0, n: now.notice?.text ?? null }),
        ts: null,
        at: now.notice?.at ?? new Date().toISOString(),
      },
    ],
    chat,
    user: null,
    chatMaxLength: CHAT_MAX_LENGTH,
  };
  return hello satisfies HubOutgoing;
}
