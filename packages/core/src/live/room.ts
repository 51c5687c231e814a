import { chatProvider, hasChatProvider } from "./chat";
import { type Cue, encodeCue, encodeHubMessage, type RoomNews } from "./wire";

/**
 * A live's room hears from the server what its video does not bring to the page. On IVS the chat provider relays
 * it as room events (timed metadata reaches only a playing video, and nothing else tells a page the stream's state
 * or the audience); locally the hub gets the video's cues and the stream's state itself, so nothing is relayed.
 */

/** What one IVS Chat room event may carry in its attributes, keys and values together (SendEvent: 1 KB). */
export const ROOM_EVENT_MAX_BYTES = 1024;

/** A piece of news as a room event: named for its type, the hub message as the page reads it in `body`. */
export function roomEvent(news: RoomNews): { name: string; attributes: { body: string } } {
  return { name: news.type, attributes: { body: encodeHubMessage(news) } };
}

export function roomEventBytes(attributes: Record<string, string>): number {
  return new TextEncoder().encode(JSON.stringify(attributes)).length;
}

const fits = (news: RoomNews) => roomEventBytes(roomEvent(news).attributes) <= ROOM_EVENT_MAX_BYTES;

/** The chat provider, where it relays news (IVS Chat); undefined where the video brings it (the local hub). */
export function newsRelay() {
  const chat = hasChatProvider() ? chatProvider() : undefined;
  return chat?.relay ? chat : undefined;
}

/**
 * Tells the session's room. Never fails what it tells of (a pin, a deal, a sale, a like): a relay that failed is
 * logged, and the next news or the minutely audience update brings the page up to date. True when it was told.
 */
export async function tellRoom(session: { sessionId: string; chatRoomArn?: string }, news: RoomNews) {
  const chat = newsRelay();
  if (!chat?.relay || !session.chatRoomArn) return false;
  try {
    await chat.relay(session, news);
    return true;
  } catch (err) {
    console.error("[live] room news", news.type, session.sessionId, err);
    return false;
  }
}

/** How much of a pinned product's name a room event keeps when the whole cue would not fit. */
const SHORT_NAME = 40;

/**
 * A cue as the room gets it: the text the video carries, `at` the time it was put. A pin whose text, escaped into
 * the event, would pass the event's limit loses its image and then most of its name (the page finds the card by
 * the product's id).
 */
export function cueNews(cue: Cue, at: Date): RoomNews {
  const news = (c: Cue): RoomNews => ({ type: "cue", text: encodeCue(c), ts: null, at: at.toISOString() });
  const whole = news(cue);
  if (fits(whole) || cue.t !== "pin" || !cue.p) return whole;
  const bare = news({ ...cue, p: { ...cue.p, i: null } });
  if (fits(bare)) return bare;
  return news({ ...cue, p: { ...cue.p, i: null, n: [...cue.p.n].slice(0, SHORT_NAME).join("") } });
}
