import { StripeGateway } from "@cho-ocop/core/payment/card";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeForm, type FakeStripe, startFakeStripe } from "./fake-stripe";

const SECRET_KEY = "sk_test_fake_0123456789";
const WEBHOOK_SECRET = "whsec_fake_0123456789";

let fake: FakeStripe;
let gateway: StripeGateway;
beforeAll(async () => {
  fake = await startFakeStripe({ secretKey: SECRET_KEY });
  gateway = new StripeGateway(SECRET_KEY, WEBHOOK_SECRET, "pk_test_fake", fake.url);
});
afterAll(() => fake.close());

/** A raw form-encoded call, as the SDK makes it. */
async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${SECRET_KEY}`,
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams(form),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: Record<string, string> },
  };
}

/** A webhook endpoint verifying deliveries with the app's own gateway. */
async function endpoint(_url: string, init: RequestInit) {
  const signature = new Headers(init.headers).get("stripe-signature");
  try {
    const event = await gateway.verifyWebhook(String(init.body), signature ?? "");
    return Response.json({ id: event.id, type: event.type, object: event.object });
  } catch (err) {
    return Response.json({ error: String(err) }, { status: 400 });
  }
}

describe("fake Stripe", () => {
  it("serves the real SDK: a VND PaymentIntent, replayed for the same Idempotency-Key, then cancelled", async () => {
    const first = await gateway.createIntent({ orderId: "01order", code: "DH12345678", amountVnd: 250_000 });
    expect(first.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(first.clientSecret).toMatch(new RegExp(`^${first.id}_secret_[A-Za-z0-9]+$`));
    expect(fake.intents.get(first.id)).toMatchObject({
      object: "payment_intent",
      amount: 250_000,
      currency: "vnd",
      status: "requires_payment_method",
      metadata: { orderId: "01order", code: "DH12345678" },
      automatic_payment_methods: { enabled: true },
      description: "Chợ OCOP DH12345678",
      livemode: false,
    });
    expect(fake.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/v1/payment_intents",
      idempotencyKey: "order-01order",
      params: { amount: "250000", currency: "vnd", metadata: { orderId: "01order" } },
      stripeVersion: expect.any(String),
      replayed: false,
    });

    const again = await gateway.createIntent({ orderId: "01order", code: "DH12345678", amountVnd: 250_000 });
    expect(again).toEqual(first);
    expect(fake.requests.at(-1)?.replayed).toBe(true);
    expect(fake.intents.size).toBe(1);

    await gateway.cancelIntent(first.id);
    expect(fake.intents.get(first.id)).toMatchObject({ status: "canceled", canceled_at: expect.any(Number) });
    expect(() => fake.succeed(first.id)).toThrow(/canceled/);
    await expect(gateway.cancelIntent(first.id)).rejects.toThrow(/status of canceled/);
  });

  it("refunds only a succeeded intent, once, idempotently", async () => {
    const intent = await gateway.createIntent({ orderId: "02order", code: "DH2", amountVnd: 99_000 });
    const early = await post("/v1/refunds", { payment_intent: intent.id });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: "charge_not_refundable", param: "payment_intent" });
    fake.succeed(intent.id);
    const refund = await gateway.refund(intent.id);
    expect(refund).toEqual({ id: expect.stringMatching(/^re_/), status: "succeeded" });
    expect(await gateway.refund(intent.id)).toEqual(refund);
    expect(fake.refunds).toEqual([
      expect.objectContaining({ object: "refund", amount: 99_000, currency: "vnd", payment_intent: intent.id }),
    ]);
    const other = await post("/v1/refunds", { payment_intent: intent.id });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ type: "invalid_request_error", code: "charge_already_refunded" });
  });

  it("keeps the answer to a request that started executing, errors included, for its Idempotency-Key", async () => {
    const intent = await gateway.createIntent({ orderId: "04order", code: "DH4", amountVnd: 10_000 });
    // As at Stripe: a refund tried before the payment went through keeps failing under the same key.
    await expect(gateway.refund(intent.id)).rejects.toThrow(/does not have a successful charge/);
    fake.succeed(intent.id);
    await expect(gateway.refund(intent.id)).rejects.toThrow(/does not have a successful charge/);
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/refunds", replayed: true, status: 400 });
    // Invalid parameters are not kept: the same key may be used again with good ones.
    const key = { "idempotency-key": "fixed-after-typo" };
    expect((await post("/v1/payment_intents", { amount: "1.5", currency: "vnd" }, key)).status).toBe(400);
    expect((await post("/v1/payment_intents", { amount: "15000", currency: "vnd" }, key)).status).toBe(200);
  });

  it("answers like Stripe to bad keys, bad amounts, other currencies and reused keys", async () => {
    const none = await fetch(`${fake.url}/v1/payment_intents/pi_x`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    const live = await post(
      "/v1/payment_intents",
      { amount: "1", currency: "vnd" },
      { authorization: "Bearer sk_live_x" },
    );
    expect(live.status).toBe(401);
    expect(live.body.error).toMatchObject({ code: "api_key_invalid" });

    const cases: Array<[Record<string, string>, string, string]> = [
      [{ currency: "vnd" }, "parameter_missing", "amount"],
      [{ amount: "250000.5", currency: "vnd" }, "parameter_invalid_integer", "amount"],
      [{ amount: "0", currency: "vnd" }, "amount_too_small", "amount"],
      [{ amount: "250000", currency: "usd" }, "parameter_invalid", "currency"],
    ];
    for (const [form, code, param] of cases) {
      const res = await post("/v1/payment_intents", form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.body.error, JSON.stringify(form)).toMatchObject({ type: "invalid_request_error", code, param });
    }

    const key = { "idempotency-key": "same-key-twice" };
    expect((await post("/v1/payment_intents", { amount: "1000", currency: "vnd" }, key)).status).toBe(200);
    const reused = await post("/v1/payment_intents", { amount: "2000", currency: "vnd" }, key);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({ type: "idempotency_error" });

    const missing = await fetch(`${fake.url}/v1/payment_intents/pi_nope`, {
      headers: { authorization: `Bearer ${SECRET_KEY}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "resource_missing" } });
  });

  it("builds events for succeed and fail, and delivers them signed as Stripe signs them", async () => {
    const intent = await gateway.createIntent({ orderId: "03order", code: "DH3", amountVnd: 120_000 });
    const failed = fake.fail(intent.id);
    expect(failed).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      object: "event",
      type: "payment_intent.payment_failed",
      livemode: false,
      api_version: expect.any(String),
      created: expect.any(Number),
      data: {
        object: { id: intent.id, status: "requires_payment_method", last_payment_error: { code: "card_declined" } },
      },
    });
    const paid = fake.succeed(intent.id);
    expect(paid.data.object).toMatchObject({ status: "succeeded", amount_received: 120_000 });
    // Each event keeps the intent as it was then.
    expect(failed.data.object.status).toBe("requires_payment_method");
    expect(() => fake.fail(intent.id)).toThrow(/succeeded/);

    const ok = await fake.deliver(paid, { url: "http://app/webhook", secret: WEBHOOK_SECRET, fetch: endpoint });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      id: paid.id,
      type: "payment_intent.succeeded",
      object: { id: intent.id, metadata: { orderId: "03order" } },
    });
    const bad = [
      { secret: "whsec_other" },
      { secret: WEBHOOK_SECRET, signature: null },
      { secret: WEBHOOK_SECRET, signature: "t=1,v1=00" },
      { secret: WEBHOOK_SECRET, tamper: (p: string) => p.replace("succeeded", "canceled") },
      { secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3_600 },
    ];
    for (const options of bad) {
      const res = await fake.deliver(paid, { url: "http://app/webhook", fetch: endpoint, ...options });
      expect(res.status, JSON.stringify(options)).toBe(400);
    }
  });

  it("can break a route for a while, as in an outage", async () => {
    fake.breakNext("POST /v1/payment_intents", 1);
    const res = await post("/v1/payment_intents", { amount: "1000", currency: "vnd" });
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ type: "api_error" });
    expect((await post("/v1/payment_intents", { amount: "1000", currency: "vnd" })).status).toBe(200);
  });

  it("decodes Stripe's nested form parameters", () => {
    expect(
      decodeForm("amount=5&metadata[orderId]=a&automatic_payment_methods[enabled]=true&expand[]=x&expand[]=y"),
    ).toEqual({
      amount: "5",
      metadata: { orderId: "a" },
      automatic_payment_methods: { enabled: "true" },
      expand: { 0: "x", 1: "y" },
    });
  });
});
