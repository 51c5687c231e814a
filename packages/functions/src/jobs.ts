import { Order } from "@cho-ocop/core/order/index";
import { Storefront } from "@cho-ocop/core/storefront/index";
import { loadSecrets } from "./lambda-config";

loadSecrets();

/** Daily (SST Cron): takes products whose certificate ran out off the storefront. Locally a timer runs the same. */
export const sweepExpired = async () => ({ expired: await Storefront.sweepExpired() });

/** Every 5 minutes (SST Cron): cancels unpaid card and VietQR orders past 30 minutes. Locally a timer runs the same. */
export const expireUnpaidOrders = async () => ({ cancelled: await Order.expireUnpaid() });
