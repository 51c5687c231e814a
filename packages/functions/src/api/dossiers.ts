import { requireSeller } from "@cho-ocop/core/account/actor";
import { EVIDENCE_KINDS } from "@cho-ocop/core/dossier/evidence";
import { Dossier } from "@cho-ocop/core/dossier/index";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { COMMUNE, roles, SELLER } from "./roles";
import { body, guarded, json, onOne, ulidParam } from "./route-parts";
import { named } from "./schemas";

const DossierParam = z.object({ id: ulidParam("id", "a dossier id") });
const EvidenceParam = z.object({
  id: ulidParam("id", "a dossier id"),
  evidenceId: ulidParam("evidenceId", "an evidence id"),
});

const Summary = named(Dossier.Summary, "DossierSummary");
const View = named(Dossier.View, "Dossier");
const EvidenceKind = z
  .object({
    id: z.string(),
    vi: z.string(),
    en: z.string(),
    requiredFor: z.union([z.literal("all"), z.array(z.string())]),
  })
  .openapi("DossierEvidenceKind");

const kinds = createRoute({
  method: "get",
  path: "/dossier-evidence-kinds",
  tags: ["Seller portal"],
  summary: "The kinds of evidence an OCOP dossier carries, and the product groups that must have each",
  ...roles(SELLER),
  responses: { 200: json(z.array(EvidenceKind), "The kinds"), ...guarded },
});

const subGroups = createRoute({
  method: "get",
  path: "/dossier-sub-groups",
  tags: ["Seller portal"],
  summary: "The product sub-groups a dossier may be for, each with its group, category and score sheet",
  ...roles(SELLER),
  responses: { 200: json(z.array(named(Dossier.SubGroup, "DossierSubGroup")), "The sub-groups"), ...guarded },
});

const mine = createRoute({
  method: "get",
  path: "/dossiers",
  tags: ["Seller portal"],
  summary: "The producer's OCOP dossiers, newest first: step, share done, the reasons of a return",
  ...roles(SELLER),
  responses: { 200: json(z.array(Summary), "The dossiers"), ...guarded },
});

const create = createRoute({
  method: "post",
  path: "/dossiers",
  tags: ["Seller portal"],
  summary:
    "Open a draft dossier for the caller's producer; `renewFrom` (a certificate id) prefills a re-recognition from the last dossier",
  ...roles(SELLER),
  request: body(Dossier.Create),
  responses: { 201: json(View, "The draft"), ...onOne },
});

const one = createRoute({
  method: "get",
  path: "/dossiers/{id}",
  tags: ["Seller portal"],
  summary: "One of the producer's dossiers: the form, evidence (signed links), what is missing, its history",
  ...roles(SELLER),
  request: { params: DossierParam },
  responses: { 200: json(View, "The dossier"), ...onOne },
});

const save = createRoute({
  method: "put",
  path: "/dossiers/{id}",
  tags: ["Seller portal"],
  summary:
    "Save the form as typed (autosave; it may be incomplete). `version` is the one read: a save over a newer one is 409 changed. Saving a returned dossier reopens it as a draft",
  ...roles(SELLER),
  request: { params: DossierParam, ...body(Dossier.Save) },
  responses: { 200: json(View, "Saved"), ...onOne },
});

const attach = createRoute({
  method: "post",
  path: "/dossiers/{id}/evidence",
  tags: ["Seller portal"],
  summary:
    "Attach a file uploaded with POST /api/seller/uploads (purpose dossier-evidence: a photo or a PDF ≤ 10 MB) as evidence of a kind, for criteria of the sheet",
  ...roles(SELLER),
  request: { params: DossierParam, ...body(Dossier.Evidence) },
  responses: { 201: json(View, "Attached"), ...onOne },
});

const detach = createRoute({
  method: "delete",
  path: "/dossiers/{id}/evidence/{evidenceId}",
  tags: ["Seller portal"],
  summary: "Remove a file from a draft dossier's evidence",
  ...roles(SELLER),
  request: { params: EvidenceParam },
  responses: { 200: json(View, "Removed"), ...onOne },
});

const submit = createRoute({
  method: "post",
  path: "/dossiers/{id}/submit",
  tags: ["Seller portal"],
  summary: "Submit a complete draft to the commune's pre-check; an incomplete one is 422 naming the first gap",
  ...roles(SELLER),
  request: { params: DossierParam },
  responses: { 200: json(View, "Submitted"), ...onOne, 422: errorResponses[422] },
});

const queue = createRoute({
  method: "get",
  path: "/dossiers",
  tags: ["Commune"],
  summary:
    "The caller's commune's dossiers in one step, oldest first (default commune_check: waiting for the pre-check)",
  ...roles(COMMUNE),
  request: { query: z.object({ state: Dossier.State.optional() }) },
  responses: { 200: json(z.array(Summary), "The dossiers"), ...guarded },
});

const communeOne = createRoute({
  method: "get",
  path: "/dossiers/{id}",
  tags: ["Commune"],
  summary: "One dossier of the caller's commune, once submitted",
  ...roles(COMMUNE),
  request: { params: DossierParam },
  responses: { 200: json(View, "The dossier"), ...onOne },
});

const pass = createRoute({
  method: "post",
  path: "/dossiers/{id}/pass",
  tags: ["Commune"],
  summary:
    "Confirm the commune's part (the product's and raw material's origin, local labour) and pass the dossier to the province",
  ...roles(COMMUNE),
  request: { params: DossierParam, ...body(Dossier.CommunePass) },
  responses: { 200: json(View, "Passed to the province"), ...onOne },
});

const giveBack = createRoute({
  method: "post",
  path: "/dossiers/{id}/return",
  tags: ["Commune"],
  summary: "Return the dossier to the producer with reasons they see",
  ...roles(COMMUNE),
  request: { params: DossierParam, ...body(Dossier.Return) },
  responses: { 200: json(View, "Returned"), ...onOne },
});

export const sellerDossiers = router<AppEnv>()
  .openapi(kinds, async (c) => {
    requireSeller(await c.var.actor());
    return c.json(
      EVIDENCE_KINDS.map((k) => ({
        ...k,
        requiredFor: k.requiredFor === "all" ? ("all" as const) : [...k.requiredFor],
      })),
      200,
    );
  })
  .openapi(subGroups, async (c) => {
    requireSeller(await c.var.actor());
    return c.json(Dossier.subGroupList(), 200);
  })
  .openapi(mine, async (c) => c.json(await Dossier.mine(await c.var.actor()), 200))
  .openapi(create, async (c) => c.json(await Dossier.create(await c.var.actor(), c.req.valid("json")), 201))
  .openapi(one, async (c) => c.json(await Dossier.getOwn(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(save, async (c) =>
    c.json(await Dossier.save(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(attach, async (c) =>
    c.json(await Dossier.attach(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(detach, async (c) => {
    const { id, evidenceId } = c.req.valid("param");
    return c.json(await Dossier.detach(await c.var.actor(), id, evidenceId), 200);
  })
  .openapi(submit, async (c) => c.json(await Dossier.submit(await c.var.actor(), c.req.valid("param").id), 200));

export const communeDossiers = router<AppEnv>()
  .openapi(queue, async (c) => c.json(await Dossier.communeQueue(await c.var.actor(), c.req.valid("query").state), 200))
  .openapi(communeOne, async (c) => c.json(await Dossier.communeGet(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(pass, async (c) =>
    c.json(await Dossier.communePass(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(giveBack, async (c) =>
    c.json(await Dossier.communeReturn(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  );
