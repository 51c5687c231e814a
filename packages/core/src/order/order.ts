import type { EntityItem } from "electrodb";
import type { FulfilmentEntity } from "../fulfilment/entity";
import type { FulfilmentStatus as ParcelStatus } from "../fulfilment/status";
import { Fulfilment as Parcel } from "./fulfilment";
import type { OrderRecord, OrderView } from "./view";

/** Orders: placing, paying, cancelling and refunding, and the views of an order; parcels are `Fulfilment`'s. */
export { cancel } from "./cancel";
export { cardSecret, confirmTransfer, expireUnpaid, handleCardEvent, paymentMethods } from "./payment";
export { Address, IdempotencyKey, type Placed, PlaceInput, place, placeUnderDeal } from "./place";
export { OrderLifecycle as Lifecycle } from "./status";
export { MAX_PRODUCTS, PAY_WITHIN_MINUTES } from "./terms";
export { byStatus, list, MyOrder, mine, OrderSummary as Summary, OrderView as ViewSchema, view } from "./view";

export type Record = OrderRecord;
export type View = OrderView;
export type Status = OrderRecord["status"];
export type Fulfilment = EntityItem<typeof FulfilmentEntity>;
export type FulfilmentStatus = ParcelStatus;

// A producer's moves live in the fulfilment concept; these names stay for the routes that still call them here.
export const fulfilments = Parcel.list;
export const advance = Parcel.advance;
export const ShipInput = Parcel.ShipInput;
