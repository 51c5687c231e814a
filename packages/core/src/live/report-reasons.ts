/**
 * Why a viewer reports a live: the E-commerce Law (2025) has the platform give viewers a way to complain during a
 * stream. Browser-safe: the viewer's sheet lists these, the staff page names them.
 */
export const REPORT_REASONS = [
  { id: "counterfeit", vi: "Hàng giả, kém chất lượng", en: "Counterfeit or poor-quality goods" },
  { id: "false-claims", vi: "Thông tin sai sự thật", en: "False or misleading claims" },
  { id: "banned", vi: "Sản phẩm bị cấm bán", en: "A banned product" },
  { id: "offensive", vi: "Nội dung phản cảm", en: "Offensive content" },
  { id: "scam", vi: "Lừa đảo", en: "A scam" },
  { id: "other", vi: "Lý do khác", en: "Something else" },
] as const;

export type ReportReason = (typeof REPORT_REASONS)[number]["id"];
export const REPORT_REASON_IDS = REPORT_REASONS.map((r) => r.id) as [ReportReason, ...ReportReason[]];

/** Characters of what a viewer adds to a report. */
export const REPORT_TEXT_MAX = 500;
/** Reports one viewer may make of one live in ten minutes. */
export const REPORTS_PER_VIEWER = 3;
