import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SYSTEM } from "@cho-ocop/core/account/actor";
import { Account } from "@cho-ocop/core/account/index";
import { Cart } from "@cho-ocop/core/cart/index";
import { ensureTable } from "@cho-ocop/core/db/migrate";
import { FulfilmentEntity } from "@cho-ocop/core/fulfilment/entity";
import { HoldEntity, IdempotencyEntity, OrderEntity } from "@cho-ocop/core/order/entities";
import { Producer } from "@cho-ocop/core/producer/index";
import { Product } from "@cho-ocop/core/product/index";
import { Review } from "@cho-ocop/core/review/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificateInput, labelInput, sonLaWard } from "../../test/people";
import { compose } from "../adapters/index";
import { type DynamoLocal, freePort, startDynamoLocal } from "./dynamo";

/**
 * 200 shoppers check out at once for the last 50 units of a product, and a process dies with SIGKILL part-way
 * through: the API process, or DynamoDB Local (its data on disk). After a restart every shopper's client sends
 * its request again with the same Idempotency-Key until it has an answer. Nothing is lost, doubled or half written.
 */
const API = join(dirname(fileURLToPath(import.meta.url)), "../../test/api-process.ts");
const BUYERS = 200;
const UNITS = 50;
const PLENTY = 1000;

const dir = mkdtempSync(join(tmpdir(), "cho-ocop-crash-"));
const dbPath = join(dir, "dynamodb");
let dynamo: DynamoLocal;
let dynamoPort: number;
const running: ChildProcess[] = [];

beforeAll(async () => {
  mkdirSync(dbPath, { recursive: true });
  dynamoPort = await freePort();
  dynamo = await startDynamoLocal({ dbPath, port: dynamoPort });
  // This file's own database (on disk, so it survives a kill), composed again for this process as the API child does.
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.UPLOAD_DIR = join(dir, "uploads");
  await compose();
  await ensureTable();
}, 120_000);

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function startApi(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", API], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!output.includes("listening on")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the API process did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, exited };
}

interface Answer {
  status: number;
  orderId?: string;
  code?: string;
}

/** A shop with two producers: the scarce product, and one with plenty so every order has two fulfilments. */
async function shop(tag: string) {
  const wardCode = await sonLaWard();
  const product = async (name: string, stock: number) => {
    const producerId = await Producer.create({
      name: `HTX ${name}`,
      kind: "cooperative",
      provinceCode: "14",
      wardCode,
      phone: "0912345678",
    });
    const productId = await Product.create({
      producerId,
      name,
      group: "thuc-pham",
      provinceCode: "14",
      priceVnd: 120_000,
      unit: "hộp",
      weightGrams: 300,
      stock,
      label: labelInput(),
    });
    await Review.submit(SYSTEM, productId, { certificate: { ...certificateInput(4), level: "province" } });
    await Review.approve(SYSTEM, productId);
    return { producerId, productId };
  };
  const scarce = await product(`Mật ong hiếm ${tag}`, UNITS);
  const plenty = await product(`Chè Shan ${tag}`, PLENTY);
  const body = JSON.stringify({
    address: { name: "Người mua", phone: "0912345678", provinceCode: "14", wardCode, street: "Bản Mòng" },
    paymentMethod: "cod",
  });
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const user = await Account.findOrCreate({ phone: `036${tag}${String(i).padStart(6, "0")}` });
      const cartId = Cart.forUser(user.userId);
      await Cart.addProduct(cartId, { productId: scarce.productId, quantity: 1 });
      await Cart.addProduct(cartId, { productId: plenty.productId, quantity: 1 });
      const { token } = await Account.createSession(user.userId);
      // Half pay by VietQR: their orders hold the stock until paid.
      const request = i % 2 ? body.replace('"cod"', '"vietqr"') : body;
      return { token, key: `crash-${tag}-${i}`, request };
    }),
  );
  return { scarce, plenty, buyers };
}

async function checkout(port: number, buyer: { token: string; key: string; request: string }): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/api/orders`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${buyer.token}`,
      "content-type": "application/json",
      "idempotency-key": buyer.key,
    },
    body: buyer.request,
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as { order?: { orderId: string }; error?: { code: string } };
  return { status: res.status, orderId: body.order?.orderId, code: body.error?.code };
}

const final = (a: Answer | undefined) => a !== undefined && (a.status === 200 || a.status === 201 || a.status === 409);

/**
 * Sends every checkout at once and calls `crash` once the first 10 units are sold; then, like a client whose request
 * failed, sends each unanswered one again with its key until every shopper has a final answer.
 */
async function raceThroughCrash(port: number, shopData: Awaited<ReturnType<typeof shop>>, crash: () => Promise<void>) {
  const { buyers, scarce } = shopData;
  const answers: Array<Answer | undefined> = buyers.map(() => undefined);
  const race = Promise.all(
    buyers.map(async (buyer, i) => {
      answers[i] = await checkout(port, buyer).catch(() => undefined); // the connection dies with the process
    }),
  );
  let left = UNITS;
  while (left > UNITS - 10) {
    await new Promise((r) => setTimeout(r, 10));
    left = (await Product.get(scarce.productId)).stock;
  }
  await crash();
  await race;
  for (let round = 0; round < 20 && answers.some((a) => !final(a)); round++) {
    await Promise.all(
      buyers.map(async (buyer, i) => {
        if (final(answers[i])) return;
        answers[i] = await checkout(port, buyer).catch(() => undefined);
      }),
    );
    if (answers.some((a) => !final(a))) await new Promise((r) => setTimeout(r, 500));
  }
  return { answers, leftAtCrash: left };
}

