import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where e2e/serve.ts writes the addresses of the fake Stripe and of its control endpoint. */
export const FAKE_STRIPE_FILE = join(dirname(fileURLToPath(import.meta.url)), "../test-results/fake-stripe.json");

/**
 * What Stripe would do once the shopper's card is accepted: the order's PaymentIntent succeeds and the signed
 * `payment_intent.succeeded` webhook reaches the server. Returns the webhook's HTTP status.
 */
export async function cardPaymentSucceeds(orderId: string): Promise<number> {
  const { control } = JSON.parse(readFileSync(FAKE_STRIPE_FILE, "utf8")) as { control: string };
  const res = await fetch(`${control}/succeed?order=${orderId}`, { method: "POST" });
  const body = (await res.json()) as { webhook?: number; error?: string };
  if (!res.ok || body.webhook === undefined) throw new Error(`the fake Stripe could not pay ${orderId}: ${body.error}`);
  return body.webhook;
}
