import type { Actor } from "../account/actor";
import { forSellerOrStaff, get } from "../live/session";
import { OrderEntity } from "./entities";

/** What a live sold: the orders placed from it and its figures, for its seller and staff. */
export namespace LiveSales {
  /** Orders placed from the session, newest first: the seller's live feed. */
  export async function orders(actor: Actor, sessionId: string) {
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
  export async function summary(actor: Actor, sessionId: string) {
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
