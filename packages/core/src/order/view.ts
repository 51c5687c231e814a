import type { EntityItem } from "electrodb";
import { z } from "zod";
import { type Actor, requireStaff, requireUser } from "../account/actor";
import { AddressView, addressView } from "../address/delivery";
import { PricedLine } from "../checkout/quote";
import { FulfilmentView, fulfilmentView } from "../fulfilment/view";
import { PAYMENT_METHODS, PAYMENT_STATUSES } from "../payment/methods";
import { VietQr } from "../payment/vietqr";
import { notFound } from "../util/error";
import { notYours, requireStaffOfOrder } from "./access";
import { ORDER_STATUSES, OrderEntity, OrderService } from "./entities";

export type OrderRecord = EntityItem<typeof OrderEntity>;

/** An order as its lists show it: everything but its priced lines and stock reservations. */
export const OrderSummary = z.object({
  orderId: z.string(),
  code: z.string(),
  userId: z.string(),
  status: z.enum(ORDER_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  paymentIntentId: z.string().optional(),
  paymentError: z.string().optional(),
  address: AddressView,
  goodsVnd: z.number(),
  discountVnd: z.number(),
  shippingVnd: z.number(),
  totalVnd: z.number(),
  dealReservations: z.array(z.object({ dealId: z.string(), quantity: z.number() })).optional(),
  liveSessionId: z.string().optional(),
  staffScope: z.string().optional(),
  payBy: z.string().optional(),
  cancelReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

/** An order with its priced lines as the shopper saw them and its parcels: what placing, paying and cancelling answer. */
export const OrderView = OrderSummary.extend({
  lines: z.array(PricedLine),
  reservations: z.array(z.object({ productId: z.string(), quantity: z.number() })),
  fulfilments: z.array(FulfilmentView),
});
export type OrderView = z.infer<typeof OrderView>;

/** How to pay an order that waits for its payment. */
export const PaymentInstructions = z.union([
  z.object({
    method: z.literal("vietqr"),
    payload: z.string(),
    bankBin: z.string(),
    bankName: z.string(),
    accountNumber: z.string(),
    accountName: z.string(),
    amountVnd: z.number(),
    content: z.string(),
    payBy: z.string().nullable(),
  }),
  z.object({ method: z.enum(["cod", "card"]), payBy: z.string().nullable() }),
]);

/** The shopper's own order (or one a staff member may act on), with how to pay while it waits for payment. */
export const MyOrder = OrderView.extend({ payment: PaymentInstructions.nullable() });
export type MyOrder = z.infer<typeof MyOrder>;

export function orderSummary(o: OrderRecord): OrderSummary {
  return {
    orderId: o.orderId,
    code: o.code,
    userId: o.userId,
    status: o.status,
    paymentMethod: o.paymentMethod,
    paymentStatus: o.paymentStatus,
    paymentIntentId: o.paymentIntentId,
    paymentError: o.paymentError,
    address: addressView(o.address),
    goodsVnd: o.goodsVnd,
    discountVnd: o.discountVnd,
    shippingVnd: o.shippingVnd,
    totalVnd: o.totalVnd,
    dealReservations: o.dealReservations,
    liveSessionId: o.liveSessionId,
    staffScope: o.staffScope,
    payBy: o.payBy,
    cancelReason: o.cancelReason,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** An order with its fulfilments — one Query of the order's partition. */
export async function view(orderId: string): Promise<OrderView> {
  const { data } = await OrderService.collections.order({ orderId }).go({ consistent: true });
  const order = data.order[0];
  if (!order) throw notFound({ vi: "đơn hàng", en: "Order" });
  return {
    ...orderSummary(order),
    lines: JSON.parse(order.lines) as PricedLine[],
    reservations: order.reservations,
    fulfilments: data.fulfilment.map(fulfilmentView),
  };
}

export async function mine(actor: Actor, orderId: string): Promise<MyOrder> {
  const user = requireUser(actor);
  const order = await view(orderId);
  if (order.userId !== user.userId) {
    if (user.role !== "staff") throw notYours();
    await requireStaffOfOrder(actor, order);
  }
  return { ...order, payment: paymentInstructions(order) };
}

function paymentInstructions(order: OrderView): z.infer<typeof PaymentInstructions> | null {
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

/** The shopper's orders, newest first. */
export async function list(actor: Actor): Promise<OrderSummary[]> {
  const user = requireUser(actor);
  const { data } = await OrderEntity.query.byUser({ userId: user.userId }).go({ order: "desc", limit: 100 });
  return data.map(orderSummary);
}

/**
 * Staff view: orders by status, newest first — only those the staff member may act on (a province's staff never
 * see other provinces' buyers).
 */
export async function byStatus(actor: Actor, status: OrderSummary["status"]): Promise<OrderSummary[]> {
  const staff = requireStaff(actor);
  const { data } =
    staff.staffScope === "central"
      ? await OrderEntity.query.byStatus({ status }).go({ order: "desc", limit: 200 })
      : await OrderEntity.query.byScope({ staffScope: staff.staffScope, status }).go({ order: "desc", limit: 200 });
  return data.map(orderSummary);
}
