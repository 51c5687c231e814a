/**
 * Just enough of Stripe's API for the real `stripe` SDK (pointed here with host/port/protocol) to take card
 * payments in VND: PaymentIntents (create, retrieve, cancel) and refunds, with Stripe's form-encoded requests,
 * bearer test keys, Idempotency-Key replays and JSON error shape. Tests move intents with `succeed`/`fail`,
 * which build the matching events, and `deliver` them to a webhook signed exactly as Stripe signs them.
 * Nothing here talks to Stripe.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { listen, readText } from "./fake-server";

/** The part of the real SDK used to sign webhook deliveries. */
interface StripeWebhooks {
  generateTestHeaderString(opts: { payload: string; secret: string; timestamp?: number }): string;
}

// The SDK is a dependency of @cho-ocop/core, not of the testkit: load it from there, so that signatures are
// made by the very code that verifies them in the app.
const fromCore = createRequire(createRequire(import.meta.url).resolve("@cho-ocop/core/payment/card"));
const StripeSdk = fromCore("stripe") as { webhooks: StripeWebhooks; API_VERSION?: string };

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded";

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  automatic_payment_methods: { enabled: boolean } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: "automatic_async";
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  last_payment_error: { type: string; code: string; decline_code: string; message: string } | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: null;
  payment_method: string | null;
  payment_method_types: string[];
  status: PaymentIntentStatus;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  charge: string | null;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  status: "succeeded";
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: PaymentIntent };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
}

export interface FakeStripeRequest {
  method: string;
  path: string;
  /** The form body decoded into Stripe's nested parameters (`metadata[orderId]` → `{ metadata: { orderId } }`). */
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  status: number;
  /** The answer was the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export interface DeliverOptions {
  /** Our webhook endpoint. */
  url: string;
  /** The endpoint's signing secret (`whsec_…`): the delivery is signed with it by the real SDK. */
  secret: string;
  /** Sign as of this Unix time (default now): an old timestamp is a replayed delivery. */
  timestamp?: number;
  /** Use exactly this `stripe-signature` header instead of signing; `null` sends none. */
  signature?: string | null;
  /** Change the body after signing it, as a forger would. */
  tamper?: (payload: string) => string;
  /** How to send it (default `fetch`): e.g. `(url, init) => app.request(url, init)` for an in-process app. */
  fetch?: (url: string, init: RequestInit) => Response | Promise<Response>;
}

export interface FakeStripeOptions {
  /** Accept only this secret key (default: any `sk_test_…` key). */
  secretKey?: string;
  log?: (line: string) => void;
}

export interface FakeStripe {
  url: string;
  requests: FakeStripeRequest[];
  intents: Map<string, PaymentIntent>;
  refunds: Refund[];
  /** Every event built by `succeed`, `fail` and cancellations, oldest first. */
  events: StripeEvent[];
  /** The shopper's card payment goes through: the intent succeeds; returns `payment_intent.succeeded`. */
  succeed(intentId: string): StripeEvent;
  /** The card is declined: the intent asks for another payment method; returns `payment_intent.payment_failed`. */
  fail(intentId: string): StripeEvent;
  /** The next `times` requests to `route` ("POST /v1/refunds") answer 500, as in an outage (the SDK retries 500s). */
  breakNext(route: string, times?: number): void;
  /** POSTs the event to a webhook endpoint as Stripe does, signed with the real SDK; returns the response. */
  deliver(event: StripeEvent, options: DeliverOptions): Promise<Response>;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
type Stored = { fingerprint: string; reply: Reply };

class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: { type: string; message: string; code?: string; param?: string },
  ) {
    super(error.message);
  }
}

const invalid = (message: string, code?: string, param?: string, status = 400) =>
  new StripeFailure(status, { type: "invalid_request_error", message, code, param });

