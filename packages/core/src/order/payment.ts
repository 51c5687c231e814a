import { type Actor, requireSellerOf, requireUser } from "../account/actor";
import { FulfilmentLifecycle } from "../fulfilment/status";
import { DealStock } from "../live/deal/stock";
import { cardGateway } from "../payment/card";
import { VietQr } from "../payment/vietqr";
import { Site } from "../site";
import { DomainError } from "../util/error";
import { auditMoney, notYours, problem, requireStaffOfOrder, scopeKey } from "./access";
import { cancel, refund } from "./cancel";
import { HoldEntity, OrderEntity, OrderService, type OrderTx, PaymentEventEntity } from "./entities";
import { OrderMessages } from "./messages";
import { notify } from "./notify";
import { OrderLifecycle } from "./status";
import { type OrderView, view } from "./view";

/** Methods offered at checkout: card only when a card processor is configured. */
export function paymentMethods() {
  const card = cardGateway();
  return {
    methods: card ? (["cod", "vietqr", "card"] as const) : (["cod", "vietqr"] as const),
    cardPublishableKey: card?.publishableKey ?? null,
    vietqr: VietQr.account(),
  };
}

/** The card client secret again (a shopper who reloads the payment page). */
export async function cardSecret(actor: Actor, orderId: string) {
  const user = requireUser(actor);
  const order = await view(orderId);
  // The client secret pays the order: only its buyer ever sees it, not even staff.
  if (order.userId !== user.userId) throw notYours();
  const card = cardGateway();
  if (!card || order.paymentMethod !== "card" || order.status !== "pending_payment") {
    throw problem(
      409,
      "not_payable",
      "Đơn này không chờ thanh toán thẻ.",
      "This order is not waiting for a card payment.",
    );
  }
  const intent = await card.createIntent({ orderId, code: order.code, amountVnd: order.totalVnd });
  return { clientSecret: intent.clientSecret, publishableKey: card.publishableKey };
}

/** Moves an unpaid order to confirmed: payment received (card webhook, or a confirmed bank transfer). */
async function markPaid(orderId: string, extra: (tx: OrderTx) => unknown[] = () => []) {
  const order = await view(orderId);
  if (
    !OrderLifecycle.can(order.status, "confirmed") ||
    order.fulfilments.some((f) => !FulfilmentLifecycle.can(f.status, "confirmed"))
  )
    return false;
  const stamp = new Date().toISOString();
  const result = await OrderService.transaction
    .write((tx) => [
      tx.order
        .patch({ orderId })
        .set({ status: OrderLifecycle.move(order.status, "confirmed"), paymentStatus: "paid", updatedAt: stamp })
        .composite(scopeKey(order))
        .remove(["paymentError"])
        .where(({ status }, { eq }) => eq(status, order.status))
        .commit(),
      ...order.fulfilments.map((f) => {
        const status = FulfilmentLifecycle.move(f.status, "confirmed");
        return tx.fulfilment
          .patch({ orderId, producerId: f.producerId })
          .set({ status, updatedAt: stamp, history: [...(f.history ?? []), { status, at: stamp }] })
          .where(({ status }, { eq }) => eq(status, f.status))
          .commit();
      }),
      ...(order.payBy ? [tx.hold.delete({ scope: "holds", payBy: order.payBy, orderId }).commit()] : []),
      ...(extra(tx) as never[]),
    ])
    .go();
  if (result.canceled) return false;
  await notify(order.address.phone, OrderMessages.paid({ ...order, orderUrl: Site.orderUrl(orderId) }));
  return true;
}

/**
 * Staff of the order's scope, or the seller of a single-producer order, confirm that the VietQR transfer arrived;
 * audited in the same transaction.
 */
