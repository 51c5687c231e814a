/**
 * `pnpm test`: every check and every test of the repository, in order, even when one fails,
 * then one closing line `N passed, N failed` counted from the runners' JSON reports.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { judge, type ReportKind, readCounts } from "./tally";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const RESULTS = join(ROOT, ".test-results");
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

interface Step {
  name: string;
  cwd: string;
  command: string[];
  /** JSON report the step writes, and how to read its counts. */
  report?: { file: string; kind: ReportKind };
}

/**
 * The fewest tests each step is known to run, a little under the counts of 2 December 2026 (core 116, functions 646,
 * testkit 57, web 176, stacks 114, e2e 83, e2e-aws 1): a step that runs fewer lost tests without failing. Raise them
 * as tests are added.
 */
const FLOORS: Record<string, number> = {
  core: 110,
  functions: 630,
  testkit: 55,
  web: 170,
  stacks: 110,
  e2e: 80,
  "e2e-aws": 1,
};

const vitest = (name: string, cwd: string, extra: string[] = []): Step => {
  const file = join(RESULTS, `${name}.json`);
  return {
    name,
    cwd,
    command: [
      "pnpm",
      "exec",
      "vitest",
      "run",
      ...extra,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${file}`,
    ],
    report: { file, kind: "vitest" },
  };
};

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const steps: Step[] = (
  [
    { name: "typecheck", cwd: ROOT, command: ["pnpm", "typecheck"] },
    { name: "lint", cwd: ROOT, command: ["pnpm", "lint"] },
    // Import cycles between files, and between core's concepts (src/cycles.ts).
    { name: "cycles", cwd: join(ROOT, "packages/testkit"), command: ["node", "--import", "tsx", "src/cycles.ts"] },
    vitest("core", join(ROOT, "packages/core")),
    vitest("functions", join(ROOT, "packages/functions")),
    vitest("testkit", join(ROOT, "packages/testkit")),
    vitest("web", join(ROOT, "web")),
    vitest("stacks", ROOT, ["--dir", "stacks"]),
    { name: "synth", cwd: ROOT, command: ["pnpm", "synth"] },
    {
      name: "e2e",
      cwd: join(ROOT, "web"),
      command: ["pnpm", "exec", "playwright", "test"],
      report: { file: join(ROOT, "web/test-results/e2e.json"), kind: "playwright" as const },
    },
    {
      // The live story on the production adapters (`pnpm start --aws-local`), against its own server.
      name: "e2e-aws",
      cwd: join(ROOT, "web"),
      command: ["pnpm", "exec", "playwright", "test", "-c", "playwright.aws.config.ts"],
      report: { file: join(ROOT, "web/test-results/e2e-aws.json"), kind: "playwright" as const },
    },
  ] satisfies Step[]
).filter((s) => only.length === 0 || only.includes(s.name));
if (steps.length === 0) console.error(`no such step: ${only.join(", ")}`);

const total = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
for (const step of steps) {
  if (step.report) rmSync(step.report.file, { force: true });
  console.log(`\n━━ ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const run = spawnSync(step.command[0] ?? "", step.command.slice(1), {
    cwd: step.cwd,
    stdio: "inherit",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const counts = step.report ? readCounts(step.report.kind, step.report.file) : undefined;
  const verdict = judge({ exitCode: run.status, reports: !!step.report, floor: FLOORS[step.name] }, counts);
  total.passed += verdict.passed;
  total.failed += verdict.failed;
  total.skipped += verdict.skipped;
  let detail = verdict.ok ? "ok" : verdict.problems.join(", ");
  if (counts) {
    detail += ` — ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
  }
  if (verdict.failed > (counts?.failed ?? 0)) detail += ` (counted as ${verdict.failed} failed)`;
  lines.push(`${verdict.ok ? "✓" : "✗"} ${step.name.padEnd(10)} ${detail} (${seconds} s)`);
}

console.log(`\n━━ summary\n${lines.join("\n")}`);
const summary = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
writeFileSync(join(RESULTS, "summary.txt"), `${summary}\n`);
console.log(summary);
process.exit(total.failed > 0 || steps.length === 0 ? 1 : 0);
