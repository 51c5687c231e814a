import type Stripe from "stripe";
import { adapterSlot } from "../util/adapter";

/** What the order needs from a card processor. */
export interface CardGateway {
  readonly publishableKey: string;
  createIntent(input: {
    orderId: string;
    code: string;
    amountVnd: number;
  }): Promise<{ id: string; clientSecret: string }>;
  cancelIntent(id: string): Promise<void>;
  refund(paymentIntentId: string): Promise<{ id: string; status: string }>;
  /** Verifies the signature of a webhook delivery and returns its event; throws when it does not verify. */
  verifyWebhook(rawBody: string, signature: string): Promise<CardEvent>;
}

export interface CardEvent {
  id: string;
  type: string;
  created: number;
  /** The PaymentIntent (payment_intent.*) or Charge (charge.refunded) the event is about. */
  object: {
    id: string;
    object: string;
    status?: string;
    metadata?: Record<string, string>;
    payment_intent?: string | null;
  };
}

/**
 * Stripe. VND is a zero-decimal currency in Stripe: 250000 means 250.000 đ, exactly our integer đồng.
 * STRIPE_API_URL points the real SDK at another Stripe-compatible server (tests); unset, it talks to Stripe.
 */
export class StripeGateway implements CardGateway {
  private stripe: Promise<Stripe> | undefined;
  constructor(
    private readonly secretKey: string,
    private readonly webhookSecret: string | undefined,
    readonly publishableKey: string,
    private readonly apiUrl?: string,
  ) {}

  /** The SDK is loaded on first use: most requests never touch cards, and it is a large module. */
  private client(): Promise<Stripe> {
    this.stripe ??= import("stripe").then(({ default: StripeSdk }) => {
      const url = this.apiUrl ? new URL(this.apiUrl) : undefined;
      return new StripeSdk(this.secretKey, {
        maxNetworkRetries: 2,
        telemetry: false,
        ...(url
          ? {
              host: url.hostname,
              port: url.port || (url.protocol === "https:" ? 443 : 80),
              protocol: url.protocol === "https:" ? ("https" as const) : ("http" as const),
            }
          : {}),
      });
    });
    return this.stripe;
  }

  async createIntent({ orderId, code, amountVnd }: { orderId: string; code: string; amountVnd: number }) {
    const stripe = await this.client();
    const intent = await stripe.paymentIntents.create(
      {
        amount: amountVnd,
        currency: "vnd",
        automatic_payment_methods: { enabled: true },
        description: `Chợ OCOP ${code}`,
        metadata: { orderId, code },
      },
      { idempotencyKey: `order-${orderId}` },
    );
    if (!intent.client_secret) throw new Error("Stripe returned no client secret");
    return { id: intent.id, clientSecret: intent.client_secret };
  }

  async cancelIntent(id: string) {
    await (await this.client()).paymentIntents.cancel(id);
  }

  async refund(paymentIntentId: string) {
    const refund = await (await this.client()).refunds.create(
      { payment_intent: paymentIntentId },
      { idempotencyKey: `refund-${paymentIntentId}` },
    );
    return { id: refund.id, status: refund.status ?? "pending" };
  }

  async verifyWebhook(rawBody: string, signature: string): Promise<CardEvent> {
    if (!this.webhookSecret) throw new Error("STRIPE_WEBHOOK_SECRET is not set: no Stripe call can be verified");
    const stripe = await this.client();
    const event = await stripe.webhooks.constructEventAsync(rawBody, signature, this.webhookSecret);
    return {
      id: event.id,
      type: event.type,
      created: event.created,
      object: event.data.object as unknown as CardEvent["object"],
    };
  }
}

const gateway = adapterSlot<CardGateway | null>("card payments", "the card gateway (Stripe, or null for none)");

/** Card payments exist only when Stripe is configured; null when they are off. */
export function cardGateway(): CardGateway | null {
  return gateway.get();
}

export function useCardGateway(next: CardGateway | null) {
  gateway.use(next);
}
