import { Trace } from "@cho-ocop/core/trace/index";
import { createRoute, z } from "@hono/zod-openapi";
import { type AppEnv, publicOrigin } from "./actor";
import { errorResponses, router } from "./error";
import { PUBLIC, roles } from "./roles";
import { IdParam, ProducerSchema } from "./schemas";

const TraceSchema = z
  .object({
    productId: z.string(),
    name: z.string(),
    group: z.string(),
    image: z.string().nullable(),
    onSale: z.boolean(),
    status: z.string(),
    origin: z.object({ provinceCode: z.string(), provinceName: z.string(), formerProvince: z.string().nullable() }),
    producer: ProducerSchema,
    certificate: z.object({
      stars: z.number(),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      issuer: z.string(),
      level: z.enum(["province", "central"]),
      validUntil: z.string(),
      valid: z.boolean(),
      daysLeft: z.number(),
    }),
    batches: z.array(
      z.object({
        code: z.string(),
        productionDate: z.string(),
        bestBefore: z.string().nullable(),
        quantity: z.number(),
      }),
    ),
  })
  .openapi("Trace");

const trace = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Traceability"],
  summary: "Public trace of a product: producer, origin, certificate and its validity, batches",
  ...roles(PUBLIC),
  request: { params: IdParam("product") },
  responses: {
    200: { description: "Trace", content: { "application/json": { schema: TraceSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const qr = createRoute({
  method: "get",
  path: "/{id}/qr.svg",
  tags: ["Traceability"],
  summary: "The product's QR code (SVG), opening its trace page",
  ...roles(PUBLIC),
  request: { params: IdParam("product") },
  responses: {
    200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const traceRoutes = router<AppEnv>()
  .openapi(trace, async (c) => c.json(await Trace.of(c.req.valid("param").id), 200))
  .openapi(qr, async (c) => {
    const svg = await Trace.qrSvg(c.req.valid("param").id, publicOrigin(c));
    return c.body(svg, 200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600" });
  });