const CANCELLABLE: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];
const CONFIRMABLE: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
];

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const log = options.log ?? (() => {});
  const requests: FakeStripeRequest[] = [];
  const intents = new Map<string, PaymentIntent>();
  const refunds: Refund[] = [];
  const events: StripeEvent[] = [];
  const idempotent = new Map<string, Stored>();
  const broken = new Map<string, number>();
  let apiVersion = StripeSdk.API_VERSION ?? "2026-10-28.endive";

  function event(type: string, intent: PaymentIntent): StripeEvent {
    const e: StripeEvent = {
      id: `evt_${token(24)}`,
      object: "event",
      api_version: apiVersion,
      created: now(),
      data: { object: structuredClone(intent) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.push(e);
    return e;
  }

  function intentOf(id: string, param?: string): PaymentIntent {
    const intent = intents.get(id);
    if (!intent) throw invalid(`No such payment_intent: '${id}'`, "resource_missing", param ?? "intent", 404);
    return intent;
  }

  function createIntent(params: Record<string, unknown>): Reply {
    const amount = integer(params.amount, "amount");
    const currency = text(params.currency, "currency").toLowerCase();
    if (currency !== "vnd") {
      throw invalid(
        `This fake takes only VND (a zero-decimal currency), not '${currency}'.`,
        "parameter_invalid",
        "currency",
      );
    }
    if (amount < 1) throw invalid("Amount must be at least 1 ₫ vnd", "amount_too_small", "amount");
    const metadata = strings(params.metadata, "metadata");
    const automatic = params.automatic_payment_methods as Record<string, unknown> | undefined;
    const id = `pi_${token(24)}`;
    const intent: PaymentIntent = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: automatic ? { enabled: automatic.enabled === "true" } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: "automatic_async",
      client_secret: `${id}_secret_${token(25)}`,
      confirmation_method: "automatic",
      created: now(),
      currency,
      customer: null,
      description: typeof params.description === "string" ? params.description : null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata,
      next_action: null,
      payment_method: null,
      payment_method_types: ["card"],
      status: "requires_payment_method",
    };
    intents.set(id, intent);
    return { status: 200, body: intent };
  }

  function cancelIntent(id: string, params: Record<string, unknown>): Reply {
    const intent = intentOf(id);
    if (!CANCELLABLE.includes(intent.status)) {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELLABLE.join(", ")}.`,
        "payment_intent_unexpected_state",
      );
    }
    intent.status = "canceled";
    intent.canceled_at = now();
    intent.cancellation_reason = typeof params.cancellation_reason === "string" ? params.cancellation_reason : null;
    event("payment_intent.canceled", intent);
    return { status: 200, body: intent };
  }

  function createRefund(params: Record<string, unknown>): Reply {
    const id = text(params.payment_intent, "payment_intent");
    const intent = intentOf(id, "payment_intent");
    if (intent.status !== "succeeded") {
      throw invalid(
        `This PaymentIntent (${id}) does not have a successful charge to refund.`,
        "charge_not_refundable",
        "payment_intent",
      );
    }
    const refunded = refunds.filter((r) => r.payment_intent === id).reduce((n, r) => n + r.amount, 0);
    const left = intent.amount_received - refunded;
    if (left <= 0)
      throw invalid(`Charge ${intent.latest_charge} has already been refunded.`, "charge_already_refunded");
    const amount = params.amount === undefined ? left : integer(params.amount, "amount");
    if (amount < 1 || amount > left) {
      throw invalid(
        `Refund amount (${amount} ₫) is greater than unrefunded amount on charge (${left} ₫)`,
        "amount_too_large",
        "amount",
      );
    }
    const refund: Refund = {
      id: `re_${token(24)}`,
      object: "refund",
      amount,
      charge: intent.latest_charge,
      created: now(),
      currency: intent.currency,
      metadata: strings(params.metadata, "metadata"),
      payment_intent: id,
      reason: typeof params.reason === "string" ? params.reason : null,
      status: "succeeded",
    };
    refunds.push(refund);
    return { status: 200, body: refund };
  }

  /** Routes a request whose parameters are valid; throws StripeFailure otherwise. */
  function route(method: string, path: string, params: Record<string, unknown>): Reply {
    if (method === "POST" && path === "/v1/payment_intents") return createIntent(params);
    if (method === "POST" && path === "/v1/refunds") return createRefund(params);
    const one = /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/.exec(path);
    if (one?.[1] && method === "GET") return { status: 200, body: intentOf(one[1]) };
    const cancel = /^\/v1\/payment_intents\/([A-Za-z0-9_]+)\/cancel$/.exec(path);
    if (cancel?.[1] && method === "POST") return cancelIntent(cancel[1], params);
    throw invalid(
      `Unrecognized request URL (${method}: ${path}). This fake Stripe answers payment_intents and refunds only.`,
      undefined,
      undefined,
      404,
    );
  }

  function answer(req: IncomingMessage, body: string): FakeStripeRequest & { reply: Reply } {
    const url = new URL(req.url ?? "/", "http://fake-stripe");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const params = decodeForm(method === "GET" ? url.search.slice(1) : body);
    const idempotencyKey = header(req, "idempotency-key");
    const stripeVersion = header(req, "stripe-version");
    if (stripeVersion) apiVersion = stripeVersion;
    const seen = { method, path, params, idempotencyKey, stripeVersion, replayed: false };

    const auth = header(req, "authorization") ?? "";
    const key = /^Bearer (\S+)$/.exec(auth)?.[1];
    if (!key) {
      return fail(
        seen,
        invalid(
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
          undefined,
          undefined,
          401,
        ),
      );
    }
    if (!key.startsWith("sk_test_") || (options.secretKey !== undefined && key !== options.secretKey)) {
      return fail(seen, invalid(`Invalid API Key provided: ${redact(key)}`, "api_key_invalid", undefined, 401));
    }

    const routeName = `${method} ${path}`;
    const breaks = broken.get(routeName) ?? 0;
    if (breaks > 0) {
      broken.set(routeName, breaks - 1);
      return {
        ...seen,
        status: 500,
        reply: {
          status: 500,
          body: { error: { type: "api_error", message: "An unknown error occurred (fake outage)." } },
        },
      };
    }

    // An outage (above) answers before any of this, like Stripe's edge: nothing is kept for its key.
    // Stripe keeps the answer to a POST with an Idempotency-Key once it started executing, and replays it for the
    // same parameters; other parameters with the same key are an error. Invalid parameters are not kept.
    const fingerprint = `${routeName} ${canonical(params)}`;
    if (method === "POST" && idempotencyKey) {
      const stored = idempotent.get(idempotencyKey);
      if (stored && stored.fingerprint !== fingerprint) {
        return fail(
          seen,
          new StripeFailure(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          }),
        );
      }
      if (stored) {
        const reply = { ...stored.reply, headers: { ...stored.reply.headers, "idempotent-replayed": "true" } };
        return { ...seen, replayed: true, status: reply.status, reply };
      }
    }
    let reply: Reply;
    try {
      reply = route(method, path, params);
      reply = { ...reply, body: structuredClone(reply.body) };
    } catch (err) {
      if (!(err instanceof StripeFailure)) throw err;
      reply = { status: err.status, body: { error: errorBody(err) } };
      if (
        err.error.code === "parameter_missing" ||
        err.error.code?.startsWith("parameter_invalid") ||
        err.status === 404
      ) {
        return { ...seen, status: reply.status, reply };
      }
    }
    if (method === "POST" && idempotencyKey) idempotent.set(idempotencyKey, { fingerprint, reply });
    return { ...seen, status: reply.status, reply };
  }

  function fail(seen: Omit<FakeStripeRequest, "status">, err: StripeFailure) {
    return { ...seen, status: err.status, reply: { status: err.status, body: { error: errorBody(err) } } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readText(req);
    const { reply, ...request } = answer(req, body);
    requests.push(request);
    log(`${request.status} ${request.method} ${request.path}${request.replayed ? " (replayed)" : ""}`);
    res.writeHead(reply.status, {
      "content-type": "application/json",
      "request-id": `req_${token(14)}`,
      "stripe-version": apiVersion,
      ...reply.headers,
    });
    res.end(JSON.stringify(reply.body, null, 2));
  }

  const server = await listen((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`fake-stripe failed: ${String(e)}`);
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: String(e) } }));
    });
  });

  function confirmable(intentId: string, outcome: string) {
    const intent = intents.get(intentId);
    if (!intent) throw new Error(`fake-stripe: no PaymentIntent ${intentId}`);
    if (!CONFIRMABLE.includes(intent.status)) {
      throw new Error(`fake-stripe: a PaymentIntent that is ${intent.status} cannot be ${outcome}`);
    }
    return intent;
  }

  return {
    url: server.url,
    requests,
    intents,
    refunds,
    events,
    succeed(intentId) {
      const intent = confirmable(intentId, "paid");
      intent.status = "succeeded";
      intent.amount_received = intent.amount;
      intent.latest_charge = `ch_${token(24)}`;
      intent.payment_method = `pm_${token(24)}`;
      intent.last_payment_error = null;
      return event("payment_intent.succeeded", intent);
    },
    fail(intentId) {
      const intent = confirmable(intentId, "declined");
      intent.status = "requires_payment_method";
      intent.payment_method = null;
      intent.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
      };
      return event("payment_intent.payment_failed", intent);
    },
    breakNext(routeName, times = 1) {
      broken.set(routeName, (broken.get(routeName) ?? 0) + times);
    },
    async deliver(e, { url, secret, timestamp, signature, tamper, fetch: send = fetch }) {
      const payload = JSON.stringify(e, null, 2);
      const headers: Record<string, string> = {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      };
      const signed =
        signature === undefined
          ? StripeSdk.webhooks.generateTestHeaderString({ payload, secret, timestamp })
          : signature;
      if (signed !== null) headers["stripe-signature"] = signed;
      return send(url, { method: "POST", headers, body: tamper ? tamper(payload) : payload });
    },
    close: server.close,
  };
}

/** Stripe's nested form encoding: `a[b]=1&a[c][d]=2&list[0]=x&list[]=y`. */
export function decodeForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const [head = "", ...rest] = name.split("[");
    const keys = [head, ...rest.map((k) => k.replace(/\]$/, ""))];
    let node: Record<string, unknown> = out;
    keys.forEach((k, i) => {
      const key = k === "" ? String(Object.keys(node).length) : k;
      if (i === keys.length - 1) {
        node[key] = value;
        return;
      }
      if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    });
  }
  return out;
}

function integer(value: unknown, param: string): number {
  if (value === undefined || value === "")
    throw invalid(`Missing required param: ${param}.`, "parameter_missing", param);
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
    throw invalid(`Invalid integer: ${String(value)}`, "parameter_invalid_integer", param);
  }
  return Number(value);
}

function text(value: unknown, param: string): string {
  if (value === undefined || value === "")
    throw invalid(`Missing required param: ${param}.`, "parameter_missing", param);
  if (typeof value !== "string")
    throw invalid(`Invalid string: ${JSON.stringify(value)}`, "parameter_invalid_string", param);
  return value;
}

function strings(value: unknown, param: string): Record<string, string> {
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || value === null) {
    throw invalid(`Invalid object: ${param} must be a hash`, "parameter_invalid_object", param);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function errorBody(err: StripeFailure) {
  const { type, message, code, param } = err.error;
  return {
    type,
    message,
    ...(code ? { code, doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}` } : {}),
    ...(param ? { param } : {}),
  };
}

function canonical(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function token(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

const now = () => Math.floor(Date.now() / 1000);

const redact = (key: string) => (key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(8)}${key.slice(-4)}` : key);
