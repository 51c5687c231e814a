import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

/**
 * 500 concurrent buyers against the real app and DynamoDB Local, in process (the sign-in step is skipped: sessions
 * are created directly, since 500 SMS codes would trip the per-IP limit), side by side in one run:
 * - the ceiling: a bare conditional `UpdateItem` decrement of one counter (500 buyers, 20 units), and the bare
 *   transaction the deal path used to be (decrement with condition + put order, retried with jitter on conflicts);
 * - a live deal's "Mua ngay" through the app (POST /api/orders from the live sheet, 500 buyers, 20 units), then 500
 *   more after it sold out (answered from the sold-out mark);
 * - the cart's checkout, one transaction per order over the products' stock (20 units, then 500 units).
 * Targets (issue 12 §1): deal answers/s ≥ 0.5 × the bare UpdateItem's; p50 ≤ 500 ms and p99 ≤ 1.5 s for the deal;
 * p50 ≤ 50 ms after sell-out; exactly the units there are.
 */
export async function checkoutBench() {
  console.log(
    `load: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (1, 5, 15 min; a shared machine)`,
  );
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { startDynamoLocal } = await import("@cho-ocop/functions/local/dynamo");
  const local = await startDynamoLocal();
  const uploads = await mkdtemp(join(tmpdir(), "cho-ocop-bench-checkout-"));
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: local.endpoint,
    TABLE_NAME: "cho-ocop-bench",
    UPLOAD_DIR: uploads,
    SESSION_SECRET: "bench-signing-key-0123456789abcdef0123456789",
  });
  try {
    const { compose } = await import("@cho-ocop/functions/adapters/index");
    await compose();
    const { ensureTable } = await import("@cho-ocop/core/db/migrate");
    const { dynamo, tableName } = await import("@cho-ocop/core/db/client");
    const { DealStock, shardCount, shardsOf } = await import("@cho-ocop/core/live/deal/stock");
    const { PutCommand, TransactWriteCommand, UpdateCommand } = await import("@aws-sdk/lib-dynamodb");
    const { SYSTEM } = await import("@cho-ocop/core/account/actor");
    const { Account } = await import("@cho-ocop/core/account/index");
    const { Cart } = await import("@cho-ocop/core/cart/index");
    const { Producer } = await import("@cho-ocop/core/producer/index");
    const { Product } = await import("@cho-ocop/core/product/index");
    const { Review } = await import("@cho-ocop/core/review/index");
    const { wardsOf } = await import("@cho-ocop/core/geo/ward");
    const { app } = await import("@cho-ocop/functions/api/app");
    const { OutboxMessenger, useMessenger } = await import("@cho-ocop/core/message/index");
    useMessenger(new OutboxMessenger(() => {}));
    await ensureTable();
    const ward = wardsOf("14")[0]?.code ?? "";
    const producerId = await Producer.create({
      name: "HTX Đo Tải",
      kind: "cooperative",
      provinceCode: "14",
      wardCode: ward,
      phone: "0912345678",
    });

    const address = { name: "Người mua", phone: "0912345678", provinceCode: "14", wardCode: ward, street: "Bản Mòng" };
    const listed = async (name: string, stock: number) => {
      const productId = await Product.create({
        producerId,
        name,
        group: "thuc-pham",
        provinceCode: "14",
        priceVnd: 100_000,
        unit: "hộp",
        weightGrams: 300,
        stock,
        label: {
          ingredients: "Gạo nếp nương 100%",
          netContent: "300 g",
          dates: "In trên bao bì",
          shelfLife: "12 tháng kể từ ngày sản xuất",
          storage: "Nơi khô ráo, thoáng mát",
          foodSafetyCertificate: "12/2025/ATTP-CNĐK",
        },
      });
      await Review.submit(SYSTEM, productId, {
        certificate: {
          stars: 4,
          decisionNumber: "1/QĐ-UBND",
          decisionDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
          issuer: "UBND tỉnh Sơn La",
          level: "province",
        },
      });
      await Review.approve(SYSTEM, productId);
      return productId;
    };
    let phones = 0;
    const buyers = (n: number, line: { productId: string; dealId?: string }) =>
      Promise.all(
        Array.from({ length: n }, async () => {
          const user = await Account.findOrCreate({ phone: `037${String(++phones).padStart(7, "0")}` });
          await Cart.addProduct(Cart.forUser(user.userId), { ...line, quantity: 1 });
          return (await Account.createSession(user.userId)).token;
        }),
      );
    const client = await dynamo();
    client.middlewareStack.add(
      (next, context) => (args) => {
        traced.getStore()?.push(callName(context.commandName ?? "?", args.input));
        return next(args);
      },
      { step: "initialize", name: "benchCallNames" },
    );
    const checkout = async (tokens: string[], body: string, tag: string) => {
      const calls: Trace[] = [];
      const run = await measure(tokens.length, (i) =>
        traced.run([], async () => {
          const res = await app.request("/api/orders", {
            method: "POST",
            headers: {
              authorization: `Bearer ${tokens[i]}`,
              "content-type": "application/json",
              "idempotency-key": `bench-${tag}-${i}`,
            },
            body,
          });
          await res.arrayBuffer();
          calls.push({ status: res.status, calls: traced.getStore() ?? [] });
          return res.status;
        }),
      );
      return { ...run, calls };
    };

    const table = tableName();
    // DynamoDB Local's JIT warms up first, so that no figure pays for it.
    await measure(500, (i) =>
      client.send(new PutCommand({ TableName: table, Item: { pk: `bench#warm#${i}`, sk: "x" } })).then(() => 200),
    );

    const bare = await measure(
      500,
      async () => {
        try {
          await client.send(
            new UpdateCommand({
              TableName: table,
              Key: { pk: "bench#counter", sk: "x" },
              UpdateExpression: "ADD stock :minus",
              ConditionExpression: "attribute_not_exists(stock) OR stock >= :one",
              ExpressionAttributeValues: { ":minus": -1, ":one": 1 },
            }),
          );
          return 201;
        } catch (err) {
          if ((err as Error).name === "ConditionalCheckFailedException") return 409;
          throw err;
        }
      },
      async () => {
        await client.send(new PutCommand({ TableName: table, Item: { pk: "bench#counter", sk: "x", stock: 20 } }));
      },
    );
    const bareTx = await measure(
      500,
      async (i) => {
        for (let attempt = 0; ; attempt++) {
          try {
            await client.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Update: {
                      TableName: table,
                      Key: { pk: "bench#txcounter", sk: "x" },
                      UpdateExpression: "ADD stock :minus",
                      ConditionExpression: "stock >= :one",
                      ExpressionAttributeValues: { ":minus": -1, ":one": 1 },
                    },
                  },
                  { Put: { TableName: table, Item: { pk: `bench#txorder#${i}`, sk: "x", at: Date.now() } } },
                ],
              }),
            );
            return 201;
          } catch (err) {
            const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
            if (reasons[0]?.Code === "ConditionalCheckFailed") return 409;
            if (attempt >= 25 || !reasons.some((r) => r.Code === "TransactionConflict")) return 503;
            await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * Math.min(attempt + 1, 8)));
          }
        }
      },
      async () => {
        await client.send(new PutCommand({ TableName: table, Item: { pk: "bench#txcounter", sk: "x", stock: 20 } }));
      },
    );

    // A live deal of 20 units on a product with 1,000 in stock (the deal's units set aside as it opens).
    const dealProduct = await listed("Sản phẩm ưu đãi live", 1_000);
    const now = Date.now();
    const deal = {
      dealId: anId(),
      sessionId: anId(),
      productId: dealProduct,
      priceVnd: 59_000,
      quantity: 20,
      perBuyer: 1,
      sold: 0,
      shards: shardCount(20),
      startsAt: new Date(now - 1000).toISOString(),
      endsAt: new Date(now + 30 * 60_000).toISOString(),
      createdAt: new Date(now).toISOString(),
    };
    if (!(await DealStock.open(deal))) throw new Error("the deal did not open");
    const sheet = JSON.stringify({
      address,
      paymentMethod: "cod",
      liveSessionId: deal.sessionId,
      dealId: deal.dealId,
    });
    const first = await buyers(500, { productId: dealProduct, dealId: deal.dealId });
    const later = await buyers(500, { productId: dealProduct, dealId: deal.dealId });
    const dealRun = await checkout(first, sheet, "deal");
    const afterRun = await checkout(later, sheet, "sold-out");
    const shards = await shardsOf(deal, true);
    const dealLeft = shards.reduce((n, x) => n + x.stock, 0);
    const held = shards.reduce((n, x) => n + (x.holds?.length ?? 0), 0);

    const ratio = dealRun.answersPerS / bare.answersPerS;
    console.log("\nA live deal's flash sale: 500 buyers, 20 units (one run, one DynamoDB Local)");
    console.table([
      row("bare conditional UpdateItem (the ceiling)", bare, { "units left": 0 }),
      row("bare transaction, retried on conflicts (the old deal path)", bareTx, {}),
      row("the app: Mua ngay from the live sheet", dealRun, {
        "units left": dealLeft,
        "holds left": held,
        "product stock": (await Product.get(dealProduct)).stock,
      }),
      row("the app: 500 more after sell-out", afterRun, {}),
    ]);
    printCalls("Mua ngay during the sale", dealRun.calls);
    printCalls("Mua ngay after sell-out", afterRun.calls);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      [
        `deal answers/s ${dealRun.answersPerS.toFixed(0)} = ${ratio.toFixed(2)} × the bare UpdateItem's ${bare.answersPerS.toFixed(0)} (target ≥ 0.5: ${verdict(ratio >= 0.5)})`,
        `deal p50 ${dealRun.p50} ms (≤ 500: ${verdict(dealRun.p50 <= 500)}), p99 ${dealRun.p99} ms (≤ 1,500: ${verdict(dealRun.p99 <= 1500)})`,
        `after sell-out p50 ${afterRun.p50} ms (≤ 50: ${verdict(afterRun.p50 <= 50)})`,
        `orders ${dealRun.statuses.get(201) ?? 0} + ${afterRun.statuses.get(201) ?? 0} for 20 units, ${dealLeft} left, ${held} held (exactly: ${verdict((dealRun.statuses.get(201) ?? 0) + (afterRun.statuses.get(201) ?? 0) === 20 && dealLeft === 0 && held === 0)})`,
      ].join("\n"),
    );
    for (const [name, value, unit] of [
      ["checkout.deal.answers_per_s", dealRun.answersPerS, "1/s"],
      ["checkout.deal.p50", dealRun.p50, "ms"],
      ["checkout.deal.p99", dealRun.p99, "ms"],
      ["checkout.deal.after_sellout_p50", afterRun.p50, "ms"],
      ["checkout.bare_update.answers_per_s", bare.answersPerS, "1/s"],
      ["checkout.bare_transaction.answers_per_s", bareTx.answersPerS, "1/s"],
      ["checkout.deal.db_calls_per_order", callsPer(dealRun.calls, 201), "calls"],
      ["checkout.deal.db_calls_per_refusal", callsPer(dealRun.calls, 409), "calls"],
      ["checkout.deal.after_sellout_db_calls", callsPer(afterRun.calls, 409), "calls"],
    ] as const) {
      console.log(`bench ${JSON.stringify({ name, value: +value.toFixed(1), unit })}`);
    }

    // BENCH_DEAL_ONLY=1 stops here (the deal's figures only, for quicker runs while working on the deal path).
    if (process.env.BENCH_DEAL_ONLY === "1") return;
    console.log("\nThe cart's checkout: one TransactWriteItems per order over its products' stock, 500 buyers");
    const cart = JSON.stringify({ address, paymentMethod: "cod" });
    const rows = [];
    for (const stock of [20, 500]) {
      const productId = await listed(`Sản phẩm đo tải ${stock}`, stock);
      const run = await checkout(await buyers(500, { productId }), cart, `cart-${stock}`);
      rows.push(
        row(`500 buyers, ${stock} units`, run, {
          "stock left": (await Product.get(productId)).stock,
          "calls/order": +callsPer(run.calls, 201).toFixed(1),
        }),
      );
    }
    console.table(rows);
  } finally {
    await local.stop();
    await rm(uploads, { recursive: true, force: true });
  }
}

