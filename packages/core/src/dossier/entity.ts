import type { EntityItem } from "electrodb";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { DOSSIER_STATES } from "./lifecycle";

/**
 * One OCOP dossier. Its producer's sellers list theirs by producer (gsi1); a commune's staff find their commune's by
 * state (gsi4), a province's staff theirs (gsi3). The form's parts are stored as the zod schemas of form.ts parse them.
 */
export const DossierEntity = entityOnFirstUse(
  {
    model: { entity: "dossier", version: "1", service: SERVICE },
    attributes: {
      dossierId: { type: "string", required: true },
      producerId: { type: "string", required: true },
      /** The producer's commune and province when the dossier was opened: their staff pre-check and evaluate it. */
      wardCode: { type: "string", required: true },
      provinceCode: { type: "string", required: true },
      state: { type: DOSSIER_STATES, required: true },
      /** The certificate a re-recognition renews. */
      renewsCertificateId: { type: "string" },
      registration: { type: "any", required: true },
      businessPlan: { type: "any", required: true },
      selfAssessment: { type: "any", required: true },
      threeYearReview: { type: "string" },
      evidence: { type: "any", required: true },
      /** Every move: from, to, when, by whom (user and party), with the notes or reasons given. */
      history: { type: "any", required: true },
      /** The commune's pre-check when it passed the dossier. */
      communeCheck: { type: "any" },
      /** The outcome of the council and the decision (set by the province or central side). */
      outcome: { type: "any" },
      /** Raised on every write; a save names the version it edited, so two tabs cannot overwrite each other. */
      version: { type: "number", required: true },
      /** Raised on every change of the evidence, which does not raise `version` (files attach while the form saves). */
      evidenceVersion: { type: "number" },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
      submittedAt: { type: "string" },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["dossierId"] }, sk: { field: "sk", composite: [] } },
      byProducer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["producerId"] },
        sk: { field: "gsi1sk", composite: ["dossierId"] },
      },
      byProvince: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["provinceCode"] },
        sk: { field: "gsi3sk", composite: ["state", "dossierId"] },
      },
      byWard: {
        index: "gsi4",
        pk: { field: "gsi4pk", composite: ["wardCode"] },
        sk: { field: "gsi4sk", composite: ["state", "dossierId"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);
export type DossierRecord = EntityItem<typeof DossierEntity>;
