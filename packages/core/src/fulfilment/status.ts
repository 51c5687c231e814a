import { lifecycle } from "../util/lifecycle";
import type { FULFILMENT_STATUSES } from "./entity";

export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/**
 * A parcel's way: paid (or COD) → packed → handed to a carrier → delivered. Cancelling is for parcels not yet
 * handed to a carrier (as on Shopee); a shipped parcel is refused or returned instead.
 */
export const FulfilmentLifecycle = lifecycle<FulfilmentStatus>(
  { vi: "Phần hàng", en: "A parcel" },
  {
    pending_payment: ["confirmed", "cancelled"],
    confirmed: ["packed", "cancelled"],
    packed: ["shipped", "cancelled"],
    shipped: ["delivered"],
    delivered: [],
    cancelled: [],
  },
);
