import type { EntityItem } from "electrodb";
import { z } from "zod";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { addMonths, daysBetween, IsoDate } from "../util/date";

export namespace Certificate {
  /** Only 3★, 4★ and 5★ products are OCOP products, and only they are sold (Decision 148/QĐ-TTg). */
  export const Stars = z
    .number()
    .int()
    .min(3, "OCOP products have 3 to 5 stars")
    .max(5, "OCOP products have 3 to 5 stars");
  export type Stars = z.infer<typeof Stars>;

  /** Since Decision 1489/QĐ-TTg (July 2025) the province certifies 3★ and 4★, the central level 5★. */
  export const Level = z.enum(["province", "central"]);
  export type Level = z.infer<typeof Level>;

  /** Scoring sheet of Decision 148: A product and community strength (40), B marketing (25), C quality (35). */
  export const Score = z.object({
    a: z.number().int().min(0).max(40),
    b: z.number().int().min(0).max(25),
    c: z.number().int().min(0).max(35),
  });
  export type Score = z.infer<typeof Score>;

  export const VALID_MONTHS = 36;

  export const DecisionNumber = z
    .string()
    .trim()
    .regex(/^\d{1,6}\/[\p{L}\d.-]{2,40}$/u, "expected a decision number such as 1234/QĐ-UBND");

  export const Fields = z.object({
    stars: Stars,
    score: Score.optional(),
    decisionNumber: DecisionNumber,
    decisionDate: IsoDate,
    issuer: z.string().trim().min(2).max(200),
    level: Level,
  });

  /** A certificate as submitted: the score must fall in its star band and the level must fit the stars. */
  export const Input = Fields.superRefine((cert, ctx) => {
    if (cert.score) {
      const total = totalOf(cert.score);
      if (starsFor(total) !== cert.stars) {
        ctx.addIssue({
          code: "custom",
          path: ["score"],
          message: `a score of ${total} gives ${starsFor(total)}★, not ${cert.stars}★`,
        });
      }
    }
    if (levelFor(cert.stars) !== cert.level) {
      ctx.addIssue({
        code: "custom",
        path: ["level"],
        message: `${cert.stars}★ is certified at ${levelFor(cert.stars)} level`,
      });
    }
  });
  export type Input = z.infer<typeof Input>;

  export const Info = Fields.extend({
    certificateId: z.string(),
    validUntil: IsoDate,
  });
  export type Info = z.infer<typeof Info>;

  /** A certificate as read back: what it says and how long it holds. */
  export const View = z.object({
    certificateId: z.string(),
    stars: z.number(),
    score: z.object({ a: z.number().optional(), b: z.number().optional(), c: z.number().optional() }).optional(),
    decisionNumber: z.string(),
    decisionDate: z.string(),
    issuer: z.string(),
    level: Level,
    validUntil: z.string(),
  });
  export type View = z.infer<typeof View>;

  /** A certificate's own record: its product, its scan and where its review stands. */
  export const RecordView = View.extend({
    productId: z.string(),
    status: z.enum(["pending", "approved", "rejected", "superseded"]),
    scanKey: z.string().optional(),
    createdAt: z.string(),
  });
  export type RecordView = z.infer<typeof RecordView>;

  export function recordView(r: EntityItem<typeof CertificateEntity>): RecordView {
    return {
      certificateId: r.certificateId,
      stars: r.stars,
      score: r.score,
      decisionNumber: r.decisionNumber,
      decisionDate: r.decisionDate,
      issuer: r.issuer,
      level: r.level,
      validUntil: r.validUntil,
      productId: r.productId,
      status: r.status,
      scanKey: r.scanKey,
      createdAt: r.createdAt,
    };
  }

  export function totalOf(score: Score): number {
    return score.a + score.b + score.c;
  }

  /** Star bands of Decision 148: 5★ 90–100, 4★ 70–<90, 3★ 50–<70, 2★ 30–<50, 1★ <30. */
  export function starsFor(total: number): 1 | 2 | 3 | 4 | 5 {
    if (total >= 90) return 5;
    if (total >= 70) return 4;
    if (total >= 50) return 3;
    if (total >= 30) return 2;
    return 1;
  }

  export function levelFor(stars: number): Level {
    return stars >= 5 ? "central" : "province";
  }

  /** A certificate is valid for 36 months from its decision date. */
  export function validUntil(decisionDate: string): string {
    return addMonths(decisionDate, VALID_MONTHS);
  }

  /** Valid on `day` (a Vietnamese calendar day) from its decision date through its last valid day. */
  export function isValidOn(cert: { decisionDate: string; validUntil: string }, day: string): boolean {
    return cert.decisionDate <= day && day <= cert.validUntil;
  }

  export function daysLeft(cert: { validUntil: string }, day: string): number {
    return daysBetween(day, cert.validUntil);
  }

  /** The issuer reminds the producer at least 30 days before expiry; this platform reminds at 90 and at 30. */
  export const REMINDER_DAYS = [90, 30] as const;

  /** A certificate's state as the public lookup shows it. */
  export const PublicStatus = z.enum(["valid", "expiring", "expired", "revoked"]);
  export type PublicStatus = z.infer<typeof PublicStatus>;

