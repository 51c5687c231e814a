import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Live } from "@cho-ocop/core/live/index";
import { type CardGateway, cardGateway, StripeGateway, useCardGateway } from "@cho-ocop/core/payment/card";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeStripe, startFakeStripe } from "../../../testkit/src/fake-stripe";
import { call, tokenFor, verifySeller } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { type LocalLive, startLocalLive } from "../local/live/index";
import { app } from "./app";

interface OrderView {
  orderId: string;
  status: string;
  paymentStatus: string;
  paymentIntentId?: string;
  liveSessionId?: string;
  fulfilments: Array<{ producerId: string; status: string }>;
}
interface AuditView {
  actorId: string;
  actorScope: string;
  action: string;
  targetType: string;
  targetId: string;
  before: string;
  after: string;
}

const HA_NOI = "01";
let central = "";
let sonLaStaff = "";
let haNoiStaff = "";
/** Sellers and a product each of a Sơn La producer and a Hà Nội producer. */
const sonLa = { seller: "", productId: "", producerId: "" };
const haNoi = { seller: "", productId: "", producerId: "" };

async function wardOf(province: string) {
  return (await import("@cho-ocop/core/geo/ward")).wardsOf(province)[0]?.code ?? "";
}

async function producer(into: typeof sonLa, name: string, province: string) {
  into.seller = await tokenFor();
  const made = await call<{ producerId: string }>("POST", "/api/seller/producer", {
    token: into.seller,
    body: producerInput(await wardOf(province), name, province),
  });
  expect(made.status).toBe(201);
  await verifySeller(into.seller);
  into.producerId = made.body.producerId;
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: into.seller,
    body: { ...productInput(`${name} đặc sản`), stock: 500 },
  });
  into.productId = created.body.productId;
  await call("POST", `/api/seller/products/${into.productId}/submit`, {
    token: into.seller,
    body: { certificate: certificateInput(4) },
  });
  expect((await call("POST", `/api/admin/products/${into.productId}/approve`, { token: central })).status).toBe(200);
}

