/**
 * The programme's national targets as the project's design records them from the programme's seed documents
 * (../shared/docs/DESIGN.md, "Program figures from the seed documents"): 10,000 products of 3★ or more, 400–500 of
 * them at 5★. The research notes name no decision for these figures, so none is cited here; name the decision only
 * once its text has been checked.
 */
export const NATIONAL_TARGETS = {
  /** Products of 3★ or more in force. */
  products: 10_000,
  /** Of them at 5★: a range. */
  fiveStars: { min: 400, max: 500 },
  source: {
    vi: "Mục tiêu quốc gia của Chương trình OCOP theo tài liệu của Chương trình",
    en: "National targets of the OCOP programme, as stated in the programme's documents",
  },
} as const;
