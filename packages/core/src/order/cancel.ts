import { type Actor, requireUser } from "../account/actor";
import { FulfilmentLifecycle } from "../fulfilment/status";
import { DealEntity } from "../live/deal/entities";
import { release } from "../live/deal/reservation";
import { DealStock } from "../live/deal/stock";
import { cardGateway } from "../payment/card";
import { Site } from "../site";
import { auditMoney, byStaff, changed, notYours, problem, requireStaffOfOrder, scopeKey } from "./access";
import { OrderService } from "./entities";
import { OrderMessages } from "./messages";
import { notify } from "./notify";
import { OrderLifecycle } from "./status";
import { type OrderView, view } from "./view";

/**
 * Cancels an order none of whose parcels has shipped: stock goes back, the hold goes, and a paid card payment is
 * refunded. Once one parcel has shipped the order is no longer cancellable and its other parcels go on as usual
 * (as on Shopee: cancelling is for orders not yet handed to a carrier; a shipped parcel is refused or returned).
 * `system` cancels on expiry; shoppers their own orders; staff those of their scope, audited.
 */
export async function cancel(actor: Actor, orderId: string, reason?: string): Promise<OrderView> {
  const order = await view(orderId);
  if (actor.kind === "user") {
    const user = actor.user;
    if (order.userId !== user.userId) {
      if (user.role !== "staff") throw notYours();
      await requireStaffOfOrder(actor, order);
    }
  } else if (actor.kind === "anonymous") {
    requireUser(actor);
  }
  const audited = byStaff(actor, order);
  const why = reason ?? (audited ? "staff" : "shopper");
  // Cancelled and paid by card: the refund failed at Stripe last time; cancelling again retries it.
  if (order.status === "cancelled" && order.paymentStatus === "paid" && order.paymentIntentId && cardGateway()) {
    await refund(orderId, actor);
    return view(orderId);
  }
  if (
    !OrderLifecycle.can(order.status, "cancelled") ||
    order.fulfilments.some((f) => !FulfilmentLifecycle.can(f.status, "cancelled"))
  ) {
    throw problem(
      409,
      "not_cancellable",
      "Đơn đã được gửi đi hoặc đã kết thúc, không huỷ được.",
      "The order has shipped or ended and cannot be cancelled.",
    );
  }
  const stamp = new Date().toISOString();
  // A deal's units go back where they came from: its shard while the deal's units are out, else the product.
  const dealReturns = (
    await Promise.all((order.dealReservations ?? []).map((r) => DealStock.returnPlan(r.dealId, orderId)))
  ).flatMap((plan) => (plan ? [plan] : []));
  const restock = new Map(order.reservations.map(({ productId, quantity }) => [productId, quantity]));
  if (dealReturns.some((p) => !p.toShard)) {
    const { data: deals } = await DealEntity.get(dealReturns.map(({ dealId }) => ({ dealId }))).go();
    for (const p of dealReturns) {
      const productId = deals.find((d) => d.dealId === p.dealId)?.productId;
      if (!p.toShard && productId) restock.set(productId, (restock.get(productId) ?? 0) + p.quantity);
    }
  }
  const result = await OrderService.transaction
    .write((tx) => [
      tx.order
        .patch({ orderId })
        .set({ status: OrderLifecycle.move(order.status, "cancelled"), cancelReason: why, updatedAt: stamp })
        .composite(scopeKey(order))
        .where(({ status }, { eq }) => eq(status, order.status))
        .commit(),
      ...(audited ? [auditMoney(tx, actor, "cancel", order, { status: "cancelled", totalVnd: order.totalVnd })] : []),
      ...order.fulfilments.map((f) => {
        const status = FulfilmentLifecycle.move(f.status, "cancelled");
        return tx.fulfilment
          .patch({ orderId, producerId: f.producerId })
          .set({ status, updatedAt: stamp, history: [...(f.history ?? []), { status, at: stamp }] })
          .where(({ status }, { eq }) => eq(status, f.status))
          .commit();
      }),
      ...[...restock].map(([productId, quantity]) => tx.product.patch({ productId }).add({ stock: quantity }).commit()),
      ...dealReturns.flatMap((plan) => release(tx, plan, order.userId)),
      ...(order.payBy && order.status === "pending_payment"
        ? [tx.hold.delete({ scope: "holds", payBy: order.payBy, orderId }).commit()]
        : []),
    ])
    .go();
  if (result.canceled) throw changed();
  for (const plan of dealReturns) if (plan.toShard) await DealStock.unitsReturned(plan.dealId);
  const card = cardGateway();
  if (card && order.paymentIntentId) {
    if (order.paymentStatus === "paid") await refund(orderId, actor);
    else await card.cancelIntent(order.paymentIntentId).catch(() => undefined);
  }
  await notify(
    order.address.phone,
    OrderMessages.cancelled({ ...order, orderUrl: Site.orderUrl(orderId) }, why === "expired" ? "expired" : "other"),
  );
  return view(orderId);
}

/** Gives a card payment back; a staff member's refund is audited with the change. */
export async function refund(orderId: string, actor: Actor = { kind: "system" }) {
  const card = cardGateway();
  const order = await view(orderId);
  if (!card || !order.paymentIntentId) return;
  const status = OrderLifecycle.move(order.status, "refunded");
  await card.refund(order.paymentIntentId);
  await OrderService.transaction
    .write((tx) => [
      tx.order
        .patch({ orderId })
        .set({ status, paymentStatus: "refunded", updatedAt: new Date().toISOString() })
        .composite(scopeKey(order))
        .commit(),
      ...(byStaff(actor, order)
        ? [
            auditMoney(tx, actor, "refund", order, {
              status: "refunded",
              paymentStatus: "refunded",
              amountVnd: order.totalVnd,
            }),
          ]
        : []),
    ])
    .go();
  await notify(order.address.phone, OrderMessages.refunded({ ...order, orderUrl: Site.orderUrl(orderId) }));
}
