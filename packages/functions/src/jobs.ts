import { Storefront } from "@cho-ocop/core/storefront/index";

/** Daily (SST Cron): takes products whose certificate ran out off the storefront. Locally a timer runs the same. */
export const sweepExpired = async () => ({ expired: await Storefront.sweepExpired() });
