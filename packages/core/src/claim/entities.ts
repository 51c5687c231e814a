import { createHash } from "node:crypto";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { Claim } from "./claim";

const config = { client: lazyClient, table: tableName() };

/** The record's id: the same for every import that names the producer, so a re-import adds to it. */
export const recordIdOf = (provinceCode: string, name: string) =>
  createHash("sha256").update(Claim.recordKey(provinceCode, name)).digest("hex").slice(0, 32);

/**
 * A producer a province's imported list names who has no account here yet: what the list said of it and the
 * certificates it holds. `state` is the record's one lock: a claim moves it open → pending → granted (or back).
 */
export const UnclaimedProducerEntity = entityOnFirstUse(
  {
    model: { entity: "unclaimed-producer", version: "1", service: SERVICE },
    attributes: {
      recordId: { type: "string", required: true },
      provinceCode: { type: "string", required: true },
      name: { type: "string", required: true },
      /** The phone the list gave, normalised (private: staff and the phone's owner only). */
      phone: { type: "string" },
      /** Its certificates' numbers and the products they name, as the lists gave them. */
      numbers: { type: "set", items: "string" },
      products: { type: "set", items: "string" },
      state: { type: ["open", "pending", "granted"] as const, required: true, default: "open" },
      producerId: { type: "string" },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["recordId"] }, sk: { field: "sk", composite: [] } },
      byProvince: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["provinceCode"] },
        sk: { field: "gsi2sk", composite: ["recordId"] },
      },
    },
  },
  config,
);

export const ClaimEntity = entityOnFirstUse(
  {
    model: { entity: "producer-claim", version: "1", service: SERVICE },
    attributes: {
      claimId: { type: "string", required: true },
      recordId: { type: "string", required: true },
      provinceCode: { type: "string", required: true },
      userId: { type: "string", required: true },
      /** The claimant's signed-in phone, for staff to call back. */
      phone: { type: "string" },
      status: { type: Claim.Status.options, required: true },
      /** What a claimant who is not yet a seller gives for the producer the grant creates. */
      kind: { type: ["cooperative", "enterprise", "household"] as const },
      wardCode: { type: "string" },
      street: { type: "string" },
      note: { type: "string" },
      producerId: { type: "string" },
      createdAt: { type: "string", required: true },
      decidedAt: { type: "string" },
      decidedBy: { type: "string" },
      reason: { type: "string" },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["claimId"] }, sk: { field: "sk", composite: [] } },
      byRecord: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["recordId"] },
        sk: { field: "gsi1sk", composite: ["claimId"] },
      },
      /** Staff's queue: by status, then province, oldest first. */
      byStatus: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["status"] },
        sk: { field: "gsi2sk", composite: ["provinceCode", "claimId"] },
      },
      byUser: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["userId"] },
        sk: { field: "gsi3sk", composite: ["claimId"] },
      },
    },
  },
  config,
);
