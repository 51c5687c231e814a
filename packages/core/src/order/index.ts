import { randomBytes } from "node:crypto";
import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireSellerOf, requireStaff, requireStaffOver, requireUser, scopeOver } from "../account/actor";
import { Audit } from "../audit";
import { Cart } from "../cart";
import { PROVINCE_CODES } from "../geo/province";
import { ward } from "../geo/ward";
import { SessionEntity } from "../live/entities";
import { messenger } from "../message";
import { cardGateway } from "../payment/card";
import { VietQr } from "../payment/vietqr";
import { Producer } from "../producer";
import { Product } from "../product";
import { Site } from "../site";
import { vietnamDay } from "../util/date";
import { DomainError, notFound } from "../util/error";
import { VnMobile } from "../util/phone";
import {
  type FULFILMENT_STATUSES,
  FulfilmentEntity,
  HoldEntity,
  IdempotencyEntity,
  OrderEntity,
  OrderService,
  type OrderTx,
  PAYMENT_METHODS,
  PaymentEventEntity,
} from "./entities";
import { OrderMessages } from "./messages";
import { quote } from "./quote";

export namespace Order {
  /** Unpaid card and VietQR orders hold their stock this long. */
  export const PAY_WITHIN_MINUTES = 30;
  /** DynamoDB transactions take 100 items: products, the order, its fulfilments and bookkeeping must fit. */
  export const MAX_PRODUCTS = 40;

  export type Record = EntityItem<typeof OrderEntity>;
  export type Fulfilment = EntityItem<typeof FulfilmentEntity>;
  export type Status = Record["status"];
  export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

  export const Address = z
    .object({
      name: z.string().trim().min(2).max(80),
      phone: VnMobile,
      provinceCode: z.enum(PROVINCE_CODES),
      wardCode: z.string().regex(/^\d{5}$/, "expected a ward code"),
      street: z.string().trim().min(2).max(200),
      note: z.string().trim().max(300).optional(),
    })
    .superRefine((a, ctx) => {
      if (ward(a.wardCode)?.provinceCode !== a.provinceCode) {
        ctx.addIssue({ code: "custom", path: ["wardCode"], message: "this ward is not in the chosen province" });
      }
    });

