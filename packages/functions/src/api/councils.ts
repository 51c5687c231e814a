import { Council } from "@cho-ocop/core/council/index";
import { Dossier } from "@cho-ocop/core/dossier/index";
import { Sheet } from "@cho-ocop/core/sheet/index";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "./actor";
import { errorResponses, router } from "./error";
import { PUBLIC, type Role, roles, STAFF } from "./roles";
import { body, guarded, json, onOne, ulidParam } from "./route-parts";
import { named } from "./schemas";

const CouncilParam = z.object({ id: ulidParam("id", "a council id") });
const SittingParam = z.object({ id: ulidParam("id", "a sitting id") });
const AgendaParam = z.object({
  id: ulidParam("id", "a sitting id"),
  dossierId: ulidParam("dossierId", "a dossier id"),
});
const ScopeQuery = z.object({
  scope: z
    .string()
    .regex(/^(\d{2}|central)$/, "a province code or central")
    .optional()
    .openapi({ description: "A province code or `central`; the caller's own scope when left out" }),
});

const CouncilView = named(Council.View, "Council");
const SittingView = named(Council.SittingView, "CouncilSitting");
const ScoreView = named(Council.ScoreView, "CouncilScore");
const Summary = named(Council.Summary, "CouncilSummary");
const DecisionView = named(Council.DecisionView, "CouncilDecision");
const SheetView = named(Sheet.Schema, "ScoreSheet");
const DossierSummary = named(Dossier.Summary, "DossierSummary");
const DossierView = named(Dossier.View, "Dossier");
const ClassificationView = z
  .array(
    z.object({
      code: z.string(),
      name: z.object({ vi: z.string(), en: z.string() }),
      categories: z.array(
        z.object({
          code: z.string(),
          name: z.object({ vi: z.string(), en: z.string() }),
          subGroups: z.array(
            z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }), sheetId: z.string() }),
          ),
        }),
      ),
    }),
  )
  .openapi("OcopClassification");

/** Sitting routes: who is at the sitting (membership is checked in core's Council, not by an account role). */
const AT_SITTING: Role[] = ["council-member", "council-secretary", ...STAFF];
const SCORER: Role[] = ["council-member"];

const classification = createRoute({
  method: "get",
  path: "/ocop-classification",
  tags: ["OCOP evaluation"],
  summary: "Product groups → categories → sub-groups (Decision 148/QĐ-TTg), each naming its score sheet",
  ...roles(PUBLIC),
  responses: { 200: json(ClassificationView, "The classification") },
});

const sheet = createRoute({
  method: "get",
  path: "/score-sheets/{sheetId}",
  tags: ["OCOP evaluation"],
  summary:
    "A score sheet (parts A 40, B 25, C 35 → sections → criteria → options with points, mandatory marks per star)",
  ...roles(PUBLIC),
  request: {
    params: z.object({
      sheetId: z
        .string()
        .regex(/^[a-z0-9-]+@\d+$/, "expected a sheet id such as che@1")
        .openapi({ param: { name: "sheetId", in: "path" }, example: "che@1" }),
    }),
  },
  responses: { 200: json(SheetView, "The sheet"), 400: errorResponses[400], 404: errorResponses[404] },
});

export const sheets = router<AppEnv>()
  .openapi(classification, (c) => c.json(Sheet.classification(), 200))
  .openapi(sheet, (c) => c.json(Sheet.get(c.req.valid("param").sheetId), 200));

const list = createRoute({
  method: "get",
  path: "/councils",
  tags: ["OCOP evaluation"],
  summary: "The councils of a scope (the caller's province, or central), newest first",
  ...roles(STAFF),
  request: { query: ScopeQuery },
  responses: { 200: json(z.array(CouncilView), "The councils"), ...guarded },
});

const create = createRoute({
  method: "post",
  path: "/councils",
  tags: ["OCOP evaluation"],
  summary:
    "Form a council: chair, secretary and members by phone (accounts are made on first use), advisory team by name",
  ...roles(STAFF),
  request: body(Council.Create),
  responses: { 201: json(CouncilView, "The council"), ...onOne },
});

