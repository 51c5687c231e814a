import { Sheet } from "../sheet/index";

/**
 * The council's result for one product from its members' submitted sheets. The product's score is the members'
 * average (Decision 148/QĐ-TTg); averaging each criterion's points gives the same total and also answers the
 * mandatory check: a mandatory criterion is met when the members' average on it reaches the required option.
 * Stars follow the exact average; the score is recorded to one decimal (half up).
 */
export function tally(sheet: Sheet.Sheet, sheets: { userId: string; answers: Sheet.Answers }[]) {
  const members = sheets.map((s) => {
    const points = Sheet.pointsOf(sheet, s.answers);
    const r = Sheet.evaluate(sheet, points);
    return { userId: s.userId, points, parts: r.parts, total: r.total, stars: r.stars };
  });
  if (members.length === 0) return { members, average: undefined };
  const mean: Record<string, number> = {};
  for (const c of Sheet.criteria(sheet)) {
    mean[c.id] = members.reduce((sum, m) => sum + (m.points[c.id] ?? 0), 0) / members.length;
  }
  const r = Sheet.evaluate(sheet, mean);
  return {
    members,
    average: {
      ...r,
      parts: { A: round1(r.parts.A), B: round1(r.parts.B), C: round1(r.parts.C) },
      total: round1(r.total),
      points: Object.fromEntries(Object.entries(mean).map(([id, p]) => [id, round1(p)])),
    },
  };
}

export const round1 = (n: number) => Math.round(n * 10 + 1e-9) / 10;
