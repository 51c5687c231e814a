import { Storefront } from "@cho-ocop/core/storefront/index";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, router } from "./error";
import { PUBLIC, roles } from "./roles";
import { CardSchema, IdParam, ProducerSchema } from "./schemas";

const page = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/{id}",
  tags: ["Storefront"],
  summary: "A producer (chủ thể OCOP) with their listed products",
  request: { params: IdParam("producer") },
  responses: {
    200: {
      description: "The producer",
      content: {
        "application/json": {
          schema: z.object({ producer: ProducerSchema, products: z.array(CardSchema) }).openapi("ProducerPage"),
        },
      },
    },
    ...errorResponses,
  },
});

export const producers = router().openapi(page, async (c) =>
  c.json(await Storefront.producer(c.req.valid("param").id), 200),
);
