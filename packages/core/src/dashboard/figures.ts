import { z } from "zod";
import type { DossierState } from "../dossier/lifecycle";

/** The arithmetic of the programme dashboard: pure, from the dossiers and certificates that the caller may see. */

/** A share in percent to one decimal, as the programme reports it ("65.9%"); 0 of nothing is 0. */
export const percent = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export const PIPELINE_STAGES = [
  "draft",
  "commune_check",
  "province_council",
  "central_council",
  "decided",
  "returned",
] as const satisfies readonly DossierState[];
/** Stages a dossier waits in (decided is the end). */
export const TIMED_STAGES = ["draft", "commune_check", "province_council", "central_council", "returned"] as const;

export interface DossierFacts {
  provinceCode: string;
  state: DossierState;
  createdAt: string;
  history: { from: DossierState; to: DossierState; at: string }[];
  outcome?: { stars: number } | null;
}

const StageCounts = z.object(
  Object.fromEntries(PIPELINE_STAGES.map((s) => [s, z.number().int()])) as {
    [K in (typeof PIPELINE_STAGES)[number]]: z.ZodNumber;
  },
);

export const Rate = z.object({ passed: z.number().int(), of: z.number().int(), percent: z.number() });
export const StageTime = z.object({
  stage: z.enum(TIMED_STAGES),
  /** Stays that ended (the dossier moved on): their count, median and mean in days, one decimal. */
  stays: z.number().int(),
  medianDays: z.number().nullable(),
  meanDays: z.number().nullable(),
});

export const Pipeline = z.object({
  byProvince: z.array(
    z.object({ provinceCode: z.string(), name: z.string(), total: z.number().int(), stages: StageCounts }),
  ),
  totals: StageCounts,
  /** The commune's pre-checks: passed to the province of those passed or returned. */
  communePass: Rate,
  /** Of the dossiers decided, those reaching 3★ or more. */
  councilPass: Rate,
  timeInStage: z.array(StageTime),
});
export type Pipeline = z.infer<typeof Pipeline>;

const emptyStages = () =>
  Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<(typeof PIPELINE_STAGES)[number], number>;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * How long each finished stay in a stage lasted, in days: from the move into it (a draft from its creation) to the
 * move out of it. The stay a dossier is in now has not ended and is not counted.
 */
export function stays(d: Pick<DossierFacts, "createdAt" | "history">): { stage: DossierState; days: number }[] {
  const moves = [...d.history].sort((a, b) => a.at.localeCompare(b.at));
  const out: { stage: DossierState; days: number }[] = [];
  let since = d.createdAt;
  for (const m of moves) {
    out.push({ stage: m.from, days: (Date.parse(m.at) - Date.parse(since)) / 86_400_000 });
    since = m.at;
  }
  return out;
}

/** Dossiers by stage and province, pass rates and time in each stage. `provinces` names the rows, in order. */
export function pipeline(dossiers: DossierFacts[], provinces: { code: string; name: string }[]): Pipeline {
  const rows = new Map(
    provinces.map((p) => [p.code, { provinceCode: p.code, name: p.name, total: 0, stages: emptyStages() }]),
  );
  const totals = emptyStages();
  let communePassed = 0;
  let communeReturned = 0;
  let decided = 0;
  let decidedPassing = 0;
  const days = new Map<string, number[]>(TIMED_STAGES.map((s) => [s, []]));
  for (const d of dossiers) {
    const row = rows.get(d.provinceCode);
    if (row) {
      row.stages[d.state] += 1;
      row.total += 1;
    }
    totals[d.state] += 1;
    for (const m of d.history) {
      if (m.from !== "commune_check") continue;
      if (m.to === "province_council") communePassed += 1;
      if (m.to === "returned") communeReturned += 1;
    }
    if (d.state === "decided") {
      decided += 1;
      if ((d.outcome?.stars ?? 0) >= 3) decidedPassing += 1;
    }
    for (const s of stays(d)) days.get(s.stage)?.push(s.days);
  }
  return {
    byProvince: [...rows.values()],
    totals,
    communePass: {
      passed: communePassed,
      of: communePassed + communeReturned,
      percent: percent(communePassed, communePassed + communeReturned),
    },
    councilPass: { passed: decidedPassing, of: decided, percent: percent(decidedPassing, decided) },
    timeInStage: TIMED_STAGES.map((stage) => {
      const values = days.get(stage) ?? [];
      const mid = median(values);
      return {
        stage,
        stays: values.length,
        medianDays: mid === null ? null : oneDecimal(mid),
        meanDays: values.length ? oneDecimal(values.reduce((a, b) => a + b, 0) / values.length) : null,
      };
    }),
  };
}

export const StarRow = z.object({
  key: z.enum(["3", "4", "5", "potential5"]),
  stars: z.number().int(),
  /** Certificates in force (for "potential5": dossiers a province scored 90 or more and sent to the central council). */
  count: z.number().int(),
  percent: z.number(),
});
export const Stars = z.object({ total: z.number().int(), rows: z.array(StarRow) });
export type Stars = z.infer<typeof Stars>;

/**
 * The star distribution in the programme's form ("65.9% 3★, 33.3% 4★, 0.7% potential 5★"): certificates in force
 * by stars, and the dossiers waiting at the central council as potential 5★, each a share of them all.
 */
export function starDistribution(inForceStars: number[], potentialFive: number): Stars {
  const count = (n: number) => inForceStars.filter((s) => s === n).length;
  const counts = { "3": count(3), "4": count(4), "5": count(5), potential5: potentialFive };
  const total = counts["3"] + counts["4"] + counts["5"] + potentialFive;
  return {
    total,
    rows: (["3", "4", "5", "potential5"] as const).map((key) => ({
      key,
      stars: key === "potential5" ? 5 : Number(key),
      count: counts[key],
      percent: percent(counts[key], total),
    })),
  };
}

export const TargetValue = z.object({
  /** Products of 3★ or more. */
  products: z.number().int().min(1).max(100_000),
  /** Of them at 5★ (a province sets its own; the nation a range). */
  fiveStars: z.number().int().min(0).max(10_000),
});
export type TargetValue = z.infer<typeof TargetValue>;

export const Progress = z.object({
  scope: z.string(),
  name: z.string(),
  products: z.object({ actual: z.number().int(), target: z.number().int(), percent: z.number() }),
  fiveStars: z.object({
    actual: z.number().int(),
    target: z.number().int(),
    targetMax: z.number().int().nullable(),
    percent: z.number(),
  }),
  updatedAt: z.string().nullable(),
});
export type Progress = z.infer<typeof Progress>;

/** Progress toward a target: the share reached, to one decimal, capped at nothing (a province may pass its own). */
export function progress(
  scope: { code: string; name: string },
  actual: { products: number; fiveStars: number },
  target: { products: number; fiveStars: number; fiveStarsMax?: number },
  updatedAt: string | null = null,
): Progress {
  return {
    scope: scope.code,
    name: scope.name,
    products: { actual: actual.products, target: target.products, percent: percent(actual.products, target.products) },
    fiveStars: {
      actual: actual.fiveStars,
      target: target.fiveStars,
      targetMax: target.fiveStarsMax ?? null,
      percent: percent(actual.fiveStars, target.fiveStars),
    },
    updatedAt,
  };
}
