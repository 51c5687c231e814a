import type { EntityItem } from "electrodb";
import { lazyClient, tableName } from "../../db/client";
import { entityOnFirstUse } from "../../db/on-first-use";
import { SERVICE } from "../../db/service";

const config = { client: lazyClient, table: tableName() };

/**
 * A live-only deal: a price for a quantity of one featured product, each buyer at most `perBuyer`, from `startsAt`
 * (after the countdown) to `endsAt`. Its units are set aside from the product's stock when it opens and held by its
 * `shards` (see stock.ts); the deal item itself is not written by a sale, so reading it never queues behind buyers.
 */
export const DealEntity = entityOnFirstUse(
  {
    model: { entity: "livedeal", version: "1", service: SERVICE },
    attributes: {
      dealId: { type: "string", required: true },
      sessionId: { type: "string", required: true },
      productId: { type: "string", required: true },
      priceVnd: { type: "number", required: true },
      quantity: { type: "number", required: true },
      perBuyer: { type: "number", required: true },
      /** Unused since the units live in the shards; kept so older items still read. */
      sold: { type: "number", required: true, default: 0 },
      /** How many shard items hold its units (each takes about 1,000 writes a second on DynamoDB). */
      shards: { type: "number", required: true, default: 1 },
      /** Set when every shard ran dry: buyers are answered from here at once; a unit given back clears it. */
      soldOutAt: { type: "string" },
      /** When its unsold units went back to the product's stock (after it ended). */
      settledAt: { type: "string" },
      startsAt: { type: "string", required: true },
      endsAt: { type: "string", required: true },
      /** When the room was last told the units left (on IVS: at most once a second, whatever the sales). */
      unitsRelayedAt: { type: "string" },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["dealId"] }, sk: { field: "sk", composite: [] } },
      bySession: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["sessionId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "dealId"] },
      },
    },
  },
  config,
);
export type Deal = EntityItem<typeof DealEntity>;

/** How many units of a deal one buyer holds. */
export const DealBuyerEntity = entityOnFirstUse(
  {
    model: { entity: "livedealbuyer", version: "1", service: SERVICE },
    attributes: {
      dealId: { type: "string", required: true },
      userId: { type: "string", required: true },
      bought: { type: "number", required: true, default: 0 },
    },
    indexes: { byKey: { pk: { field: "pk", composite: ["dealId", "userId"] }, sk: { field: "sk", composite: [] } } },
  },
  config,
);
