import { z } from "zod";
import { type Actor, requireStaff } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { DomainError } from "../util/error";
import { Vnd } from "../util/money";

/** Staff-configurable commerce rules: combo discount tiers, shipping rates by zone, free-shipping threshold. */
export namespace Settings {
  const Rate = z.object({
    /** Fee for the first 500 g. */
    baseVnd: Vnd,
    /** Fee for each further 500 g (or part of it). */
    per500gVnd: Vnd,
  });

  export const Pricing = z.object({
    /** Custom combos: `percent` off the products from `minItems` products (the best tier applies). */
    comboTiers: z
      .array(z.object({ minItems: z.number().int().min(2).max(8), percent: z.number().int().min(1).max(50) }))
      .max(6),
    /** Shipping is free when the goods of an order reach this amount. */
    freeShippingOverVnd: Vnd,
    shipping: z.object({ sameProvince: Rate, sameRegion: Rate, national: Rate }),
  });
  export type Pricing = z.infer<typeof Pricing>;

  export const DEFAULT_PRICING: Pricing = {
    comboTiers: [
      { minItems: 3, percent: 5 },
      { minItems: 5, percent: 10 },
    ],
    freeShippingOverVnd: 500_000,
    shipping: {
      sameProvince: { baseVnd: 18_000, per500gVnd: 3_000 },
      sameRegion: { baseVnd: 25_000, per500gVnd: 5_000 },
      national: { baseVnd: 35_000, per500gVnd: 8_000 },
    },
  };

  export const entity = entityOnFirstUse(
    {
      model: { entity: "setting", version: "1", service: SERVICE },
      attributes: {
        scope: { type: "string", required: true, default: "settings" },
        key: { type: "string", required: true },
        value: { type: "string", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: { byKey: { pk: { field: "pk", composite: ["scope"] }, sk: { field: "sk", composite: ["key"] } } },
    },
    { client: lazyClient, table: tableName() },
  );

  /** Settings are written with their audit entry. */
  const AuditedService = serviceOnFirstUse(
    { setting: entity, audit: AuditEntity },
    { client: lazyClient, table: tableName() },
  );

  export async function pricing(): Promise<Pricing> {
    const { data } = await entity.get({ scope: "settings", key: "pricing" }).go();
    return data ? Pricing.parse(JSON.parse(data.value)) : DEFAULT_PRICING;
  }

  export async function setPricing(actor: Actor, input: z.input<typeof Pricing>) {
    if (actor.kind !== "system" && requireStaff(actor).staffScope !== "central") {
      throw new DomainError(403, "forbidden", {
        vi: "Chỉ cán bộ trung ương đổi được giá vận chuyển và ưu đãi.",
        en: "Only central staff change shipping rates and discounts.",
      });
    }
    const value = Pricing.parse(input);
    const before = await pricing();
    await AuditedService.transaction
      .write((tx) => [
        tx.setting
          .put({ scope: "settings", key: "pricing", value: JSON.stringify(value), updatedAt: new Date().toISOString() })
          .commit(),
        tx.audit.create(Audit.entry(actor, "pricing.put", { type: "settings", id: "pricing" }, before, value)).commit(),
      ])
      .go();
    return value;
  }
}