const one = createRoute({
  method: "get",
  path: "/councils/{id}",
  tags: ["OCOP evaluation"],
  summary: "A council and its sittings",
  ...roles(STAFF),
  request: { params: CouncilParam },
  responses: {
    200: json(z.object({ council: CouncilView, sittings: z.array(SittingView) }), "The council"),
    ...onOne,
  },
});

const schedule = createRoute({
  method: "post",
  path: "/councils/{id}/sittings",
  tags: ["OCOP evaluation"],
  summary: "Schedule a sitting of the council (date, place)",
  ...roles(STAFF),
  request: { params: CouncilParam, ...body(Council.Schedule) },
  responses: { 201: json(SittingView, "The sitting"), ...onOne },
});

const candidates = createRoute({
  method: "get",
  path: "/sittings/{id}/candidates",
  tags: ["OCOP evaluation"],
  summary: "The dossiers waiting at the sitting's level (province, or central for 5★) that it may score",
  ...roles(STAFF),
  request: { params: SittingParam },
  responses: { 200: json(z.array(DossierSummary), "The dossiers"), ...onOne },
});

const agenda = createRoute({
  method: "put",
  path: "/sittings/{id}/dossiers",
  tags: ["OCOP evaluation"],
  summary: "Put waiting dossiers on the sitting's agenda (each scored on its sub-group's sheet)",
  ...roles(STAFF),
  request: { params: SittingParam, ...body(Council.AssignDossiers) },
  responses: { 200: json(SittingView, "The sitting"), ...onOne },
});

const scorers = createRoute({
  method: "put",
  path: "/sittings/{id}/scorers",
  tags: ["OCOP evaluation"],
  summary:
    "Choose the council members who score at the sitting (the chair and members; the secretary keeps the record)",
  ...roles(STAFF),
  request: { params: SittingParam, ...body(Council.AssignScorers) },
  responses: { 200: json(SittingView, "The sitting"), ...onOne },
});

const forward = createRoute({
  method: "post",
  path: "/sittings/{id}/dossiers/{dossierId}/forward",
  tags: ["OCOP evaluation"],
  summary: "Send a dossier the province's council scored 5★ on to the central council",
  ...roles(STAFF),
  request: { params: AgendaParam },
  responses: { 200: json(Summary, "The result"), ...onOne },
});

const decide = createRoute({
  method: "post",
  path: "/sittings/{id}/decision",
  tags: ["OCOP evaluation"],
  summary:
    "Issue the decision recognising the sitting's scored products: each gets its stars and, at this level, its certificate",
  ...roles(STAFF),
  request: { params: SittingParam, ...body(Council.DecideInput) },
  responses: { 201: json(DecisionView, "The decision"), ...onOne },
});

const decisions = createRoute({
  method: "get",
  path: "/decisions",
  tags: ["OCOP evaluation"],
  summary: "The decisions of a scope, newest first",
  ...roles(STAFF),
  request: { query: ScopeQuery },
  responses: { 200: json(z.array(DecisionView), "The decisions"), ...guarded },
});

const scopeOf = async (c: { var: AppEnv["Variables"] }, scope?: string) => {
  if (scope) return scope;
  const actor = await c.var.actor();
  return actor.kind === "user" ? (actor.user.staffScope ?? "") : "central";
};