  /**
   * Revoked wins; otherwise by its dates on `day` (Vietnam's calendar): expired after its last valid day, expiring
   * from the first reminder (90 days left) on, else valid. A certificate dated after `day` is not yet in force and
   * reads as valid from its decision date, which the lookup shows beside it.
   */
  export function statusOn(cert: { validUntil: string; revokedAt?: string }, day: string): PublicStatus {
    if (cert.revokedAt) return "revoked";
    const left = daysLeft(cert, day);
    if (left < 0) return "expired";
    if (left <= REMINDER_DAYS[0]) return "expiring";
    return "valid";
  }

  /** The reminder due on `day`, if any: the smallest threshold reached and not yet sent. */
  export function reminderDue(
    cert: { validUntil: string; revokedAt?: string; reminded?: string[] },
    day: string,
  ): (typeof REMINDER_DAYS)[number] | undefined {
    if (cert.revokedAt) return undefined;
    const left = daysLeft(cert, day);
    if (left < 0) return undefined;
    const due = REMINDER_DAYS.filter((d) => left <= d);
    const last = due[due.length - 1];
    if (last === undefined || (cert.reminded ?? []).includes(String(last))) return undefined;
    return last;
  }

  /**
   * Certificate numbers in the programme's manner, by issuing level, year and sequence:
   * OCOP-<province code>-<year>-<seq> for the province's 3★/4★, OCOP-TW-<year>-<seq> for the central level's 5★.
   * Imported certificates keep the number their issuer gave them.
   */
  export const RegistryNumber = z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[\p{L}\d][\p{L}\d.-]{2,59}$/u, "expected a certificate number such as OCOP-14-2026-0001");

  export function numberFor(level: Level, provinceCode: string, year: string, sequence: number): string {
    return `OCOP-${level === "central" ? "TW" : provinceCode}-${year}-${String(sequence).padStart(4, "0")}`;
  }
}

/** What a certificate says, as stored: on its own record and, once approved, on its product. */
export const certificateProperties = {
  certificateId: { type: "string", required: true },
  stars: { type: "number", required: true },
  score: {
    type: "map",
    properties: { a: { type: "number" }, b: { type: "number" }, c: { type: "number" } },
  },
  decisionNumber: { type: "string", required: true },
  decisionDate: { type: "string", required: true },
  issuer: { type: "string", required: true },
  level: { type: ["province", "central"] as const, required: true },
  validUntil: { type: "string", required: true },
} as const;

export const CertificateEntity = entityOnFirstUse(
  {
    model: { entity: "certificate", version: "1", service: SERVICE },
    attributes: {
      ...certificateProperties,
      productId: { type: "string", required: true },
      status: { type: ["pending", "approved", "rejected", "superseded"] as const, required: true },
      /** Storage key of the uploaded scan (private). */
      scanKey: { type: "string" },
      createdAt: { type: "string", required: true },
      /** In the public registry (issued here or imported): its number and what the lookup shows without a join. */
      number: { type: "string" },
      /** "registry" on every certificate of the public registry: the partition of its change feed and expiry index. */
      feed: { type: ["registry"] as const },
      source: { type: ["review", "decision", "import"] as const },
      productName: { type: "string" },
      producerId: { type: "string" },
      producerName: { type: "string" },
      provinceCode: { type: "string" },
      signer: { type: "string" },
      dossierId: { type: "string" },
      revokedAt: { type: "string" },
      revokedReason: { type: "string" },
      /** Reminder thresholds already sent ("90", "30"): the reminder job sends each once. */
      reminded: { type: "list", items: { type: "string" } },
      /** Bumped by every change the open data shows (issue, supersede, revoke, claim): the change feed's order. */
      changedAt: { type: "string" },
      /** Its last valid day again, on registry certificates only: the reminders' index is sparse. */
      expiresOn: { type: "string" },
    },
    indexes: {
      /** Every certificate submitted for a product, in the product's item collection (history and review). */
      byProduct: {
        pk: { field: "pk", composite: ["productId"] },
        sk: { field: "sk", composite: ["certificateId"] },
      },
      /** The registry's change feed and open data, oldest change first (sparse: registry certificates only). */
      byChange: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["feed"] },
        sk: { field: "gsi1sk", composite: ["changedAt"] },
      },
      /** Lookup by product name within a province. */
      byProvince: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["provinceCode"] },
        sk: { field: "gsi2sk", composite: ["number"] },
      },
      /** Reminders: registry certificates by their last valid day. */
      byExpiry: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["feed"] },
        sk: { field: "gsi3sk", composite: ["expiresOn"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);

/** One item per certificate number, created with the certificate: the number is unique, and found by a GetItem. */
export const CertificateNumberEntity = entityOnFirstUse(
  {
    model: { entity: "certificate-number", version: "1", service: SERVICE },
    attributes: {
      number: { type: "string", required: true },
      productId: { type: "string", required: true },
      certificateId: { type: "string", required: true },
    },
    indexes: {
      byNumber: { pk: { field: "pk", composite: ["number"] }, sk: { field: "sk", composite: [] } },
    },
  },
  { client: lazyClient, table: tableName() },
);
