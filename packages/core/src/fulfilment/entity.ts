import type { EntityItem } from "electrodb";
import { addressAttribute } from "../address/delivery";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { PAYMENT_METHODS } from "../payment/methods";

export const FULFILMENT_STATUSES = [
  "pending_payment",
  "confirmed",
  "packed",
  "shipped",
  "delivered",
  "cancelled",
] as const;

/** One producer's part of an order: its own status, shipping and (for COD) collection. */
export const FulfilmentEntity = entityOnFirstUse(
  {
    model: { entity: "fulfilment", version: "1", service: SERVICE },
    attributes: {
      orderId: { type: "string", required: true },
      producerId: { type: "string", required: true },
      code: { type: "string", required: true },
      producerName: { type: "string", required: true },
      status: { type: FULFILMENT_STATUSES, required: true },
      paymentMethod: { type: PAYMENT_METHODS, required: true },
      items: { type: "string", required: true },
      boxes: { type: "string", required: true },
      address: addressAttribute,
      weightGrams: { type: "number", required: true },
      goodsVnd: { type: "number", required: true },
      discountVnd: { type: "number", required: true },
      shippingVnd: { type: "number", required: true },
      totalVnd: { type: "number", required: true },
      carrier: { type: "string" },
      trackingNumber: { type: "string" },
      codCollected: { type: "boolean", default: false },
      history: {
        type: "list",
        items: { type: "map", properties: { status: { type: "string" }, at: { type: "string" } } },
        default: [],
      },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      byOrder: {
        collection: "order",
        pk: { field: "pk", composite: ["orderId"] },
        sk: { field: "sk", composite: ["producerId"] },
      },
      byProducer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["producerId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "orderId"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);
export type FulfilmentRecord = EntityItem<typeof FulfilmentEntity>;
