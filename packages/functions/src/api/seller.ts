import { LoginInput } from "@cho-ocop/core/account/identity";
import { Batch } from "@cho-ocop/core/batch/index";
import { Producer } from "@cho-ocop/core/producer/index";
import { Review } from "@cho-ocop/core/review/index";
import { Seller } from "@cho-ocop/core/seller/index";
import { Invitation } from "@cho-ocop/core/seller/invitation";
import { Upload } from "@cho-ocop/core/upload/index";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { roles, SELLER, SHOPPER, SIGNED_IN } from "./roles";
import { IdParam } from "./schemas";
import { BatchSchema, CertificateRecordSchema, ProducerRecordSchema, ProductRecordSchema } from "./schemas-account";

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
});
const created = <T extends z.ZodType>(schema: T, description: string) => ({
  201: { description, content: { "application/json": { schema } } },
});
const guarded = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const onProduct = { ...guarded, 404: errorResponses[404], 409: errorResponses[409] };

const SellerProductSchema = z
  .object({
    product: ProductRecordSchema,
    certificates: z.array(CertificateRecordSchema),
    batches: z.array(BatchSchema),
  })
  .openapi("SellerProduct");

const register = createRoute({
  method: "post",
  path: "/producer",
  tags: ["Seller portal"],
  summary: "Register a producer (chủ thể OCOP); the caller (a shopper) becomes its first seller",
  ...roles(SHOPPER),
  request: body(Producer.Fields.omit({ photos: true })),
  responses: { ...created(ProducerRecordSchema, "The producer"), ...guarded },
});

const getProducer = createRoute({
  method: "get",
  path: "/producer",
  tags: ["Seller portal"],
  summary: "The seller's producer, with contact details",
  ...roles(SELLER),
  responses: { ...ok(ProducerRecordSchema, "The producer"), ...guarded },
});

const patchProducer = createRoute({
  method: "patch",
  path: "/producer",
  tags: ["Seller portal"],
  summary: "Edit the producer (photos must be uploaded first with POST /api/seller/uploads)",
  ...roles(SELLER),
  request: body(Seller.ProducerPatch),
  responses: { ...ok(ProducerRecordSchema, "The producer"), ...guarded },
});

const members = createRoute({
  method: "get",
  path: "/members",
  tags: ["Seller portal"],
  summary: "The producer's sellers",
  ...roles(SELLER),
  responses: {
    ...ok(
      z.array(
        z.object({
          userId: z.string(),
          name: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
        }),
      ),
      "Sellers",
    ),
    ...guarded,
  },
});

const InvitationSchema = z
  .object({
    invitationId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    login: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("Invitation");
const InvitationParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected an invitation id")
    .openapi({ param: { name: "id", in: "path" } }),
});
const UserParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected a user id")
    .openapi({ param: { name: "id", in: "path" } }),
});
const done = { 204: { description: "Done" } };

const pendingInvitations = createRoute({
  method: "get",
  path: "/invitations",
  tags: ["Seller portal"],
  summary: "The producer's pending invitations to sell",
  ...roles(SELLER),
  responses: { ...ok(z.array(InvitationSchema), "Invitations"), ...guarded },
});

const invite = createRoute({
  method: "post",
  path: "/invitations",
  tags: ["Seller portal"],
  summary: "Invite someone to sell for the producer, by phone or e-mail (they accept or decline after signing in)",
  ...roles(SELLER),
  request: body(LoginInput),
  responses: { ...created(InvitationSchema, "Invited"), ...guarded, 409: errorResponses[409] },
});

const withdraw = createRoute({
  method: "delete",
  path: "/invitations/{id}",
  tags: ["Seller portal"],
  summary: "Cancel a pending invitation",
  ...roles(SELLER),
  request: { params: InvitationParam },
  responses: { ...done, ...guarded, 404: errorResponses[404] },
});

const removeMember = createRoute({
  method: "delete",
  path: "/members/{id}",
  tags: ["Seller portal"],
  summary: "Remove one of the producer's sellers (yourself to leave); never the last one",
  ...roles(SELLER),
  request: { params: UserParam },
  responses: { ...done, ...guarded, 404: errorResponses[404], 409: errorResponses[409] },
});

const listProducts = createRoute({
  method: "get",
  path: "/products",
  tags: ["Seller portal"],
  summary: "The producer's products in every status",
  ...roles(SELLER),
  responses: { ...ok(z.array(ProductRecordSchema), "Products"), ...guarded },
});

const createProduct = createRoute({
  method: "post",
  path: "/products",
  tags: ["Seller portal"],
  summary: "Add a product (a draft until submitted with its certificate)",
  ...roles(SELLER),
  request: body(Seller.NewProduct),
  responses: { ...created(ProductRecordSchema, "The product"), ...guarded },
});

const getProduct = createRoute({
  method: "get",
  path: "/products/{id}",
  tags: ["Seller portal"],
  summary: "A product with its certificate history and batches",
  ...roles(SELLER),
  request: { params: IdParam("product") },
  responses: { ...ok(SellerProductSchema, "The product"), ...onProduct },
});

