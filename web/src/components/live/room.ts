import { type Accessor, createSignal, onCleanup } from "solid-js";
import { CHAT_MAX_LENGTH, type HubMessage, type RoomState, reduceRoom } from "../../lib/live";
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
  /** Joins the chat with a ticket from POST /api/live/:id/chat, again after every reconnect. */
  join(ticket: string): void;
  chat(text: string): boolean;
  like(): boolean;
}

/** What the room starts from: the session as the API gave it, until the hub's hello. */
export type RoomStart = Pick<RoomState, "status" | "likes" | "deal"> & {
  sessionId: string;
  pin: { productId: string } | null;
};

/**
 * The session's room on the hub, for the viewer's page and the seller's desk alike: chat, pins, deals, viewers, likes
 * and the end, kept by `reduceRoom`; `onMessage` sees each message after the state took it, for what only its page does.
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
  let ref = 0;

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

  onCleanup(() => hub?.close());
  return {
    state,
    update: (change) => setState(change),
    hubState,
    canChat,
    moderator,
    chatMaxLength,
    open() {
      hub ??= connectHub(sessionId, {
        onState: (s) => {
          setHubState(s);
          if (s === "closed") setCanChat(false);
        },
        onMessage: receive,
      });
    },
    join(next) {
      ticket = next;
      hub?.auth(next);
    },
    chat: (text) => hub?.send({ type: "chat", text, ref: ++ref }) ?? false,
    like: () => hub?.send({ type: "like", ref: "like" }) ?? false,
  };
}
