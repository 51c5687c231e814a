import { readFile } from "node:fs/promises";
import { join } from "node:path";
import autocannon from "autocannon";
import { seedCatalogue } from "./catalogue";
import type { Server } from "./local-server";

const CONNECTIONS = 50;

const figure = (name: string, value: number, unit: string) =>
  console.log(`bench ${JSON.stringify({ name, value, unit })}`);

async function run(url: string, seconds: number, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * The same Query (or GetItem) the endpoint makes, straight to the server's DynamoDB Local from 50 concurrent
 * callers in this process: the store's own ceiling.
 */
async function rawCeiling(send: () => Promise<unknown>, seconds: number): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        await send();
        done++;
      }
    }),
  );
  return Math.round(done / seconds);
}

async function storeCalls(server: Server) {
  const endpoint = (await readFile(join(server.dataDir, "dynamodb.endpoint"), "utf8")).trim();
  const { DynamoDBClient } = await import("@aws-sdk/client-dynamodb");
  const { DynamoDBDocumentClient, GetCommand, QueryCommand } = await import("@aws-sdk/lib-dynamodb");
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
  );
  const TableName = "cho-ocop-local";
  const { ListingEntity, WordEntity } = await import("@cho-ocop/core/storefront/entities");
  const { Product } = await import("@cho-ocop/core/product/index");
  return {
    list: () => {
      const params = ListingEntity.query.newest({ shelf: "all" }).params<Record<string, unknown>>();
      return db.send(new QueryCommand({ ...params, TableName, ScanIndexForward: false, Limit: 32 } as never));
    },
    filtered: (shelf: string) => {
      const params = ListingEntity.query.price({ shelf }).params<Record<string, unknown>>();
      return db.send(new QueryCommand({ ...params, TableName, Limit: 32 } as never));
    },
    search: (word: string) => {
      const params = WordEntity.query.byWord({ token: word }).params<Record<string, unknown>>();
      return db.send(new QueryCommand({ ...params, TableName, ScanIndexForward: false, Limit: 32 } as never));
    },
    detail: (productId: string) => {
      const params = Product.entity.get({ productId }).params<Record<string, unknown>>();
      return db.send(new GetCommand({ ...params, TableName } as never));
    },
  };
}

/**
 * One catalogue size: for each storefront read, requests/s at 50 connections through the edge cache (anonymous, as
 * CloudFront answers them) and without it (a bearer token makes the request personal: the API answers it every
 * time), beside the same server's bare HTTP ceiling for a fixed body of that size (through its whole stack, and in
 * front of it: Node's HTTP and Hono alone) and the raw DynamoDB ceiling.
 */
async function measure(server: Server, label: string, seconds: number, rows: Rows) {
  const first = (await (await fetch(`${server.url}/api/products?limit=1`)).json()) as {
    items: Array<{ productId: string }>;
  };
  const productId = first.items[0]?.productId ?? "";
  const store = await storeCalls(server);
  const every: Array<[string, string, () => Promise<unknown>]> = [
    ["product list", "/api/products", store.list],
    [
      "filtered list",
      "/api/products?region=dong-bang-song-cuu-long&minStars=4&sort=price_asc",
      () => store.filtered("r-dong-bang-song-cuu-long-s4"),
    ],
    ["search nuoc mam", "/api/products?q=nuoc%20mam", () => store.search("nuoc")],
    ["search mat", "/api/products?q=m%E1%BA%ADt", () => store.search("mat")],
    ["search che", "/api/products?q=ch%C3%A8", () => store.search("che")],
    ["search gao", "/api/products?q=g%E1%BA%A1o", () => store.search("gao")],
    ["product detail", `/api/products/${productId}`, () => store.detail(productId)],
  ];
  const targets = every.filter(([name]) => rows === "all" || name.startsWith("search") || name === "filtered list");
  const personal = { authorization: "Bearer bench-not-a-session" };
  const measured = [];
  for (const [name, path, raw] of targets) {
    const url = `${server.url}${path}`;
    const probe = await fetch(url, { headers: personal });
    const body = await probe.arrayBuffer();
    const calls = Number(probe.headers.get("x-db-calls") ?? Number.NaN);
    const found = (JSON.parse(new TextDecoder().decode(body)) as { items?: unknown[] }).items?.length;
    const cached = await run(url, seconds);
    const uncached = await run(url, seconds, personal);
    const bare = await run(`${server.url}/bench/fixed/${body.byteLength}`, seconds);
    const front = await run(`${server.url}/bench/front/${body.byteLength}`, seconds);
    const query = await rawCeiling(raw, seconds);
    const row = {
      catalogue: label,
      endpoint: name,
      "cached req/s": cached.rps,
      "cached p50 ms": cached.p50,
      "uncached req/s": uncached.rps,
      "uncached p50 ms": uncached.p50,
      "uncached p99 ms": uncached.p99,
      "bare HTTP req/s": bare.rps,
      "bare front req/s": front.rps,
      "raw store req/s": query,
      "cached / bare": Math.round((cached.rps / bare.rps) * 100) / 100,
      "cached / front": Math.round((cached.rps / front.rps) * 100) / 100,
      "DynamoDB calls/req": calls,
      "body bytes": body.byteLength,
      items: found ?? 1,
      errors: cached.errors + uncached.errors + bare.errors + front.errors,
    };
    measured.push(row);
    const at = `${name} at ${label}`;
    figure(`${at} cached`, cached.rps, "req/s");
    figure(`${at} uncached`, uncached.rps, "req/s");
    figure(`${at} uncached p50`, uncached.p50, "ms");
    figure(`${at} bare HTTP ceiling`, bare.rps, "req/s");
    figure(`${at} bare HTTP ceiling in front`, front.rps, "req/s");
    figure(`${at} raw DynamoDB ceiling`, query, "req/s");
    figure(`${at} DynamoDB calls`, calls, "calls/request");
  }
  return measured;
}

/** Which rows: every storefront read, or (BENCH_ROWS=search) only search and the filtered list. */
type Rows = "all" | "search";

/**
 * The storefront's reads under load, first on the demo catalogue, then after the bench adds its synthetic national
 * catalogue (./catalogue.ts) to the same server's table (BENCH_NATIONAL=0: the demo catalogue only).
 */
export async function loadBench(
  server: Server,
  seconds = 5,
  national = process.env.BENCH_NATIONAL !== "0",
  rows: Rows = process.env.BENCH_ROWS === "search" ? "search" : "all",
) {
  // Past the edge cache, which may still hold the home page of before the seeding.
  const home = async () =>
    (
      (await (await fetch(`${server.url}/api/home`, { headers: { authorization: "Bearer none" } })).json()) as {
        total: number;
      }
    ).total;
  const demo = await home();
  const measured = await measure(server, `${demo} products`, seconds, rows);
  if (national) {
    const seeded = await seedCatalogue(server.dataDir, undefined, console.log);
    const total = await home();
    console.log(
      `synthetic catalogue: ${seeded.products} products from ${seeded.producers} producers in ${seeded.ms} ms; the storefront lists ${total}`,
    );
    figure("synthetic catalogue seeding", seeded.ms, "ms");
    measured.push(...(await measure(server, `${total} products`, seconds, rows)));
  }
  return measured;
}
