import { Audit } from "@cho-ocop/core/audit/index";
import { AuditLog } from "@cho-ocop/core/audit-log/index";
import { Curation } from "@cho-ocop/core/curation/index";
import { ExportKind } from "@cho-ocop/core/dashboard/export";
import { Dashboard } from "@cho-ocop/core/dashboard/index";
import { PROVINCE_CODES } from "@cho-ocop/core/geo/province";
import { Product } from "@cho-ocop/core/product/index";
import { Review } from "@cho-ocop/core/review/index";
import { storage } from "@cho-ocop/core/storage/index";
import { addDays, vietnamDay } from "@cho-ocop/core/util/date";
import { createRoute, z } from "@hono/zod-openapi";
import { type AppEnv, publicOrigin } from "./actor";
import { errorResponses, router } from "./error";
import { CENTRAL, roles, STAFF } from "./roles";
import { IdParam, named } from "./schemas";
import { AuditSchema, CertificateRecordSchema, ProductRecordSchema } from "./schemas-account";

const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const guarded = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const onProduct = { ...guarded, 404: errorResponses[404], 409: errorResponses[409] };

/** An audit entry as staff read it: who by name and role, what by name (never a phone, an e-mail or a buyer). */
const AuditRowSchema = AuditSchema.extend({
  actorInfo: z.object({
    kind: z.enum(["staff", "commune", "seller", "shopper", "system"]),
    name: z.string().nullable(),
    staffScope: z.string().nullable(),
    producerName: z.string().nullable(),
  }),
  target: z.object({
    type: z.string(),
    id: z.string(),
    name: z.string().nullable(),
    nameEn: z.string().nullable(),
    producerId: z.string().nullable(),
    producerName: z.string().nullable(),
  }),
}).openapi("AuditRow");

const ReviewItemSchema = z
  .object({
    product: ProductRecordSchema,
    certificates: z.array(CertificateRecordSchema.extend({ scanUrl: z.string().nullable() })),
    audit: z.array(AuditRowSchema),
  })
  .openapi("ReviewItem");

const queue = createRoute({
  method: "get",
  path: "/reviews",
  tags: ["Staff"],
  summary: "Review queue by status, province and stars, within the caller's scope",
  ...roles(STAFF),
  request: { query: Review.QueueQuery },
  responses: { ...ok(z.array(ProductRecordSchema), "Products"), ...guarded },
});

const item = createRoute({
  method: "get",
  path: "/products/{id}",
  tags: ["Staff"],
  summary: "A product under review: its certificates (with a short-lived link to each scan) and its audit trail",
  ...roles(STAFF),
  request: { params: IdParam("product") },
  responses: { ...ok(ReviewItemSchema, "The product"), ...onProduct },
});

/** A review decision on a product; rejecting and suspending give a reason. */
const decision = <V extends "approve" | "reinstate" | "reject" | "suspend", R extends object>(
  verb: V,
  summary: string,
  request: R,
) =>
  createRoute({
    method: "post",
    path: `/products/{id}/${verb}`,
    tags: ["Staff"],
    summary,
    ...roles(STAFF),
    request: { params: IdParam("product"), ...request },
    responses: { ...ok(ProductRecordSchema, "The product"), ...onProduct },
  });
const action = <V extends "approve" | "reinstate">(verb: V, summary: string) => decision(verb, summary, {});
const actionWithReason = <V extends "reject" | "suspend">(verb: V, summary: string) =>
  decision(verb, summary, body(Review.Reason));

const expiring = createRoute({
  method: "get",
  path: "/expiring",
  tags: ["Staff"],
  summary: "Listed products whose certificate ends within `days` days (default 60), soonest first",
  ...roles(STAFF),
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(365).default(60) }) },
  responses: { ...ok(z.array(ProductRecordSchema), "Products"), ...guarded },
});

const dashboard = createRoute({
  method: "get",
  path: "/dashboard",
  tags: ["Staff"],
  summary: "Listed products by stars, group and province (counts and shares) and producers per province",
  ...roles(STAFF),
  responses: {
    ...ok(
      z
        .object({
          listed: z.number(),
          producers: z.number(),
          byStars: z.array(z.object({ stars: z.number(), products: z.number(), share: z.number() })),
          byGroup: z.array(
            z.object({ id: z.string(), vi: z.string(), en: z.string(), products: z.number(), share: z.number() }),
          ),
          byProvince: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              region: z.string(),
              products: z.number(),
              share: z.number(),
              producers: z.number(),
            }),
          ),
        })
        .openapi("Dashboard"),
      "Figures",
    ),
    ...guarded,
  },
});

const ProgrammeSchema = named(Dashboard.Programme, "Programme");

const programme = createRoute({
  method: "get",
  path: "/dashboard/programme",
  tags: ["Staff"],
  summary:
    "The evaluation pipeline (dossiers by stage and province, pass rates, days in each stage), the star distribution of certificates in force and progress toward the national and province targets; a province's staff see their province's dossiers and target",
  ...roles(STAFF),
  responses: { ...ok(ProgrammeSchema, "Figures"), ...guarded },
});

