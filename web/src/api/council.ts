import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

const admin = client.api.admin;
const council = client.api.council;

export type CouncilCreate = InferRequestType<typeof admin.councils.$post>["json"];
export type ScoreInput = InferRequestType<
  (typeof council.sittings)[":id"]["dossiers"][":dossierId"]["score"]["$put"]
>["json"];
export type DecisionInput = InferRequestType<(typeof admin.sittings)[":id"]["decision"]["$post"]>["json"];

/** Councils, sittings and decisions (province and central staff). */
export const councilAdminApi = {
  list: () => ok(admin.councils.$get({ query: {} })),
  create: (body: CouncilCreate) => ok(admin.councils.$post({ json: body })),
  get: (id: string) => ok(admin.councils[":id"].$get({ param: { id } })),
  schedule: (id: string, body: { date: string; place: string }) =>
    ok(admin.councils[":id"].sittings.$post({ param: { id }, json: body })),
  candidates: (id: string) => ok(admin.sittings[":id"].candidates.$get({ param: { id } })),
  agenda: (id: string, dossierIds: string[]) =>
    ok(admin.sittings[":id"].dossiers.$put({ param: { id }, json: { dossierIds } })),
  scorers: (id: string, userIds: string[]) =>
    ok(admin.sittings[":id"].scorers.$put({ param: { id }, json: { userIds } })),
  forward: (id: string, dossierId: string) =>
    ok(admin.sittings[":id"].dossiers[":dossierId"].forward.$post({ param: { id, dossierId } })),
  decide: (id: string, body: DecisionInput) => ok(admin.sittings[":id"].decision.$post({ param: { id }, json: body })),
};

/** What a council member, the secretary and staff do at a sitting. */
export const councilApi = {
  mine: () => ok(council.sittings.$get()),
  sitting: (id: string) => ok(council.sittings[":id"].$get({ param: { id } })),
  read: (id: string, dossierId: string) =>
    ok(council.sittings[":id"].dossiers[":dossierId"].$get({ param: { id, dossierId } })),
  save: (id: string, dossierId: string, body: ScoreInput) =>
    ok(council.sittings[":id"].dossiers[":dossierId"].score.$put({ param: { id, dossierId }, json: body })),
  submit: (id: string, dossierId: string, body: ScoreInput) =>
    ok(council.sittings[":id"].dossiers[":dossierId"].score.submit.$post({ param: { id, dossierId }, json: body })),
  summary: (id: string, dossierId: string) =>
    ok(council.sittings[":id"].dossiers[":dossierId"].summary.$get({ param: { id, dossierId } })),
};

export type CouncilView = Awaited<ReturnType<typeof councilAdminApi.create>>;
export type SittingView = Awaited<ReturnType<typeof councilApi.sitting>>;
export type Reading = Awaited<ReturnType<typeof councilApi.read>>;
export type ScoreSheet = Reading["sheet"];
export type CouncilSummary = Awaited<ReturnType<typeof councilApi.summary>>;
export type DecisionView = Awaited<ReturnType<typeof councilAdminApi.decide>>;