let keys = 0;
/** A new shopper buys one of each product given and places the order. */
async function order(productIds: string[], paymentMethod = "cod", extra: Record<string, unknown> = {}) {
  const buyer = await tokenFor();
  for (const productId of productIds) {
    expect((await call("POST", "/api/cart/items", { token: buyer, body: { productId, quantity: 1 } })).status).toBe(
      201,
    );
  }
  const placed = await call<{ order: OrderView }>("POST", "/api/orders", {
    token: buyer,
    headers: { "idempotency-key": `staff-${Date.now()}-${++keys}` },
    body: {
      address: {
        name: "Hoàng Thị Mai",
        phone: "0911222333",
        provinceCode: SON_LA,
        wardCode: await sonLaWard(),
        street: "Số 5 Chu Văn Thịnh",
      },
      paymentMethod,
      ...extra,
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return { buyer, order: placed.body.order };
}

const read = async (orderId: string) =>
  (await call<OrderView>("GET", `/api/orders/${orderId}`, { token: central })).body;
const audited = async (orderId: string) =>
  (await call<AuditView[]>("GET", "/api/admin/audit", { token: central })).body.filter((a) => a.targetId === orderId);
const listed = async (token: string, status: string) =>
  (await call<Array<{ orderId: string }>>("GET", `/api/admin/orders?status=${status}`, { token })).body.map(
    (o) => o.orderId,
  );
const stockOf = async (productId: string) =>
  (await call<{ stock: number }>("GET", `/api/products/${productId}`)).body.stock;

beforeAll(async () => {
  central = await tokenFor({ role: "staff", staffScope: "central" });
  sonLaStaff = await tokenFor({ role: "staff", staffScope: SON_LA });
  haNoiStaff = await tokenFor({ role: "staff", staffScope: HA_NOI });
  await producer(sonLa, "HTX Phạm Vi Sơn La", SON_LA);
  await producer(haNoi, "Công ty Phạm Vi Hà Nội", HA_NOI);
});

const userIdOf = async (token: string) =>
  (await call<{ user: { userId: string } }>("GET", "/api/me", { token })).body.user.userId;

describe("staff act on the orders of their province", () => {
  it("another province's staff can neither see, confirm nor cancel a Sơn La order; Sơn La's staff can, audited", async () => {
    const { order: placed } = await order([sonLa.productId], "vietqr");
    for (const [method, path] of [
      ["GET", ""],
      ["GET", "/vietqr.svg"],
      ["POST", "/confirm-transfer"],
      ["POST", "/cancel"],
    ] as const) {
      const res = await call(method, `/api/orders/${placed.orderId}${path}`, { token: haNoiStaff });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    }
    expect(await read(placed.orderId)).toMatchObject({ status: "pending_payment", paymentStatus: "pending" });
    expect(await audited(placed.orderId)).toEqual([]);

    // Their lists: the buyer's name and address reach only the staff who may act on the order.
    expect(await listed(haNoiStaff, "pending_payment")).not.toContain(placed.orderId);
    expect(await listed(sonLaStaff, "pending_payment")).toContain(placed.orderId);
    expect(await listed(central, "pending_payment")).toContain(placed.orderId);

    const confirmed = await call<OrderView>("POST", `/api/orders/${placed.orderId}/confirm-transfer`, {
      token: sonLaStaff,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(await listed(sonLaStaff, "confirmed")).toContain(placed.orderId);
    expect(await listed(sonLaStaff, "pending_payment")).not.toContain(placed.orderId);
    const [entry] = await audited(placed.orderId);
    expect(entry).toMatchObject({
      action: "confirm-transfer",
      targetType: "order",
      actorId: await userIdOf(sonLaStaff),
      actorScope: SON_LA,
    });
    expect(JSON.parse(entry?.before ?? "null")).toMatchObject({ status: "pending_payment" });
    expect(JSON.parse(entry?.after ?? "null")).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
  });

  it("an order from producers of two provinces is central staff's: province staff get 403, central's cancel is audited", async () => {
    const before = await stockOf(sonLa.productId);
    const { order: placed } = await order([sonLa.productId, haNoi.productId]);
    expect(placed.fulfilments).toHaveLength(2);
    for (const token of [sonLaStaff, haNoiStaff]) {
      expect((await call("POST", `/api/orders/${placed.orderId}/cancel`, { token })).status).toBe(403);
      expect(await listed(token, "confirmed")).not.toContain(placed.orderId);
    }
    expect(await read(placed.orderId)).toMatchObject({ status: "confirmed" });
    expect(await listed(central, "confirmed")).toContain(placed.orderId);

    const cancelled = await call<OrderView>("POST", `/api/orders/${placed.orderId}/cancel`, { token: central });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", cancelReason: "staff" });
    expect(await stockOf(sonLa.productId)).toBe(before);
    expect(await audited(placed.orderId)).toEqual([
      expect.objectContaining({ action: "cancel", actorId: await userIdOf(central), actorScope: "central" }),
    ]);
    expect(await listed(central, "cancelled")).toContain(placed.orderId);
  });

  it("a buyer's own cancellation is not a staff action and is not audited", async () => {
    const { buyer, order: placed } = await order([sonLa.productId]);
    expect((await call("POST", `/api/orders/${placed.orderId}/cancel`, { token: buyer })).status).toBe(200);
    expect(await audited(placed.orderId)).toEqual([]);
  });

  it("a seller cannot confirm the transfer of an order that holds another producer's goods (403)", async () => {
    const { order: placed } = await order([sonLa.productId, haNoi.productId], "vietqr");
    for (const token of [sonLa.seller, haNoi.seller]) {
      const res = await call("POST", `/api/orders/${placed.orderId}/confirm-transfer`, { token });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    }
    expect(await read(placed.orderId)).toMatchObject({ status: "pending_payment", paymentStatus: "pending" });
    // The seller of a single-producer order may, and that is audited too.
    const { order: own } = await order([sonLa.productId], "vietqr");
    expect((await call("POST", `/api/orders/${own.orderId}/confirm-transfer`, { token: sonLa.seller })).status).toBe(
      200,
    );
    expect(await audited(own.orderId)).toEqual([
      expect.objectContaining({ action: "confirm-transfer", actorScope: "seller" }),
    ]);
  });
});

describe("cancelling after a partial shipment", () => {
  it("is refused once one parcel has shipped; stock stays taken and the other parcel goes on to delivery", async () => {
    const stocks = [await stockOf(sonLa.productId), await stockOf(haNoi.productId)];
    const { buyer, order: placed } = await order([sonLa.productId, haNoi.productId]);
    const move = (seller: string, step: string, body?: unknown) =>
      call<{ status: string }>("POST", `/api/seller/fulfilments/${placed.orderId}/${step}`, {
        token: seller,
        body: body ?? {},
      }).then((r) => {
        expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBe(200);
        return r.body;
      });
    await move(sonLa.seller, "pack");
    await move(sonLa.seller, "ship", { carrier: "Viettel Post", trackingNumber: "VTP12345678" });

    for (const token of [buyer, central]) {
      const res = await call("POST", `/api/orders/${placed.orderId}/cancel`, { token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: "not_cancellable" } });
    }
    const after = await read(placed.orderId);
    expect(after.status).toBe("confirmed");
    expect(Object.fromEntries(after.fulfilments.map((f) => [f.producerId, f.status]))).toEqual({
      [sonLa.producerId]: "shipped",
      [haNoi.producerId]: "confirmed",
    });
    expect([await stockOf(sonLa.productId), await stockOf(haNoi.productId)]).toEqual(stocks.map((s) => s - 1));
    expect(await audited(placed.orderId)).toEqual([]);

    await move(haNoi.seller, "pack");
    await move(haNoi.seller, "ship", { carrier: "GHN", trackingNumber: "GHN987654" });
    await move(sonLa.seller, "deliver");
    await move(haNoi.seller, "deliver");
    expect((await read(placed.orderId)).status).toBe("completed");
    expect(await listed(central, "completed")).toContain(placed.orderId);
  });
});

describe("a staff refund", () => {
  const SECRET_KEY = "sk_test_choocop_staff_0123456789";
  const WEBHOOK_SECRET = "whsec_choocop_staff_0123456789";
  let fake: FakeStripe;
  let configured: CardGateway | null;

  beforeAll(async () => {
    fake = await startFakeStripe({ secretKey: SECRET_KEY });
    configured = cardGateway();
    useCardGateway(new StripeGateway(SECRET_KEY, WEBHOOK_SECRET, "pk_test_choocop_staff", fake.url));
  });
  afterAll(async () => {
    useCardGateway(configured);
    await fake?.close();
  });

  it("cancelling a paid card order as the province's staff refunds it; the cancel and the refund are audited", async () => {
    const { order: placed } = await order([sonLa.productId], "card");
    const delivered = await fake.deliver(fake.succeed(placed.paymentIntentId ?? ""), {
      url: "http://localhost/api/webhooks/stripe",
      secret: WEBHOOK_SECRET,
      fetch: (url, init) => app.request(url, init),
    });
    expect(delivered.status).toBe(200);
    expect(await read(placed.orderId)).toMatchObject({ status: "confirmed", paymentStatus: "paid" });

    expect((await call("POST", `/api/orders/${placed.orderId}/cancel`, { token: haNoiStaff })).status).toBe(403);
    expect(fake.refunds.filter((r) => r.payment_intent === placed.paymentIntentId)).toEqual([]);

    const cancelled = await call<OrderView>("POST", `/api/orders/${placed.orderId}/cancel`, { token: sonLaStaff });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(fake.refunds.filter((r) => r.payment_intent === placed.paymentIntentId)).toHaveLength(1);
    const staffId = await userIdOf(sonLaStaff);
    expect((await audited(placed.orderId)).map((a) => [a.action, a.actorId]).sort()).toEqual([
      ["cancel", staffId],
      ["refund", staffId],
    ]);
    expect(await listed(sonLaStaff, "refunded")).toContain(placed.orderId);
  });
});

describe("an order's live session", () => {
  let live: LocalLive;
  const sessions = { genuine: "", ended: "", scheduled: "", foreign: "" };

  async function schedule(seller: string, productId: string, startAt: Date) {
    const res = await call<{ sessionId: string }>("POST", "/api/seller/live", {
      token: seller,
      body: { title: "Phiên thử ghi nhận", startAt: startAt.toISOString(), productIds: [productId] },
    });
    expect(res.status).toBe(201);
    return res.body.sessionId;
  }
  async function goLive(sessionId: string) {
    const { channelId } = await Live.get(sessionId);
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBe(sessionId);
  }

  beforeAll(async () => {
    live = await startLocalLive({
      dataDir: await mkdtemp(join(tmpdir(), "cho-ocop-attribution-")),
      host: "127.0.0.1",
      rtmpPort: 0,
    });
    sessions.ended = await schedule(sonLa.seller, sonLa.productId, new Date());
    await goLive(sessions.ended);
    expect((await call("POST", `/api/live/${sessions.ended}/end`, { token: sonLa.seller })).status).toBe(200);
    sessions.genuine = await schedule(sonLa.seller, sonLa.productId, new Date());
    await goLive(sessions.genuine);
    sessions.scheduled = await schedule(sonLa.seller, sonLa.productId, new Date(Date.now() + 3 * 3_600_000));
    sessions.foreign = await schedule(haNoi.seller, haNoi.productId, new Date());
    await goLive(sessions.foreign);
  });
  afterAll(async () => {
    for (const [id, seller] of [
      [sessions.genuine, sonLa.seller],
      [sessions.foreign, haNoi.seller],
    ] as const) {
      if (id) await call("POST", `/api/live/${id}/end`, { token: seller });
    }
    await live?.stop();
  });

  const liveOrders = async (sessionId: string, seller: string) =>
    (await call<Array<{ orderId: string; buyer: string }>>("GET", `/api/live/${sessionId}/orders`, { token: seller }))
      .body;
  const summary = async (sessionId: string, seller: string) =>
    (await call<{ orders: number; revenueVnd: number }>("GET", `/api/live/${sessionId}/summary`, { token: seller }))
      .body;

  it("is ignored unless the session is on air and its producer sells in the order", async () => {
    const figures = {
      ended: await summary(sessions.ended, sonLa.seller),
      scheduled: await summary(sessions.scheduled, sonLa.seller),
      foreign: await summary(sessions.foreign, haNoi.seller),
    };
    for (const name of ["ended", "scheduled", "foreign"] as const) {
      const { order: placed } = await order([sonLa.productId], "cod", { liveSessionId: sessions[name] });
      expect(placed.liveSessionId, name).toBeUndefined();
      const seller = name === "foreign" ? haNoi.seller : sonLa.seller;
      expect(
        (await liveOrders(sessions[name], seller)).map((o) => o.orderId),
        name,
      ).not.toContain(placed.orderId);
      expect(await summary(sessions[name], seller), name).toEqual(figures[name]);
    }
    // A session id that names no session at all.
    const { order: unknown } = await order([sonLa.productId], "cod", { liveSessionId: "0".repeat(26) });
    expect(unknown.liveSessionId).toBeUndefined();
  });

  it("credits an order to the producer's session on air", async () => {
    const before = await summary(sessions.genuine, sonLa.seller);
    const { order: placed } = await order([sonLa.productId, haNoi.productId], "cod", {
      liveSessionId: sessions.genuine,
    });
    expect(placed.liveSessionId).toBe(sessions.genuine);
    expect(await liveOrders(sessions.genuine, sonLa.seller)).toContainEqual(
      expect.objectContaining({ orderId: placed.orderId, buyer: "Hoàng Thị Mai" }),
    );
    expect((await summary(sessions.genuine, sonLa.seller)).orders).toBe(before.orders + 1);
  });
});