const putTarget = createRoute({
  method: "put",
  path: "/dashboard/targets/{province}",
  tags: ["Staff"],
  summary: "Set a province's own target (products of 3★ or more, of them 5★): its province's staff or central staff",
  ...roles(STAFF),
  request: {
    params: z.object({
      province: z.enum(PROVINCE_CODES).openapi({ param: { name: "province", in: "path" }, example: "14" }),
    }),
    ...body(Dashboard.TargetInput),
  },
  responses: {
    ...ok(z.object({ products: z.number(), fiveStars: z.number(), updatedAt: z.string() }), "The target"),
    ...guarded,
  },
});

const exportCsv = createRoute({
  method: "get",
  path: "/dashboard/export.csv",
  tags: ["Staff"],
  summary: "One table of the programme figures as CSV (UTF-8 with a BOM): the pipeline, the star shares or the targets",
  ...roles(STAFF),
  request: { query: z.object({ what: ExportKind }) },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...guarded,
  },
});

const audit = createRoute({
  method: "get",
  path: "/audit",
  tags: ["Staff"],
  summary:
    "The audit log, newest first, with who and what by name; a province's staff read only entries about their province's products and orders, lives and the storefront's set-up",
  ...roles(STAFF),
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { ...ok(z.array(AuditRowSchema), "Entries"), ...guarded },
});

const CollectionSchema = z
  .object({
    scope: z.string(),
    collectionId: z.string(),
    titleVi: z.string(),
    titleEn: z.string(),
    position: z.number(),
    productIds: z.array(z.string()),
    updatedAt: z.string(),
  })
  .openapi("Collection");
const CollectionParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, "expected a short id such as qua-tet")
    .openapi({ param: { name: "id", in: "path" }, example: "qua-tet" }),
});

const collections = createRoute({
  method: "get",
  path: "/collections",
  tags: ["Staff"],
  summary: "Featured products and collections shown on the home page",
  ...roles(STAFF),
  responses: { ...ok(z.array(CollectionSchema), "Collections"), ...guarded },
});

const putCollection = createRoute({
  method: "put",
  path: "/collections/{id}",
  tags: ["Staff"],
  summary: "Create or replace a collection (ordered product ids); `noi-bat` is the featured list",
  ...roles(CENTRAL),
  request: { params: CollectionParam, ...body(Curation.Input) },
  responses: { ...ok(CollectionSchema, "The collection"), ...guarded },
});

const deleteCollection = createRoute({
  method: "delete",
  path: "/collections/{id}",
  tags: ["Staff"],
  summary: "Remove a collection",
  ...roles(CENTRAL),
  request: { params: CollectionParam },
  responses: { 204: { description: "Removed" }, ...guarded },
});

export const admin = router<AppEnv>()
  .openapi(queue, async (c) => c.json(await Review.queue(await c.var.actor(), c.req.valid("query")), 200))
  .openapi(item, async (c) => {
    const actor = await c.var.actor();
    const product = await Product.get(c.req.valid("param").id);
    Review.requireReviewer(actor, { provinceCode: product.provinceCode, stars: product.stars ?? 0 });
    const [certificates, trail] = await Promise.all([
      Review.history(product.productId),
      Audit.ofTarget(product.productId).then((entries) => AuditLog.readable(actor, entries)),
    ]);
    const withScans = await Promise.all(
      certificates.map(async (cert) => ({
        ...cert,
        scanUrl: cert.scanKey ? await storage().readUrl(cert.scanKey) : null,
      })),
    );
    return c.json({ product: Product.view(product), certificates: withScans, audit: trail }, 200);
  })
  .openapi(action("approve", "Approve the certificate under review: the product goes on the storefront"), async (c) =>
    c.json(await Review.approve(await c.var.actor(), c.req.valid("param").id, { site: publicOrigin(c) }), 200),
  )
  .openapi(actionWithReason("reject", "Reject the submission with a reason the seller sees"), async (c) =>
    c.json(
      await Review.reject(await c.var.actor(), c.req.valid("param").id, c.req.valid("json"), { site: publicOrigin(c) }),
      200,
    ),
  )
  .openapi(actionWithReason("suspend", "Take a listed product off the storefront, with a reason"), async (c) =>
    c.json(await Review.suspend(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(action("reinstate", "Put a suspended product back on the storefront"), async (c) =>
    c.json(await Review.reinstate(await c.var.actor(), c.req.valid("param").id), 200),
  )
  .openapi(expiring, async (c) => {
    const today = vietnamDay();
    const until = addDays(today, c.req.valid("query").days);
    return c.json(await Review.expiring(await c.var.actor(), today, until), 200);
  })
  .openapi(dashboard, async (c) => c.json(await Dashboard.figures(await c.var.actor()), 200))
  .openapi(programme, async (c) => c.json(await Dashboard.programme(await c.var.actor()), 200))
  .openapi(putTarget, async (c) =>
    c.json(await Dashboard.setTarget(await c.var.actor(), c.req.valid("param").province, c.req.valid("json")), 200),
  )
  .openapi(exportCsv, async (c) => {
    const { what } = c.req.valid("query");
    return c.body(await Dashboard.csv(await c.var.actor(), what), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ocop-${what}.csv"`,
    });
  })
  .openapi(audit, async (c) => c.json(await AuditLog.recent(await c.var.actor(), c.req.valid("query").limit), 200))
  .openapi(collections, async (c) => c.json(await Curation.list(await c.var.actor()), 200))
  .openapi(putCollection, async (c) =>
    c.json(await Curation.put(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(deleteCollection, async (c) => {
    await Curation.remove(await c.var.actor(), c.req.valid("param").id);
    return c.body(null, 204);
  });
