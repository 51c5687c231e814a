import { z } from "zod";
import { AddressView, addressView } from "../address/delivery";
import { ParcelBox, ParcelItem } from "../checkout/quote";
import { PAYMENT_METHODS } from "../payment/methods";
import { FULFILMENT_STATUSES, type FulfilmentRecord } from "./entity";

/** What a producer ships of an order, as its seller, its shopper and staff see it. */
export const FulfilmentView = z.object({
  orderId: z.string(),
  producerId: z.string(),
  code: z.string(),
  producerName: z.string(),
  status: z.enum(FULFILMENT_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  items: z.array(ParcelItem.extend({ comboLineId: z.string().nullable().optional() })),
  boxes: z.array(ParcelBox.extend({ comboLineId: z.string().optional() })),
  address: AddressView,
  weightGrams: z.number(),
  goodsVnd: z.number(),
  discountVnd: z.number(),
  shippingVnd: z.number(),
  totalVnd: z.number(),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  codCollected: z.boolean().optional(),
  history: z.array(z.object({ status: z.string().optional(), at: z.string().optional() })).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FulfilmentView = z.infer<typeof FulfilmentView>;

export function fulfilmentView(f: FulfilmentRecord): FulfilmentView {
  return {
    orderId: f.orderId,
    producerId: f.producerId,
    code: f.code,
    producerName: f.producerName,
    status: f.status,
    paymentMethod: f.paymentMethod,
    items: JSON.parse(f.items) as FulfilmentView["items"],
    boxes: JSON.parse(f.boxes) as FulfilmentView["boxes"],
    address: addressView(f.address),
    weightGrams: f.weightGrams,
    goodsVnd: f.goodsVnd,
    discountVnd: f.discountVnd,
    shippingVnd: f.shippingVnd,
    totalVnd: f.totalVnd,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    codCollected: f.codCollected,
    history: f.history,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}
