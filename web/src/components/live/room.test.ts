import type { HubMessage } from "@cho-ocop/core/live/wire";
import { createRoot } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HubState } from "../../lib/live-hub";
import { createLiveRoom } from "./room";

const api = vi.hoisted(() => ({ chatTicket: vi.fn(), room: vi.fn() }));
vi.mock("../../api/live", () => ({ liveApi: api }));

/** The IVS Chat connections the room made, with the handlers it gave each. */
const connections = vi.hoisted(
  () =>
    [] as {
      ticket: { token: string };
      handlers: { onMessage(m: HubMessage): void; onState(s: HubState): void };
    }[],
);
vi.mock("../../lib/live-chat-ivs", () => ({
  connectIvsChat: (
    _sessionId: string,
    handlers: (typeof connections)[number]["handlers"],
    options: { ticket: { token: string } },
  ) => {
    connections.push({ ticket: options.ticket, handlers });
    return { send: () => true, auth: () => undefined, close: () => undefined };
  },
}));

const buyer = { userId: "u-buyer", name: "Trần Thị Mai", role: "viewer" as const, moderator: false };
const ticket = (token: string, user: typeof buyer | null) => ({
  token,
  url: "wss://edge.ivschat.ap-northeast-1.amazonaws.com",
  expiresAt: "2026-12-03T12:00:00.000Z",
  user,
});
const line = (id: string, at: string, text: string) => ({ id, at, text, user: buyer });
/** GET /api/live/:id/room: the local hub's hello, from the API. */
const welcome = (chat: ReturnType<typeof line>[], pin: string | null = null) => ({
  type: "hello",
  sessionId: "s-1",
  status: "live",
  viewers: null,
  likes: 12,
  pin: pin ? { productId: pin } : null,
  pinnedAt: pin ? "2026-12-03T10:00:00.000Z" : null,
  deal: null,
  cues: [],
  chat,
  user: null,
  chatMaxLength: 200,
});
const start = {
  sessionId: "s-1",
  status: "live" as const,
  likes: 0,
  deal: null,
  pin: null,
  playback: { provider: "ivs" as const },
};
const settle = () => new Promise((done) => setTimeout(done, 0));

afterEach(() => {
  connections.length = 0;
  vi.clearAllMocks();
});

describe("a live's room on IVS Chat", () => {
  it("asks for one chat token when the room and a signed-in page ask at the same moment, and connects once", async () => {
    api.chatTicket.mockResolvedValue(ticket("tok-1", buyer));
    api.room.mockResolvedValue(welcome([]));
    await createRoot(async (dispose) => {
      const room = createLiveRoom(start);
      room.open();
      const mine = await room.ticket();
      room.join(mine);
      await settle();
      expect(api.chatTicket).toHaveBeenCalledTimes(1);
      expect(connections.map((c) => c.ticket.token)).toEqual(["tok-1"]);
      dispose();
    });
  });

  it("shows someone joining the pin and the chat so far, past a cached view, and what was missed after a reconnect", async () => {
    api.chatTicket.mockResolvedValue(ticket("tok-2", null));
    api.room.mockResolvedValueOnce(
      welcome(
        [
          line("m1", "2026-12-03T10:00:01.000Z", "Kẹo có dẻo không ạ?"),
          line("m2", "2026-12-03T10:00:05.000Z", "Dẻo lắm bạn ơi"),
        ],
        "p-keo-dua",
      ),
    );
    await createRoot(async (dispose) => {
      // The view the page started from came from the shared cache, before the pin.
      const room = createLiveRoom(start);
      room.open();
      await settle();
      const [ivs] = connections;
      if (!ivs) throw new Error("the room did not connect");
      expect(room.state().pinId).toBeNull();
      ivs.handlers.onState("open");
      await settle();
      expect(room.state().pinId).toBe("p-keo-dua");
      expect(room.state().likes).toBe(12);
      expect(room.state().messages.map((m) => m.text)).toEqual(["Kẹo có dẻo không ạ?", "Dẻo lắm bạn ơi"]);

      ivs.handlers.onMessage({ type: "viewers", count: 37 });
      ivs.handlers.onState("closed");
      api.room.mockResolvedValueOnce(
        welcome([
          line("m2", "2026-12-03T10:00:05.000Z", "Dẻo lắm bạn ơi"),
          line("m3", "2026-12-03T10:00:09.000Z", "Ship Hà Nội mấy ngày?"),
        ]),
      );
      ivs.handlers.onState("open");
      await settle();
      expect(room.state().messages.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
      // The seller unpinned meanwhile; the count stays the room's own until its next news.
      expect(room.state().pinId).toBeNull();
      expect(room.state().viewers).toBe(37);
      expect(api.room).toHaveBeenCalledWith("s-1");
      dispose();
    });
  });
});