export const councilAdmin = router<AppEnv>()
  .openapi(list, async (c) => c.json(await Council.list(await c.var.actor(), c.req.valid("query").scope), 200))
  .openapi(create, async (c) => c.json(await Council.create(await c.var.actor(), c.req.valid("json")), 201))
  .openapi(one, async (c) => c.json(await Council.get(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(schedule, async (c) =>
    c.json(await Council.schedule(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(candidates, async (c) => c.json(await Council.candidates(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(agenda, async (c) =>
    c.json(await Council.assignDossiers(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(scorers, async (c) =>
    c.json(await Council.assignScorers(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(forward, async (c) => {
    const { id, dossierId } = c.req.valid("param");
    return c.json(await Council.forward(await c.var.actor(), id, dossierId), 200);
  })
  .openapi(decide, async (c) =>
    c.json(await Council.decide(await c.var.actor(), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(decisions, async (c) => {
    const scope = await scopeOf(c, c.req.valid("query").scope);
    return c.json(await Council.decisions(await c.var.actor(), scope), 200);
  });

const mine = createRoute({
  method: "get",
  path: "/sittings",
  tags: ["OCOP evaluation"],
  summary: "The sittings the caller scores at, newest first",
  ...roles(SCORER),
  responses: { 200: json(z.array(SittingView), "The sittings"), ...guarded },
});

const sitting = createRoute({
  method: "get",
  path: "/sittings/{id}",
  tags: ["OCOP evaluation"],
  summary: "A sitting: its agenda and scorers, and what the caller is at it",
  ...roles(AT_SITTING),
  request: { params: SittingParam },
  responses: { 200: json(SittingView, "The sitting"), ...onOne },
});

const dossier = createRoute({
  method: "get",
  path: "/sittings/{id}/dossiers/{dossierId}",
  tags: ["OCOP evaluation"],
  summary: "A dossier on the agenda as the council reads it, with its sheet and (for a scorer) the caller's own sheet",
  ...roles(AT_SITTING),
  request: { params: AgendaParam },
  responses: {
    200: json(
      z.object({ dossier: DossierView, sheet: SheetView, mine: ScoreView.nullable() }),
      "The dossier, its sheet and the caller's score",
    ),
    ...onOne,
  },
});

const save = createRoute({
  method: "put",
  path: "/sittings/{id}/dossiers/{dossierId}/score",
  tags: ["OCOP evaluation"],
  summary: "Save the caller's sheet as it stands: one option and a note per criterion (nobody else sees it)",
  ...roles(SCORER),
  request: { params: AgendaParam, ...body(Council.ScoreInput) },
  responses: { 200: json(ScoreView, "The caller's sheet"), ...onOne },
});

const submit = createRoute({
  method: "post",
  path: "/sittings/{id}/dossiers/{dossierId}/score/submit",
  tags: ["OCOP evaluation"],
  summary: "Submit the caller's sheet (every criterion answered); it is final",
  ...roles(SCORER),
  request: { params: AgendaParam, ...body(Council.ScoreInput) },
  responses: { 200: json(ScoreView, "The submitted sheet"), ...onOne },
});

const summary = createRoute({
  method: "get",
  path: "/sittings/{id}/dossiers/{dossierId}/summary",
  tags: ["OCOP evaluation"],
  summary:
    "The submitted sheets, the average, the mandatory check and the stars: for the secretary and staff, and a scorer after submitting",
  ...roles(AT_SITTING),
  request: { params: AgendaParam },
  responses: { 200: json(Summary, "The result"), ...onOne },
});

export const councilMember = router<AppEnv>()
  .openapi(mine, async (c) => c.json(await Council.mine(await c.var.actor()), 200))
  .openapi(sitting, async (c) => c.json(await Council.sitting(await c.var.actor(), c.req.valid("param").id), 200))
  .openapi(dossier, async (c) => {
    const { id, dossierId } = c.req.valid("param");
    return c.json(await Council.read(await c.var.actor(), id, dossierId), 200);
  })
  .openapi(save, async (c) => {
    const { id, dossierId } = c.req.valid("param");
    return c.json(await Council.saveScore(await c.var.actor(), id, dossierId, c.req.valid("json")), 200);
  })
  .openapi(submit, async (c) => {
    const { id, dossierId } = c.req.valid("param");
    return c.json(await Council.submitScore(await c.var.actor(), id, dossierId, c.req.valid("json")), 200);
  })
  .openapi(summary, async (c) => {
    const { id, dossierId } = c.req.valid("param");
    return c.json(await Council.summary(await c.var.actor(), id, dossierId), 200);
  });
