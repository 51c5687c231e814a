import { z } from "zod";
import type { Actor } from "../account/actor";
import { forSellerOrStaff, get } from "../live/session";
import { SessionStatus } from "../live/views";
import { ORDER_STATUSES, OrderEntity } from "./entities";

/** What a live sold: the orders placed from it and its figures, for its seller and staff. */
export namespace LiveSales {
  export const Order = z.object({
    orderId: z.string(),
    code: z.string(),
    status: z.enum(ORDER_STATUSES),
    totalVnd: z.number(),
    createdAt: z.string(),
    buyer: z.string(),
  });
  export type Order = z.infer<typeof Order>;

  export const Summary = z.object({
    sessionId: z.string(),
    title: z.string(),
    status: SessionStatus,
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    peakViewers: z.number(),
    likes: z.number(),
    orders: z.number(),
    revenueVnd: z.number(),
  });
  export type Summary = z.infer<typeof Summary>;

  /** Orders placed from the session, newest first: the seller's live feed. */
  export async function orders(actor: Actor, sessionId: string): Promise<Order[]> {
    await forSellerOrStaff(actor, sessionId);
    const { data } = await OrderEntity.query.byLive({ liveSessionId: sessionId }).go({ order: "desc", pages: "all" });
    return data.map((o) => ({
      orderId: o.orderId,
      code: o.code,
      status: o.status,
      totalVnd: o.totalVnd,
      createdAt: o.createdAt,
      buyer: o.address.name,
    }));
  }

  /** Peak viewers, likes, orders and revenue: for the seller and staff after (or during) a live. */
  export async function summary(actor: Actor, sessionId: string): Promise<Summary> {
    const session = await get(sessionId);
    const list = await orders(actor, sessionId);
    const counted = list.filter((o) => o.status !== "cancelled" && o.status !== "refunded");
    return {
      sessionId,
      title: session.title,
      status: session.status,
      startedAt: session.startedAt ?? null,
      endedAt: session.endedAt ?? null,
      peakViewers: session.peakViewers ?? 0,
      likes: session.likes ?? 0,
      orders: counted.length,
      revenueVnd: counted.reduce((n, o) => n + o.totalVnd, 0),
    };
  }
}
