import { z } from "zod";
import type { GroupId } from "../group";
import { DomainError } from "../util/error";
import { LABEL_FIELDS, LABEL_NAMES, type LabelField, missingLabel } from "./label-rules";

/**
 * What a product's label must say, as its product page repeats it: the E-commerce Law (2025) and Decree 85/2021
 * require a listing to carry the label's mandatory content, which Decree 43/2017 (amended by Decree 111/2021) sets
 * by kind of goods — for food: ingredients, net quantity, manufacture date, expiry, storage, and for goods under
 * food-safety conditions the certificate of the establishment (Giấy chứng nhận cơ sở đủ điều kiện ATTP).
 * Name, producer and origin are on the product already; this holds the rest.
 */

export { LABEL_FIELDS, LABEL_NAMES, LABEL_RULES, type LabelField, labelLines, missingLabel } from "./label-rules";

const text = (max: number) => z.string().trim().max(max);

export const Label = z.object({
  /** Thành phần, in descending order of weight. */
  ingredients: text(1000).optional(),
  /** Định lượng: net weight or volume, e.g. "200 g", "500 ml". */
  netContent: text(60).optional(),
  /** Ngày sản xuất: where the date is, or the batch rule ("in trên đáy hộp, theo lô"). */
  dates: text(200).optional(),
  /** Hạn sử dụng: a period from manufacture, or where the date is printed. */
  shelfLife: text(200).optional(),
  /** Hướng dẫn bảo quản (for living things: care). */
  storage: text(500).optional(),
  /** Số giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, or the self-declaration's number. */
  foodSafetyCertificate: text(80).optional(),
  usage: text(500).optional(),
  warnings: text(500).optional(),
  /** Chất liệu (handicrafts). */
  material: text(300).optional(),
});
export type Label = z.infer<typeof Label>;

/** Refuses a product whose label lacks what its group must show (before it goes to review). */
export function requireLabel(group: GroupId, label: Label | undefined) {
  const missing = missingLabel(group, label);
  if (!missing.length) return;
  const names = missing.map((f) => LABEL_NAMES[f]);
  throw new DomainError(
    400,
    "label_incomplete",
    {
      vi: `Nhãn sản phẩm còn thiếu: ${names.map((n) => n.vi).join(", ")}.`,
      en: `The product's label is missing: ${names.map((n) => n.en).join(", ")}.`,
    },
    `label.${missing[0]}`,
  );
}

/** The label's stored shape (ElectroDB map). */
export const labelProperties = Object.fromEntries(LABEL_FIELDS.map((f) => [f, { type: "string" }])) as Record<
  LabelField,
  { type: "string" }
>;
