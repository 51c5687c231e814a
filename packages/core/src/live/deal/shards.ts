import type { EntityItem } from "electrodb";
import { lazyClient, tableName } from "../../db/client";
import { entityOnFirstUse } from "../../db/on-first-use";
import { SERVICE } from "../../db/service";

const config = { client: lazyClient, table: tableName() };

/**
 * One of a deal's shards: `stock` units not yet taken, and `holds`, one `orderId:quantity` entry per reservation
 * taken from it whose order is not yet known to be written. The entry and the units move in the same conditional
 * write, so a hold is given back exactly once. `closed` once its units went back to the product.
 */
export const DealShardEntity = entityOnFirstUse(
  {
    model: { entity: "livedealshard", version: "1", service: SERVICE },
    attributes: {
      dealId: { type: "string", required: true },
      shard: { type: "number", required: true },
      stock: { type: "number", required: true },
      holds: { type: "set", items: "string" },
      closed: { type: "boolean" },
    },
    indexes: { byKey: { pk: { field: "pk", composite: ["dealId", "shard"] }, sk: { field: "sk", composite: [] } } },
  },
  config,
);
export type DealShard = EntityItem<typeof DealShardEntity>;

/**
 * What became of a reservation: `ordered` (written in the order's transaction), `returned` (its order was cancelled,
 * the units went back) or `released` (its order was never written: the sweep claimed it and gave the units back).
 * Created once, so an order and the sweep can never both have the same units.
 */
export const DealReservationEntity = entityOnFirstUse(
  {
    model: { entity: "livedealreservation", version: "1", service: SERVICE },
    attributes: {
      dealId: { type: "string", required: true },
      orderId: { type: "string", required: true },
      shard: { type: "number", required: true },
      quantity: { type: "number", required: true },
      state: { type: ["ordered", "returned", "released"] as const, required: true },
      at: { type: "string", required: true },
    },
    indexes: {
      byKey: { pk: { field: "pk", composite: ["dealId", "orderId"] }, sk: { field: "sk", composite: [] } },
    },
  },
  config,
);

/** The deals whose units are not all settled yet: what the sweep visits (one partition, a few items at a time). */
export const OpenDealEntity = entityOnFirstUse(
  {
    model: { entity: "liveopendeal", version: "1", service: SERVICE },
    attributes: {
      scope: { type: "string", required: true, default: "opendeals" },
      dealId: { type: "string", required: true },
    },
    indexes: { byScope: { pk: { field: "pk", composite: ["scope"] }, sk: { field: "sk", composite: ["dealId"] } } },
  },
  config,
);
