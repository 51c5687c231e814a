import { compose } from "./adapters/index";
import { loadSecrets } from "./lambda-config";

await loadSecrets();
await compose();
// Loaded once the adapters are chosen: the entities read the table's name when imported.
const [{ Live }, { Order }, { Storefront }, { Reminder }] = await Promise.all([
  import("@cho-ocop/core/live/index"),
  import("@cho-ocop/core/order/index"),
  import("@cho-ocop/core/storefront/index"),
  import("@cho-ocop/core/register/reminder"),
]);

/** Daily (SST Cron): takes products whose certificate ran out off the storefront. Locally a timer runs the same. */
export const sweepExpired = async () => ({ expired: await Storefront.sweepExpired() });

/**
 * Daily (SST Cron): reminds the producers whose certificate ends in 90 or 30 days, with the link to a renewal dossier;
 * each reminder once. Locally a timer runs the same.
 */
export const remindExpiring = async () => ({ reminded: await Reminder.sendDue() });

/**
 * Every 5 minutes (SST Cron): cancels unpaid card and VietQR orders past 30 minutes, then gives back the live deals'
 * units held for orders never written and puts ended deals' unsold units back in stock. Locally a timer runs the same.
 */
export const expireUnpaidOrders = async () => ({ cancelled: await Order.expireUnpaid() });

/**
 * Every minute (SST Cron): ends the lives whose stream dropped and did not come back within the reconnect grace
 * (LIVE_RECONNECT_GRACE_SECONDS, 60 by default, like the IVS recording's reconnect window); on IVS, tells each live's
 * room its viewers (IVS's count, the peak kept), likes and deal, and deletes the rooms of lives ended a minute ago.
 * Locally the provider's timer ends the lives, and the hub counts its viewers.
 */
export const endOfflineLives = async () => {
  const ended = await Live.endOffline(Number(process.env.LIVE_RECONNECT_GRACE_SECONDS ?? Live.RECONNECT_GRACE_SECONDS));
  return { ended, told: await Live.tellAudience(), roomsDeleted: await Live.closeRooms() };
};
