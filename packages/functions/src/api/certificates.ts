import { Certificate } from "@cho-ocop/core/certificate/index";
import { RegistryImport } from "@cho-ocop/core/register/import";
import { Registry } from "@cho-ocop/core/register/index";
import { createRoute, z } from "@hono/zod-openapi";
import { type AppEnv, publicOrigin } from "./actor";
import { errorResponses, router } from "./error";
import { PUBLIC, roles, STAFF } from "./roles";
import { IdParam, named } from "./schemas";

const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const guarded = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };

export const PublicCertificateSchema = named(Registry.PublicView, "PublicCertificate");

const LicenceSchema = z
  .object({ id: z.string(), name: z.string(), url: z.string(), attribution: z.string() })
  .openapi("OpenDataLicence");

const NumberParam = z.object({
  number: z
    .string()
    .max(60)
    .openapi({ param: { name: "number", in: "path" }, example: "OCOP-14-2026-0001" })
    .pipe(Certificate.RegistryNumber),
});

const lookup = createRoute({
  method: "get",
  path: "/certificates/{number}",
  tags: ["Certificates"],
  summary: "Look up an OCOP certificate by its number (what its QR opens): status, stars, decision, issuer",
  description:
    "Status is `valid`, `expiring` (90 days or fewer left), `expired` or `revoked`. Expired and revoked certificates stay in the register.",
  ...roles(PUBLIC),
  request: { params: NumberParam },
  responses: { ...ok(PublicCertificateSchema, "The certificate"), 400: errorResponses[400], 404: errorResponses[404] },
});

