/**
 * The browser tests' server: `pnpm start`'s own start-up (DynamoDB Local, demo data, API and the built web app)
 * with card payments pointed at the local Stripe-compatible server of the testkit, so that checkout offers cards
 * without anything leaving the machine. Beside it, a small control endpoint lets a test do what Stripe would:
 *
 *   POST <control>/succeed?order=<orderId>   the order's PaymentIntent succeeds and the signed
 *                                           `payment_intent.succeeded` webhook is delivered to the server
 *
 * Where both listen is written to test-results/fake-stripe.json for the tests to read.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeStripe } from "../../packages/testkit/src/fake-stripe";
import { FAKE_STRIPE_FILE } from "./stripe-control";

const here = dirname(fileURLToPath(import.meta.url));

const SECRET_KEY = "sk_test_choocop_e2e_0123456789abcdef";
const WEBHOOK_SECRET = "whsec_choocop_e2e_0123456789abcdef";
const PUBLISHABLE_KEY = "pk_test_choocop_e2e_0123456789abcdef";
const port = Number(process.env.PORT ?? 3211);

const stripe = await startFakeStripe({ secretKey: SECRET_KEY });

const control = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://control");
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method !== "POST" || url.pathname !== "/succeed") return reply(404, { error: "POST /succeed?order=…" });
  const orderId = url.searchParams.get("order") ?? "";
  const intent = [...stripe.intents.values()].find(
    (i) => i.metadata.orderId === orderId && i.status !== "canceled" && i.status !== "succeeded",
  );
  if (!intent) return reply(404, { error: `no open PaymentIntent for order ${orderId}` });
  const event = stripe.succeed(intent.id);
  stripe
    .deliver(event, { url: `http://127.0.0.1:${port}/api/webhooks/stripe`, secret: WEBHOOK_SECRET })
    .then(async (delivered) =>
      reply(200, { intentId: intent.id, webhook: delivered.status, body: await delivered.text() }),
    )
    .catch((error: unknown) => reply(502, { error: String(error) }));
});
await new Promise<void>((listening) => control.listen(0, "127.0.0.1", listening));
const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

mkdirSync(dirname(FAKE_STRIPE_FILE), { recursive: true });
writeFileSync(FAKE_STRIPE_FILE, JSON.stringify({ stripe: stripe.url, control: controlUrl }));
console.log(`[e2e] fake Stripe on ${stripe.url}, its control on ${controlUrl}`);

const server = spawn(
  process.execPath,
  ["--import", "tsx", join(here, "../../packages/functions/src/local/start.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      STRIPE_API_URL: stripe.url,
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", async (code) => {
  control.close();
  await stripe.close();
  process.exit(code ?? 0);
});
