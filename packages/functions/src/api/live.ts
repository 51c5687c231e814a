import { Deal } from "@cho-ocop/core/live/deal/index";
import { Live } from "@cho-ocop/core/live/index";
import { LiveSales } from "@cho-ocop/core/order/live-sales";
import { createRoute, z } from "@hono/zod-openapi";
import { type AppEnv, clientIp } from "./actor";
import { errorResponses, router } from "./error";
import { PUBLIC, roles, SELLER, SIGNED_IN, STAFF } from "./roles";
import { body, json } from "./route-parts";
import { named } from "./schemas";

const IdParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected a live session id")
    .openapi({ param: { name: "id", in: "path" } }),
});
const errs = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
};
const SessionCard = named(Live.SessionCard, "LiveSessionCard");
const OwnSessionCard = named(Live.OwnSessionCard, "LiveOwnSessionCard");
const SessionView = named(Live.SessionView, "LiveSession");
const DealView = named(Live.DealView, "LiveDeal");
const Ingest = named(Live.Ingest, "LiveIngest");
const ReportView = named(Live.ReportView, "LiveReport");
const SELLER_OR_STAFF = [...SELLER, ...STAFF];

const list = createRoute({
  method: "get",
  path: "/live",
  tags: ["Live"],
  summary: "Sessions on air and coming up",
  ...roles(PUBLIC),
  responses: { 200: json(z.array(SessionCard), "Sessions") },
});

const view = createRoute({
  method: "get",
  path: "/live/{id}",
  tags: ["Live"],
  summary: "A session for viewers: playback (no stream key), the pin now, the running deal, featured products",
  ...roles(PUBLIC),
  request: { params: IdParam },
  responses: { 200: json(SessionView, "The session"), ...errs },
});

const like = createRoute({
  method: "post",
  path: "/live/{id}/like",
  tags: ["Live"],
  summary: "Like the live (at most 10 per 10 s per viewer)",
  ...roles(PUBLIC),
  request: { params: IdParam },
  responses: { 200: json(Live.Likes, "Likes"), ...errs, 429: errorResponses[429] },
});

const chat = createRoute({
  method: "post",
  path: "/live/{id}/chat",
  tags: ["Live"],
  summary: "A ticket to the session's chat (muted viewers are refused)",
  ...roles(SIGNED_IN),
  request: { params: IdParam },
  responses: {
    200: json(Live.ChatTicket, "Chat ticket"),
    ...errs,
  },
});

const ChatLine = named(Live.ChatLine, "LiveChatMessage");

const recentChat = createRoute({
  method: "get",
  path: "/live/{id}/chat",
  tags: ["Live"],
  summary:
    "The session's latest 50 chat messages, oldest first, for someone joining (deleted messages and muted viewers' left out)",
  ...roles(PUBLIC),
  request: { params: IdParam },
  responses: { 200: json(z.array(ChatLine), "Messages"), ...errs },
});

const welcome = createRoute({
  method: "get",
  path: "/live/{id}/room",
  tags: ["Live"],
  summary:
    "The room now for a page joining it on IVS Chat (the pin, the deal, the notice, the likes and the latest 50 messages), never cached: the local hub's hello",
  ...roles(PUBLIC),
  request: { params: IdParam },
  responses: { 200: json(named(Live.Welcome, "LiveRoomWelcome"), "The room now"), ...errs },
});

const replay = createRoute({
  method: "get",
  path: "/live/{id}/replay",
  tags: ["Live"],
  summary: "An ended session's recording and the pins on its timeline",
  ...roles(PUBLIC),
  request: { params: IdParam },
  responses: {
    200: json(named(Live.Replay, "LiveReplay"), "Replay"),
    ...errs,
  },
});

const deal = createRoute({
  method: "get",
  path: "/live/deals/{id}",
  tags: ["Live"],
  summary: "A live deal now: price, units left, per-buyer limit, when it opens and closes",
  ...roles(PUBLIC),
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[0-9a-z]{26}$/, "expected a deal id")
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 200: json(DealView, "The deal"), ...errs },
});

const schedule = createRoute({
  method: "post",
  path: "/seller/live",
  tags: ["Live"],
  summary: "Schedule a live: title, start time, cover image, up to 50 featured products",
  ...roles(SELLER),
  request: body(Live.ScheduleInput),
  responses: { 201: json(SessionView, "Scheduled"), ...errs },
});

