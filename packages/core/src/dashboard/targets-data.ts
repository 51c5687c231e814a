/**
 * The programme's national targets, as the OCOP programme sets them: Decision 919/QĐ-TTg of 1 August 2022 (the
 * National OCOP Programme 2021–2025), carried on by the 2026–2030 programme while it is drafted.
 */
export const NATIONAL_TARGETS = {
  /** Products of 3★ or more in force. */
  products: 10_000,
  /** Of them at 5★: a range. */
  fiveStars: { min: 400, max: 500 },
  source: {
    vi: "Quyết định 919/QĐ-TTg ngày 01/8/2022 phê duyệt Chương trình mỗi xã một sản phẩm giai đoạn 2021–2025",
    en: "Decision 919/QĐ-TTg of 1 August 2022 approving the One Commune One Product programme 2021–2025",
  },
} as const;
