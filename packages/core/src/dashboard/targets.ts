import { type Actor, requireStaffFor } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { lazyClient, tableName } from "../db/client";
import { serviceOnFirstUse } from "../db/on-first-use";
import { PROVINCE_CODES } from "../geo/province";
import { Settings } from "../settings";
import { DomainError } from "../util/error";
import { TargetValue } from "./figures";

/**
 * A province's own OCOP target (products of 3★ or more, of them at 5★), kept in the settings under
 * `target:<province code>` and written with its audit entry. Its province's staff and central staff set it.
 */
export namespace ProvinceTarget {
  export const Input = TargetValue.refine((t) => t.fiveStars <= t.products, {
    path: ["fiveStars"],
    message: "the 5★ target cannot exceed the target of products of 3★ or more",
  });
  export interface Stored extends TargetValue {
    updatedAt: string;
  }

  const KEY = "target:";
  const AuditedService = serviceOnFirstUse(
    { setting: Settings.entity, audit: AuditEntity },
    { client: lazyClient, table: tableName() },
  );

  /** Every province target set, by province code (one query of the settings partition). */
  export async function all(): Promise<Map<string, Stored>> {
    const { data } = await Settings.entity.query.byKey({ scope: "settings" }).begins({ key: KEY }).go({ pages: "all" });
    const out = new Map<string, Stored>();
    for (const row of data) {
      const parsed = TargetValue.safeParse(JSON.parse(row.value));
      if (parsed.success) out.set(row.key.slice(KEY.length), { ...parsed.data, updatedAt: row.updatedAt });
    }
    return out;
  }

  export async function set(actor: Actor, provinceCode: string, input: unknown): Promise<Stored> {
    if (!(PROVINCE_CODES as readonly string[]).includes(provinceCode)) {
      throw new DomainError(400, "invalid_input", {
        vi: `Không có tỉnh, thành phố mã "${provinceCode}".`,
        en: `There is no province with code "${provinceCode}".`,
      });
    }
    requireStaffFor(actor, { provinceCode });
    const value = Input.parse(input);
    const key = `${KEY}${provinceCode}`;
    const before = (await Settings.entity.get({ scope: "settings", key }).go()).data;
    const updatedAt = new Date().toISOString();
    await AuditedService.transaction
      .write((tx) => [
        tx.setting.put({ scope: "settings", key, value: JSON.stringify(value), updatedAt }).commit(),
        tx.audit
          .create(
            Audit.entry(
              actor,
              "target.put",
              { type: "settings", id: key },
              before ? JSON.parse(before.value) : null,
              value,
            ),
          )
          .commit(),
      ])
      .go();
    return { ...value, updatedAt };
  }
}
