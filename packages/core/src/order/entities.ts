import { addressAttribute } from "../address/delivery";
import { AuditEntity } from "../audit";
import { Cart } from "../cart";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { FulfilmentEntity } from "../fulfilment/entity";
import { DealBuyerEntity, DealEntity } from "../live/deal/entities";
import { DealReservationEntity, DealShardEntity } from "../live/deal/shards";
import { PAYMENT_METHODS, PAYMENT_STATUSES } from "../payment/methods";
import { Product } from "../product";

const config = { client: lazyClient, table: tableName() };

export const ORDER_STATUSES = ["pending_payment", "confirmed", "completed", "cancelled", "refunded"] as const;

/** An order: one per checkout, in the same partition as its fulfilments (one Query reads them all). */
export const OrderEntity = entityOnFirstUse(
  {
    model: { entity: "order", version: "1", service: SERVICE },
    attributes: {
      orderId: { type: "string", required: true },
      code: { type: "string", required: true },
      userId: { type: "string", required: true },
      status: { type: ORDER_STATUSES, required: true },
      paymentMethod: { type: PAYMENT_METHODS, required: true },
      paymentStatus: { type: PAYMENT_STATUSES, required: true },
      paymentIntentId: { type: "string" },
      paymentError: { type: "string" },
      address: addressAttribute,
      /** The priced lines at the moment of ordering (JSON), as the shopper saw them. */
      lines: { type: "string", required: true },
      /** Units reserved per product: what a cancellation gives back. */
      reservations: {
        type: "list",
        required: true,
        items: {
          type: "map",
          properties: {
            productId: { type: "string", required: true },
            quantity: { type: "number", required: true },
          },
        },
      },
      goodsVnd: { type: "number", required: true },
      discountVnd: { type: "number", required: true },
      shippingVnd: { type: "number", required: true },
      totalVnd: { type: "number", required: true },
      /** Live deals this order took units from (given back if it is cancelled). */
      dealReservations: {
        type: "list",
        items: {
          type: "map",
          properties: { dealId: { type: "string", required: true }, quantity: { type: "number", required: true } },
        },
      },
      /** The live session the order was placed from, for the seller's live feed and the session's figures. */
      liveSessionId: { type: "string" },
      /**
       * Which staff may act on the order (confirm a transfer, cancel, refund) and see it: the province of its producers
       * when they all share one, else "central". Fixed when placed.
       */
      staffScope: { type: "string" },
      payBy: { type: "string" },
      cancelReason: { type: "string" },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      byId: {
        collection: "order",
        pk: { field: "pk", composite: ["orderId"] },
        sk: { field: "sk", composite: [] },
      },
      byUser: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["userId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "orderId"] },
      },
      byStatus: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["status"] },
        sk: { field: "gsi2sk", composite: ["createdAt", "orderId"] },
      },
      /** Only orders placed from a live session carry this index's keys. */
      byLive: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["liveSessionId"] },
        sk: { field: "gsi3sk", composite: ["createdAt", "orderId"] },
      },
      /** A province's staff list of orders. Every status change supplies `staffScope` with `.composite(...)`. */
      byScope: {
        index: "gsi4",
        pk: { field: "gsi4pk", composite: ["staffScope", "status"] },
        sk: { field: "gsi4sk", composite: ["createdAt", "orderId"] },
      },
    },
  },
  config,
);

/** An Idempotency-Key, per shopper, naming the order it created; kept a day. */
export const IdempotencyEntity = entityOnFirstUse(
  {
    model: { entity: "idempotency", version: "1", service: SERVICE },
    attributes: {
      owner: { type: "string", required: true },
      key: { type: "string", required: true },
      orderId: { type: "string", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: { byKey: { pk: { field: "pk", composite: ["owner", "key"] }, sk: { field: "sk", composite: [] } } },
  },
  config,
);

/**
 * The stock an unpaid card or VietQR order holds, until `payBy`. The expiry sweeper reads holds in time order;
 * the TTL removes any the sweeper already settled.
 */
export const HoldEntity = entityOnFirstUse(
  {
    model: { entity: "hold", version: "1", service: SERVICE },
    attributes: {
      scope: { type: "string", required: true, default: "holds" },
      payBy: { type: "string", required: true },
      orderId: { type: "string", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byTime: { pk: { field: "pk", composite: ["scope"] }, sk: { field: "sk", composite: ["payBy", "orderId"] } },
    },
  },
  config,
);

/** Card processor events already handled (webhooks may arrive twice); kept 30 days. */
export const PaymentEventEntity = entityOnFirstUse(
  {
    model: { entity: "paymentevent", version: "1", service: SERVICE },
    attributes: {
      eventId: { type: "string", required: true },
      type: { type: "string", required: true },
      orderId: { type: "string" },
      expiresAt: { type: "number", required: true },
    },
    indexes: { byId: { pk: { field: "pk", composite: ["eventId"] }, sk: { field: "sk", composite: [] } } },
  },
  config,
);

export const OrderService = serviceOnFirstUse(
  {
    order: OrderEntity,
    fulfilment: FulfilmentEntity,
    idempotency: IdempotencyEntity,
    hold: HoldEntity,
    event: PaymentEventEntity,
    product: Product.entity,
    cart: Cart.entity,
    deal: DealEntity,
    dealBuyer: DealBuyerEntity,
    dealShard: DealShardEntity,
    dealReservation: DealReservationEntity,
    audit: AuditEntity,
  },
  config,
);
export type OrderTx = Parameters<Parameters<typeof OrderService.transaction.write>[0]>[0];
