import { describe, expect, it } from "vitest";
import { exportCsv } from "./export";
import { pipeline, progress, starDistribution } from "./figures";
import type { Programme } from "./programme";

const programme: Programme = {
  scope: "central",
  day: "2026-12-04",
  pipeline: pipeline(
    [
      { provinceCode: "14", state: "commune_check", createdAt: "2026-01-01T00:00:00Z", history: [] },
      { provinceCode: "14", state: "decided", createdAt: "2026-01-01T00:00:00Z", history: [], outcome: { stars: 4 } },
    ],
    [
      { code: "14", name: "Sơn La" },
      { code: "01", name: "Hà Nội" },
    ],
  ),
  stars: starDistribution([3, 3, 4], 1),
  targets: {
    national: progress(
      { code: "VN", name: "Cả nước" },
      { products: 3, fiveStars: 0 },
      {
        products: 10_000,
        fiveStars: 400,
        fiveStarsMax: 500,
      },
    ),
    source: { vi: "", en: "" },
    provinces: [
      {
        provinceCode: "14",
        name: "Sơn La",
        actual: { products: 3, fiveStars: 0 },
        target: { products: 60, fiveStars: 2, updatedAt: "2026-12-01T00:00:00Z" },
        progress: progress(
          { code: "14", name: "Sơn La" },
          { products: 3, fiveStars: 0 },
          { products: 60, fiveStars: 2 },
        ),
      },
      { provinceCode: "01", name: "Hà Nội", actual: { products: 0, fiveStars: 0 }, target: null, progress: null },
    ],
  },
};

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

describe("the dashboard's CSV exports", () => {
  it("start with a BOM and end every line with CRLF, so Excel reads the Vietnamese", () => {
    const csv = exportCsv(programme, "stars");
    expect(csv.startsWith("\uFEFFHạng,Số lượng,Tỷ lệ (%)\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("give the pipeline by province and stage, with a total row", () => {
    expect(lines(exportCsv(programme, "pipeline"))).toEqual([
      'Mã tỉnh,"Tỉnh, thành phố",Đang soạn,Xã kiểm tra,Hội đồng tỉnh,Hội đồng trung ương,Đã có quyết định,Trả lại,Tổng',
      "14,Sơn La,0,1,0,0,1,0,2",
      "01,Hà Nội,0,0,0,0,0,0,0",
      ",Tổng,0,1,0,0,1,0,2",
    ]);
  });

  it("give the star shares as the programme reports them, potential 5★ included", () => {
    expect(lines(exportCsv(programme, "stars")).slice(1)).toEqual([
      "3★,2,50",
      "4★,1,25",
      "5★,0,0",
      "5★ tiềm năng,1,25",
      "Tổng,4,100",
    ]);
  });

  it("give progress to the national target and to each province's own, blank where none is set", () => {
    expect(lines(exportCsv(programme, "targets")).slice(1)).toEqual([
      "VN,Cả nước,3,10000,0,0,400,500,0",
      "14,Sơn La,3,60,5,0,2,,0",
      "01,Hà Nội,0,,,0,,,",
    ]);
  });
});