const patchProduct = createRoute({
  method: "patch",
  path: "/products/{id}",
  tags: ["Seller portal"],
  summary: "Edit a product: price, stock, photos and story apply at once; a new name or group goes back to review",
  ...roles(SELLER),
  request: { params: IdParam("product"), ...body(Seller.ProductPatch) },
  responses: { ...ok(ProductRecordSchema, "The product"), ...onProduct },
});

const submit = createRoute({
  method: "post",
  path: "/products/{id}/submit",
  tags: ["Seller portal"],
  summary: "Submit a product for listing with its OCOP certificate",
  description:
    "Stars 3–5; an optional score A (≤40) + B (≤25) + C (≤35) must fall in the star band; province level for 3★/4★, central for 5★.",
  ...roles(SELLER),
  request: { params: IdParam("product"), ...body(Review.SubmitInput) },
  responses: { ...ok(ProductRecordSchema, "Pending review"), ...onProduct },
});

const recordBatch = createRoute({
  method: "post",
  path: "/products/{id}/batches",
  tags: ["Seller portal"],
  summary: "Record a production batch (production date, best-before, quantity)",
  ...roles(SELLER),
  request: { params: IdParam("product"), ...body(Batch.Input) },
  responses: { ...created(z.object({ batchId: z.string() }), "Recorded"), ...onProduct },
});

const presign = createRoute({
  method: "post",
  path: "/uploads",
  tags: ["Seller portal"],
  summary:
    "Get a presigned form to upload a product image, producer photo (JPEG/PNG/WebP ≤ 5 MB) or certificate scan (also PDF, ≤ 10 MB)",
  description:
    "POST the returned `fields` and then the file as `file` (multipart) to `url`; then use `key` in the product or certificate.",
  ...roles(SELLER),
  request: body(Upload.Request),
  responses: {
    ...created(
      z.object({ key: z.string(), url: z.string(), fields: z.record(z.string(), z.string()), maxBytes: z.number() }),
      "Upload form",
    ),
    ...guarded,
    413: errorResponses[413],
    415: errorResponses[415],
  },
});

export const seller = router<AppEnv>()
  .openapi(register, async (c) => c.json(await Seller.registerProducer(await c.var.actor(), c.req.valid("json")), 201))
  .openapi(getProducer, async (c) => c.json(await Seller.producer(await c.var.actor()), 200))
  .openapi(patchProducer, async (c) =>
    c.json(await Seller.updateProducer(await c.var.actor(), c.req.valid("json")), 200),
  )
  .openapi(members, async (c) => c.json(await Seller.members(await c.var.actor()), 200))
  .openapi(pendingInvitations, async (c) => c.json(await Invitation.pending(await c.var.actor()), 200))
  .openapi(invite, async (c) => c.json(await Invitation.send(await c.var.actor(), c.req.valid("json")), 201))
  .openapi(withdraw, async (c) => {
    await Invitation.withdraw(await c.var.actor(), c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(removeMember, async (c) => {
    await Invitation.removeSeller(await c.var.actor(), c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(listProducts, async (c) => c.json(await Seller.products(await c.var.actor()), 200))
  .openapi(createProduct, async (c) =>
    c.json(await Seller.createProduct(await c.var.actor(), c.req.valid("json")), 201),
  )
  .openapi(getProduct, async (c) => c.json(await Seller.product(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(patchProduct, async (c) =>
    c.json(await Seller.editProduct(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(submit, async (c) =>
    c.json(await Seller.submit(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(recordBatch, async (c) =>
    c.json(await Seller.recordBatch(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(presign, async (c) => c.json(await Upload.presign(await c.var.actor(), c.req.valid("json")), 201));

const myInvitations = createRoute({
  method: "get",
  path: "/",
  tags: ["Accounts"],
  summary: "Invitations to sell for a producer sent to the signed-in person's phone or e-mail",
  ...roles(SIGNED_IN),
  responses: { ...ok(z.array(InvitationSchema), "Invitations"), 401: errorResponses[401] },
});

const answered = { ...guarded, 404: errorResponses[404], 409: errorResponses[409] };

const accept = createRoute({
  method: "post",
  path: "/{id}/accept",
  tags: ["Accounts"],
  summary: "Accept an invitation: become a seller of its producer (one producer per account; not for staff)",
  ...roles(["invitee"]),
  request: { params: InvitationParam },
  responses: { ...ok(z.object({ producerId: z.string(), producerName: z.string() }), "Now a seller"), ...answered },
});

const decline = createRoute({
  method: "post",
  path: "/{id}/decline",
  tags: ["Accounts"],
  summary: "Decline an invitation",
  ...roles(["invitee"]),
  request: { params: InvitationParam },
  responses: { ...done, ...answered },
});

/** The invitee's side, mounted at /api/invitations: only invitations to their own phone or e-mail exist for them. */
export const invitations = router<AppEnv>()
  .openapi(myInvitations, async (c) => c.json(await Invitation.mine(await c.var.actor()), 200))
  .openapi(accept, async (c) => c.json(await Invitation.accept(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(decline, async (c) => {
    await Invitation.decline(await c.var.actor(), c.req.valid("param").id);
    return c.body(null, 204);
  });
