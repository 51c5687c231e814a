import type { GroupId } from "../group";

/**
 * The evidence a dossier carries (Decision 148/QĐ-TTg; the items of the earlier Decision 1048 dossier still asked
 * for by the provinces), each a private file tied to the criteria of the sheet it supports. `requiredFor`: the
 * groups whose dossiers cannot be submitted without one.
 */
export const EVIDENCE_KINDS = [
  {
    id: "food-safety",
    vi: "Giấy chứng nhận an toàn thực phẩm",
    en: "Food-safety certificate",
    requiredFor: ["thuc-pham", "do-uong", "duoc-lieu"],
  },
  {
    id: "quality-standard",
    vi: "Công bố chất lượng, tiêu chuẩn",
    en: "Quality declaration or standard",
    requiredFor: [],
  },
  {
    id: "test-report",
    vi: "Phiếu kết quả kiểm nghiệm",
    en: "Test report",
    requiredFor: ["thuc-pham", "do-uong", "duoc-lieu"],
  },
  { id: "trademark", vi: "Nhãn hiệu, chỉ dẫn địa lý", en: "Trademark or geographical indication", requiredFor: [] },
  { id: "raw-material-contract", vi: "Hợp đồng, hóa đơn nguyên liệu", en: "Raw-material contract", requiredFor: [] },
  { id: "product-story", vi: "Câu chuyện sản phẩm", en: "The product's story", requiredFor: "all" },
  { id: "label-photo", vi: "Ảnh nhãn và bao bì", en: "Label and packaging photos", requiredFor: "all" },
  { id: "samples", vi: "Biên bản giao mẫu sản phẩm", en: "Samples delivered (receipt)", requiredFor: [] },
  { id: "other", vi: "Tài liệu khác", en: "Other evidence", requiredFor: [] },
] as const satisfies ReadonlyArray<{
  id: string;
  vi: string;
  en: string;
  requiredFor: "all" | readonly GroupId[];
}>;

export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]["id"];
export const EVIDENCE_KIND_IDS = EVIDENCE_KINDS.map((k) => k.id) as [EvidenceKind, ...EvidenceKind[]];

/** The kinds a dossier of this group must carry before it is submitted. */
export function requiredEvidence(group: GroupId): EvidenceKind[] {
  return EVIDENCE_KINDS.filter(
    (k) => k.requiredFor === "all" || (k.requiredFor as readonly string[]).includes(group),
  ).map((k) => k.id);
}
