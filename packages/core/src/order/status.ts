import { lifecycle } from "../util/lifecycle";
import type { ORDER_STATUSES } from "./entities";

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * An order's way: an unpaid card or VietQR order waits for its payment (30 minutes), a COD order starts confirmed;
 * it completes when every parcel is delivered, and is cancelled while none has shipped. A cancelled card payment
 * is refunded.
 */
export const OrderLifecycle = lifecycle<OrderStatus>(
  { vi: "Đơn hàng", en: "An order" },
  {
    pending_payment: ["confirmed", "cancelled"],
    confirmed: ["completed", "cancelled"],
    completed: [],
    cancelled: ["refunded"],
    refunded: [],
  },
);
