import { describe, expect, it } from "vitest";
import { Sheet } from "../sheet/index";
import { tally } from "./tally";

const tea = Sheet.forSubGroup("1.5.1");
const best = Object.fromEntries(
  Sheet.criteria(tea).map((c) => [c.id, [...c.options].sort((a, b) => b.points - a.points)[0]?.id ?? "a"]),
);

describe("a council's score for a product", () => {
  it("is the average of its members' totals, recorded to one decimal", () => {
    const t = tally(tea, [
      { userId: "m1", answers: { ...best, "C2.4": "b", "B1.1": "c" } }, // 96
      { userId: "m2", answers: { ...best, "C1.1": "c", "B1.5": "b", "A1.6": "b" } }, // 94
      { userId: "m3", answers: { ...best, "C1.3": "a", "C3.1": "c", "A3.3": "b" } }, // 92
    ]);
    expect(t.members.map((m) => m.total)).toEqual([96, 94, 92]);
    // Each figure is rounded on its own: the parts show 94.1 between them, the total is 94.
    expect(t.average).toMatchObject({ total: 94, parts: { A: 38.7, B: 23.7, C: 31.7 } });
  });

  it("checks a mandatory criterion on the members' average for it: two of three below is below", () => {
    const t = tally(tea, [
      { userId: "m1", answers: best },
      { userId: "m2", answers: { ...best, "C2.4": "b" } },
      { userId: "m3", answers: { ...best, "C2.4": "b" } },
    ]);
    expect(t.average).toMatchObject({ total: 98.7, band: 5, stars: 4 });
    expect(t.average?.failed).toEqual([{ criterionId: "C2.4", stars: 5, atLeast: 4, points: 8 / 3 }]);
  });

  it("takes stars from the exact average: 89.67 is 4★ although members gave 90, 90 and 89", () => {
    const ninety = { ...best, "C3.1": "b", "B1.1": "c", "A1.6": "b" };
    const t = tally(tea, [
      { userId: "m1", answers: { ...ninety, "A3.2": "b" } }, // 90
      { userId: "m2", answers: { ...ninety, "A3.2": "b" } }, // 90
      { userId: "m3", answers: { ...ninety, "A3.2": "a" } }, // 89
    ]);
    expect(t.members.map((m) => m.total)).toEqual([90, 90, 89]);
    expect(t.average).toMatchObject({ total: 89.7, band: 4, stars: 4 });
  });

  it("has no average before anyone submits", () => {
    expect(tally(tea, []).average).toBeUndefined();
  });
});