interface Run {
  statuses: Map<number, number>;
  answersPerS: number;
  ordersPerS: number;
  p50: number;
  p99: number;
}

/** `n` buyers at once, each `one(i)` answering an HTTP-like status; `before` sets the stage, untimed. */
async function measure(n: number, one: (i: number) => Promise<number>, before?: () => Promise<void>): Promise<Run> {
  await before?.();
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      const status = await one(i).catch(() => 500);
      latencies.push(performance.now() - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
  return {
    statuses,
    answersPerS: n / seconds,
    ordersPerS: (statuses.get(201) ?? 0) / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
  };
}

function row(run: string, r: Run, extra: Record<string, number>) {
  return {
    run,
    "orders (201)": r.statuses.get(201) ?? 0,
    "refused (409)": r.statuses.get(409) ?? 0,
    other:
      [...r.statuses]
        .filter(([s]) => s !== 201 && s !== 409)
        .map(([s, n]) => `${s}×${n}`)
        .join(" ") || "0",
    "answers/s": +r.answersPerS.toFixed(1),
    "orders/s": +r.ordersPerS.toFixed(1),
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    ...extra,
  };
}

/** The DynamoDB calls of one request, named by `callName`, in the order they were sent. */
interface Trace {
  status: number;
  calls: string[];
}
const traced = new AsyncLocalStorage<string[]>();

/** A call as `Command entity…`, the entities read from ElectroDB's sort keys (`$entity_version…`) or items. */
function callName(command: string, input: unknown): string {
  const entityOf = (key: unknown) => {
    const sk = (key as { sk?: unknown } | undefined)?.sk;
    const text = typeof sk === "string" ? sk : (sk as { S?: string } | undefined)?.S;
    return text?.match(/^\$([a-z]+)_/)?.[1] ?? text?.match(/^\$[^#]*#([a-z]+)/)?.[1] ?? "?";
  };
  const one = (op: Record<string, unknown>) => entityOf((op.Key ?? op.Item) as Record<string, unknown> | undefined);
  const i = input as Record<string, unknown>;
  const verb = command.replace(/Command$/, "").replace(/Items?$/, "");
  if (verb === "TransactWrite" || verb === "TransactGet") {
    const items = (i.TransactItems as Array<Record<string, Record<string, unknown>>>).map((t) => {
      const [op = "?", body = {}] = Object.entries(t)[0] ?? [];
      return `${op} ${one(body)}`;
    });
    return `${verb}[${items.length}: ${items.join(", ")}]`;
  }
  if (verb === "BatchGet" || verb === "BatchWrite") {
    const requests = Object.values((i.RequestItems ?? {}) as Record<string, unknown>)[0] as
      | { Keys?: unknown[] }
      | unknown[]
      | undefined;
    const keys = Array.isArray(requests) ? requests : (requests?.Keys ?? []);
    return `${verb}[${keys.length}: ${[...new Set(keys.map((k) => entityOf((k as { PutRequest?: { Item: unknown } }).PutRequest?.Item ?? k)))].join(", ")}]`;
  }
  if (verb === "Query") {
    const values = Object.values((i.ExpressionAttributeValues ?? {}) as Record<string, unknown>).map(String);
    const sk = values.find((v) => v.startsWith("$"));
    return `Query ${i.IndexName ?? "table"} ${sk ? entityOf({ sk }) : ""}`.trim();
  }
  return `${verb} ${one(i)}`;
}

const callsPer = (calls: Trace[], status: number) => {
  const of = calls.filter((c) => c.status === status);
  return of.length ? of.reduce((n, c) => n + c.calls.length, 0) / of.length : 0;
};

/** Calls per request by status, then each kind of call per request of that status. */
function printCalls(title: string, calls: Trace[]) {
  for (const status of [...new Set(calls.map((c) => c.status))].sort()) {
    const of = calls.filter((c) => c.status === status);
    const kinds = new Map<string, number>();
    for (const c of of) for (const name of c.calls) kinds.set(name, (kinds.get(name) ?? 0) + 1);
    console.log(
      `\n${title}, ${status} (${of.length} requests): ${callsPer(calls, status).toFixed(1)} DynamoDB calls per request`,
    );
    const made = [...of].sort((a, b) => a.calls.length - b.calls.length);
    console.log(
      `  calls per request: fewest ${made[0]?.calls.length ?? 0}, median ${made[Math.floor(made.length / 2)]?.calls.length ?? 0}, most ${made.at(-1)?.calls.length ?? 0}`,
    );
    if (kinds.size === 0) continue;
    console.table([...kinds].map(([call, n]) => ({ call, calls: n, "per request": +(n / of.length).toFixed(3) })));
    const longest = made.at(-1);
    if (longest) console.log(`  the one that made the most, in order: ${longest.calls.join(" → ")}`);
  }
}

/** An id of the shape the API takes for deals and lives (26 lower-case base-32 characters). */
const anId = () => Array.from(randomBytes(26), (b) => "0123456789abcdefghjkmnpqrstvwxyz"[b % 32]).join("");
