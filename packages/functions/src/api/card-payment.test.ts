import { OutboxEntity } from "@cho-ocop/core/message/index";
import { Order } from "@cho-ocop/core/order/index";
import { type CardGateway, cardGateway, StripeGateway, useCardGateway } from "@cho-ocop/core/payment/card";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeStripe, type StripeEvent, startFakeStripe } from "../../../testkit/src/fake-stripe";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { configFromEnv } from "../adapters/config";
import { app } from "./app";

const SECRET_KEY = "sk_test_choocop_0123456789abcdef";
const WEBHOOK_SECRET = "whsec_choocop_test_0123456789abcdef";
const PUBLISHABLE_KEY = "pk_test_choocop_0123456789abcdef";
const WEBHOOK = "http://localhost/api/webhooks/stripe";

interface OrderView {
  orderId: string;
  code: string;
  status: string;
  paymentMethod: string;
  paymentStatus: string;
  paymentIntentId?: string;
  paymentError?: string;
  cancelReason?: string;
  totalVnd: number;
  payBy?: string;
  createdAt: string;
  fulfilments: Array<{ producerId: string; status: string; history: Array<{ status: string }> }>;
  payment: null | { method: string };
}
interface Placed {
  order: OrderView;
  clientSecret: string | null;
}
interface Buyer {
  token: string;
  phone: string;
  order: OrderView;
  clientSecret: string;
  intentId: string;
}

let fake: FakeStripe;
let gateway: StripeGateway;
let configured: CardGateway | null;
let productId = "";
let seller = "";
let province = "";
let ward = "";

/**
 * Other test files sweep unpaid orders with `Order.expireUnpaid(new Date(Date.now() + 31 * 60_000))` in the same
 * database. Orders here are placed six hours ahead, so that their 30 minutes outlast any such sweep; the expiry test
 * places its orders three hours back, so that its own sweep reaches them and nobody else's. Only Date moves.
 */
const LATER = 6 * 3_600_000;
const EARLIER = -3 * 3_600_000;

async function at<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + offsetMs });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/**
 * Runs `fn` with the card gateway the expiry job composes from its environment (stacks/Jobs.ts): the Stripe key, and
 * no webhook secret, which only the API verifies with.
 */
async function asTheJob<T>(fn: () => Promise<T>): Promise<T> {
  const cards = configFromEnv({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_API_URL: fake.url }).stripe;
  expect(cards, "cards on with the key alone").toBeDefined();
  expect(cards?.webhookSecret).toBeUndefined();
  const api = cardGateway();
  useCardGateway(new StripeGateway(SECRET_KEY, cards?.webhookSecret, cards?.publishableKey ?? "", cards?.apiUrl));
  try {
    return await fn();
  } finally {
    useCardGateway(api);
  }
}

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET_KEY });
  gateway = new StripeGateway(SECRET_KEY, WEBHOOK_SECRET, PUBLISHABLE_KEY, fake.url);
  configured = cardGateway();
  useCardGateway(gateway);

  // A product of our own, so that its stock moves only with the orders placed here.
  seller = await tokenFor();
  province = await tokenFor({ role: "staff", staffScope: SON_LA });
  ward = await sonLaWard();
  const producer = await call("POST", "/api/seller/producer", {
    token: seller,
    body: producerInput(ward, "HTX Chè Thẻ Thử Nghiệm"),
  });
  expect(producer.status).toBe(201);
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: { ...productInput("Chè búp thanh toán thẻ thử nghiệm"), priceVnd: 187_000, stock: 200 },
  });
  expect(created.status).toBe(201);
  productId = created.body.productId;
  await call("POST", `/api/seller/products/${productId}/submit`, {
    token: seller,
    body: { certificate: certificateInput(4) },
  });
  expect((await call("POST", `/api/admin/products/${productId}/approve`, { token: province })).status).toBe(200);
});

afterAll(async () => {
  useCardGateway(configured);
  await fake?.close();
});

