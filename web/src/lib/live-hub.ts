import { decodeHubMessage, type HubMessage } from "@cho-ocop/core/live/wire";
import { socketUrl } from "../api/live";

export type HubState = "connecting" | "open" | "closed";

export interface Hub {
  send(message: Record<string, unknown>): boolean;
  /** Joins the chat with a ticket from POST /api/live/:id/chat (sent as `auth` on the open socket). */
  auth(token: string): void;
  close(): void;
}

/**
 * The session's room on the local hub (`/live-ws/<id>`): cues, stream state, viewers, likes and chat (the recent chat
 * first, for a page joining late). Reconnects
 * with a growing delay when the network drops (phones on 4G), sending the chat ticket again; a viewer who was
 * muted comes back without it, to keep watching.
 */
export function connectHub(
  sessionId: string,
  handlers: { onMessage(message: HubMessage): void; onState(state: HubState): void },
): Hub {
  let ws: WebSocket | undefined;
  let token: string | undefined;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    if (closed) return;
    handlers.onState("connecting");
    const socket = token
      ? new WebSocket(socketUrl(`/live-ws/${sessionId}`), token)
      : new WebSocket(socketUrl(`/live-ws/${sessionId}`));
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      handlers.onState("open");
    };
    socket.onmessage = (event) => {
      const message = decodeHubMessage(event.data);
      if (!message) return;
      // Muted: the room closes this socket; the viewer comes back to watch, without the chat ticket.
      if (message.type === "bye") token = undefined;
      handlers.onMessage(message);
      // What was said before this page joined, as the chat messages it would have had (each shown once).
      if (message.type === "hello") for (const chat of message.chat) handlers.onMessage({ type: "chat", ...chat });
    };
    socket.onclose = () => {
      if (ws !== socket) return;
      handlers.onState("closed");
      if (closed) return;
      attempt++;
      timer = setTimeout(open, Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)));
    };
  };
  open();

  return {
    send(message) {
      if (ws?.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(message));
      return true;
    },
    auth(next) {
      token = next;
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "auth", token: next, ref: "auth" }));
    },
    close() {
      closed = true;
      clearTimeout(timer);
      ws?.close(1000, "leaving");
    },
  };
}
