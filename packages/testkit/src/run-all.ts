/**
 * `pnpm test`: every check and every test of the repository, in order, even when one fails,
 * then one closing line `N passed, N failed` counted from the runners' JSON reports.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const RESULTS = join(ROOT, ".test-results");
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

interface Step {
  name: string;
  cwd: string;
  command: string[];
  /** JSON report the step writes, and how to read its counts. */
  report?: { file: string; kind: "vitest" | "playwright" };
}

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
  ] satisfies Step[]
).filter((s) => only.length === 0 || only.includes(s.name));
if (steps.length === 0) console.error(`no such step: ${only.join(", ")}`);

function counts(report: NonNullable<Step["report"]>): { passed: number; failed: number; skipped: number } | undefined {
  if (!existsSync(report.file)) return undefined;
  const json = JSON.parse(readFileSync(report.file, "utf8"));
  if (report.kind === "vitest") {
    return {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  }
  const stats = json.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

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
  const ok = run.status === 0;
  let detail = ok ? "ok" : `exit ${run.status ?? run.signal}`;
  if (step.report) {
    const c = counts(step.report);
    if (c) {
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
      detail += ` — ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`;
    } else {
      detail += " — no report written";
    }
  }
  // A step that fails without a failing test (a crash, a type error, a broken stack) still fails the run.
  if (!ok && (!step.report || (counts(step.report)?.failed ?? 0) === 0)) total.failed += 1;
  lines.push(`${ok ? "✓" : "✗"} ${step.name.padEnd(10)} ${detail} (${seconds} s)`);
}

console.log(`\n━━ summary\n${lines.join("\n")}`);
const summary = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
writeFileSync(join(RESULTS, "summary.txt"), `${summary}\n`);
console.log(summary);
process.exit(total.failed > 0 || steps.length === 0 ? 1 : 0);
