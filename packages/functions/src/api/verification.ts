import { SellerVerification } from "@cho-ocop/core/seller/verification/index";
import { createRoute, z } from "@hono/zod-openapi";
import { type AppEnv, publicOrigin } from "./actor";
import { router } from "./error";
import { roles, SELLER, STAFF } from "./roles";
import { body, guarded, json, onOne } from "./route-parts";
import { named } from "./schemas";

const SellerParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z]{26}$/, "expected a seller's user id")
    .openapi({ param: { name: "id", in: "path" } }),
});

const Own = named(SellerVerification.Own, "SellerVerification");
const Pending = named(SellerVerification.Pending, "SellerVerificationPending");
const ForStaff = named(SellerVerification.ForStaff, "SellerVerificationReview");

const mine = createRoute({
  method: "get",
  path: "/verification",
  tags: ["Seller portal"],
  summary: "The caller's identity verification (needed before going live): status, rejection reason, their papers",
  ...roles(SELLER),
  responses: { 200: json(Own, "The verification"), ...guarded },
});

const submit = createRoute({
  method: "post",
  path: "/verification",
  tags: ["Seller portal"],
  summary:
    "Submit (or, after a rejection, resubmit) the CCCD number, both sides of the card and the business registration, uploaded first with POST /api/seller/uploads",
  ...roles(SELLER),
  request: body(SellerVerification.Submission),
  responses: { 200: json(Own, "Submitted"), ...onOne },
});

const pending = createRoute({
  method: "get",
  path: "/verifications",
  tags: ["Staff"],
  summary: "Sellers' identity verifications waiting for a decision, oldest first: the caller's province (central: all)",
  ...roles(STAFF),
  responses: { 200: json(z.array(Pending), "Waiting"), ...guarded },
});

const one = createRoute({
  method: "get",
  path: "/verifications/{id}",
  tags: ["Staff"],
  summary: "One seller's verification with signed links to the card and registration: the producer's province's staff",
  ...roles(STAFF),
  request: { params: SellerParam },
  responses: { 200: json(ForStaff, "The verification"), ...onOne },
});

const verify = createRoute({
  method: "post",
  path: "/verifications/{id}/verify",
  tags: ["Staff"],
  summary: "Verify the seller: they may go live; they are told by SMS",
  ...roles(STAFF),
  request: { params: SellerParam },
  responses: { 200: json(ForStaff, "Verified"), ...onOne },
});

const reject = createRoute({
  method: "post",
  path: "/verifications/{id}/reject",
  tags: ["Staff"],
  summary: "Reject the verification with a reason the seller is told and sees",
  ...roles(STAFF),
  request: { params: SellerParam, ...body(SellerVerification.Decision) },
  responses: { 200: json(ForStaff, "Rejected"), ...onOne },
});

export const sellerVerification = router<AppEnv>()
  .openapi(mine, async (c) => c.json(await SellerVerification.mine(await c.var.actor()), 200))
  .openapi(submit, async (c) => c.json(await SellerVerification.submit(await c.var.actor(), c.req.valid("json")), 200));

export const staffVerification = router<AppEnv>()
  .openapi(pending, async (c) => c.json(await SellerVerification.pending(await c.var.actor()), 200))
  .openapi(one, async (c) =>
    c.json(await SellerVerification.forStaff(await c.var.actor(), c.req.valid("param").id), 200),
  )
  .openapi(verify, async (c) =>
    c.json(
      await SellerVerification.verify(await c.var.actor(), c.req.valid("param").id, { site: publicOrigin(c) }),
      200,
    ),
  )
  .openapi(reject, async (c) =>
    c.json(
      await SellerVerification.reject(await c.var.actor(), c.req.valid("param").id, c.req.valid("json"), {
        site: publicOrigin(c),
      }),
      200,
    ),
  );
