import { Claims } from "@cho-ocop/core/claim/index";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { PUBLIC, roles, SIGNED_IN, STAFF } from "./roles";
import { body, guarded, json, onOne, ulidParam } from "./route-parts";
import { named } from "./schemas";

const Unclaimed = named(Claims.Unclaimed, "UnclaimedProducer");
const ClaimView = named(Claims.View, "ProducerClaim");
const StaffClaim = named(Claims.StaffView, "ProducerClaimForStaff");

const RecordParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{32}$/, "expected a record id")
    .openapi({ param: { name: "id", in: "path" } }),
});
const ClaimParam = z.object({ id: ulidParam("id", "a claim id") });

const search = createRoute({
  method: "get",
  path: "/producers/unclaimed",
  tags: ["Producer claims"],
  summary:
    "Producers a province's imported OCOP list names that no account has taken over yet, by province and a part of the name",
  description: "Whether the list gave a phone is said (`phoneOnFile`); the phone itself is never shown.",
  ...roles(PUBLIC),
  request: { query: named(Claims.Search, "UnclaimedProducerSearch") },
  responses: { 200: json(z.array(Unclaimed), "The records, by name"), 400: errorResponses[400] },
});

const submit = createRoute({
  method: "post",
  path: "/producers/unclaimed/{id}/claims",
  tags: ["Producer claims"],
  summary:
    "Claim the record: granted at once when the list gave the caller's signed-in phone (the caller becomes its seller), else it waits for the province's staff",
  description:
    "A shopper gives the producer's kind and ward for the shop the grant creates; a seller's own producer (same province) takes the record's certificates.",
  ...roles(["shopper", "seller"]),
  request: { params: RecordParam, ...body(named(Claims.SubmitInput, "ProducerClaimInput")) },
  responses: { 201: json(ClaimView, "The claim, granted or waiting"), ...onOne },
});

const mine = createRoute({
  method: "get",
  path: "/me/claims",
  tags: ["Producer claims"],
  summary: "The caller's claims, newest first, with the reason of any refusal",
  ...roles(SIGNED_IN),
  responses: { 200: json(z.array(ClaimView), "The claims"), ...guarded },
});

const waiting = createRoute({
  method: "get",
  path: "/admin/claims",
  tags: ["Staff"],
  summary:
    "Claims waiting for a decision, oldest first: the caller's province (central: all), with the claimant's phone and the list's",
  ...roles(STAFF),
  responses: { 200: json(z.array(StaffClaim), "Waiting"), ...guarded },
});

const approve = createRoute({
  method: "post",
  path: "/admin/claims/{id}/approve",
  tags: ["Staff"],
  summary:
    "Grant the claim: the claimant becomes the producer's seller and its certificates the producer's; told by SMS",
  ...roles(STAFF),
  request: { params: ClaimParam },
  responses: { 200: json(ClaimView, "Granted"), ...onOne },
});

const reject = createRoute({
  method: "post",
  path: "/admin/claims/{id}/reject",
  tags: ["Staff"],
  summary: "Refuse the claim with a reason the claimant is told and sees; the record is open to claims again",
  ...roles(STAFF),
  request: { params: ClaimParam, ...body(named(Claims.RejectInput, "ProducerClaimRejection")) },
  responses: { 200: json(ClaimView, "Refused"), ...onOne },
});

/** Mounted at /api. */
export const claims = router<AppEnv>()
  .openapi(search, async (c) => c.json(await Claims.search(c.req.valid("query")), 200))
  .openapi(submit, async (c) =>
    c.json(await Claims.submit(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(mine, async (c) => c.json(await Claims.mine(await c.var.actor()), 200))
  .openapi(waiting, async (c) => c.json(await Claims.waiting(await c.var.actor()), 200))
  .openapi(approve, async (c) => c.json(await Claims.approve(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(reject, async (c) =>
    c.json(await Claims.reject(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  );
