import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";

/**
 * Listed-product counts by province, group, region and stars, kept in step with the listings in the same
 * transaction, and producers by province. It sits beside the producer, not in the storefront (which reads
 * producers), so that creating a producer counts it without the producer importing the storefront.
 */
export const CounterEntity = entityOnFirstUse(
  {
    model: { entity: "counter", version: "1", service: SERVICE },
    attributes: {
      scope: { type: "string", required: true, default: "storefront" },
      key: { type: "string", required: true },
      count: { type: "number", required: true, default: 0 },
    },
    indexes: {
      byScope: {
        collection: "storefront",
        pk: { field: "pk", composite: ["scope"] },
        sk: { field: "sk", composite: ["key"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);
