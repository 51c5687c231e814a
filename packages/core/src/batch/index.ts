import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { IsoDate } from "../util/date";

/** A production batch (lô sản xuất), recorded by the seller for traceability; lives in its product's collection. */
export namespace Batch {
  export const entity = entityOnFirstUse(
    {
      model: { entity: "batch", version: "1", service: SERVICE },
      attributes: {
        productId: { type: "string", required: true },
        batchId: { type: "string", required: true },
        code: { type: "string", required: true },
        productionDate: { type: "string", required: true },
        bestBefore: { type: "string" },
        quantity: { type: "number", required: true },
        createdAt: { type: "string", required: true },
      },
      indexes: {
        byProduct: { pk: { field: "pk", composite: ["productId"] }, sk: { field: "sk", composite: ["batchId"] } },
      },
    },
    { client: lazyClient, table: tableName() },
  );
  export type Record = EntityItem<typeof entity>;

  /** A batch as its sellers and the trace page read it. */
  export const View = z.object({
    productId: z.string(),
    batchId: z.string(),
    code: z.string(),
    productionDate: z.string(),
    bestBefore: z.string().optional(),
    quantity: z.number().int(),
    createdAt: z.string(),
  });
  export type View = z.infer<typeof View>;

  export function view(b: Record): View {
    return {
      productId: b.productId,
      batchId: b.batchId,
      code: b.code,
      productionDate: b.productionDate,
      bestBefore: b.bestBefore,
      quantity: b.quantity,
      createdAt: b.createdAt,
    };
  }

  export const Input = z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^[\p{L}\d][\p{L}\d ./-]{0,39}$/u, "expected a batch code such as LO-2026-11"),
      productionDate: IsoDate,
      bestBefore: IsoDate.optional(),
      quantity: z.number().int().min(1).max(10_000_000),
    })
    .refine((b) => !b.bestBefore || b.bestBefore >= b.productionDate, {
      path: ["bestBefore"],
      message: "best-before must not be before the production date",
    });

  export async function record(productId: string, input: z.input<typeof Input>, today: string) {
    const batch = Input.parse(input);
    if (batch.productionDate > today) {
      throw new z.ZodError([
        { code: "custom", path: ["productionDate"], message: "the production date is in the future", input: batch },
      ]);
    }
    const batchId = ulid().toLowerCase();
    await entity.create({ ...batch, productId, batchId, createdAt: new Date().toISOString() }).go();
    return batchId;
  }

  export async function of(productId: string): Promise<Record[]> {
    const { data } = await entity.query.byProduct({ productId }).go({ pages: "all" });
    return data.sort((a, b) => b.productionDate.localeCompare(a.productionDate));
  }
}
