/**
 * `pnpm bench [load] [bundle] [web] [lighthouse] [checkout] [flash] [live] [pin] [glass] [ttff]` (all when none is named). Prints figures; asserts
 * nothing.
 * Targets: ≤ 2 DynamoDB calls per storefront request; API bundle < 1 MB minified; initial JS < 60 KB gzipped;
 * Lighthouse mobile performance and accessibility ≥ 95.
 */
import { bundleBench } from "./bundle";
import { checkoutBench } from "./checkout";
import { glassBench } from "./glass";
import { lighthouseAll } from "./lighthouse";
import { liveBench } from "./live";
import { loadBench } from "./load";
import { startServer } from "./local-server";
import { pinBench } from "./pin";
import { ttffBench } from "./ttff";
import { webBench } from "./web";

const asked = new Set(process.argv.slice(2).filter((a) => !a.startsWith("-")));
const wants = (name: string) => asked.size === 0 || asked.has(name);

console.log(`Chợ OCOP benchmarks — ${new Date().toISOString()} — Node ${process.version}`);

if (wants("bundle")) {
  console.log("\nAPI bundle (esbuild, minified; target < 1024 KB)");
  console.table([await bundleBench()]);
}

if (wants("checkout")) {
  console.log(
    "\nCheckouts (in process, DynamoDB Local): a live deal's flash sale beside the bare ceilings, then the cart",
  );
  await checkoutBench();
}

if (wants("flash")) {
  console.log(
    "\nA SIMULATION (a model of DynamoDB's per-partition limits on a virtual clock, not a measurement; flash-sim.ts):",
  );
  console.log("10,000 buyers over 10 s for 2,000 units, 1 unit each, on one item and on the deal's shards");
  // Imported here: it reads core's shard sizes, and core's entities must not be built before a bench names its table.
  const { flashSim } = await import("./flash-sim");
  const rows = await flashSim();
  console.table(rows);
  for (const r of rows) {
    console.log(`bench ${JSON.stringify({ name: `flash.sim.${r.shards}_shards.sold`, value: r.sold, unit: "units" })}`);
    console.log(`bench ${JSON.stringify({ name: `flash.sim.${r.shards}_shards.p99`, value: r.p99, unit: "ms" })}`);
  }
}

if (wants("live")) {
  console.log("\nLive selling (local live runtime: RTMP ingest, FLV playback, WebSocket hub; DynamoDB Local)");
  await liveBench();
}

if (wants("pin")) {
  console.log("\nPin → viewer at scale (local WebSocket hub; DynamoDB Local)");
  await pinBench();
}

if (wants("glass")) {
  console.log("\nGlass to glass in the browser (local server, demo data; two Chromiums)");
  await glassBench();
}

if (wants("ttff")) {
  console.log("\nTime to first frame on the live viewer page (local server, demo data; Chromium, phone, 4G)");
  await ttffBench();
}

if (wants("load") || wants("web") || wants("lighthouse")) {
  const server = await startServer();
  try {
    if (wants("web")) {
      console.log("\nWeb initial JavaScript (target < 60 KB gzipped)");
      console.table([await webBench()]);
    }
    if (wants("lighthouse")) {
      console.log(
        "\nLighthouse mobile (simulated slow 4G, target performance and accessibility ≥ 95): home, product, live viewer",
      );
      await lighthouseAll(server);
    }
    // Last: it adds the synthetic national catalogue to this server's table.
    if (wants("load")) {
      console.log(
        "\nLoad on the local server: 50 connections, 5 s a figure, through the edge cache and without it, beside the bare HTTP and raw DynamoDB ceilings; then the same at national scale (target ≤ 2 DynamoDB calls per request, cached ≥ 0.8 × bare)",
      );
      console.log(
        `load: ${(await import("node:os"))
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")} (1, 5, 15 min)`,
      );
      console.table(await loadBench(server));
    }
  } finally {
    await server.stop();
  }
}
