import { ulid } from "ulid";
import type { Actor } from "../account/actor";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";

/**
 * Every staff action, written in the same transaction as the change it records: who, what, when, before and after.
 * Partitioned by month (Vietnam's calendar is not needed here: months are UTC).
 */
export const AuditEntity = entityOnFirstUse(
  {
    model: { entity: "audit", version: "1", service: SERVICE },
    attributes: {
      month: { type: "string", required: true },
      auditId: { type: "string", required: true },
      at: { type: "string", required: true },
      actorId: { type: "string", required: true },
      actorScope: { type: "string", required: true },
      action: { type: "string", required: true },
      targetType: { type: "string", required: true },
      targetId: { type: "string", required: true },
      before: { type: "string", required: true },
      after: { type: "string", required: true },
      reason: { type: "string" },
    },
    indexes: {
      byMonth: { pk: { field: "pk", composite: ["month"] }, sk: { field: "sk", composite: ["auditId"] } },
      byTarget: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["targetId"] },
        sk: { field: "gsi1sk", composite: ["auditId"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);

export namespace Audit {
  export type Entry = Parameters<typeof AuditEntity.create>[0];

  export function entry(
    actor: Actor,
    action: string,
    target: { type: string; id: string },
    before: unknown,
    after: unknown,
    reason?: string,
  ): Entry {
    const now = new Date();
    return {
      month: now.toISOString().slice(0, 7),
      auditId: ulid(now.getTime()).toLowerCase(),
      at: now.toISOString(),
      actorId: actor.kind === "user" ? actor.user.userId : actor.kind,
      actorScope: actor.kind === "user" ? (actor.user.staffScope ?? actor.user.role) : actor.kind,
      action,
      targetType: target.type,
      targetId: target.id,
      before: JSON.stringify(before ?? null),
      after: JSON.stringify(after ?? null),
      reason,
    };
  }

  export async function ofTarget(targetId: string, limit = 50) {
    const { data } = await AuditEntity.query.byTarget({ targetId }).go({ order: "desc", limit });
    return data;
  }
}
