import { z } from "zod";
import { PIPELINE_STAGES } from "./figures";
import type { Programme } from "./programme";

/** The dashboard's tables as CSV for a spreadsheet: UTF-8 with a BOM (Excel then reads the accents), CRLF lines. */
export const ExportKind = z.enum(["pipeline", "stars", "targets"]);
export type ExportKind = z.infer<typeof ExportKind>;

const cell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  // A leading =, +, - or @ would be a formula to a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const table = (rows: (string | number | null)[][]) =>
  `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;

const STAGE_LABELS = {
  draft: "Đang soạn",
  commune_check: "Xã kiểm tra",
  province_council: "Hội đồng tỉnh",
  central_council: "Hội đồng trung ương",
  decided: "Đã có quyết định",
  returned: "Trả lại",
} as const satisfies Record<(typeof PIPELINE_STAGES)[number], string>;

const STAR_LABELS = { "3": "3★", "4": "4★", "5": "5★", potential5: "5★ tiềm năng" } as const;

export function exportCsv(p: Programme, what: ExportKind): string {
  if (what === "pipeline") {
    return table([
      ["Mã tỉnh", "Tỉnh, thành phố", ...PIPELINE_STAGES.map((s) => STAGE_LABELS[s]), "Tổng"],
      ...p.pipeline.byProvince.map((r) => [
        r.provinceCode,
        r.name,
        ...PIPELINE_STAGES.map((s) => r.stages[s]),
        r.total,
      ]),
      [
        "",
        "Tổng",
        ...PIPELINE_STAGES.map((s) => p.pipeline.totals[s]),
        p.pipeline.byProvince.reduce((a, r) => a + r.total, 0),
      ],
    ]);
  }
  if (what === "stars") {
    return table([
      ["Hạng", "Số lượng", "Tỷ lệ (%)"],
      ...p.stars.rows.map((r) => [STAR_LABELS[r.key], r.count, r.percent]),
      ["Tổng", p.stars.total, p.stars.total ? 100 : 0],
    ]);
  }
  const n = p.targets.national;
  return table([
    [
      "Phạm vi",
      "Tên",
      "Sản phẩm 3★ trở lên",
      "Mục tiêu",
      "Đạt (%)",
      "Sản phẩm 5★",
      "Mục tiêu 5★",
      "Mục tiêu 5★ tối đa",
      "Đạt 5★ (%)",
    ],
    [
      n.scope,
      n.name,
      n.products.actual,
      n.products.target,
      n.products.percent,
      n.fiveStars.actual,
      n.fiveStars.target,
      n.fiveStars.targetMax,
      n.fiveStars.percent,
    ],
    ...p.targets.provinces.map((r) => [
      r.provinceCode,
      r.name,
      r.actual.products,
      r.progress?.products.target ?? null,
      r.progress?.products.percent ?? null,
      r.actual.fiveStars,
      r.progress?.fiveStars.target ?? null,
      null,
      r.progress?.fiveStars.percent ?? null,
    ]),
  ]);
}
