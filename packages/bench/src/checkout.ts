import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * 500 concurrent checkouts against the real app and DynamoDB Local, in process (the sign-in step is skipped:
 * sessions are created directly, since 500 SMS codes would trip the per-IP limit). Two runs: 20 units for 500
 * buyers (contention: 20 orders, 480 out of stock), and 500 units (every checkout succeeds: throughput).
 */
export async function checkoutBench() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { startDynamoLocal } = await import("@cho-ocop/functions/local/dynamo");
  const dynamo = await startDynamoLocal();
  const uploads = await mkdtemp(join(tmpdir(), "cho-ocop-bench-checkout-"));
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: "cho-ocop-bench",
    UPLOAD_DIR: uploads,
    SESSION_SECRET: "bench-signing-key-0123456789abcdef0123456789",
  });
  try {
    const { compose } = await import("@cho-ocop/functions/adapters/index");
    await compose();
    const { ensureTable } = await import("@cho-ocop/core/db/migrate");
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

    const rows = [];
    for (const [label, stock] of [
      ["500 buyers, 20 units", 20],
      ["500 buyers, 500 units", 500],
    ] as const) {
      const productId = await Product.create({
        producerId,
        name: `Sản phẩm đo tải ${stock}`,
        group: "thuc-pham",
        provinceCode: "14",
        priceVnd: 100_000,
        unit: "hộp",
        weightGrams: 300,
        stock,
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
      const tokens = await Promise.all(
        Array.from({ length: 500 }, async (_, i) => {
          const user = await Account.findOrCreate({
            phone: `0377${String(stock).padStart(3, "0")}${String(i).padStart(3, "0")}`,
          });
          await Cart.addProduct(Cart.forUser(user.userId), { productId, quantity: 1 });
          return (await Account.createSession(user.userId)).token;
        }),
      );
      const body = JSON.stringify({
        address: { name: "Người mua", phone: "0912345678", provinceCode: "14", wardCode: ward, street: "Bản Mòng" },
        paymentMethod: "cod",
      });
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const started = performance.now();
      await Promise.all(
        tokens.map(async (token, i) => {
          const t = performance.now();
          const res = await app.request("/api/orders", {
            method: "POST",
            headers: {
              authorization: `Bearer ${token}`,
              "content-type": "application/json",
              "idempotency-key": `bench-${stock}-${i}`,
            },
            body,
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) =>
        Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
      const orders = statuses.get(201) ?? 0;
      rows.push({
        run: label,
        "orders placed": orders,
        "out of stock (409)": statuses.get(409) ?? 0,
        other:
          [...statuses]
            .filter(([s]) => s !== 201 && s !== 409)
            .map(([s, n]) => `${s}×${n}`)
            .join(" ") || "0",
        "stock left": (await Product.get(productId)).stock,
        "orders/s": +(orders / seconds).toFixed(1),
        "requests/s": +(500 / seconds).toFixed(1),
        "p50 ms": pct(0.5),
        "p99 ms": pct(0.99),
      });
    }
    return rows;
  } finally {
    await dynamo.stop();
    await rm(uploads, { recursive: true, force: true });
  }
}
