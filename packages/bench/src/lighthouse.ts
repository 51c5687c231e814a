import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./local-server";

const FLAGS =
  "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

/** Lighthouse (mobile, simulated throttling) performance on a page of the running local server. */
export async function lighthouseBench(url: string) {
  const dir = await mkdtemp(join(tmpdir(), "cho-ocop-lh-"));
  const out = join(dir, "report.json");
  try {
    await promisify(execFile)(
      join(ROOT, "packages/bench/node_modules/.bin/lighthouse"),
      [
        url,
        "--chrome-path=/usr/bin/chromium",
        `--chrome-flags=${FLAGS} --user-data-dir=${join(dir, "profile")}`,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
      ],
      { timeout: 180_000 },
    );
    const report = JSON.parse(await readFile(out, "utf8"));
    const audit = (id: string) => report.audits[id]?.numericValue as number | undefined;
    const requests = (report.audits["network-requests"]?.details?.items ?? []) as Array<{
      resourceType?: string;
      transferSize?: number;
    }>;
    const scriptBytes = requests
      .filter((r) => r.resourceType === "Script")
      .reduce((n, r) => n + (r.transferSize ?? 0), 0);
    return {
      performance: Math.round((report.categories.performance.score ?? 0) * 100),
      "FCP ms": Math.round(audit("first-contentful-paint") ?? 0),
      "LCP ms": Math.round(audit("largest-contentful-paint") ?? 0),
      "TBT ms": Math.round(audit("total-blocking-time") ?? 0),
      CLS: +(audit("cumulative-layout-shift") ?? 0).toFixed(3),
      "JS KB transferred (gzip)": +(scriptBytes / 1024).toFixed(1),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
