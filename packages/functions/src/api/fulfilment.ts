import { requireSeller } from "@cho-ocop/core/account/actor";
import { Fulfilment } from "@cho-ocop/core/order/fulfilment";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { roles, SELLER } from "./roles";
import { named } from "./schemas";

const FulfilmentSchema = named(Fulfilment.View, "Fulfilment");

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Seller portal"],
  summary: "The producer's fulfilments (their part of each order), newest first",
  ...roles(SELLER),
  responses: {
    200: { description: "Fulfilments", content: { "application/json": { schema: z.array(FulfilmentSchema) } } },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const move = createRoute({
  method: "post",
  path: "/{orderId}/{move}",
  tags: ["Seller portal"],
  summary: "Advance a fulfilment: pack, ship (carrier and tracking number), deliver, or record COD collected",
  ...roles(SELLER),
  request: {
    params: z.object({
      orderId: z
        .string()
        .regex(/^[0-9a-z]{26}$/, "expected an order id")
        .openapi({ param: { name: "orderId", in: "path" } }),
      move: z.enum(Fulfilment.Move.options).openapi({ param: { name: "move", in: "path" } }),
    }),
    body: {
      content: { "application/json": { schema: Fulfilment.ShipInput.partial() } },
      required: false,
    },
  },
  responses: {
    200: { description: "The fulfilment", content: { "application/json": { schema: FulfilmentSchema } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const fulfilment = router<AppEnv>()
  .openapi(list, async (c) => {
    const actor = await c.var.actor();
    return c.json(await Fulfilment.list(actor, requireSeller(actor).producerId), 200);
  })
  .openapi(move, async (c) => {
    const actor = await c.var.actor();
    const { orderId, move: step } = c.req.valid("param");
    const input = step === "ship" ? await c.req.json().catch(() => ({})) : undefined;
    return c.json(await Fulfilment.advance(actor, orderId, requireSeller(actor).producerId, step, input), 200);
  });
