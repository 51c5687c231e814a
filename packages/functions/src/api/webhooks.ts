import { Order } from "@cho-ocop/core/order/index";
import { cardGateway } from "@cho-ocop/core/payment/card";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { errorResponses, language, router } from "./error";

const errorBody = (c: Context, code: string, vi: string, en: string) => ({
  error: { code, message: language(c) === "en" ? en : vi },
});

import { PUBLIC, roles } from "./roles";

const stripe = createRoute({
  method: "post",
  path: "/stripe",
  tags: ["Webhooks"],
  summary: "Stripe events (payment_intent.succeeded / payment_failed), verified by their signature",
  description: "Anyone may call it; only deliveries signed with the webhook secret have any effect.",
  ...roles(PUBLIC),
  request: { headers: z.object({ "stripe-signature": z.string().max(2000) }) },
  responses: {
    200: {
      description: "Received",
      content: { "application/json": { schema: z.object({ received: z.boolean(), handled: z.boolean() }) } },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const webhooks = router().openapi(stripe, async (c) => {
  const gateway = cardGateway();
  if (!gateway) {
    return c.json(errorBody(c, "not_found", "Thanh toán thẻ chưa được bật.", "Card payment is not enabled."), 404);
  }
  const raw = await c.req.text();
  let event: Awaited<ReturnType<typeof gateway.verifyWebhook>>;
  try {
    event = await gateway.verifyWebhook(raw, c.req.valid("header")["stripe-signature"]);
  } catch {
    return c.json(
      errorBody(c, "invalid_signature", "Chữ ký webhook không hợp lệ.", "The webhook signature does not verify."),
      400,
    );
  }
  const result = await Order.handleCardEvent(event);
  return c.json({ received: true, handled: result.handled }, 200);
});
