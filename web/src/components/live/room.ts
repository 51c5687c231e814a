import { decodeHubMessage } from "@cho-ocop/core/live/wire";
import { type Accessor, createSignal, onCleanup } from "solid-js";
import type { ChatTicket } from "../../api/live";
import { liveApi } from "../../api/live";
import { CHAT_MAX_LENGTH, type HubMessage, type RoomState, reduceRoom } from "../../lib/live";
import { connectIvsChat } from "../../lib/live-chat-ivs";
import { connectHub, type Hub, type HubState } from "../../lib/live-hub";

/** A live's realtime room as a page holds it: its state from the hub, and what the page says in it. */
export interface LiveRoom {
  state: Accessor<RoomState>;
  /** A change the page learnt elsewhere (a cue, an API reply): the same state the hub's messages keep. */
  update(change: (room: RoomState) => RoomState): void;
  hubState: Accessor<HubState>;
  /** Joined the chat with a ticket (the hub said `auth`), and not closed, muted or refused since. */
  canChat: Accessor<boolean>;
  moderator: Accessor<boolean>;
  chatMaxLength: Accessor<number>;
  /** Opens the socket (a page may wait for its first paint); closed with the page. */
  open(): void;
  /**
   * A chat ticket from POST /api/live/:id/chat, shared with the room's own request while one is under way: on IVS the
   * room asks for one to connect, and a signed-in page's ask at the same moment must not make a second token.
   */
  ticket(): Promise<ChatTicket>;
  /** Joins the chat with a ticket from `ticket()`, again after every reconnect. */
  join(ticket: ChatTicket): void;
  chat(text: string): boolean;
  like(): boolean;
}

/** What the room starts from: the session as the API gave it, until the hub's hello. */
export type RoomStart = Pick<RoomState, "status" | "likes" | "deal"> & {
  sessionId: string;
  pin: { productId: string } | null;
  /** Where the live runs: the local hub, or IVS (its chat room carries the news; no hub exists there). */
  playback: { provider: "ivs" | "local" };
};

/**
 * The session's room, for the viewer's page and the seller's desk alike: chat, pins, deals, viewers, likes and the
 * end, kept by `reduceRoom`; `onMessage` sees each message after the state took it, for what only its page does.
 * Locally it is the hub's socket; on IVS the session's IVS Chat room, joined with a ticket even to watch (a watching
 * ticket for someone not signed in), and joined again with the signed-in viewer's own ticket to write.
 */
export function createLiveRoom(
  start: RoomStart,
  onMessage?: (message: HubMessage, before: RoomState) => void,
): LiveRoom {
  const sessionId = start.sessionId;
  const [state, setState] = createSignal<RoomState>({
    status: start.status,
    viewers: null,
    likes: start.likes,
    pinId: start.pin?.productId ?? null,
    deal: start.deal,
    messages: [],
  });
  const [hubState, setHubState] = createSignal<HubState>("connecting");
  const [canChat, setCanChat] = createSignal(false);
  const [moderator, setModerator] = createSignal(false);
  const [chatMaxLength, setChatMaxLength] = createSignal(CHAT_MAX_LENGTH);
  let hub: Hub | undefined;
  let ticket: string | undefined;
  let ivsTicket: ChatTicket | undefined;
  let asking: Promise<ChatTicket> | undefined;
  const askTicket = () => {
    if (!asking) {
      const ask = liveApi.chatTicket(sessionId);
      asking = ask;
      const done = () => {
        if (asking === ask) asking = undefined;
      };
      ask.then(done, done);
    }
    return asking;
  };
  let closed = false;
  let ref = 0;
  const onIvs = start.playback.provider === "ivs";

  const receive = (m: HubMessage) => {
    const before = state();
    setState(reduceRoom(before, m, Date.now()));
    switch (m.type) {
      case "hello":
        setChatMaxLength(m.chatMaxLength);
        if (ticket) hub?.auth(ticket);
        break;
      case "auth":
        setCanChat(true);
        setModerator(m.user.moderator);
        break;
      case "bye":
        setCanChat(false);
        break;
      case "error":
        if (m.code === "bad_token" || m.code === "muted") setCanChat(false);
        break;
    }
    onMessage?.(m, before);
  };

  // The local hub greets each connection with the room now and its recent chat. IVS Chat keeps no history and the
  // session's view may come from the shared cache, seconds old: each connection reads the same hello from the API
  // (GET /api/live/:id/room), for someone joining late or coming back.
  const readRoom = () =>
    liveApi.room(sessionId).then(
      (now) => {
        const hello = decodeHubMessage(JSON.stringify(now));
        if (hello && !closed) receive(hello);
      },
      () => undefined,
    );
  const onState = (s: HubState) => {
    setHubState(s);
    if (s === "closed") setCanChat(false);
    if (s === "open" && onIvs) void readRoom();
  };
  const connectIvs = (next: ChatTicket) => {
    if (closed) return;
    hub?.close();
    ivsTicket = next;
    hub = connectIvsChat(sessionId, { onState, onMessage: receive }, { ticket: next, user: next.user ?? undefined });
  };

  onCleanup(() => {
    closed = true;
    hub?.close();
  });
  return {
    state,
    update: (change) => setState(change),
    hubState,
    canChat,
    moderator,
    chatMaxLength,
    open() {
      if (!onIvs) {
        hub ??= connectHub(sessionId, { onState, onMessage: receive });
        return;
      }
      if (ivsTicket) return;
      askTicket().then(
        (next) => {
          if (!ivsTicket) connectIvs(next);
        },
        () => setHubState("closed"),
      );
    },
    ticket: askTicket,
    join(next) {
      if (onIvs) {
        if (!next.user || ivsTicket?.user?.userId === next.user.userId) return;
        connectIvs(next);
        return;
      }
      ticket = next.token;
      hub?.auth(next.token);
    },
    chat: (text) => hub?.send({ type: "chat", text, ref: ++ref }) ?? false,
    like: () => hub?.send({ type: "like", ref: "like" }) ?? false,
  };
}