const qr = createRoute({
  method: "get",
  path: "/certificates/{number}/qr.svg",
  tags: ["Certificates"],
  summary: "The certificate's QR code (SVG), opening its public page /chung-nhan/{number}",
  ...roles(PUBLIC),
  request: { params: NumberParam },
  responses: {
    200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const pdf = createRoute({
  method: "get",
  path: "/certificates/{number}/pdf",
  tags: ["Certificates"],
  summary: "The certificate as a printable A4 PDF, its status stated, with a QR (and a link) to its public page",
  description:
    "Made from the register on each request, so an expired or revoked certificate says so; cached for 5 minutes.",
  ...roles(PUBLIC),
  request: { params: NumberParam },
  responses: {
    200: { description: "PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const search = createRoute({
  method: "get",
  path: "/certificates",
  tags: ["Certificates"],
  summary: "Find OCOP certificates by product (or producer) name within a province, accents optional",
  ...roles(PUBLIC),
  request: { query: z.object(Registry.SearchQuery.shape) },
  responses: { ...ok(z.array(PublicCertificateSchema), "Certificates"), 400: errorResponses[400] },
});

const openData = createRoute({
  method: "get",
  path: "/open-data/certificates",
  tags: ["Open data"],
  summary:
    "Every OCOP certificate of the register as paged JSON, in order of last change; `since` gives the change feed",
  description: `Licence: ${Registry.LICENCE.name} (${Registry.LICENCE.url}). Follow \`cursor\` until it is absent. To stay in sync, keep the greatest \`changedAt\` you have read and ask again with \`since\` set to it.`,
  ...roles(PUBLIC),
  request: { query: z.object(Registry.FeedQuery.shape) },
  responses: {
    ...ok(
      z
        .object({
          licence: LicenceSchema,
          items: z.array(PublicCertificateSchema),
          cursor: z.string().optional(),
        })
        .openapi("CertificatePage"),
      "A page of certificates",
    ),
    400: errorResponses[400],
  },
});

const openDataCsv = createRoute({
  method: "get",
  path: "/open-data/certificates.csv",
  tags: ["Open data"],
  summary: "The whole register as CSV (UTF-8), under the licence named in the Link header",
  ...roles(PUBLIC),
  responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } } },
});

const IssueBody = named(Registry.IssueFields.omit({ productId: true }), "CertificateIssue");

const issue = createRoute({
  method: "post",
  path: "/products/{id}/certificates",
  tags: ["Staff"],
  summary: "Issue the certificate a decision grants this product: numbered, in force at once, the old one superseded",
  ...roles(STAFF),
  request: { params: IdParam("product"), ...body(IssueBody) },
  responses: {
    201: {
      description: "Issued",
      content: {
        "application/json": {
          schema: z.object({ certificateId: z.string(), number: z.string() }).openapi("IssuedCertificate"),
        },
      },
    },
    ...guarded,
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const revoke = createRoute({
  method: "post",
  path: "/certificates/{number}/revoke",
  tags: ["Staff"],
  summary: "Revoke a certificate with a reason (audited): its product leaves the storefront at once",
  ...roles(STAFF),
  request: { params: NumberParam, ...body(named(Registry.RevokeInput, "CertificateRevocation")) },
  responses: {
    ...ok(PublicCertificateSchema, "The revoked certificate"),
    ...guarded,
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const ImportRowSchema = z.object({
  line: z.number(),
  productName: z.string(),
  producerName: z.string(),
  provinceCode: z.string(),
  stars: z.number(),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  decisionNumber: z.string(),
  issuer: z.string(),
  phone: z.string().optional(),
});

const importList = createRoute({
  method: "post",
  path: "/certificates/import",
  tags: ["Staff"],
  summary:
    "Import a province's OCOP list (CSV, UTF-8, or an .xlsx as base64): preview with `commit: false`, then commit; all or nothing",
  description:
    "Send the file as `csv` (text) or `xlsx` (the workbook base64, at most 1 MB; its first sheet is read, rows named by their sheet row number). Columns as the national system publishes them (product name, producer, province, stars, certificate number, issued on, expiry date), or mapped with `mapping`; an optional producer's phone column (Số điện thoại) lets the producer claim its record by signing in with that phone. Each producer named gets one unclaimed producer record (per province and name). A row that cannot be read is named with its line and nothing is written; numbers already in the register are left unchanged, so a re-import changes nothing.",
  ...roles(STAFF),
  request: { ...body(named(RegistryImport.Input, "CertificateImport")) },
  responses: {
    ...ok(
      z
        .object({
          rows: z.number(),
          failed: z.array(z.object({ line: z.number(), errors: z.array(z.string()) })),
          added: z.array(ImportRowSchema),
          unchanged: z.array(z.object({ line: z.number(), number: z.string() })),
          columns: z.record(z.string(), z.string()),
          headers: z.array(z.string()),
          missingColumns: z.array(z.enum(RegistryImport.FIELDS)),
          committed: z.boolean(),
        })
        .openapi("CertificateImportReport"),
      "What the file holds and what was (or would be) written",
    ),
    ...guarded,
    409: errorResponses[409],
  },
});

/** The public register: lookup by number or name, and the open data. Mounted at /api. */
export const certificates = router<AppEnv>()
  .openapi(lookup, async (c) => c.json(await Registry.lookup(c.req.valid("param").number), 200))
  .openapi(qr, async (c) => {
    const svg = await Registry.qrSvg(c.req.valid("param").number, publicOrigin(c));
    return c.body(svg, 200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600" });
  })
  .openapi(pdf, async (c) => {
    const { number } = c.req.valid("param");
    const bytes = await Registry.pdf(number, publicOrigin(c));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${number}.pdf"`,
      "cache-control": "public, max-age=300",
    });
  })
  .openapi(search, async (c) => c.json(await Registry.search(c.req.valid("query")), 200))
  .openapi(openData, async (c) => {
    c.header("link", `<${Registry.LICENCE.url}>; rel="license"`);
    return c.json(await Registry.feed(c.req.valid("query")), 200);
  })
  .openapi(openDataCsv, async (c) =>
    c.body(await Registry.csv(), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="ocop-certificates.csv"',
      link: `<${Registry.LICENCE.url}>; rel="license"`,
    }),
  );

/** Staff acts on certificates. Mounted at /api/admin. */
export const certificateAdmin = router<AppEnv>()
  .openapi(importList, async (c) => c.json(await RegistryImport.run(await c.var.actor(), c.req.valid("json")), 200))
  .openapi(issue, async (c) =>
    c.json(
      await Registry.issue(await c.var.actor(), { ...c.req.valid("json"), productId: c.req.valid("param").id }),
      201,
    ),
  )
  .openapi(revoke, async (c) =>
    c.json(await Registry.revoke(await c.var.actor(), c.req.valid("param").number, c.req.valid("json")), 200),
  );
