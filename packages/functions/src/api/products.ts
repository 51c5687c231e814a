import { Storefront } from "@cho-ocop/core/storefront/index";
import { createRoute } from "@hono/zod-openapi";
import { errorResponses, router } from "./error";
import { PUBLIC, roles } from "./roles";
import { IdParam, PageSchema, ProductDetailSchema } from "./schemas";

const list = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/",
  tags: ["Storefront"],
  summary: "List and search products on the storefront",
  description:
    'Only approved products whose certificate is valid today are listed. `q` is matched without diacritics ("nuoc mam" finds "nước mắm"): every word but the last is a whole word of the product (its name, producer, province or tags), the last one may be the start of a word ("nuoc ma"); a single word the storefront does not have is completed to its commonest words starting so ("nuo" → "nuoc"). With `q`, relevance (the default) ranks the word in the name first, then stars, score and the newest listing. The cursor is opaque: pass it back with the same filters.',
  request: { query: Storefront.ListQuery },
  responses: {
    200: { description: "A page of products", content: { "application/json": { schema: PageSchema } } },
    400: errorResponses[400],
  },
});

const detail = createRoute({
  method: "get",
  ...roles(PUBLIC),
  path: "/{id}",
  tags: ["Storefront"],
  summary: "A product with its certificate and producer",
  request: { params: IdParam("product") },
  responses: {
    200: { description: "The product", content: { "application/json": { schema: ProductDetailSchema } } },
    ...errorResponses,
  },
});

export const products = router()
  .openapi(list, async (c) => c.json(await Storefront.list(c.req.valid("query")), 200))
  .openapi(detail, async (c) => c.json(await Storefront.product(c.req.valid("param").id), 200));