  export const PlaceInput = z.object({
    address: Address,
    paymentMethod: z.enum(PAYMENT_METHODS),
    /** Set when buying from a live session's "buy now" sheet. */
    liveSessionId: z
      .string()
      .regex(/^[0-9a-z]{26}$/, "expected a live session id")
      .optional(),
  });
  export const IdempotencyKey = z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "send an Idempotency-Key header of 8–100 letters, digits, - or _");

  function newCode(): string {
    // 8 characters of Crockford base32: short enough to type as a bank transfer's content.
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const bytes = randomBytes(8);
    return `DH${[...bytes].map((b) => alphabet[b % 32]).join("")}`;
  }

  const notYours = () =>
    new DomainError(403, "forbidden", { vi: "Đây không phải đơn hàng của bạn.", en: "This is not your order." });

  const problem = (status: 409 | 400 | 402 | 503, code: string, vi: string, en: string, field?: string) =>
    new DomainError(status as 409, code, { vi, en }, field);

  /** Methods offered at checkout: card only when a card processor is configured. */
  export function paymentMethods() {
    const card = cardGateway();
    return {
      methods: card ? (["cod", "vietqr", "card"] as const) : (["cod", "vietqr"] as const),
      cardPublishableKey: card?.publishableKey ?? null,
      vietqr: VietQr.account(),
    };
  }

  /**
   * Places the shopper's cart as an order. Every product's stock is reserved in one TransactWriteItems with a
   * condition per product (stock ≥ quantity, still approved and certified), together with the order, its
   * fulfilments, the Idempotency-Key and the emptied cart — all or nothing, whatever the concurrency.
   */
  export async function place(actor: Actor, idempotencyKey: string, input: z.input<typeof PlaceInput>) {
    const user = requireUser(actor);
    const key = IdempotencyKey.parse(idempotencyKey);
    const { address, paymentMethod, liveSessionId } = PlaceInput.parse(input);
    const replayed = async () => {
      const { data } = await IdempotencyEntity.get({ owner: user.userId, key }).go({ consistent: true });
      return data ? { order: await view(data.orderId), created: false } : undefined;
    };
    const earlier = await replayed();
    if (earlier) return earlier;
    try {
      return await placeOnce(user, key, { address, paymentMethod, liveSessionId });
    } catch (err) {
      // The same key sent again while the first request was committing: that one emptied the cart (or took the
      // stock) and this one failed for it. The key's order is the answer.
      if (err instanceof DomainError) {
        const order = await replayed();
        if (order) return order;
      }
      throw err;
    }
  }

  async function placeOnce(
    user: ReturnType<typeof requireUser>,
    key: string,
    { address, paymentMethod, liveSessionId }: z.output<typeof PlaceInput>,
  ) {
    const card = paymentMethod === "card" ? cardGateway() : undefined;
    if (paymentMethod === "card" && !card) {
      throw problem(
        409,
        "payment_unavailable",
        "Thanh toán thẻ chưa được bật.",
        "Card payment is not enabled.",
        "paymentMethod",
      );
    }

    const cartId = Cart.forUser(user.userId);
    const lines = await Cart.lines(cartId);
    if (lines.length === 0) throw problem(409, "cart_empty", "Giỏ hàng đang trống.", "The cart is empty.");
    const today = vietnamDay();
    const q = await quote(lines, address.provinceCode, today);
    if (q.problems.length > 0) throw stockProblem(q);
    if (q.needs.size > MAX_PRODUCTS) {
      throw problem(
        409,
        "order_too_large",
        `Một đơn có tối đa ${MAX_PRODUCTS} sản phẩm khác nhau.`,
        `An order holds at most ${MAX_PRODUCTS} different products.`,
      );
    }

    if (q.dealNeeds.some(({ deal, quantity }) => quantity > deal.perBuyer)) throw dealProblem("deal_limit");

    const now = new Date();
    const orderId = ulid(now.getTime()).toLowerCase();
    const code = newCode();
    const pending = paymentMethod !== "cod";
    const payBy = pending ? new Date(now.getTime() + PAY_WITHIN_MINUTES * 60_000).toISOString() : undefined;
    const fulfilmentStatus = pending ? "pending_payment" : "confirmed";
    const reservations = [...q.needs].map(([productId, quantity]) => ({ productId, quantity }));
    const dealReservations = q.dealNeeds.map(({ deal, quantity }) => ({ dealId: deal.dealId, quantity }));
    const stampNow = now.toISOString();
    const stamp = now.toISOString();
    const shippingVnd = q.totals.shippingVnd ?? 0;
    const staffScope = scopeOver(q.fulfilments.map((f) => f.fromProvince));
    const attributedTo = await liveAttribution(liveSessionId, q.fulfilments);

    const write = (tx: OrderTx) => [
      ...reservations.map(({ productId, quantity }) =>
        tx.product
          .patch({ productId })
          .add({ stock: -quantity })
          .where(
            ({ stock, status, validUntil }, { gte, eq }) =>
              `${gte(stock, quantity)} AND ${eq(status, "approved")} AND ${gte(validUntil, today)}`,
          )
          .commit(),
      ),
      tx.idempotency
        .create({ owner: user.userId, key, orderId, expiresAt: Math.floor(now.getTime() / 1000) + 86_400 })
        .commit(),
      // A live deal: never more than its quantity, never more than its per-buyer limit, only while it runs.
      ...q.dealNeeds.flatMap(({ deal, quantity }) => [
        tx.deal
          .patch({ dealId: deal.dealId })
          .add({ sold: quantity })
          .where(
            ({ sold, startsAt, endsAt }, { lte, gt }) =>
              `${lte(sold, deal.quantity - quantity)} AND ${lte(startsAt, stampNow)} AND ${gt(endsAt, stampNow)}`,
          )
          .commit(),
        tx.dealBuyer
          .update({ dealId: deal.dealId, userId: user.userId })
          .add({ bought: quantity })
          .where(({ bought }, { notExists, lte }) => `${notExists(bought)} OR ${lte(bought, deal.perBuyer - quantity)}`)
          .commit(),
      ]),
      tx.order
        .create({
          orderId,
          code,
          userId: user.userId,
          status: pending ? "pending_payment" : "confirmed",
          paymentMethod,
          paymentStatus: pending ? "pending" : "cod",
          address,
          lines: JSON.stringify(q.lines),
          reservations,
          dealReservations,
          liveSessionId: attributedTo,
          staffScope,
          goodsVnd: q.totals.goodsVnd,
          discountVnd: q.totals.discountVnd,
          shippingVnd,
          totalVnd: q.totals.totalVnd,
          payBy,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .commit(),
      ...q.fulfilments.map((f) =>
        tx.fulfilment
          .create({
            orderId,
            producerId: f.producerId,
            code,
            producerName: f.producerName,
            status: fulfilmentStatus,
            paymentMethod,
            items: JSON.stringify(f.items),
            boxes: JSON.stringify(f.boxes),
            address,
            weightGrams: f.weightGrams,
            goodsVnd: f.goodsVnd,
            discountVnd: f.discountVnd,
            shippingVnd: f.shippingVnd ?? 0,
            totalVnd: f.totalVnd,
            history: [{ status: fulfilmentStatus, at: stamp }],
            createdAt: stamp,
            updatedAt: stamp,
          })
          .commit(),
      ),
      ...(payBy
        ? [
            tx.hold
              .create({ scope: "holds", payBy, orderId, expiresAt: Math.floor(Date.parse(payBy) / 1000) + 86_400 })
              .commit(),
          ]
        : []),
      tx.cart.delete({ cartId }).commit(),
    ];

    // Concurrent transactions on the same product are refused with TransactionConflict: try again with jitter.
    for (let attempt = 0; ; attempt++) {
      const result = await OrderService.transaction.write(write).go();
      if (!result.canceled) break;
      const reasons = (result.data as Array<{ code: string }>).map((d) => d.code);
      const idemIndex = reservations.length;
      if (reasons[idemIndex] === "ConditionalCheckFailed") {
        const existing = await IdempotencyEntity.get({ owner: user.userId, key }).go({ consistent: true });
        if (existing.data) return { order: await view(existing.data.orderId), created: false };
      }
      const dealReasons = reasons.slice(idemIndex + 1, idemIndex + 1 + q.dealNeeds.length * 2);
      const dealFailed = dealReasons.findIndex((r) => r === "ConditionalCheckFailed");
      if (dealFailed >= 0) {
        throw dealProblem(dealFailed % 2 === 1 ? "deal_limit" : "deal_sold_out");
      }
      const failed = reservations.find((_, i) => reasons[i] === "ConditionalCheckFailed");
      if (failed) {
        const product = await Product.get(failed.productId).catch(() => undefined);
        throw problem(
          409,
          "out_of_stock",
          `Rất tiếc, “${product?.name ?? "sản phẩm"}” vừa hết hàng hoặc không còn đủ số lượng.`,
          `Sorry, “${product?.name ?? "a product"}” has just run out or is short of stock.`,
          "cart",
        );
      }
      if (attempt >= 25 || !reasons.includes("TransactionConflict")) {
        throw problem(503, "busy", "Hệ thống đang bận, vui lòng thử lại.", "We are busy; please try again.");
      }
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * Math.min(attempt + 1, 8)));
    }

    let clientSecret: string | null = null;
    if (card) {
      try {
        const intent = await card.createIntent({ orderId, code, amountVnd: q.totals.totalVnd });
        clientSecret = intent.clientSecret;
        await OrderEntity.patch({ orderId }).set({ paymentIntentId: intent.id }).go();
      } catch (err) {
        console.error(err);
        await cancel({ kind: "system" }, orderId, "payment_unavailable");
        throw problem(
          503,
          "payment_unavailable",
          "Không kết nối được cổng thanh toán thẻ. Đơn đã được huỷ, bạn có thể chọn cách thanh toán khác.",
          "The card processor could not be reached. The order was cancelled; choose another way to pay.",
        );
      }
    }

    await notifyPlaced(orderId).catch((err) => console.error("notify failed", err));
    return { order: await view(orderId), created: true, clientSecret };
  }

  /**
   * The live an order is credited to (its seller sees the buyer's name and the revenue): only a session on air
   * (or waiting for its seller to reconnect) of a producer with a parcel in the order. Any other id is ignored.
   */
  async function liveAttribution(sessionId: string | undefined, parcels: Array<{ producerId: string }>) {
    if (!sessionId) return undefined;
    const { data: session } = await SessionEntity.get({ sessionId }).go({ consistent: true });
    if (session?.status !== "live") return undefined;
    return parcels.some((p) => p.producerId === session.producerId) ? sessionId : undefined;
  }

  /** A live deal refused at checkout: over its per-buyer limit, or sold out or ended meanwhile. */
  function dealProblem(code: "deal_limit" | "deal_sold_out") {
    const perBuyer = code === "deal_limit";
    return problem(
      409,
      code,
      perBuyer
        ? "Bạn đã mua đủ số lượng tối đa của ưu đãi này."
        : "Ưu đãi trong buổi live vừa hết suất hoặc đã kết thúc. Giá thường vẫn áp dụng nếu bạn muốn mua.",
      perBuyer
        ? "You already hold the most this deal allows per buyer."
        : "The live deal has just sold out or ended. The regular price still applies if you want it.",
      "cart",
    );
  }

  function stockProblem(q: Awaited<ReturnType<typeof quote>>) {
    const first = q.problems[0];
    const line = q.lines.find((l) => l.lineId === first?.lineId);
    const name = line?.kind === "product" ? line.name : (line?.title ?? "hộp quà");
    return new DomainError(
      409,
      first?.problem === "unavailable" ? "unavailable" : "out_of_stock",
      {
        vi:
          first?.problem === "unavailable"
            ? `“${name}” hiện không bán. Hãy bỏ khỏi giỏ để đặt hàng.`
            : `“${name}” không còn đủ hàng. Hãy giảm số lượng.`,
        en:
          first?.problem === "unavailable"
            ? `“${name}” is not on sale now. Remove it to order.`
            : `“${name}” does not have enough stock. Lower the quantity.`,
      },
      "cart",
    );
  }

  /** An order with its fulfilments — one Query of the order's partition. */
  export async function view(orderId: string) {
    const { data } = await OrderService.collections.order({ orderId }).go({ consistent: true });
    const order = data.order[0];
    if (!order) throw notFound({ vi: "đơn hàng", en: "Order" });
    return {
      ...order,
      lines: JSON.parse(order.lines) as unknown[],
      fulfilments: data.fulfilment.map(publicFulfilment),
    };
  }
  export type View = Awaited<ReturnType<typeof view>>;

  function publicFulfilment(f: Fulfilment) {
    return {
      ...f,
      items: JSON.parse(f.items) as Array<{ productId: string; name: string; quantity: number; unitPriceVnd: number }>,
      boxes: JSON.parse(f.boxes) as Array<{ boxName: string; quantity: number; greeting: string | null }>,
    };
  }

  /** The shopper's own order, with how to pay when it waits for payment; staff see the orders they may act on. */
  export async function mine(actor: Actor, orderId: string) {
    const user = requireUser(actor);
    const order = await view(orderId);
    if (order.userId !== user.userId) {
      if (user.role !== "staff") throw notYours();
      await requireStaffOfOrder(actor, order);
    }
    return { ...order, payment: paymentInstructions(order) };
  }

  /** Staff whose scope covers every parcel of the order (see `requireStaffOver`). */
  async function requireStaffOfOrder(actor: Actor, order: View) {
    if (order.staffScope) return requireStaffOver(actor, [order.staffScope]);
    // Orders placed before the scope was recorded: from their producers.
    const { data } = await Producer.entity.get(order.fulfilments.map((f) => ({ producerId: f.producerId }))).go();
    return requireStaffOver(
      actor,
      data.map((p) => p.provinceCode),
    );
  }

  /** The order's key in its staff list, given with every status change. */
  const scopeKey = (order: { staffScope?: string }) => ({ staffScope: order.staffScope ?? "central" });

  /** A staff member's action on someone else's order, audited with the change it makes. */
  const byStaff = (actor: Actor, order: { userId: string }) =>
    actor.kind === "user" && actor.user.role === "staff" && actor.user.userId !== order.userId;

  /** The audit entry of a money action on an order, written in the transaction that makes the change. */
  const auditMoney = (
    tx: OrderTx,
    actor: Actor,
    action: "confirm-transfer" | "cancel" | "refund",
    order: { orderId: string; status: string; paymentStatus?: string },
    after: { [field: string]: unknown },
  ) =>
    tx.audit
      .create(
        Audit.entry(
          actor,
          action,
          { type: "order", id: order.orderId },
          { status: order.status, paymentStatus: order.paymentStatus },
          after,
        ),
      )
      .commit();

  function paymentInstructions(order: View) {
    if (order.status !== "pending_payment") return null;
    if (order.paymentMethod === "vietqr") {
      return {
        method: "vietqr" as const,
        payload: VietQr.payload({ code: order.code, amountVnd: order.totalVnd }),
        ...VietQr.account(),
        amountVnd: order.totalVnd,
        content: order.code,
        payBy: order.payBy ?? null,
      };
    }
    return { method: order.paymentMethod, payBy: order.payBy ?? null };
  }

  export async function list(actor: Actor) {
    const user = requireUser(actor);
    const { data } = await OrderEntity.query.byUser({ userId: user.userId }).go({ order: "desc", limit: 100 });
    return data.map(({ lines: _l, reservations: _r, ...o }) => o);
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
    if (order.status !== "pending_payment") return false;
    const stamp = new Date().toISOString();
    const result = await OrderService.transaction
      .write((tx) => [
        tx.order
          .patch({ orderId })
          .set({ status: "confirmed", paymentStatus: "paid", updatedAt: stamp })
          .composite(scopeKey(order))
          .remove(["paymentError"])
          .where(({ status }, { eq }) => eq(status, "pending_payment"))
          .commit(),
        ...order.fulfilments.map((f) =>
          tx.fulfilment
            .patch({ orderId, producerId: f.producerId })
            .set({
              status: "confirmed",
              updatedAt: stamp,
              history: [...(f.history ?? []), { status: "confirmed", at: stamp }],
            })
            .where(({ status }, { eq }) => eq(status, "pending_payment"))
            .commit(),
        ),
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
  export async function confirmTransfer(actor: Actor, orderId: string) {
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

  const CANCELLABLE: readonly Order.FulfilmentStatus[] = ["pending_payment", "confirmed", "packed"];

  /**
   * Cancels an order none of whose parcels has shipped: stock goes back, the hold goes, and a paid card payment is
   * refunded. Once one parcel has shipped the order is no longer cancellable and its other parcels go on as usual
   * (as on Shopee: cancelling is for orders not yet handed to a carrier; a shipped parcel is refused or returned).
   * `system` cancels on expiry; shoppers their own orders; staff those of their scope, audited.
   */
  export async function cancel(actor: Actor, orderId: string, reason?: string) {
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
      !["pending_payment", "confirmed"].includes(order.status) ||
      order.fulfilments.some((f) => !CANCELLABLE.includes(f.status))
    ) {
      throw problem(
        409,
        "not_cancellable",
        "Đơn đã được gửi đi hoặc đã kết thúc, không huỷ được.",
        "The order has shipped or ended and cannot be cancelled.",
      );
    }
    const stamp = new Date().toISOString();
    const result = await OrderService.transaction
      .write((tx) => [
        tx.order
          .patch({ orderId })
          .set({ status: "cancelled", cancelReason: why, updatedAt: stamp })
          .composite(scopeKey(order))
          .where(({ status }, { eq }) => eq(status, order.status))
          .commit(),
        ...(audited ? [auditMoney(tx, actor, "cancel", order, { status: "cancelled", totalVnd: order.totalVnd })] : []),
        ...order.fulfilments.map((f) =>
          tx.fulfilment
            .patch({ orderId, producerId: f.producerId })
            .set({
              status: "cancelled",
              updatedAt: stamp,
              history: [...(f.history ?? []), { status: "cancelled", at: stamp }],
            })
            .where(({ status }, { eq }) => eq(status, f.status))
            .commit(),
        ),
        ...order.reservations.map(({ productId, quantity }) =>
          tx.product.patch({ productId }).add({ stock: quantity }).commit(),
        ),
        ...(order.dealReservations ?? []).flatMap(({ dealId, quantity }) => [
          tx.deal.patch({ dealId }).add({ sold: -quantity }).commit(),
          tx.dealBuyer.patch({ dealId, userId: order.userId }).add({ bought: -quantity }).commit(),
        ]),
        ...(order.payBy && order.status === "pending_payment"
          ? [tx.hold.delete({ scope: "holds", payBy: order.payBy, orderId }).commit()]
          : []),
      ])
      .go();
    if (result.canceled) {
      throw problem(409, "changed", "Đơn vừa thay đổi, hãy tải lại.", "The order just changed; reload it.");
    }
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
  async function refund(orderId: string, actor: Actor = { kind: "system" }) {
    const card = cardGateway();
    const order = await view(orderId);
    if (!card || !order.paymentIntentId) return;
    await card.refund(order.paymentIntentId);
    await OrderService.transaction
      .write((tx) => [
        tx.order
          .patch({ orderId })
          .set({ status: "refunded", paymentStatus: "refunded", updatedAt: new Date().toISOString() })
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

  /**
   * A verified card-processor event, handled once (the event id is recorded in the same transaction as its effect)
   * and in any order: a success after a failure pays the order; a failure after a success changes nothing; a success
   * for an order that already expired is refunded.
   */
  export async function handleCardEvent(event: {
    id: string;
    type: string;
    object: { id: string; metadata?: { [key: string]: string }; payment_intent?: string | null };
  }) {
    const { data: seen } = await PaymentEventEntity.get({ eventId: event.id }).go({ consistent: true });
    if (seen) return { handled: false, reason: "duplicate" };
    const orderId = event.object.metadata?.orderId;
    const record = (tx: OrderTx) => [
      tx.event
        .create({
          eventId: event.id,
          type: event.type,
          orderId,
          expiresAt: Math.floor(Date.now() / 1000) + 30 * 86_400,
        })
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
                    .set({
                      paymentStatus: "failed",
                      paymentError: "card declined",
                      updatedAt: new Date().toISOString(),
                    })
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

  /** Cancels unpaid card and VietQR orders past their 30 minutes, giving their stock back. */
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
    return expired;
  }

  // ─── Fulfilment by producers ───────────────────────────────────────────────

  export async function fulfilments(actor: Actor, producerId: string) {
    requireSellerOf(actor, producerId);
    const { data } = await FulfilmentEntity.query.byProducer({ producerId }).go({ order: "desc", limit: 200 });
    return data.map(publicFulfilment);
  }

  const MOVES: { [K in "pack" | "ship" | "deliver"]: { from: FulfilmentStatus; to: FulfilmentStatus } } = {
    pack: { from: "confirmed", to: "packed" },
    ship: { from: "packed", to: "shipped" },
    deliver: { from: "shipped", to: "delivered" },
  };

  export const ShipInput = z.object({
    carrier: z.string().trim().min(2).max(60),
    trackingNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, "expected a tracking number"),
  });

  /** The only moves a producer makes: confirmed → packed → shipped (carrier, tracking) → delivered; COD collected. */
  export async function advance(
    actor: Actor,
    orderId: string,
    producerId: string,
    move: "pack" | "ship" | "deliver" | "cod-collected",
    input?: unknown,
  ) {
    requireSellerOf(actor, producerId);
    const { data: f } = await FulfilmentEntity.get({ orderId, producerId }).go({ consistent: true });
    if (!f) {
      const { data: order } = await OrderEntity.get({ orderId }).go();
      if (order) throw notYours();
      throw notFound({ vi: "đơn hàng", en: "Order" });
    }
    const stamp = new Date().toISOString();
    if (move === "cod-collected") {
      if (f.paymentMethod !== "cod" || f.status !== "delivered") {
        throw problem(
          409,
          "invalid_move",
          "Chỉ ghi nhận thu tiền mặt sau khi giao đơn COD.",
          "COD is collected after delivering a COD order.",
        );
      }
      await FulfilmentEntity.patch({ orderId, producerId }).set({ codCollected: true, updatedAt: stamp }).go();
      return publicFulfilment({ ...f, codCollected: true });
    }
    const { from, to } = MOVES[move];
    if (f.status !== from) {
      throw problem(
        409,
        "invalid_move",
        `Không thể chuyển từ “${f.status}” sang “${to}”.`,
        `Cannot move from “${f.status}” to “${to}”.`,
      );
    }
    const shipping = move === "ship" ? ShipInput.parse(input) : {};
    const { data: order } = await OrderEntity.get({ orderId }).go({ consistent: true });
    const siblings = (await view(orderId)).fulfilments;
    const completes =
      to === "delivered" && siblings.every((s) => s.producerId === producerId || s.status === "delivered");
    const result = await OrderService.transaction
      .write((tx) => [
        tx.fulfilment
          .patch({ orderId, producerId })
          .set({
            status: to,
            ...shipping,
            updatedAt: stamp,
            history: [...(f.history ?? []), { status: to, at: stamp }],
          })
          .where(({ status }, { eq }) => eq(status, from))
          .commit(),
        ...(completes
          ? [
              tx.order
                .patch({ orderId })
                .set({ status: "completed", updatedAt: stamp })
                .composite(scopeKey(order ?? {}))
                .where(({ status }, { eq }) => eq(status, "confirmed"))
                .commit(),
            ]
          : []),
      ])
      .go();
    if (result.canceled)
      throw problem(409, "changed", "Đơn vừa thay đổi, hãy tải lại.", "The order just changed; reload it.");
    if (order && (to === "shipped" || to === "delivered")) {
      const about = { code: order.code, orderUrl: Site.orderUrl(orderId) };
      await notify(
        order.address.phone,
        to === "shipped"
          ? OrderMessages.shipped(about, { producerName: f.producerName, ...(shipping as z.infer<typeof ShipInput>) })
          : OrderMessages.delivered(about, f),
      );
    }
    const { data: updated } = await FulfilmentEntity.get({ orderId, producerId }).go({ consistent: true });
    return publicFulfilment(updated ?? f);
  }

  /**
   * Staff view: orders by status, newest first — only those the staff member may act on (a province's staff never
   * see other provinces' buyers).
   */
  export async function byStatus(actor: Actor, status: Status) {
    const staff = requireStaff(actor);
    const { data } =
      staff.staffScope === "central"
        ? await OrderEntity.query.byStatus({ status }).go({ order: "desc", limit: 200 })
        : await OrderEntity.query.byScope({ staffScope: staff.staffScope, status }).go({ order: "desc", limit: 200 });
    return data.map(({ lines: _l, reservations: _r, ...o }) => o);
  }

  // ─── Notifications through the outbox (SMS on AWS) ────────────────────────

  async function notify(phone: string, text: string) {
    await messenger()
      .send({ channel: "sms", to: `+84${phone.slice(1)}`, subject: "Chợ OCOP", text })
      .catch((err) => console.error("notify failed", err));
  }

  async function notifyPlaced(orderId: string) {
    const order = await view(orderId);
    await notify(
      order.address.phone,
      OrderMessages.placed({ ...order, orderUrl: Site.orderUrl(orderId) }, PAY_WITHIN_MINUTES),
    );
    const producers = await Producer.entity.get(order.fulfilments.map((f) => ({ producerId: f.producerId }))).go();
    for (const p of producers.data) {
      await notify(p.phone, OrderMessages.newForSeller(order, p.name, Site.sellerOrdersUrl()));
    }
  }
}