const address = (to: string) => ({
  name: "Lò Thị Hoa",
  phone: to,
  provinceCode: SON_LA,
  wardCode: ward,
  street: "Tổ 3, phường Chiềng Lề",
});

const newKey = () => `card-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

async function stock(): Promise<number> {
  const res = await call<{ stock: number }>("GET", `/api/products/${productId}`);
  expect(res.status).toBe(200);
  return res.body.stock;
}

/** A new shopper puts `quantity` of our product in the cart and places a card order. */
async function placeCardOrder(quantity = 1, offset = LATER): Promise<Buyer> {
  const token = await tokenFor();
  const to = phone();
  const added = await call("POST", "/api/cart/items", { token, body: { productId, quantity } });
  expect(added.status).toBe(201);
  const placed = await at(offset, () =>
    call<Placed>("POST", "/api/orders", {
      token,
      headers: { "idempotency-key": newKey() },
      body: { address: address(to), paymentMethod: "card" },
    }),
  );
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  const { order, clientSecret } = placed.body;
  expect(clientSecret).toEqual(expect.any(String));
  expect(order.paymentIntentId).toMatch(/^pi_/);
  return { token, phone: to, order, clientSecret: clientSecret ?? "", intentId: order.paymentIntentId ?? "" };
}

async function orderOf(buyer: Buyer) {
  const res = await call<OrderView>("GET", `/api/orders/${buyer.order.orderId}`, { token: buyer.token });
  expect(res.status).toBe(200);
  return res.body;
}

/** Delivers the event to our webhook as Stripe would (signed with the endpoint's secret unless told otherwise). */
async function deliver(event: StripeEvent, options: Partial<Parameters<FakeStripe["deliver"]>[1]> = {}) {
  const res = await fake.deliver(event, {
    url: WEBHOOK,
    secret: WEBHOOK_SECRET,
    fetch: (url, init) => app.request(url, init),
    ...options,
  });
  return { status: res.status, body: (await res.json()) as { received?: boolean; handled?: boolean; error?: unknown } };
}

/** SMS the buyer received about this order containing `text`. */
/**
 * The texts a buyer got. The whole outbox: the expiry test's are dated three hours back (their ids too), behind the
 * thousands the rest of the suite sends meanwhile, so a window of the newest would miss them.
 */
async function texts(buyer: Buyer, text: string) {
  const { data: recent } = await OutboxEntity.query.recent({ box: "outbox" }).go({ pages: "all" });
  return recent.filter((m) => m.to === `+84${buyer.phone.slice(1)}` && m.text.includes(text));
}

const intentRequests = (orderId: string) =>
  fake.requests.filter(
    (r) =>
      r.method === "POST" &&
      r.path === "/v1/payment_intents" &&
      (r.params.metadata as Record<string, string> | undefined)?.orderId === orderId,
  );

describe("card payments through Stripe (a local fake speaking its API)", () => {
  it("offers card at checkout with the publishable key only when Stripe is configured", async () => {
    const offered = await call<{ methods: string[]; cardPublishableKey: string | null }>(
      "GET",
      "/api/checkout/options",
    );
    expect(offered.body.methods).toContain("card");
    expect(offered.body.cardPublishableKey).toBe(PUBLISHABLE_KEY);

    const token = await tokenFor();
    await call("POST", "/api/cart/items", { token, body: { productId, quantity: 1 } });
    const before = await stock();
    const requests = fake.requests.length;
    useCardGateway(null);
    try {
      const without = await call<{ methods: string[]; cardPublishableKey: string | null }>(
        "GET",
        "/api/checkout/options",
      );
      expect(without.body.methods).toEqual(["cod", "vietqr"]);
      expect(without.body.cardPublishableKey).toBeNull();
      const refused = await call("POST", "/api/orders", {
        token,
        headers: { "idempotency-key": newKey() },
        body: { address: address(phone()), paymentMethod: "card" },
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: "payment_unavailable", field: "paymentMethod" } });
    } finally {
      useCardGateway(gateway);
    }
    // Nothing happened: stock, cart and Stripe untouched.
    expect(await stock()).toBe(before);
    const cart = await call<{ lines: Array<{ productId?: string; quantity: number }> }>("GET", "/api/cart", { token });
    expect(cart.body.lines).toEqual([expect.objectContaining({ productId, quantity: 1 })]);
    expect(fake.requests.length).toBe(requests);
  });

  it("places a card order waiting for payment, holding stock, with a PaymentIntent for its total in VND", async () => {
    const before = await stock();
    const buyer = await placeCardOrder(3);
    const { order } = buyer;
    expect(order).toMatchObject({ status: "pending_payment", paymentMethod: "card", paymentStatus: "pending" });
    expect(Date.parse(order.payBy ?? "") - Date.parse(order.createdAt)).toBe(30 * 60_000);
    expect(order.fulfilments.map((f) => f.status)).toEqual(["pending_payment"]);
    expect(await stock()).toBe(before - 3);

    // VND is zero-decimal at Stripe: the amount is the order's integer đồng, not ×100.
    const intent = fake.intents.get(buyer.intentId);
    expect(intent).toMatchObject({
      amount: order.totalVnd,
      currency: "vnd",
      status: "requires_payment_method",
      metadata: { orderId: order.orderId, code: order.code },
      automatic_payment_methods: { enabled: true },
    });
    expect(Number.isInteger(intent?.amount)).toBe(true);
    expect(order.totalVnd).toBeGreaterThanOrEqual(3 * 187_000);
    expect(intent?.description).toContain(order.code);
    expect(buyer.clientSecret).toBe(intent?.client_secret);
    expect(buyer.clientSecret).toMatch(/^pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/);
    const [created] = intentRequests(order.orderId);
    expect(created).toMatchObject({
      idempotencyKey: `order-${order.orderId}`,
      params: { amount: String(order.totalVnd), currency: "vnd" },
      status: 200,
    });

    // The order as the buyer reads it names the intent but never carries the secret.
    const view = await orderOf(buyer);
    expect(view.payment).toMatchObject({ method: "card" });
    expect(JSON.stringify(view)).not.toContain("_secret_");

    // Reloading the payment page: the same secret for the same intent, to the buyer only.
    const again = await call<{ clientSecret: string; publishableKey: string }>(
      "POST",
      `/api/orders/${order.orderId}/card`,
      { token: buyer.token },
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ clientSecret: buyer.clientSecret, publishableKey: PUBLISHABLE_KEY });
    const stranger = await call("POST", `/api/orders/${order.orderId}/card`, { token: await tokenFor() });
    expect(stranger.status).toBe(403);
    expect(JSON.stringify(stranger.body)).not.toContain("_secret_");
    expect(await stock()).toBe(before - 3);
    expect(new Set([...fake.intents.values()].filter((i) => i.metadata.orderId === order.orderId))).toHaveProperty(
      "size",
      1,
    );
    expect(intentRequests(order.orderId).map((r) => r.replayed)).toEqual([false, true]);
  });

  it("refuses webhooks that are unsigned, forged, signed with another secret or replayed late; nothing changes", async () => {
    const buyer = await placeCardOrder();
    const paid = fake.succeed(buyer.intentId);
    const attempts: Array<[string, Parameters<typeof deliver>[1]]> = [
      ["unsigned", { signature: null }],
      ["made-up signature", { signature: `t=${Math.floor(Date.now() / 1000)},v1=${"ab".repeat(32)}` }],
      ["another secret", { secret: "whsec_someone_else_0123456789" }],
      ["body changed after signing", { tamper: (p) => p.replace(buyer.intentId, `${buyer.intentId}x`) }],
      ["signed 10 minutes ago", { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ];
    for (const [what, options] of attempts) {
      const res = await deliver(paid, options);
      expect(res.status, what).toBe(400);
      expect(res.body, what).toMatchObject({ error: { code: expect.any(String) } });
      expect(res.body.received, what).toBeUndefined();
    }
    const view = await orderOf(buyer);
    expect(view).toMatchObject({ status: "pending_payment", paymentStatus: "pending" });
    expect(view.fulfilments.map((f) => f.status)).toEqual(["pending_payment"]);
    expect(await texts(buyer, "đã được thanh toán")).toHaveLength(0);

    // The very same event, properly signed, is taken.
    expect((await deliver(paid)).body).toEqual({ received: true, handled: true });
    expect((await orderOf(buyer)).status).toBe("confirmed");
  });

  it("only the order's own PaymentIntent pays it, whatever the metadata of another says", async () => {
    const buyer = await placeCardOrder();
    // Another intent on the same Stripe account naming our order (e.g. created by hand in the dashboard).
    const res = await fetch(`${fake.url}/v1/payment_intents`, {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ amount: "1000", currency: "vnd", "metadata[orderId]": buyer.order.orderId }),
    });
    const other = (await res.json()) as { id: string };
    const reply = await deliver(fake.succeed(other.id));
    expect(reply).toEqual({ status: 200, body: { received: true, handled: false } });
    expect(await orderOf(buyer)).toMatchObject({ status: "pending_payment", paymentStatus: "pending" });
  });

  it("payment_intent.succeeded confirms the order once, however many times it is delivered", async () => {
    const before = await stock();
    const buyer = await placeCardOrder(2);
    const paid = fake.succeed(buyer.intentId);

    const first = await deliver(paid);
    expect(first).toEqual({ status: 200, body: { received: true, handled: true } });
    const view = await orderOf(buyer);
    expect(view).toMatchObject({ status: "confirmed", paymentStatus: "paid", payment: null });
    expect(view.fulfilments.map((f) => f.status)).toEqual(["confirmed"]);
    expect(view.fulfilments[0]?.history.map((h) => h.status)).toEqual(["pending_payment", "confirmed"]);

    // Stripe retries: again later, and twice at once.
    const again = await deliver(paid);
    expect(again).toEqual({ status: 200, body: { received: true, handled: false } });
    const together = await Promise.all([deliver(paid), deliver(paid)]);
    expect(together.map((r) => r.body)).toEqual([
      { received: true, handled: false },
      { received: true, handled: false },
    ]);
    expect(await texts(buyer, "đã được thanh toán")).toHaveLength(1);
    expect(await orderOf(buyer)).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(await stock()).toBe(before - 2);
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toEqual([]);
  });

  it("the first delivery of a succeeded event, even twice at once, confirms the order exactly once", async () => {
    const buyer = await placeCardOrder();
    const paid = fake.succeed(buyer.intentId);
    const replies = await Promise.all([deliver(paid), deliver(paid), deliver(paid)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.filter((r) => r.body.handled)).toHaveLength(1);
    expect(await orderOf(buyer)).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(await texts(buyer, "đã được thanh toán")).toHaveLength(1);
  });

  it("events out of order: a failure after the success leaves it paid; a success after a failure pays it", async () => {
    // A declined card, then a good one; Stripe delivers the success first.
    const late = await placeCardOrder();
    const declined = fake.fail(late.intentId);
    const paid = fake.succeed(late.intentId);
    expect((await deliver(paid)).body.handled).toBe(true);
    expect((await deliver(declined)).status).toBe(200);
    const view = await orderOf(late);
    expect(view).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(view.paymentError).toBeUndefined();
    expect(view.fulfilments.map((f) => f.status)).toEqual(["confirmed"]);

    // In order: the decline is recorded, the buyer may try again with the same intent, and the success pays it.
    const retry = await placeCardOrder();
    expect((await deliver(fake.fail(retry.intentId))).status).toBe(200);
    expect(await orderOf(retry)).toMatchObject({
      status: "pending_payment",
      paymentStatus: "failed",
      paymentError: "card declined",
    });
    const secret = await call<{ clientSecret: string }>("POST", `/api/orders/${retry.order.orderId}/card`, {
      token: retry.token,
    });
    expect(secret.body.clientSecret).toBe(retry.clientSecret);
    expect((await deliver(fake.succeed(retry.intentId))).body.handled).toBe(true);
    const settled = await orderOf(retry);
    expect(settled).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(settled.paymentError).toBeUndefined();
    expect(await texts(retry, "đã được thanh toán")).toHaveLength(1);
  });

  it("the browser cannot mark a card order paid: only a verified Stripe event does", async () => {
    const buyer = await placeCardOrder();
    const path = `/api/orders/${buyer.order.orderId}`;
    expect((await call("POST", `${path}/confirm-transfer`, { token: buyer.token })).status).toBe(403);
    // Not even the seller or programme staff: a card order is not a bank transfer.
    for (const token of [seller, province]) {
      const res = await call("POST", `${path}/confirm-transfer`, { token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: "not_payable" } });
    }
    // What the browser might send is not read: no payment fields on placing, no route to set them.
    const sneaky = await tokenFor();
    await call("POST", "/api/cart/items", { token: sneaky, body: { productId, quantity: 1 } });
    const placed = await at(LATER, () =>
      call<Placed>("POST", "/api/orders", {
        token: sneaky,
        headers: { "idempotency-key": newKey() },
        body: {
          address: address(phone()),
          paymentMethod: "card",
          paymentStatus: "paid",
          status: "confirmed",
        },
      }),
    );
    expect(placed.body.order).toMatchObject({ status: "pending_payment", paymentStatus: "pending" });
    for (const [method, url] of [
      ["PATCH", path],
      ["PUT", path],
      ["POST", `${path}/pay`],
      ["POST", `${path}/confirm`],
    ] as const) {
      const res = await call(method, url, { token: buyer.token, body: { status: "confirmed", paymentStatus: "paid" } });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    expect(await orderOf(buyer)).toMatchObject({ status: "pending_payment", paymentStatus: "pending" });
    expect(await texts(buyer, "đã được thanh toán")).toHaveLength(0);
  });

  it("cancelling a paid card order refunds it once at Stripe and gives the stock back", async () => {
    const before = await stock();
    const buyer = await placeCardOrder(2);
    expect((await deliver(fake.succeed(buyer.intentId))).body.handled).toBe(true);
    expect(await stock()).toBe(before - 2);

    const cancelled = await call<OrderView>("POST", `/api/orders/${buyer.order.orderId}/cancel`, {
      token: buyer.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(cancelled.body.fulfilments.map((f) => f.status)).toEqual(["cancelled"]);
    expect(await stock()).toBe(before);
    const refunds = fake.refunds.filter((r) => r.payment_intent === buyer.intentId);
    expect(refunds).toEqual([
      expect.objectContaining({ object: "refund", amount: buyer.order.totalVnd, currency: "vnd", status: "succeeded" }),
    ]);
    expect(
      fake.requests.find((r) => r.path === "/v1/refunds" && r.params.payment_intent === buyer.intentId),
    ).toMatchObject({ idempotencyKey: `refund-${buyer.intentId}` });
    expect(await texts(buyer, "đã hoàn")).toHaveLength(1);

    // Cancelling again changes nothing and refunds nothing more.
    expect((await call("POST", `/api/orders/${buyer.order.orderId}/cancel`, { token: buyer.token })).status).toBe(409);
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toHaveLength(1);
    expect(await stock()).toBe(before);
  });

  it("cancelling an unpaid card order cancels its PaymentIntent at Stripe and gives the stock back", async () => {
    const before = await stock();
    const buyer = await placeCardOrder(4);
    expect(await stock()).toBe(before - 4);
    const cancelled = await call<OrderView>("POST", `/api/orders/${buyer.order.orderId}/cancel`, {
      token: buyer.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", paymentStatus: "pending" });
    expect(await stock()).toBe(before);
    expect(fake.intents.get(buyer.intentId)?.status).toBe("canceled");
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toEqual([]);
    const secret = await call("POST", `/api/orders/${buyer.order.orderId}/card`, { token: buyer.token });
    expect(secret.status).toBe(409);
  });

  it("unpaid past 30 minutes: the order is cancelled with its intent; a payment that lands after is refunded", async () => {
    const before = await stock();
    // Both placed three hours back; `b` pays at Stripe just before the sweep, but the webhook arrives after it.
    const a = await placeCardOrder(1, EARLIER);
    const b = await placeCardOrder(2, EARLIER);
    expect(await stock()).toBe(before - 3);
    const paidLate = fake.succeed(b.intentId);

    const notYet = await at(EARLIER, () => asTheJob(() => Order.expireUnpaid(new Date(Date.now() + 29 * 60_000))));
    expect(notYet).not.toContain(a.order.orderId);
    const expired = await at(EARLIER, () => asTheJob(() => Order.expireUnpaid(new Date(Date.now() + 31 * 60_000))));
    expect(expired).toEqual(expect.arrayContaining([a.order.orderId, b.order.orderId]));

    expect(await orderOf(a)).toMatchObject({ status: "cancelled", cancelReason: "expired", paymentStatus: "pending" });
    expect(fake.intents.get(a.intentId)?.status).toBe("canceled");
    expect(await texts(a, "quá hạn thanh toán")).toHaveLength(1);
    expect(await orderOf(b)).toMatchObject({ status: "cancelled", cancelReason: "expired" });
    // Stripe refused to cancel b's intent: it had succeeded.
    expect(fake.requests.find((r) => r.path === `/v1/payment_intents/${b.intentId}/cancel`)?.status).toBe(400);
    expect(await stock()).toBe(before);

    const late = await deliver(paidLate);
    expect(late).toEqual({ status: 200, body: { received: true, handled: true } });
    expect(await orderOf(b)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(fake.refunds.filter((r) => r.payment_intent === b.intentId)).toEqual([
      expect.objectContaining({ amount: b.order.totalVnd }),
    ]);
    expect(await texts(b, "đã hoàn")).toHaveLength(1);
    expect(await texts(b, "đã được thanh toán")).toHaveLength(0);
    // The stock went back once, with the expiry.
    expect(await stock()).toBe(before);

    expect((await deliver(paidLate)).body.handled).toBe(false);
    expect(fake.refunds.filter((r) => r.payment_intent === b.intentId)).toHaveLength(1);
  });

  it("a late payment whose refund fails at Stripe is refunded when Stripe delivers the event again", async () => {
    const buyer = await placeCardOrder();
    const paidLate = fake.succeed(buyer.intentId);
    // Cancelled by its buyer just as the payment went through.
    const cancelled = await call<OrderView>("POST", `/api/orders/${buyer.order.orderId}/cancel`, {
      token: buyer.token,
    });
    expect(cancelled.body.status).toBe("cancelled");

    fake.breakNext("POST /v1/refunds", 3); // the first try and the SDK's two retries
    const failed = await deliver(paidLate);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toEqual([]);

    // Stripe retries a delivery that did not get a 2xx.
    const retried = await deliver(paidLate);
    expect(retried.status).toBe(200);
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toHaveLength(1);
    expect(await orderOf(buyer)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
  });

  it("a refund that fails at Stripe while cancelling a paid order is not lost: cancelling again refunds", async () => {
    const before = await stock();
    const buyer = await placeCardOrder(1);
    expect((await deliver(fake.succeed(buyer.intentId))).body.handled).toBe(true);

    fake.breakNext("POST /v1/refunds", 3);
    const first = await call<OrderView>("POST", `/api/orders/${buyer.order.orderId}/cancel`, { token: buyer.token });
    expect(first.status).toBeGreaterThanOrEqual(500);
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toEqual([]);

    const second = await call<OrderView>("POST", `/api/orders/${buyer.order.orderId}/cancel`, { token: buyer.token });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(fake.refunds.filter((r) => r.payment_intent === buyer.intentId)).toHaveLength(1);
    expect(await stock()).toBe(before);
  });
});
