import { Entity, type EntityItem } from "electrodb";
import { lazyClient, tableName } from "../../db/client";
import { SERVICE } from "../../db/service";

const config = { client: lazyClient, table: tableName() };

/**
 * A live-only deal: a price for a quantity of one featured product, each buyer at most `perBuyer`, from `startsAt`
 * (after the countdown) to `endsAt`. `sold` and each buyer's count move only by conditional writes in the order's
 * transaction, so a deal can never sell more than it has.
 */
export const DealEntity = new Entity(
  {
    model: { entity: "livedeal", version: "1", service: SERVICE },
    attributes: {
      dealId: { type: "string", required: true },
      sessionId: { type: "string", required: true },
      productId: { type: "string", required: true },
      priceVnd: { type: "number", required: true },
      quantity: { type: "number", required: true },
      perBuyer: { type: "number", required: true },
      sold: { type: "number", required: true, default: 0 },
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
export const DealBuyerEntity = new Entity(
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
