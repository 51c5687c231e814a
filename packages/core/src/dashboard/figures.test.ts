import { describe, expect, it } from "vitest";
import { type DossierFacts, median, percent, pipeline, progress, starDistribution, stays } from "./figures";

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
const PROVINCES = [
  { code: "14", name: "Sơn La" },
  { code: "01", name: "Hà Nội" },
];

describe("the star distribution", () => {
  it("reads as the programme reports it: 65.9% 3★, 33.3% 4★, 0.7% potential 5★", () => {
    const stars = [...Array(659).fill(3), ...Array(333).fill(4), 5];
    const d = starDistribution(stars, 7);
    expect(d.total).toBe(1000);
    expect(d.rows.map((r) => [r.key, r.count, r.percent])).toEqual([
      ["3", 659, 65.9],
      ["4", 333, 33.3],
      ["5", 1, 0.1],
      ["potential5", 7, 0.7],
    ]);
  });

  it("rounds to one decimal and is all zeros when nothing is in force", () => {
    expect(starDistribution([3, 3, 4], 0).rows.map((r) => r.percent)).toEqual([66.7, 33.3, 0, 0]);
    expect(starDistribution([], 0).rows.map((r) => r.percent)).toEqual([0, 0, 0, 0]);
    expect(percent(1, 3)).toBe(33.3);
  });
});

describe("the pipeline", () => {
  const submitted = (provinceCode: string, moves: [DossierFacts["state"], number][], stars?: number): DossierFacts => {
    let from: DossierFacts["state"] = "draft";
    const history = moves.map(([to, at]) => {
      const m = { from, to, at: day(at) };
      from = to;
      return m;
    });
    return { provinceCode, state: from, createdAt: day(0), history, outcome: stars ? { stars } : null };
  };
  const dossiers = [
    submitted(
      "14",
      [
        ["commune_check", 2],
        ["province_council", 5],
        ["decided", 15],
      ],
      4,
    ),
    submitted(
      "14",
      [
        ["commune_check", 4],
        ["province_council", 6],
        ["decided", 26],
      ],
      2,
    ),
    submitted("14", [
      ["commune_check", 1],
      ["returned", 2],
    ]),
    submitted("14", [
      ["commune_check", 3],
      ["province_council", 7],
      ["central_council", 17],
    ]),
    submitted("01", [["commune_check", 10]]),
    { provinceCode: "01", state: "draft", createdAt: day(0), history: [] } as DossierFacts,
  ];
  const p = pipeline(dossiers, PROVINCES);

  it("counts dossiers by stage and province", () => {
    const sonLa = p.byProvince.find((r) => r.provinceCode === "14");
    expect(sonLa?.total).toBe(4);
    expect(sonLa?.stages).toMatchObject({ decided: 2, returned: 1, central_council: 1, commune_check: 0 });
    expect(p.byProvince.find((r) => r.provinceCode === "01")?.stages).toMatchObject({ draft: 1, commune_check: 1 });
    expect(p.totals.decided).toBe(2);
  });

  it("rates the commune's pre-check (3 passed of 4 checked) and the council (1 of 2 decided at 3★ or more)", () => {
    expect(p.communePass).toEqual({ passed: 3, of: 4, percent: 75 });
    expect(p.councilPass).toEqual({ passed: 1, of: 2, percent: 50 });
  });

  it("times each finished stay from the moves' timestamps, median and mean in days", () => {
    const at = Object.fromEntries(p.timeInStage.map((t) => [t.stage, t]));
    // Commune check: 3, 2, 1, 4 days (the Hà Nội dossier is still there).
    expect(at.commune_check).toMatchObject({ stays: 4, medianDays: 2.5, meanDays: 2.5 });
    // Province council: 10, 20, 10 days.
    expect(at.province_council).toMatchObject({ stays: 3, medianDays: 10, meanDays: 13.3 });
    expect(at.central_council).toMatchObject({ stays: 0, medianDays: null, meanDays: null });
    expect(stays({ createdAt: day(0), history: [] })).toEqual([]);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("progress toward a target", () => {
  it("is the share reached to one decimal, the 5★ range kept", () => {
    const national = progress(
      { code: "VN", name: "Cả nước" },
      { products: 6_589, fiveStars: 93 },
      {
        products: 10_000,
        fiveStars: 400,
        fiveStarsMax: 500,
      },
    );
    expect(national.products).toEqual({ actual: 6_589, target: 10_000, percent: 65.9 });
    expect(national.fiveStars).toEqual({ actual: 93, target: 400, targetMax: 500, percent: 23.3 });
  });
});
