import { compose } from "./adapters/index";
import { loadSecrets } from "./lambda-config";

loadSecrets();
await compose();
// Loaded once the adapters are chosen: the entities read the table's name when imported.
const [{ Live }, { Order }, { Storefront }] = await Promise.all([
  import("@cho-ocop/core/live/index"),
  import("@cho-ocop/core/order/index"),
  import("@cho-ocop/core/storefront/index"),
]);

/** Daily (SST Cron): takes products whose certificate ran out off the storefront. Locally a timer runs the same. */
export const sweepExpired = async () => ({ expired: await Storefront.sweepExpired() });

/** Every 5 minutes (SST Cron): cancels unpaid card and VietQR orders past 30 minutes. Locally a timer runs the same. */
export const expireUnpaidOrders = async () => ({ cancelled: await Order.expireUnpaid() });

/**
 * Every minute (SST Cron): ends the lives whose stream dropped and did not come back within the reconnect grace
 * (LIVE_RECONNECT_GRACE_SECONDS, 60 by default, like the IVS recording's reconnect window). Locally the provider's timer.
 */
export const endOfflineLives = async () => ({
  ended: await Live.endOffline(Number(process.env.LIVE_RECONNECT_GRACE_SECONDS ?? Live.RECONNECT_GRACE_SECONDS)),
});