const mine = createRoute({
  method: "get",
  path: "/seller/live",
  tags: ["Live"],
  summary: "The producer's sessions",
  ...roles(SELLER),
  responses: { 200: json(z.array(OwnSessionCard), "Sessions"), ...errs },
});

const ingest = createRoute({
  method: "get",
  path: "/seller/live/{id}/ingest",
  tags: ["Live"],
  summary: "Where to send the stream (RTMP(S) URL and stream key): only for the producer's sellers",
  ...roles(SELLER),
  request: { params: IdParam },
  responses: {
    200: json(Ingest, "Ingest"),
    ...errs,
  },
});

const rotateKey = createRoute({
  method: "post",
  path: "/seller/live/{id}/stream-key",
  tags: ["Live"],
  summary:
    "A new stream key for the producer's channel: the old one stops working at once (a broadcast on air with it is cut off)",
  ...roles(SELLER),
  request: { params: IdParam },
  responses: {
    200: json(Ingest, "Ingest"),
    ...errs,
  },
});

const pin = createRoute({
  method: "post",
  path: "/seller/live/{id}/pin",
  tags: ["Live"],
  summary: "Pin a featured product (or unpin with null): sent as timed metadata, at most 1 KB and 5 per second",
  ...roles(SELLER),
  request: {
    params: IdParam,
    ...body(
      z.object({
        productId: z
          .string()
          .regex(/^[0-9a-z]{26}$/, "expected a product id")
          .nullable(),
      }),
    ),
  },
  responses: {
    200: json(Live.Pinned, "Pinned"),
    ...errs,
    413: errorResponses[413],
    429: errorResponses[429],
  },
});

const startDeal = createRoute({
  method: "post",
  path: "/seller/live/{id}/deals",
  tags: ["Live"],
  summary: "Start a live-only deal: price, quantity, per-buyer limit, a 10–300 s countdown, a 1–20 minute duration",
  ...roles(SELLER),
  request: { params: IdParam, ...body(Deal.Input) },
  responses: { 201: json(DealView, "The deal"), ...errs, 429: errorResponses[429] },
});

const orders = createRoute({
  method: "get",
  path: "/live/{id}/orders",
  tags: ["Live"],
  summary: "Orders placed from the session, newest first (the seller's live feed)",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam },
  responses: { 200: json(z.array(named(LiveSales.Order, "LiveOrder")), "Orders"), ...errs },
});

const summary = createRoute({
  method: "get",
  path: "/live/{id}/summary",
  tags: ["Live"],
  summary: "Peak viewers, likes, orders and revenue of a session",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam },
  responses: {
    200: json(named(LiveSales.Summary, "LiveSummary"), "Summary"),
    ...errs,
  },
});

const viewers = createRoute({
  method: "get",
  path: "/live/{id}/viewers",
  tags: ["Live"],
  summary: "Viewers watching now (kept as the session's peak)",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam },
  responses: { 200: json(z.object({ viewers: z.number().nullable() }), "Viewers"), ...errs },
});

const closeBody = {
  body: { content: { "application/json": { schema: Live.CloseInput } }, required: false },
};
const end = createRoute({
  method: "post",
  path: "/live/{id}/end",
  tags: ["Live"],
  summary: "End a live on air: its seller, or staff moderating (staff give a reason, sent to the seller)",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam, ...closeBody },
  responses: { 200: json(SessionView, "Ended"), ...errs },
});

const cancel = createRoute({
  method: "post",
  path: "/live/{id}/cancel",
  tags: ["Live"],
  summary: "Cancel a live that has not started: its seller, or staff (with a reason, sent to the seller)",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam, ...closeBody },
  responses: { 200: json(SessionView, "Cancelled"), ...errs },
});

const deleteMessage = createRoute({
  method: "post",
  path: "/live/{id}/chat/delete",
  tags: ["Live"],
  summary: "Delete a chat message (the session's seller or staff)",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam, ...body(z.object({ messageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })) },
  responses: { 204: { description: "Deleted" }, ...errs },
});

const mute = createRoute({
  method: "post",
  path: "/live/{id}/chat/mute",
  tags: ["Live"],
  summary: "Mute a viewer for the rest of the session (the session's seller or staff)",
  ...roles(SELLER_OR_STAFF),
  request: { params: IdParam, ...body(z.object({ userId: z.string().regex(/^[0-9a-z]{26}$/) })) },
  responses: { 204: { description: "Muted" }, ...errs },
});

