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
}

/** Every certificate submitted for a product, in the product's item collection (history and review). */
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
    },
    indexes: {
      byProduct: {
        pk: { field: "pk", composite: ["productId"] },
        sk: { field: "sk", composite: ["certificateId"] },
      },
    },
  },
  { client: lazyClient, table: tableName() },
);
