import { existsSync, readFileSync } from "node:fs";

/** What one step's JSON report counted. Flaky tests (failed, then passed on a retry) are named, never passed. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  flaky: string[];
}

export type ReportKind = "vitest" | "playwright";

interface PlaywrightSuite {
  title?: string;
  specs?: Array<{ title: string; file?: string; tests?: Array<{ status?: string; projectName?: string }> }>;
  suites?: PlaywrightSuite[];
}

function flakyTests(suites: PlaywrightSuite[] = [], path: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = suite.title ? [...path, suite.title] : path;
    const specs = (suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((t) => t.status === "flaky")
        .map((t) => `${[...here, spec.title].join(" › ")}${t.projectName ? ` [${t.projectName}]` : ""}`),
    );
    return [...specs, ...flakyTests(suite.suites, here)];
  });
}

export function countsOf(kind: ReportKind, json: Record<string, unknown>): Counts {
  const n = (v: unknown) => (typeof v === "number" ? v : 0);
  if (kind === "vitest") {
    return {
      passed: n(json.numPassedTests),
      failed: n(json.numFailedTests),
      skipped: n(json.numPendingTests) + n(json.numTodoTests),
      flaky: [],
    };
  }
  const stats = (json.stats ?? {}) as Record<string, unknown>;
  const flaky = flakyTests(json.suites as PlaywrightSuite[]);
  // A flaky test failed once: it counts as failed.
  return {
    passed: n(stats.expected),
    failed: n(stats.unexpected) + n(stats.flaky),
    skipped: n(stats.skipped),
    flaky: flaky.length || !n(stats.flaky) ? flaky : [`${n(stats.flaky)} flaky test(s)`],
  };
}

/** The report's counts, or undefined when the step wrote none (or an unreadable one). */
export function readCounts(kind: ReportKind, file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return countsOf(kind, JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
}

export interface Verdict {
  ok: boolean;
  /** What the step adds to the closing line. */
  passed: number;
  failed: number;
  skipped: number;
  /** Why the step failed, when it did. */
  problems: string[];
}

/**
 * Judges one step from its exit code, its report and the fewest tests it is known to run. A step that reports
 * nothing, runs fewer tests than its floor, or fails without a failing test has its missing tests counted as
 * failed (at least one), so a crash cannot hide tests from the closing line.
 */
export function judge(
  step: { exitCode: number | null; reports: boolean; floor?: number },
  counts: Counts | undefined,
): Verdict {
  const problems: string[] = [];
  if (step.exitCode !== 0) problems.push(`exit ${step.exitCode ?? "signal"}`);
  if (!step.reports) {
    return { ok: problems.length === 0, passed: 0, failed: problems.length ? 1 : 0, skipped: 0, problems };
  }
  const c = counts ?? { passed: 0, failed: 0, skipped: 0, flaky: [] };
  if (!counts) problems.push("no report written");
  if (c.flaky.length) problems.push(`flaky: ${c.flaky.join("; ")}`);
  const ran = c.passed + c.failed;
  const floor = step.floor ?? 0;
  if (counts && ran < floor) problems.push(`ran ${ran} tests, fewer than the ${floor} it is known to have`);
  let failed = c.failed;
  if (problems.length > 0) failed = Math.max(failed + Math.max(floor - ran, 0), failed, 1);
  return { ok: problems.length === 0, passed: c.passed, failed, skipped: c.skipped, problems };
}
