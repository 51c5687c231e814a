import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";

const config = { client: lazyClient, table: tableName() };

/** Staff of a commune or ward ("commune") pre-check OCOP dossiers of its producers (Decision 1489/QĐ-TTg). */
export const ROLES = ["shopper", "seller", "staff", "commune"] as const;

export const UserEntity = entityOnFirstUse(
  {
    model: { entity: "user", version: "1", service: SERVICE },
    attributes: {
      userId: { type: "string", required: true },
      name: { type: "string" },
      phone: { type: "string" },
      email: { type: "string" },
      role: { type: ROLES, required: true, default: "shopper" },
      /** Sellers belong to one producer; a producer may have several sellers. */
      producerId: { type: "string" },
      /** Staff act on one province (its code) or on all of them ("central"); commune staff on one ward (its code). */
      staffScope: { type: "string" },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: [] } },
      byProducer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["producerId"] },
        sk: { field: "gsi1sk", composite: ["userId"] },
      },
    },
  },
  config,
);

/** A phone number or e-mail address that signs in as a user; created with the user so that one login is one user. */
export const LoginEntity = entityOnFirstUse(
  {
    model: { entity: "login", version: "1", service: SERVICE },
    attributes: {
      loginKey: { type: "string", required: true },
      userId: { type: "string", required: true },
    },
    indexes: { byKey: { pk: { field: "pk", composite: ["loginKey"] }, sk: { field: "sk", composite: [] } } },
  },
  config,
);

/** The one live sign-in code of a login: only its HMAC is stored; it expires after 5 minutes (TTL) or 5 tries. */
export const OtpEntity = entityOnFirstUse(
  {
    model: { entity: "otp", version: "1", service: SERVICE },
    attributes: {
      loginKey: { type: "string", required: true },
      codeHash: { type: "string", required: true },
      tries: { type: "number", required: true, default: 0 },
      validUntil: { type: "number", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: { byKey: { pk: { field: "pk", composite: ["loginKey"] }, sk: { field: "sk", composite: [] } } },
  },
  config,
);

/** A session lives beside its user (same partition), so resolving a token is one transactional read of both. */
export const SessionEntity = entityOnFirstUse(
  {
    model: { entity: "session", version: "1", service: SERVICE },
    attributes: {
      userId: { type: "string", required: true },
      sessionId: { type: "string", required: true },
      validUntil: { type: "number", required: true },
      expiresAt: { type: "number", required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byUser: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: ["sessionId"] } },
    },
  },
  config,
);

/** Fixed-window counters for rate limits; each window's item expires by TTL. */
export const RateEntity = entityOnFirstUse(
  {
    model: { entity: "rate", version: "1", service: SERVICE },
    attributes: {
      bucket: { type: "string", required: true },
      window: { type: "number", required: true },
      count: { type: "number", required: true, default: 0 },
      expiresAt: { type: "number", required: true },
    },
    indexes: { byBucket: { pk: { field: "pk", composite: ["bucket"] }, sk: { field: "sk", composite: ["window"] } } },
  },
  config,
);

export const AccountService = serviceOnFirstUse(
  { user: UserEntity, login: LoginEntity, otp: OtpEntity, session: SessionEntity },
  config,
);
