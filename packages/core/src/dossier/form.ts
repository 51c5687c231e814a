import { z } from "zod";
import { GROUP_IDS } from "../group";
import { EVIDENCE_KIND_IDS, EVIDENCE_KINDS, requiredEvidence } from "./evidence";

/**
 * What the producer fills in (Decision 148/QĐ-TTg): the registration form, a summary of the business plan, a
 * self-assessment against the sub-group's score sheet and, for a re-recognition, a self-assessment of the three years
 * of the last certificate. A draft may be incomplete; `missing` says what stands between it and submitting.
 */
const text = (max: number) => z.string().trim().max(max);
const Id = z.string().regex(/^[0-9A-Za-z.@-]{1,60}$/, "expected an id");

export const Registration = z.object({
  /** The product on this platform the certificate will be for, when it is listed already. */
  productId: z
    .string()
    .regex(/^[0-9a-z]{26}$/)
    .optional(),
  productName: text(200).optional(),
  group: z.enum(GROUP_IDS).optional(),
  /** The product's sub-group (group → category → sub-group, e.g. 1.1.2): its score sheet follows. */
  subGroup: z
    .string()
    .regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/, "expected a sub-group code such as 1.1.2")
    .optional(),
  sheetId: Id.optional(),
  representative: text(100).optional(),
  phone: z
    .string()
    .regex(/^0\d{9}$/, "expected a 10-digit phone number starting with 0")
    .optional(),
  /** Where the raw material comes from (the commune checks it). */
  rawMaterialOrigin: text(1000).optional(),
  /** Workers, and how many live in the commune (local labour, checked by the commune). */
  workers: z.number().int().min(0).max(100_000).optional(),
  localWorkers: z.number().int().min(0).max(100_000).optional(),
  annualOutput: text(200).optional(),
  description: text(3000).optional(),
});
export type Registration = z.infer<typeof Registration>;

export const BusinessPlan = z.object({
  summary: text(5000).optional(),
  markets: text(1000).optional(),
  revenueVnd: z.number().int().min(0).max(1e13).optional(),
});
export type BusinessPlan = z.infer<typeof BusinessPlan>;

/** One option per criterion of the sheet: criterion id → option id. */
export const SelfAssessment = z
  .record(Id, z.string().regex(/^[a-z]$/, "an option is one letter"))
  .refine((r) => Object.keys(r).length <= 200, "too many criteria");
export type SelfAssessment = z.infer<typeof SelfAssessment>;

export const DraftFields = z.object({
  registration: Registration.default({}),
  businessPlan: BusinessPlan.default({}),
  selfAssessment: SelfAssessment.default({}),
  /** A renewal's self-assessment of the three years since the last certificate. */
  threeYearReview: text(5000).optional(),
});

export function localWorkersFit(d: { registration: Registration }, ctx: z.RefinementCtx) {
  const { workers, localWorkers } = d.registration;
  if (workers !== undefined && localWorkers !== undefined && localWorkers > workers) {
    ctx.addIssue({
      code: "custom",
      path: ["registration", "localWorkers"],
      message: "local workers cannot outnumber workers",
    });
  }
}

export const Draft = DraftFields.superRefine(localWorkersFit);
export type Draft = z.infer<typeof Draft>;

export const EvidenceInput = z.object({
  kind: z.enum(EVIDENCE_KIND_IDS),
  /** The criteria of the sheet this file supports. */
  criterionIds: z.array(Id).max(30).default([]),
  /** Uploaded first with POST /api/seller/uploads (purpose dossier-evidence). */
  key: z.string().max(300),
  fileName: text(200).min(1),
});

export interface Evidence {
  evidenceId: string;
  kind: (typeof EVIDENCE_KIND_IDS)[number];
  criterionIds: string[];
  key: string;
  fileName: string;
  contentType: string;
  addedAt: string;
}

/** The criteria and their options of a sub-group's sheet, as the self-assessment needs them. */
export interface SheetCriteria {
  sheetId: string;
  criteria: ReadonlyArray<{ id: string; options: ReadonlyArray<{ id: string }> }>;
}

/** One thing that stands between a draft and its submission: the field it concerns, in the programme's words. */
export interface Missing {
  field: string;
  vi: string;
  en: string;
}

const REQUIRED_REGISTRATION: Array<[keyof Registration, string, string]> = [
  ["productName", "Tên sản phẩm", "The product's name"],
  ["representative", "Người đại diện", "The representative"],
  ["phone", "Số điện thoại liên hệ", "A contact phone"],
  ["rawMaterialOrigin", "Nguồn gốc nguyên liệu", "The raw material's origin"],
  ["workers", "Số lao động", "The number of workers"],
  ["localWorkers", "Số lao động tại địa phương", "The number of local workers"],
];

/** What a dossier lacks before it may be submitted; empty when it is complete. */
export function missing(
  d: Draft & { evidence: ReadonlyArray<Pick<Evidence, "kind">>; renewal?: boolean },
  sheet: SheetCriteria | undefined,
): Missing[] {
  const out: Missing[] = [];
  const r = d.registration;
  if (!r.group) out.push({ field: "registration.group", vi: "Chọn nhóm sản phẩm", en: "Pick the product's group" });
  if (!r.subGroup || !sheet) {
    out.push({ field: "registration.subGroup", vi: "Chọn phân nhóm sản phẩm", en: "Pick the product's sub-group" });
  }
  for (const [field, vi, en] of REQUIRED_REGISTRATION) {
    const v = r[field];
    if (v === undefined || v === "") out.push({ field: `registration.${field}`, vi, en });
  }
  if (!d.businessPlan.summary) {
    out.push({ field: "businessPlan.summary", vi: "Tóm tắt phương án kinh doanh", en: "The business plan summary" });
  }
  if (d.renewal && !d.threeYearReview) {
    out.push({
      field: "threeYearReview",
      vi: "Tự đánh giá kết quả 3 năm",
      en: "The self-assessment of the three years",
    });
  }
  if (sheet) {
    for (const c of sheet.criteria) {
      const chosen = d.selfAssessment[c.id];
      if (!chosen || !c.options.some((o) => o.id === chosen)) {
        out.push({
          field: `selfAssessment.${c.id}`,
          vi: `Tự chấm tiêu chí ${c.id}`,
          en: `Self-assess criterion ${c.id}`,
        });
      }
    }
  }
  if (r.group) {
    const have = new Set(d.evidence.map((e) => e.kind));
    for (const kind of requiredEvidence(r.group)) {
      if (!have.has(kind)) {
        const k = EVIDENCE_KINDS.find((e) => e.id === kind);
        out.push({ field: `evidence.${kind}`, vi: `Minh chứng: ${k?.vi}`, en: `Evidence: ${k?.en}` });
      }
    }
  }
  return out;
}

/** The share of the dossier done, 0–100, for the progress bar. */
export function completion(d: Parameters<typeof missing>[0], sheet: SheetCriteria | undefined): number {
  const r = d.registration;
  const all =
    REQUIRED_REGISTRATION.length +
    3 +
    (sheet?.criteria.length ?? 0) +
    (r.group ? requiredEvidence(r.group).length : 0) +
    (d.renewal ? 1 : 0);
  return Math.round((100 * (all - missing(d, sheet).length)) / all);
}