const report = createRoute({
  method: "post",
  path: "/live/{id}/reports",
  tags: ["Live"],
  summary:
    "Report a live on air: a reason from the list and up to 500 characters (signed in; 3 per viewer per 10 minutes). The seller is never told who",
  ...roles(SIGNED_IN),
  request: { params: IdParam, ...body(Live.ReportInput) },
  responses: { 201: json(ReportView, "Reported"), ...errs, 429: errorResponses[429] },
});

const reports = createRoute({
  method: "get",
  path: "/admin/live/{id}/reports",
  tags: ["Live"],
  summary:
    "A live's reports, newest first, with their moment in the stream (staff of the producer's province, central)",
  ...roles(STAFF),
  request: { params: IdParam },
  responses: { 200: json(z.array(ReportView), "Reports"), ...errs },
});

const notice = createRoute({
  method: "post",
  path: "/seller/live/{id}/notice",
  tags: ["Live"],
  summary:
    "Show a safety notice over the live (up to 80 characters), or clear it with null: sent with the video, kept for the replay",
  ...roles(SELLER),
  request: { params: IdParam, ...body(z.object({ notice: z.string().max(400).nullable() })) },
  responses: {
    200: json(named(Live.Notice, "LiveNotice"), "Notice"),
    ...errs,
    413: errorResponses[413],
    429: errorResponses[429],
  },
});

const staffList = createRoute({
  method: "get",
  path: "/admin/live",
  tags: ["Live"],
  summary: "Every session, live, scheduled and ended",
  ...roles(STAFF),
  responses: { 200: json(z.array(OwnSessionCard), "Sessions"), ...errs },
});

export const live = router<AppEnv>()
  .openapi(list, async (c) => c.json(await Live.listPublic(), 200))
  .openapi(view, async (c) => c.json(await Live.view(c.req.valid("param").id), 200))
  .openapi(like, async (c) => {
    const actor = await c.var.actor();
    const who = actor.kind === "user" ? actor.user.userId : clientIp(c);
    return c.json(await Live.like(c.req.valid("param").id, who), 200);
  })
  .openapi(chat, async (c) => c.json(await Live.joinChat(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(recentChat, async (c) => {
    const id = c.req.valid("param").id;
    await Live.get(id);
    return c.json(await Live.recentChat(id), 200);
  })
  .openapi(welcome, async (c) => c.json(await Live.welcome(c.req.valid("param").id), 200))
  .openapi(replay, async (c) => c.json(await Live.replay(c.req.valid("param").id), 200))
  .openapi(deal, async (c) => c.json(await Deal.get(c.req.valid("param").id), 200))
  .openapi(schedule, async (c) =>
    c.json(await Live.view((await Live.schedule(await c.var.actor(), c.req.valid("json"))).sessionId), 201),
  )
  .openapi(mine, async (c) => c.json(await Live.mine(await c.var.actor()), 200))
  .openapi(ingest, async (c) => c.json(await Live.ingest(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(rotateKey, async (c) =>
    c.json(await Live.rotateStreamKey(await c.var.actor(), c.req.valid("param").id), 200),
  )
  .openapi(pin, async (c) =>
    c.json(await Live.pin(await c.var.actor(), c.req.valid("param").id, c.req.valid("json").productId), 200),
  )
  .openapi(startDeal, async (c) =>
    c.json(await Deal.start(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(orders, async (c) => c.json(await LiveSales.orders(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(summary, async (c) => c.json(await LiveSales.summary(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(viewers, async (c) => {
    const actor = await c.var.actor();
    await LiveSales.summary(actor, c.req.valid("param").id);
    return c.json({ viewers: await Live.viewers(c.req.valid("param").id) }, 200);
  })
  .openapi(end, async (c) =>
    c.json(await Live.end(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(cancel, async (c) =>
    c.json(await Live.cancel(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(deleteMessage, async (c) => {
    await Live.deleteMessage(await c.var.actor(), c.req.valid("param").id, c.req.valid("json").messageId);
    return c.body(null, 204);
  })
  .openapi(mute, async (c) => {
    await Live.mute(await c.var.actor(), c.req.valid("param").id, c.req.valid("json").userId);
    return c.body(null, 204);
  })
  .openapi(report, async (c) =>
    c.json(await Live.report(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(reports, async (c) => c.json(await Live.reports(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(notice, async (c) =>
    c.json(await Live.setNotice(await c.var.actor(), c.req.valid("param").id, c.req.valid("json").notice), 200),
  )
  .openapi(staffList, async (c) => c.json(await Live.all(await c.var.actor()), 200));