export async function confirmTransfer(actor: Actor, orderId: string): Promise<OrderView> {
  const order = await view(orderId);
  if (actor.kind !== "system") {
    const user = requireUser(actor);
    if (user.role === "staff") await requireStaffOfOrder(actor, order);
    else if (order.fulfilments.length === 1 && order.fulfilments[0])
      requireSellerOf(actor, order.fulfilments[0].producerId);
    else {
      throw new DomainError(403, "forbidden", {
        vi: "Đơn nhiều chủ thể: cán bộ xác nhận chuyển khoản.",
        en: "An order from several producers: staff confirm the transfer.",
      });
    }
  }
  const audit = (tx: OrderTx) =>
    actor.kind === "user"
      ? [
          auditMoney(tx, actor, "confirm-transfer", order, {
            status: "confirmed",
            paymentStatus: "paid",
            amountVnd: order.totalVnd,
          }),
        ]
      : [];
  if (order.paymentMethod !== "vietqr" || !(await markPaid(orderId, audit))) {
    throw problem(409, "not_payable", "Đơn này không chờ chuyển khoản.", "This order is not waiting for a transfer.");
  }
  return view(orderId);
}

/**
 * A verified card-processor event, handled once (the event id is recorded in the same transaction as its effect)
 * and in any order: a success after a failure pays the order; a failure after a success changes nothing; a success
 * for an order that already expired is refunded.
 */
export async function handleCardEvent(event: {
  id: string;
  type: string;
  object: { id: string; metadata?: { [key: string]: string }; payment_intent?: string | null };
}): Promise<{ handled: boolean; reason: string }> {
  const { data: seen } = await PaymentEventEntity.get({ eventId: event.id }).go({ consistent: true });
  if (seen) return { handled: false, reason: "duplicate" };
  const orderId = event.object.metadata?.orderId;
  const record = (tx: OrderTx) => [
    tx.event
      .create({ eventId: event.id, type: event.type, orderId, expiresAt: Math.floor(Date.now() / 1000) + 30 * 86_400 })
      .commit(),
  ];
  const order = orderId ? await view(orderId).catch(() => undefined) : undefined;
  if (!order || (order.paymentIntentId !== event.object.id && event.type.startsWith("payment_intent."))) {
    await OrderService.transaction.write(record).go();
    return { handled: false, reason: "unknown order" };
  }
  switch (event.type) {
    case "payment_intent.succeeded": {
      if (order.status === "pending_payment") {
        const paid = await markPaid(order.orderId, record);
        if (paid) return { handled: true, reason: "paid" };
        return handleCardEvent(event);
      }
      if (order.status === "cancelled" && order.paymentStatus !== "refunded") {
        // Paid after it expired or was cancelled: give the money back. The event is recorded only once refunded,
        // so that when the refund fails Stripe's next delivery of the event tries again.
        await OrderEntity.patch({ orderId: order.orderId }).set({ paymentStatus: "paid" }).go();
        await refund(order.orderId);
        await OrderService.transaction.write(record).go();
        return { handled: true, reason: "refunded late payment" };
      }
      await OrderService.transaction.write(record).go();
      return { handled: false, reason: "already settled" };
    }
    case "payment_intent.payment_failed": {
      const result = await OrderService.transaction
        .write((tx) => [
          ...record(tx),
          ...(order.status === "pending_payment" && order.paymentStatus !== "paid"
            ? [
                tx.order
                  .patch({ orderId: order.orderId })
                  .set({ paymentStatus: "failed", paymentError: "card declined", updatedAt: new Date().toISOString() })
                  .where(({ status }, { eq }) => eq(status, "pending_payment"))
                  .commit(),
              ]
            : []),
        ])
        .go();
      return { handled: !result.canceled, reason: "payment failed" };
    }
    default:
      await OrderService.transaction.write(record).go();
      return { handled: false, reason: "ignored" };
  }
}

/**
 * Cancels unpaid card and VietQR orders past their 30 minutes, giving their stock (and deal units) back; then the
 * live deals' holds whose order was never written come back, and ended deals' unsold units go to their product.
 */
export async function expireUnpaid(now = new Date()) {
  const { data } = await HoldEntity.query
    .byTime({ scope: "holds" })
    .lt({ payBy: now.toISOString() })
    .go({ pages: "all" });
  const expired: string[] = [];
  for (const hold of data) {
    const order = await view(hold.orderId).catch(() => undefined);
    if (order?.status === "pending_payment") {
      await cancel({ kind: "system" }, hold.orderId, "expired").catch((err) => console.error(err));
      expired.push(hold.orderId);
    } else {
      await HoldEntity.delete({ scope: "holds", payBy: hold.payBy, orderId: hold.orderId }).go();
    }
  }
  await DealStock.sweep(now).catch((err) => console.error("[live] deal sweep", err));
  return expired;
}
