/**
 * Stripe.js, loaded from Stripe itself (https://js.stripe.com/v3) as Stripe requires, only on the page that takes a
 * card. It may not load (no network, a blocker, Stripe down): then the promise fails within `timeoutMs` and the page
 * offers another way to pay. Nothing here marks an order paid: only Stripe's verified webhook does, on the server.
 */
export const STRIPE_JS_URL = "https://js.stripe.com/v3";
export const STRIPE_TIMEOUT_MS = 10_000;

export interface StripeElement {
  mount(target: HTMLElement): void;
  destroy(): void;
  on(event: "ready" | "change", handler: (e: { complete?: boolean }) => void): void;
}
export interface StripeElements {
  create(type: "payment", options?: Record<string, unknown>): StripeElement;
}
export interface StripeInstance {
  elements(options: { clientSecret: string; locale?: string; appearance?: Record<string, unknown> }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    confirmParams: { return_url: string };
    redirect?: "if_required";
  }): Promise<{ error?: { message?: string; type?: string }; paymentIntent?: { status: string } }>;
}
export type StripeFactory = (publishableKey: string, options?: { locale?: string }) => StripeInstance;

type WithStripe = { Stripe?: StripeFactory };

/**
 * Adds `<script src>` once and resolves with what `ready()` finds after it loads; rejects when the script fails,
 * when it loads without defining what was expected, or after `timeoutMs`. A failure forgets the attempt, so that
 * "try again" really tries again.
 */
export function scriptLoader<T>(src: string, ready: () => T | undefined, doc: Document = document) {
  let pending: Promise<T> | undefined;
  return (timeoutMs: number): Promise<T> => {
    const already = ready();
    if (already) return Promise.resolve(already);
    pending ??= new Promise<T>((resolve, reject) => {
      const script = doc.createElement("script");
      script.src = src;
      script.async = true;
      const timer = setTimeout(() => fail(new Error(`${src} did not load within ${timeoutMs} ms`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        script.onload = null;
        script.onerror = null;
      };
      function fail(error: Error) {
        done();
        script.remove();
        pending = undefined;
        reject(error);
      }
      script.onload = () => {
        const value = ready();
        if (value) {
          done();
          resolve(value);
        } else fail(new Error(`${src} loaded but is not usable`));
      };
      script.onerror = () => fail(new Error(`${src} could not be loaded`));
      doc.head.appendChild(script);
    });
    return pending;
  };
}

let loader: ((timeoutMs: number) => Promise<StripeFactory>) | undefined;

export function loadStripe(timeoutMs = STRIPE_TIMEOUT_MS): Promise<StripeFactory> {
  loader ??= scriptLoader(STRIPE_JS_URL, () => (globalThis as WithStripe).Stripe);
  return loader(timeoutMs);
}
