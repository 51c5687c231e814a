import type { Live } from "@cho-ocop/core/live/index";
import type { LiveSales } from "@cho-ocop/core/order/live-sales";
import type { InferRequestType } from "hono/client";
import { ApiError, client, errorOf, noContent, ok as send } from "./client";

/* The live routes (packages/functions/src/api/live.ts), on the typed client: the routes answer with core's view schemas. */
export type LiveCard = Awaited<ReturnType<typeof Live.listPublic>>[number];
/** A session as its seller and staff list it: cancelled or not, and the reason staff gave for closing it. */
export type LiveOwnCard = Awaited<ReturnType<typeof Live.mine>>[number];
export type LiveView = Awaited<ReturnType<typeof Live.view>>;
export type LiveDeal = NonNullable<LiveView["deal"]>;
export type LiveProduct = LiveView["products"][number];
export type LiveReplay = Awaited<ReturnType<typeof Live.replay>>;
export type LiveSummary = Awaited<ReturnType<typeof LiveSales.summary>>;
export type LiveOrder = Awaited<ReturnType<typeof LiveSales.orders>>[number];
export type LiveStatus = LiveCard["status"];
export type ScheduleInput = InferRequestType<typeof client.api.seller.live.$post>["json"];
export type DealInput = InferRequestType<(typeof client.api.seller.live)[":id"]["deals"]["$post"]>["json"];
export type ChatTicket = Awaited<ReturnType<typeof Live.joinChat>>;
export type ReportInput = InferRequestType<(typeof client.api.live)[":id"]["reports"]["$post"]>["json"];
export type LiveReport = Awaited<ReturnType<typeof Live.reports>>[number];

const live = client.api.live;
const seller = client.api.seller.live;

export const liveApi = {
  list: () => send(live.$get()),
  view: (id: string) => takeEarlyView(id) ?? send(live[":id"].$get({ param: { id } })),
  like: (id: string) => send(live[":id"].like.$post({ param: { id } })),
  chatTicket: (id: string) => send(live[":id"].chat.$post({ param: { id } })),
  room: (id: string) => send(live[":id"].room.$get({ param: { id } })),
  replay: (id: string) => send(live[":id"].replay.$get({ param: { id } })),
  deal: (id: string) => send(live.deals[":id"].$get({ param: { id } })),
  schedule: (input: ScheduleInput) => send(seller.$post({ json: input })),
  mine: () => send(seller.$get()),
  ingest: (id: string) => send(seller[":id"].ingest.$get({ param: { id } })),
  rotateStreamKey: (id: string) => send(seller[":id"]["stream-key"].$post({ param: { id } })),
  pin: (id: string, productId: string | null) => send(seller[":id"].pin.$post({ param: { id }, json: { productId } })),
  startDeal: (id: string, input: DealInput) => send(seller[":id"].deals.$post({ param: { id }, json: input })),
  orders: (id: string) => send(live[":id"].orders.$get({ param: { id } })),
  summary: (id: string) => send(live[":id"].summary.$get({ param: { id } })),
  viewers: (id: string) => send(live[":id"].viewers.$get({ param: { id } })),
  end: (id: string, reason?: string) =>
    send(live[":id"].end.$post({ param: { id }, json: reason === undefined ? {} : { reason } })),
  cancel: (id: string, reason: string) => send(live[":id"].cancel.$post({ param: { id }, json: { reason } })),
  deleteMessage: (id: string, messageId: string) =>
    noContent(live[":id"].chat.delete.$post({ param: { id }, json: { messageId } })),
  mute: (id: string, userId: string) => noContent(live[":id"].chat.mute.$post({ param: { id }, json: { userId } })),
  report: (id: string, input: ReportInput) => send(live[":id"].reports.$post({ param: { id }, json: input })),
  reports: (id: string) => send(client.api.admin.live[":id"].reports.$get({ param: { id } })),
  notice: (id: string, notice: string | null) => send(seller[":id"].notice.$post({ param: { id }, json: { notice } })),
  all: () => send(client.api.admin.live.$get()),
  /** The broadcast page's ticket for the local ingest socket (`/live-ingest/<id>`, beside the API). */
  ingestTicket: async (id: string): Promise<{ url: string; ticket: string; expiresAt: string }> => {
    let res: Response;
    try {
      res = await fetch(`${import.meta.env.VITE_API_URL || ""}/live-ingest/${id}/ticket`, {
        method: "POST",
        credentials: "same-origin",
      });
    } catch (cause) {
      throw new ApiError(0, "network", cause instanceof Error ? cause.message : String(cause));
    }
    if (!res.ok) throw await errorOf(res);
    return (await res.json()) as { url: string; ticket: string; expiresAt: string };
  },
};

/** A WebSocket URL on this site for a path (`/live-ws/…`): wss on an HTTPS page. */
export function socketUrl(path: string): string {
  const base = new URL(import.meta.env.VITE_API_URL || globalThis.location.origin);
  base.protocol = base.protocol === "https:" ? "wss:" : "ws:";
  return new URL(path, base).toString();
}

/** A session view asked for by the route while the page's code was still on its way (main.tsx), taken once. */
let early: { id: string; at: number; view: Promise<LiveView> } | undefined;
const EARLY_MS = 10_000;

/** Asks for the session's view now: the page that needs it is a chunk away, one round trip on a phone's network. */
export function preloadLiveView(id: string) {
  const view = liveApi.view(id);
  view.catch(() => undefined);
  early = { id, at: Date.now(), view };
}

/** The same request, sent by index.html's early script before the app's entry had arrived (see vite.config.ts). */
declare global {
  var __liveEarly: { id: string; at: number; view: Promise<Response> } | undefined;
}

function takeEarlyView(id: string) {
  const fromPage = globalThis.__liveEarly;
  if (fromPage) {
    globalThis.__liveEarly = undefined;
    if (fromPage.id === id && Date.now() - fromPage.at < EARLY_MS)
      return send(fromPage.view as unknown as ReturnType<(typeof live)[":id"]["$get"]>);
  }
  const taken = early;
  early = undefined;
  return taken && taken.id === id && Date.now() - taken.at < EARLY_MS ? taken.view : undefined;
}
