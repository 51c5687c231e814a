/**
 * Offline synthesis: `sst build --stage ci` against a local fake of the few AWS calls it makes, then a check
 * that every stack's CloudFormation template is there with the resources that matter.
 *
 *   pnpm synth                 from the repo root
 *   pnpm synth --strict-web    also fail when the web app does not build (default: warn, use a placeholder site)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { devNull, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type FakeAws, startFakeAws } from "./fake-aws";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const STAGE = "ci";
const APP = "cho-ocop";
const REGION = "ap-southeast-1";
const OUT = path.join(ROOT, ".sst", "dist");
const SST_CLI = path.join(ROOT, "node_modules", "sst", "cli", "sst.js");
const WEB_BUILD_FAILED = /There was a problem building the "\w+" StaticSite|No build output found at/;

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are walked as loose JSON
type Json = Record<string, any>;

interface Expected {
  stack: string;
  check: (template: Json) => string[];
}

const EXPECTED: Expected[] = [
  { stack: "Database", check: (t) => has(t, "AWS::DynamoDB::Table") },
  { stack: "Storage", check: (t) => has(t, "AWS::S3::Bucket") },
  {
    stack: "Api",
    check: (t) => [
      ...has(t, "AWS::ApiGatewayV2::Api"),
      ...has(
        t,
        "AWS::Lambda::Function",
        "for packages/functions/src/lambda.handler",
        (p) => p.Handler === "packages/functions/src/lambda.handler",
      ),
    ],
  },
  {
    stack: "Jobs",
    check: (t) => [
      ...has(t, "AWS::Events::Rule", "scheduled daily", (p) => p.ScheduleExpression === "cron(5 17 * * ? *)"),
      ...has(
        t,
        "AWS::Lambda::Function",
        "for packages/functions/src/jobs.sweepExpired",
        (p) => p.Handler === "packages/functions/src/jobs.sweepExpired",
      ),
    ],
  },
  {
    stack: "Live",
    check: (t) => [
      ...has(t, "AWS::Events::Rule", "for IVS stream and recording events", (p) =>
        JSON.stringify(p.EventPattern ?? {}).includes("IVS Stream State Change"),
      ),
      ...has(
        t,
        "AWS::Lambda::Function",
        "for packages/functions/src/live-events.handler",
        (p) => p.Handler === "packages/functions/src/live-events.handler",
      ),
    ],
  },
  {
    stack: "Web",
    check: (t) =>
      has(t, "AWS::CloudFront::Distribution", "with /api/*, /media/* and /recordings/* behaviours", (p) => {
        const patterns = (p.DistributionConfig.CacheBehaviors ?? []).map((b: Json) => b.PathPattern);
        return patterns.includes("/api/*") && patterns.includes("/media/*") && patterns.includes("/recordings/*");
      }),
  },
];

function has(template: Json, type: string, what = "", where: (props: Json) => boolean = () => true): string[] {
  const found = Object.values<Json>(template.Resources ?? {}).some((r) => r.Type === type && where(r.Properties ?? {}));
  return found ? [] : [`no ${type} ${what}`.trim()];
}

async function main() {
  const started = Date.now();
  const strictWeb = process.argv.includes("--strict-web");
  process.chdir(ROOT);
  refuseDotenvAwsSettings();
  if (!existsSync(SST_CLI)) fail(`sst is not installed at ${path.relative(ROOT, SST_CLI)}; run pnpm install`);

  const fake = await startFakeAws({
    region: REGION,
    sstBootstrapVersion: sstBootstrapVersion(),
    log: (line) => process.stdout.write(`[fake-aws] ${line}\n`),
  });
  let placeholder: string | undefined;
  try {
    let web = "built from web/ by the StaticSite build command";
    rmSync(OUT, { recursive: true, force: true });

    if (!existsSync(path.join(ROOT, "web", "index.html"))) {
      if (strictWeb) fail("web/index.html is missing");
      warn("web/index.html is missing: synthesizing with a placeholder site instead of the web build");
      placeholder = placeholderSite();
      web = "PLACEHOLDER (web/index.html missing)";
    }
    let build = await sstBuild(fake, placeholder);
    if (build.code !== 0 && !placeholder && WEB_BUILD_FAILED.test(build.output)) {
      if (strictWeb) fail("the web app did not build (see above)");
      warn("the web app did not build (see above): synthesizing again with a placeholder site");
      placeholder = placeholderSite();
      web = "PLACEHOLDER (web build failed)";
      rmSync(OUT, { recursive: true, force: true });
      build = await sstBuild(fake, placeholder);
    }
    if (build.code !== 0) fail(`sst build exited with ${build.code}`);

    const problems: string[] = [];
    const summary: string[] = [];
    const templates = stackTemplates();
    for (const { stack, check } of EXPECTED) {
      const name = `${STAGE}-${APP}-${stack}`;
      const file = templates.get(name);
      if (!file || !existsSync(file)) {
        problems.push(`${name}: no template in ${path.relative(ROOT, OUT)}`);
        continue;
      }
      const template = JSON.parse(readFileSync(file, "utf8")) as Json;
      problems.push(...check(template).map((p) => `${name}: ${p}`));
      summary.push(`  ${name.padEnd(22)} ${countByType(template)}`);
    }
    const bundle = findFunctionBundle("lambda.mjs");
    if (!bundle) problems.push("no Lambda asset containing packages/functions/src/lambda.mjs");
    const jobBundle = findFunctionBundle("jobs.mjs");
    if (!jobBundle) problems.push("no Lambda asset containing packages/functions/src/jobs.mjs");
    const unknown = fake.calls.filter((c) => !c.answered);
    if (unknown.length)
      problems.push(`unanswered AWS calls: ${unknown.map((c) => `${c.service} ${c.action}`).join(", ")}`);
    if (problems.length) fail(["the synthesized app is incomplete:", ...problems.map((p) => `  - ${p}`)].join("\n"));

    const calls = new Map<string, number>();
    for (const c of fake.calls) {
      const key = `${c.service}:${c.action}${c.params.StackName ? `(${c.params.StackName})` : ""}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
    }
    console.log(
      [
        "",
        `Synthesized ${EXPECTED.length} stacks (stage ${STAGE}, ${REGION}) to ${path.relative(ROOT, OUT)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        ...summary,
        `  API bundle: ${bundle ? describeBundle(bundle) : "-"}`,
        `  job bundle: ${jobBundle ? describeBundle(jobBundle) : "-"}`,
        `  web: ${web}`,
        `  AWS calls answered by the fake: ${[...calls].map(([k, n]) => `${k} x${n}`).join(", ") || "none"}`,
      ].join("\n"),
    );
    if (placeholder) warn(`site assets are a placeholder (${web}); the infrastructure synthesized anyway`);
  } finally {
    await fake.close();
    if (placeholder) rmSync(placeholder, { recursive: true, force: true });
  }
}

function sstBuild(fake: FakeAws, webDist: string | undefined): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing may lead the SDK anywhere but the fake: no profiles, no role chains, no per-service endpoints.
  for (const key of Object.keys(env)) {
    if (key.startsWith("AWS_") || key.startsWith("SST_") || key === "NODE_ENV" || key === "WEB_DIST") delete env[key];
  }
  Object.assign(env, {
    AWS_ENDPOINT_URL: fake.url,
    AWS_ACCESS_KEY_ID: "AKIAOFFLINESYNTH0000",
    AWS_SECRET_ACCESS_KEY: "offline-synth-not-a-secret",
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: devNull,
    AWS_SHARED_CREDENTIALS_FILE: devNull,
    AWS_EC2_METADATA_DISABLED: "true",
    // With telemetry on, a failed build can still exit 0.
    SST_TELEMETRY_DISABLED: "1",
    ...(webDist ? { WEB_DIST: webDist } : {}),
  });
  console.log(`$ sst build --stage ${STAGE}${webDist ? " (WEB_DIST=placeholder)" : ""}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SST_CLI, "build", "--stage", STAGE], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
      process.stderr.write(d);
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), 10 * 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

function stackTemplates(): Map<string, string> {
  const manifest = path.join(OUT, "manifest.json");
  const templates = new Map<string, string>();
  if (!existsSync(manifest)) return templates;
  const { artifacts = {} } = JSON.parse(readFileSync(manifest, "utf8")) as Json;
  for (const [name, artifact] of Object.entries<Json>(artifacts)) {
    if (artifact.type === "aws:cloudformation:stack") {
      templates.set(artifact.properties?.stackName ?? name, path.join(OUT, artifact.properties.templateFile));
    }
  }
  return templates;
}

function findFunctionBundle(name: string): string | undefined {
  for (const dir of readdirSync(OUT)) {
    const file = path.join(OUT, dir, "packages", "functions", "src", name);
    if (dir.startsWith("asset.") && existsSync(file)) return file;
  }
}

function describeBundle(file: string): string {
  return `${path.relative(ROOT, file)} (${Math.round(statSync(file).size / 1024)} KB)`;
}

function countByType(template: Json): string {
  const counts = new Map<string, number>();
  for (const r of Object.values<Json>(template.Resources ?? {})) {
    const type = String(r.Type).replace(/^AWS::/, "");
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const main = [...counts]
    .filter(([t]) =>
      /DynamoDB::Table|S3::Bucket$|Lambda::Function|ApiGatewayV2::(Api|Route)|CloudFront::Distribution|Events::Rule/.test(
        t,
      ),
    )
    .map(([t, n]) => `${t} x${n}`);
  return `${total} resources: ${main.join(", ")}`;
}

function placeholderSite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cho-ocop-placeholder-site-"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Chợ OCOP (placeholder)</title>\n");
  return dir;
}

/** The version SST checks its bootstrap stack against, so the fake never sends it into "update bootstrap". */
function sstBootstrapVersion(): string | undefined {
  const source = readFileSync(path.join(ROOT, "node_modules", "sst", "bootstrap.js"), "utf8");
  return /const LATEST_VERSION = "([\d.]+)"/.exec(source)?.[1];
}

/** sst loads .env files over the environment; AWS settings there could point the build at a real account. */
function refuseDotenvAwsSettings() {
  for (const file of [".env", ".env.local", `.env.${STAGE}`, `.env.${STAGE}.local`]) {
    const full = path.join(ROOT, file);
    if (existsSync(full) && /^\s*(export\s+)?AWS_/m.test(readFileSync(full, "utf8"))) {
      fail(`${file} sets AWS_* variables, which sst would load over the fake's settings; move them out first`);
    }
  }
}

function warn(message: string) {
  console.warn(`\nWARNING: ${message}\n`);
}

class SynthFailure extends Error {}

function fail(message: string): never {
  throw new SynthFailure(message);
}

main().catch((e: unknown) => {
  console.error(e instanceof SynthFailure ? `\nsynth FAILED: ${e.message}` : e);
  process.exitCode = 1;
});
