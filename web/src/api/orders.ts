import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

export type PlaceInput = InferRequestType<typeof client.api.orders.$post>["json"];
export type FulfilmentMove = "pack" | "ship" | "deliver" | "cod-collected";

const orders = client.api.orders;
/** Checkout and the shopper's orders: placing, tracking, cancelling and paying. */
export const ordersApi = {
  checkoutOptions: () => ok(client.api.checkout.options.$get()),
  place: (idempotencyKey: string, input: PlaceInput) =>
    ok(orders.$post({ header: { "idempotency-key": idempotencyKey }, json: input })),
  orders: () => ok(orders.$get()),
  order: (id: string) => ok(orders[":id"].$get({ param: { id } })),
  cancel: (id: string) => ok(orders[":id"].cancel.$post({ param: { id } })),
  cardSecret: (id: string) => ok(orders[":id"].card.$post({ param: { id } })),
  confirmTransfer: (id: string) => ok(orders[":id"]["confirm-transfer"].$post({ param: { id } })),
};

/** The QR image of an unpaid VietQR order (an SVG the API draws from the NAPAS payload). */
export function vietQrImage(orderId: string): string {
  return orders[":id"]["vietqr.svg"].$url({ param: { id: orderId } }).pathname;
}

const fulfilments = client.api.seller.fulfilments;

/** A producer's part of each order, and the moves that send it on its way. */
export const fulfilmentApi = {
  list: () => ok(fulfilments.$get()),
  move: (orderId: string, move: FulfilmentMove, shipping?: { carrier: string; trackingNumber: string }) =>
    ok(fulfilments[":orderId"][":move"].$post({ param: { orderId, move }, json: shipping ?? {} })),
};

/** An order as its shopper tracks it: the order, its parcels and how to pay while it waits for payment. */
export type OrderView = Awaited<ReturnType<typeof ordersApi.order>>;
/** An order as placing, cancelling or confirming it answers: without the payment instructions. */
export type PlacedOrder = Awaited<ReturnType<typeof ordersApi.cancel>>;
/** What the order page shows: the tracked order, or the one a cancel answered with. */
export type ShownOrder = PlacedOrder & Partial<Pick<OrderView, "payment">>;
export type OrderSummary = Awaited<ReturnType<typeof ordersApi.orders>>[number];
export type Fulfilment = Awaited<ReturnType<typeof fulfilmentApi.list>>[number];
export type OrderStatus = OrderView["status"];
export type FulfilmentStatus = Fulfilment["status"];
export type PaymentMethod = OrderView["paymentMethod"];
export type PaymentStatus = OrderView["paymentStatus"];
export type Address = OrderView["address"];
