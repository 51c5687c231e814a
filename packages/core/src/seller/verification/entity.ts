import type { EntityItem } from "electrodb";
import { lazyClient, tableName } from "../../db/client";
import { entityOnFirstUse } from "../../db/on-first-use";
import { SERVICE } from "../../db/service";
import { VERIFICATION_STATUSES } from "./status";

/**
 * One seller's identity verification: one item per seller, replaced on each submission. Staff find the ones waiting
 * by status and province (gsi2: status → province, then oldest first); the go-live gate asks by seller (the key) and,
 * for a stream start, by producer (gsi1).
 */
export const VerificationEntity = entityOnFirstUse(
  {
    model: { entity: "sellerverification", version: "1", service: SERVICE },
    attributes: {
      userId: { type: "string", required: true },
      producerId: { type: "string", required: true },
      /** The producer's province: its staff decide. */
      provinceCode: { type: "string", required: true },
      status: { type: VERIFICATION_STATUSES, required: true },
      fullName: { type: "string", required: true },
      cccdNumber: { type: "string", required: true },
      /** Private storage keys (private/identity/…); absent only for the demo sellers the seed marks verified. */
      cardFrontKey: { type: "string" },
      cardBackKey: { type: "string" },
      registrationKey: { type: "string" },
      registrationNumber: { type: "string" },
      submittedAt: { type: "string", required: true },
      /** How many times the seller has submitted. */
      attempts: { type: "number", required: true, default: 1 },
      decidedAt: { type: "string" },
      decidedBy: { type: "string" },
      reason: { type: "string" },
    },
    indexes: {
      bySeller: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: [] } },
      byProducer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["producerId"] },
        sk: { field: "gsi1sk", composite: ["userId"] },
      },
      byStatus: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["status"] },
        sk: { field: "gsi2sk", composite: ["provinceCode", "submittedAt", "userId"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);
export type VerificationRecord = EntityItem<typeof VerificationEntity>;
