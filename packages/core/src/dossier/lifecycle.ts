import { lifecycle } from "../util/lifecycle";

/**
 * Where a dossier stands in the evaluation of Decision 148/QĐ-TTg as amended by Decision 1489/QĐ-TTg (2025): the
 * producer drafts and submits it; the commune's People's Committee pre-checks its part and passes it to the
 * province or returns it; the province's council scores it and either decides (3★, 4★) or, at 90 points or more,
 * sends it to the central council (5★); any level may return it with reasons, and the producer reopens it as a draft.
 */
export const DOSSIER_STATES = [
  "draft",
  "commune_check",
  "province_council",
  "central_council",
  "decided",
  "returned",
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** Who acts on a dossier: its producer's sellers, the commune's staff, the province's staff, central staff. */
export const DOSSIER_PARTIES = ["producer", "commune", "province", "central"] as const;
export type DossierParty = (typeof DOSSIER_PARTIES)[number];

/** Each move and who may make it (after Vendure's order process: the table is the whole truth). */
export const DOSSIER_MOVES: {
  readonly [F in DossierState]: { readonly [T in DossierState]?: readonly DossierParty[] };
} = {
  draft: { commune_check: ["producer"] },
  commune_check: { province_council: ["commune"], returned: ["commune"] },
  province_council: {
    central_council: ["province", "central"],
    decided: ["province", "central"],
    returned: ["province", "central"],
  },
  central_council: { decided: ["central"], returned: ["central"] },
  returned: { draft: ["producer"] },
  decided: {},
};

export const DossierLifecycle = lifecycle<DossierState>(
  { vi: "Hồ sơ OCOP", en: "An OCOP dossier" },
  Object.fromEntries(DOSSIER_STATES.map((s) => [s, Object.keys(DOSSIER_MOVES[s]) as DossierState[]])) as {
    [K in DossierState]: DossierState[];
  },
);

export function mayMove(party: DossierParty, from: DossierState, to: DossierState): boolean {
  return DOSSIER_MOVES[from][to]?.includes(party) ?? false;
}

/** The moves this party may make from `from`. */
export function movesFor(party: DossierParty, from: DossierState): DossierState[] {
  return (Object.keys(DOSSIER_MOVES[from]) as DossierState[]).filter((to) => mayMove(party, from, to));
}

/** The steps a producer sees, in order; "returned" shows on the step that returned it. */
export const PROGRESS_STEPS = ["draft", "commune_check", "province_council", "central_council", "decided"] as const;

export const STATE_LABELS: Record<DossierState, { vi: string; en: string }> = {
  draft: { vi: "Đang soạn", en: "Draft" },
  commune_check: { vi: "Xã, phường kiểm tra", en: "Commune check" },
  province_council: { vi: "Hội đồng tỉnh", en: "Province council" },
  central_council: { vi: "Hội đồng trung ương", en: "Central council" },
  decided: { vi: "Đã có quyết định", en: "Decided" },
  returned: { vi: "Trả lại để bổ sung", en: "Returned for changes" },
};
