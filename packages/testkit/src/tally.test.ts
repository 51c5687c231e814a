import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countsOf, judge, readCounts } from "./tally";

const vitestReport = (passed: number, failed: number) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: 0,
  numTodoTests: 0,
});

describe("the runner's tally", () => {
  it("passes a step that exits 0 with at least its floor of tests", () => {
    const verdict = judge({ exitCode: 0, reports: true, floor: 80 }, countsOf("vitest", vitestReport(89, 0)));
    expect(verdict).toEqual({ ok: true, passed: 89, failed: 0, skipped: 0, problems: [] });
  });

  it("fails a step that exits 0 without its report, counting its floor as failed", () => {
    const verdict = judge({ exitCode: 0, reports: true, floor: 450 }, undefined);
    expect(verdict.ok).toBe(false);
    expect(verdict.failed).toBe(450);
    expect(verdict.problems).toContain("no report written");
  });

  it("fails a step that ran fewer tests than its floor, counting the missing ones as failed", () => {
    const verdict = judge({ exitCode: 0, reports: true, floor: 450 }, countsOf("vitest", vitestReport(300, 0)));
    expect(verdict.ok).toBe(false);
    expect(verdict).toMatchObject({ passed: 300, failed: 150 });
  });

  it("a crashed step counts its failures plus the tests it never ran", () => {
    const verdict = judge({ exitCode: 1, reports: true, floor: 100 }, countsOf("vitest", vitestReport(60, 2)));
    expect(verdict).toMatchObject({ ok: false, passed: 60, failed: 40 });
  });

  it("a failing step with all its tests counts exactly its failing tests", () => {
    const verdict = judge({ exitCode: 1, reports: true, floor: 80 }, countsOf("vitest", vitestReport(85, 4)));
    expect(verdict).toMatchObject({ ok: false, passed: 85, failed: 4 });
  });

  it("a step that fails without a failing test counts one failure", () => {
    expect(judge({ exitCode: 2, reports: false }, undefined)).toMatchObject({ ok: false, failed: 1 });
    expect(judge({ exitCode: 0, reports: false }, undefined)).toMatchObject({ ok: true, failed: 0 });
    expect(judge({ exitCode: null, reports: true, floor: 10 }, countsOf("vitest", vitestReport(10, 0)))).toMatchObject({
      ok: false,
      failed: 1,
    });
  });

  it("a flaky Playwright test counts as failed and is named", () => {
    const report = {
      stats: { expected: 48, unexpected: 0, flaky: 1, skipped: 0 },
      suites: [
        {
          title: "live.spec.ts",
          specs: [],
          suites: [
            {
              title: "a live session",
              specs: [
                { title: "viewers see the pin", tests: [{ status: "flaky", projectName: "live" }] },
                { title: "viewers buy", tests: [{ status: "expected", projectName: "live" }] },
              ],
            },
          ],
        },
      ],
    };
    const counts = countsOf("playwright", report);
    expect(counts).toEqual({
      passed: 48,
      failed: 1,
      skipped: 0,
      flaky: ["live.spec.ts › a live session › viewers see the pin [live]"],
    });
    const verdict = judge({ exitCode: 0, reports: true, floor: 45 }, counts);
    expect(verdict.ok).toBe(false);
    expect(verdict.failed).toBe(1);
    expect(verdict.problems).toEqual(["flaky: live.spec.ts › a live session › viewers see the pin [live]"]);
  });

  it("reads a report from disk, and an unreadable one as none", () => {
    const dir = mkdtempSync(join(tmpdir(), "cho-ocop-tally-"));
    writeFileSync(join(dir, "ok.json"), JSON.stringify(vitestReport(3, 1)));
    writeFileSync(join(dir, "cut.json"), '{"numPassedTests": 3');
    expect(readCounts("vitest", join(dir, "ok.json"))).toEqual({ passed: 3, failed: 1, skipped: 0, flaky: [] });
    expect(readCounts("vitest", join(dir, "cut.json"))).toBeUndefined();
    expect(readCounts("vitest", join(dir, "none.json"))).toBeUndefined();
  });
});
