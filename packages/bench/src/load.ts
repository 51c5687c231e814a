import autocannon from "autocannon";
import type { Server } from "./local-server";

/** requests/s, p50 and p99 at 50 connections, and DynamoDB calls per request, for the storefront's reads. */
export async function loadBench(server: Server, seconds = 10) {
  const first = (await (await fetch(`${server.url}/api/products?limit=1`)).json()) as {
    items: Array<{ productId: string }>;
  };
  const productId = first.items[0]?.productId;
  const targets = [
    ["product list", "/api/products"],
    ["filtered list", "/api/products?region=dong-bang-song-cuu-long&minStars=4&sort=price_asc"],
    ["search", "/api/products?q=nuoc%20mam"],
    ["product detail", `/api/products/${productId}`],
  ] as const;
  const rows = [];
  for (const [name, path] of targets) {
    const probe = await fetch(`${server.url}${path}`);
    const calls = probe.headers.get("x-db-calls") ?? "?";
    const result = await autocannon({ url: `${server.url}${path}`, connections: 50, duration: seconds });
    rows.push({
      endpoint: name,
      "req/s": Math.round(result.requests.average),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      errors: result.errors + result.non2xx,
      "DynamoDB calls/req": calls,
    });
  }
  return rows;
}
