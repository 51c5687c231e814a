import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";

const config = { client: lazyClient, table: tableName() };

/**
 * An evaluation council (hội đồng đánh giá, phân hạng) of a province or of the central level, with its chair,
 * secretary and members (user accounts) and its advisory team (tổ tư vấn, named people who do not score).
 * `scope` is the province code, or "central".
 */
export const CouncilEntity = entityOnFirstUse(
  {
    model: { entity: "council", version: "1", service: SERVICE },
    attributes: {
      councilId: { type: "string", required: true },
      scope: { type: "string", required: true },
      level: { type: ["province", "central"] as const, required: true },
      name: { type: "string", required: true },
      /** [{ userId, name, duty: chair | secretary | member }] */
      people: { type: "any", required: true },
      /** [{ name, unit }] */
      advisors: { type: "any", required: true },
      createdBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["councilId"] }, sk: { field: "sk", composite: [] } },
      byScope: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["scope"] },
        sk: { field: "gsi1sk", composite: ["createdAt"] },
      },
    },
  },
  config,
);

/** A sitting (phiên họp) of a council: when and where, the dossiers it scores and the members who score them. */
export const SittingEntity = entityOnFirstUse(
  {
    model: { entity: "sitting", version: "1", service: SERVICE },
    attributes: {
      sittingId: { type: "string", required: true },
      councilId: { type: "string", required: true },
      scope: { type: "string", required: true },
      level: { type: ["province", "central"] as const, required: true },
      date: { type: "string", required: true },
      place: { type: "string", required: true },
      /** [{ dossierId, sheetId, productName, producerName, forwardedAt?, decisionNumber? }] */
      dossiers: { type: "any", required: true },
      /** userIds of the members who score at this sitting. */
      scorers: { type: "list", items: { type: "string" }, required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["sittingId"] }, sk: { field: "sk", composite: [] } },
      byCouncil: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["councilId"] },
        sk: { field: "gsi1sk", composite: ["date", "sittingId"] },
      },
    },
  },
  config,
);

/** A member's seat at a sitting, kept in the member's own collection so "my sittings" is one query. */
export const SeatEntity = entityOnFirstUse(
  {
    model: { entity: "seat", version: "1", service: SERVICE },
    attributes: {
      userId: { type: "string", required: true },
      sittingId: { type: "string", required: true },
      councilId: { type: "string", required: true },
    },
    indexes: {
      byMember: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: ["sittingId"] } },
    },
  },
  config,
);

/** One member's score sheet for one dossier at one sitting: an option and a note per criterion; final once submitted. */
export const ScoreEntity = entityOnFirstUse(
  {
    model: { entity: "score", version: "1", service: SERVICE },
    attributes: {
      sittingId: { type: "string", required: true },
      dossierId: { type: "string", required: true },
      userId: { type: "string", required: true },
      sheetId: { type: "string", required: true },
      answers: { type: "any", required: true },
      notes: { type: "any", required: true },
      submittedAt: { type: "string" },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      bySitting: {
        pk: { field: "pk", composite: ["sittingId"] },
        sk: { field: "sk", composite: ["dossierId", "userId"] },
      },
    },
  },
  config,
);

/** A decision recognising products (quyết định công nhận), keyed by its number within its scope: numbers are unique. */
export const DecisionEntity = entityOnFirstUse(
  {
    model: { entity: "decision", version: "1", service: SERVICE },
    attributes: {
      scope: { type: "string", required: true },
      number: { type: "string", required: true },
      level: { type: ["province", "central"] as const, required: true },
      date: { type: "string", required: true },
      signer: { type: "string", required: true },
      issuer: { type: "string", required: true },
      sittingId: { type: "string", required: true },
      /** [{ dossierId, productId?, productName, producerName, stars, total, parts, certificateId?, certificateNumber? }] */
      entries: { type: "any", required: true },
      /** The dossiers the decision names; with `complete` false, a decision cut off part-way can be resumed. */
      dossierIds: { type: "list", items: { type: "string" } },
      complete: { type: "boolean" },
      createdBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byNumber: { pk: { field: "pk", composite: ["scope", "number"] }, sk: { field: "sk", composite: [] } },
      byScope: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["scope"] },
        sk: { field: "gsi1sk", composite: ["date", "number"] },
      },
    },
  },
  config,
);
