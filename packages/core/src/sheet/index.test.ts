import { describe, expect, it } from "vitest";
import { CLASSIFICATION } from "./classification";
import { Sheet } from "./index";
import { riceCereal } from "./sheets/rice-cereal";

const rice = Sheet.forSubGroup("1.3.1");

/** The best option everywhere, then the given letters. */
function answers(sheet: Sheet.Sheet, overrides: Sheet.Answers = {}): Sheet.Answers {
  const best = Object.fromEntries(
    Sheet.criteria(sheet).map((c) => [c.id, [...c.options].sort((a, b) => b.points - a.points)[0]?.id ?? "a"]),
  );
  return { ...best, ...overrides };
}

describe("the sheets in the repository", () => {
  it("load three sub-groups, each on a sheet of A 40, B 25, C 35", () => {
    for (const code of ["1.3.1", "1.5.1", "4.1.1"]) {
      const sheet = Sheet.forSubGroup(code);
      expect(Sheet.result(sheet, answers(sheet))).toMatchObject({
        parts: { A: 40, B: 25, C: 35 },
        total: 100,
        stars: 5,
      });
    }
  });

  it("classify group → category → sub-group, each sub-group naming its sheet version", () => {
    expect(Sheet.subGroup("1.5.1")).toMatchObject({ group: "1", category: "1.5", sheetId: "che@1" });
    expect(Sheet.forSubGroup("4.1.1").title.vi).toBe("Thủ công mỹ nghệ, trang trí");
    expect(Sheet.classification().map((g) => g.name.vi)).toEqual(["Thực phẩm", "Thủ công mỹ nghệ"]);
  });

  it("answer an unknown sub-group or sheet with a 404", () => {
    expect(() => Sheet.forSubGroup("9.9.9")).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => Sheet.get("gao-ngu-coc@7")).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe("loading refuses a sheet file that does not fit", () => {
  const clone = () => structuredClone(riceCereal) as typeof riceCereal;

  it("a part whose best options do not add up to its maximum", () => {
    const sheet = clone();
    sheet.parts[0]?.sections[0]?.criteria[0]?.options.pop();
    expect(() => Sheet.load([sheet], [])).toThrow("part A adds up to 38 points, not 40");
  });

  it("a mandatory mark that no option reaches exactly", () => {
    const sheet = clone();
    const c = sheet.parts[0]?.sections[0]?.criteria[0] as { mandatory?: { stars: number; atLeast: number }[] };
    c.mandatory = [{ stars: 3, atLeast: 3 }];
    expect(() => Sheet.load([sheet], [])).toThrow("A1.1: no option gives 3 points");
  });

  it("a criterion id used twice, or filed under another part", () => {
    const sheet = clone();
    const criteria = sheet.parts[1]?.sections[0]?.criteria as { id: string }[];
    (criteria[0] as { id: string }).id = "A1.1";
    expect(() => Sheet.load([sheet], [])).toThrow(/A1\.1 is not in section B1; A1\.1 appears twice/);
  });

  it("a sub-group naming a sheet that is not loaded", () => {
    expect(() => Sheet.load([riceCereal], CLASSIFICATION)).toThrow("sub-group 1.5.1 names che@1, which is not loaded");
  });
});

describe("stars from a sheet's answers (worked examples)", () => {
  it("92 points failing a mandatory 5★ criterion (no certified quality system) is 4★", () => {
    const r = Sheet.result(rice, answers(rice, { "C2.4": "b", "C1.1": "c", "B1.1": "c", "A1.6": "b" }));
    expect(r).toMatchObject({ parts: { A: 38, B: 23, C: 31 }, total: 92, band: 5, stars: 4 });
    expect(r.failed).toEqual([{ criterionId: "C2.4", stars: 5, atLeast: 4, points: 2 }]);
  });

  it("92 points meeting every mandatory criterion is 5★", () => {
    const r = Sheet.result(rice, answers(rice, { "C1.1": "c", "B1.1": "c", "A1.6": "b", "C2.5": "b" }));
    expect(r).toMatchObject({ total: 92, stars: 5, failed: [] });
  });

  it("89 points is 4★ by its band, whatever 5★ asks", () => {
    const r = Sheet.result(rice, answers(rice, { "C2.4": "b", "C3.1": "b", "B1.1": "c", "A3.2": "a" }));
    expect(r).toMatchObject({ total: 89, band: 4, stars: 4, failed: [] });
  });

  it("75 points with a trademark only filed is 3★ (4★ needs it registered)", () => {
    const r = Sheet.result(
      rice,
      answers(rice, {
        "B1.4": "b",
        "C2.4": "b",
        "C3.1": "a",
        "A1.6": "a",
        "B1.1": "b",
        "C1.3": "b",
        "A2.3": "b",
        "A3.2": "b",
      }),
    );
    expect(r).toMatchObject({ total: 75, band: 4, stars: 3 });
    expect(r.failed).toEqual([{ criterionId: "B1.4", stars: 4, atLeast: 3, points: 1 }]);
  });

  it("a product without food-safety papers is 2★ whatever its total: not an OCOP product", () => {
    const r = Sheet.result(rice, answers(rice, { "C2.1": "a" }));
    expect(r).toMatchObject({ total: 96, band: 5, stars: 2 });
    expect(r.failed).toEqual([{ criterionId: "C2.1", stars: 3, atLeast: 2, points: 0 }]);
  });

  it("an unanswered criterion counts 0 and fails its mark", () => {
    const { "C2.2": _, ...rest } = answers(rice);
    const r = Sheet.result(rice, rest);
    expect(r).toMatchObject({ total: 96, stars: 2, unanswered: ["C2.2"] });
  });

  it("a council's average points per criterion are scored the same way", () => {
    const r = Sheet.evaluate(rice, { ...Sheet.pointsOf(rice, answers(rice)), "C2.4": 10 / 3 });
    expect(r).toMatchObject({ total: 99.33, parts: { C: 34.33 }, stars: 4 });
  });

  it("an option or criterion the sheet does not have is a 400 naming it", () => {
    expect(() => Sheet.result(rice, { "A1.1": "z" })).toThrow(expect.objectContaining({ status: 400, field: "A1.1" }));
    expect(() => Sheet.result(rice, { "D9.9": "a" })).toThrow(expect.objectContaining({ status: 400, field: "D9.9" }));
  });
});