/** What the database holds for this shop's products, and the invariants a crash must not break. */
async function ledger(scarceId: string, plentyId: string) {
  const orders = (await OrderEntity.scan.go({ pages: "all" })).data.filter((o) =>
    o.reservations.some((r) => r.productId === scarceId),
  );
  const ids = new Set(orders.map((o) => o.orderId));
  const fulfilments = (await FulfilmentEntity.scan.go({ pages: "all" })).data;
  const holds = (await HoldEntity.scan.go({ pages: "all" })).data;
  const allOrderIds = new Set((await OrderEntity.scan.go({ pages: "all" })).data.map((o) => o.orderId));
  const units = (productId: string) =>
    orders
      .filter((o) => o.status !== "cancelled")
      .flatMap((o) => o.reservations)
      .filter((r) => r.productId === productId)
      .reduce((sum, r) => sum + r.quantity, 0);
  return {
    orders,
    ids,
    scarce: { stock: (await Product.get(scarceId)).stock, units: units(scarceId) },
    plenty: { stock: (await Product.get(plentyId)).stock, units: units(plentyId) },
    fulfilmentsPerOrder: orders.map((o) => fulfilments.filter((f) => f.orderId === o.orderId).length),
    orphanFulfilments: fulfilments.filter((f) => !allOrderIds.has(f.orderId)).length,
    orphanHolds: holds.filter((h) => !allOrderIds.has(h.orderId)).length,
    unpaidWithoutHold: orders.filter(
      (o) => o.status === "pending_payment" && !holds.some((h) => h.orderId === o.orderId),
    ).length,
    idempotency: (await IdempotencyEntity.scan.go({ pages: "all" })).data.filter((k) => ids.has(k.orderId)).length,
  };
}

async function expectIntact(
  shopData: Awaited<ReturnType<typeof shop>>,
  answers: Array<Answer | undefined>,
  port: number,
) {
  const { scarce, plenty, buyers } = shopData;
  expect(answers.every(final)).toBe(true);
  const before = await ledger(scarce.productId, plenty.productId);
  // Stock plus the units in orders is the starting stock, for both products; the scarce one sold out exactly.
  expect(before.scarce).toEqual({ stock: 0, units: UNITS });
  expect(before.plenty.stock + before.plenty.units).toBe(PLENTY);
  expect(before.orders).toHaveLength(UNITS);
  // Every order has both its fulfilments, and nothing refers to an order that is not there.
  expect(before.fulfilmentsPerOrder.every((n) => n === 2)).toBe(true);
  expect(before.orphanFulfilments).toBe(0);
  expect(before.orphanHolds).toBe(0);
  expect(before.unpaidWithoutHold).toBe(0);
  expect(before.idempotency).toBe(UNITS);
  // Every order is one a shopper was told about, each exactly once; everyone else heard "out of stock".
  const told = answers.filter((a) => a?.orderId).map((a) => a?.orderId);
  expect(new Set(told)).toEqual(before.ids);
  expect(told).toHaveLength(UNITS);
  expect(answers.filter((a) => a?.status === 409).every((a) => a?.code === "out_of_stock")).toBe(true);

  // Replaying every request with its key creates nothing new: the same order, or the same refusal.
  const replays = await Promise.all(buyers.map((buyer) => checkout(port, buyer)));
  replays.forEach((replay, i) => {
    const first = answers[i];
    if (first?.orderId) expect(replay).toMatchObject({ status: 200, orderId: first.orderId });
    else expect(replay).toMatchObject({ status: 409 });
  });
  const after = await ledger(scarce.productId, plenty.productId);
  expect(after.ids).toEqual(before.ids);
  expect(after.scarce).toEqual(before.scarce);
  expect(after.plenty).toEqual(before.plenty);
}

describe("a crash mid-checkout", () => {
  it("the API process killed with SIGKILL part-way through 200 checkouts for 50 units, then restarted", async () => {
    const data = await shop("1");
    const port = await freePort();
    const api = await startApi(port);
    let leftAfterKill = 0;
    const { answers } = await raceThroughCrash(port, data, async () => {
      api.child.kill("SIGKILL");
      await api.exited;
      leftAfterKill = (await Product.get(data.scarce.productId)).stock;
      await startApi(port);
    });
    // Part-way: some units were sold before the kill, the rest after the restart.
    expect(leftAfterKill).toBeGreaterThan(0);
    expect(leftAfterKill).toBeLessThan(UNITS);
    await expectIntact(data, answers, port);
  }, 240_000);

  it("DynamoDB Local killed with SIGKILL part-way through, then restarted on its data", async () => {
    const data = await shop("2");
    const port = await freePort();
    await startApi(port);
    const { answers, leftAtCrash } = await raceThroughCrash(port, data, async () => {
      const exited = new Promise((resolve) => dynamo.process.once("exit", resolve));
      dynamo.process.kill("SIGKILL");
      await exited;
      dynamo = await startDynamoLocal({ dbPath, port: dynamoPort });
    });
    expect(leftAtCrash).toBeGreaterThan(0);
    await expectIntact(data, answers, port);
  }, 240_000);
});
