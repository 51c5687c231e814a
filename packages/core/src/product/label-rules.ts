import type { GroupId } from "../group";

/**
 * Which label fields each product group shows and requires (label.ts holds why and the schema). Browser-safe and
 * without dependencies: the seller's form asks by these rules and the product page shows by them.
 */

export const LABEL_FIELDS = [
  "ingredients",
  "netContent",
  "dates",
  "shelfLife",
  "storage",
  "foodSafetyCertificate",
  "usage",
  "warnings",
  "material",
] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

/** A label as stored: every field optional text. */
export type LabelText = Partial<Record<LabelField, string>>;

/** Each group's label fields, in the order the form asks and the page shows them; `required` before review. */
export const LABEL_RULES: Record<GroupId, { field: LabelField; required: boolean }[]> = {
  "thuc-pham": [
    { field: "ingredients", required: true },
    { field: "netContent", required: true },
    { field: "dates", required: true },
    { field: "shelfLife", required: true },
    { field: "storage", required: true },
    { field: "foodSafetyCertificate", required: true },
    { field: "usage", required: false },
    { field: "warnings", required: false },
  ],
  "do-uong": [
    { field: "ingredients", required: true },
    { field: "netContent", required: true },
    { field: "dates", required: true },
    { field: "shelfLife", required: true },
    { field: "storage", required: true },
    { field: "foodSafetyCertificate", required: true },
    { field: "usage", required: false },
    { field: "warnings", required: false },
  ],
  "duoc-lieu": [
    { field: "ingredients", required: true },
    { field: "netContent", required: true },
    { field: "dates", required: true },
    { field: "shelfLife", required: true },
    { field: "storage", required: true },
    { field: "usage", required: true },
    { field: "warnings", required: false },
    { field: "foodSafetyCertificate", required: false },
  ],
  "thu-cong-my-nghe": [
    { field: "material", required: true },
    { field: "usage", required: false },
    { field: "storage", required: false },
  ],
  "sinh-vat-canh": [{ field: "storage", required: false }],
  "du-lich": [],
};

export const LABEL_NAMES: Record<LabelField, { vi: string; en: string }> = {
  ingredients: { vi: "Thành phần", en: "Ingredients" },
  netContent: { vi: "Định lượng", en: "Net quantity" },
  dates: { vi: "Ngày sản xuất", en: "Manufacture date" },
  shelfLife: { vi: "Hạn sử dụng", en: "Expiry" },
  storage: { vi: "Bảo quản", en: "Storage" },
  foodSafetyCertificate: { vi: "Giấy chứng nhận ATTP", en: "Food-safety certificate" },
  usage: { vi: "Hướng dẫn sử dụng", en: "Directions" },
  warnings: { vi: "Cảnh báo", en: "Warnings" },
  material: { vi: "Chất liệu", en: "Material" },
};

/** The required fields of the group the label leaves empty, in the form's order. */
export function missingLabel(group: GroupId, label: LabelText | undefined): LabelField[] {
  return LABEL_RULES[group].filter((r) => r.required && !label?.[r.field]?.trim()).map((r) => r.field);
}

/** The label as its product page shows it: the group's fields that are filled, in order. */
export function labelLines(group: GroupId, label: LabelText | undefined): { field: LabelField; text: string }[] {
  return LABEL_RULES[group].flatMap((r) => {
    const value = label?.[r.field]?.trim();
    return value ? [{ field: r.field, text: value }] : [];
  });
}
