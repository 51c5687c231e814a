import { requireStaff } from "@cho-ocop/core/account/actor";
import { Combo } from "@cho-ocop/core/combo/index";
import { ORDER_STATUSES } from "@cho-ocop/core/order/entities";
import { Order } from "@cho-ocop/core/order/index";
import { Settings } from "@cho-ocop/core/settings/index";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { CENTRAL, roles, STAFF } from "./roles";
import { body, guarded } from "./route-parts";
import { named } from "./schemas";

const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});
const IdParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z-]{2,40}$/, "expected a short id")
    .openapi({ param: { name: "id", in: "path" } }),
});

const orders = createRoute({
  method: "get",
  path: "/orders",
  tags: ["Staff"],
  summary: "Orders by status, newest first: a province's staff see only orders all from producers of their province",
  ...roles(STAFF),
  request: { query: z.object({ status: z.enum(ORDER_STATUSES).default("pending_payment") }) },
  responses: { ...ok(z.array(named(Order.Summary, "OrderSummary")), "Orders"), ...guarded },
});

const putBox = createRoute({
  method: "put",
  path: "/gift-boxes/{id}",
  tags: ["Staff"],
  summary: "Create or change a gift box type (price, capacity by weight)",
  ...roles(CENTRAL),
  request: { params: IdParam, ...body(Combo.BoxInput) },
  responses: { ...ok(named(Combo.GiftBox, "GiftBox"), "The box"), ...guarded },
});

const putTemplate = createRoute({
  method: "put",
  path: "/combo-templates/{id}",
  tags: ["Staff"],
  summary: "Create or change a curated gift combo with its fixed price",
  ...roles(CENTRAL),
  request: { params: IdParam, ...body(Combo.TemplateInput) },
  responses: { ...ok(named(Combo.Template, "ComboTemplate"), "The template"), ...guarded, 404: errorResponses[404] },
});

const getPricing = createRoute({
  method: "get",
  path: "/pricing",
  tags: ["Staff"],
  summary: "Combo discount tiers, shipping rates by zone and the free-shipping threshold",
  ...roles(STAFF),
  responses: { ...ok(Settings.Pricing, "Pricing"), ...guarded },
});

const putPricing = createRoute({
  method: "put",
  path: "/pricing",
  tags: ["Staff"],
  summary: "Change combo discount tiers, shipping rates and the free-shipping threshold",
  ...roles(CENTRAL),
  request: body(Settings.Pricing),
  responses: { ...ok(Settings.Pricing, "Pricing"), ...guarded },
});

export const adminCommerce = router<AppEnv>()
  .openapi(orders, async (c) => c.json(await Order.byStatus(await c.var.actor(), c.req.valid("query").status), 200))
  .openapi(putBox, async (c) =>
    c.json(await Combo.putBox(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(putTemplate, async (c) =>
    c.json(await Combo.putTemplate(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(getPricing, async (c) => {
    requireStaff(await c.var.actor());
    return c.json(await Settings.pricing(), 200);
  })
  .openapi(putPricing, async (c) => c.json(await Settings.setPricing(await c.var.actor(), c.req.valid("json")), 200));
