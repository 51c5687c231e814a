import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

const seller = client.api.seller;
const commune = client.api.commune;

export type DossierSave = InferRequestType<(typeof seller.dossiers)[":id"]["$put"]>["json"];
export type EvidenceInput = InferRequestType<(typeof seller.dossiers)[":id"]["evidence"]["$post"]>["json"];
export type CommunePass = InferRequestType<(typeof commune.dossiers)[":id"]["pass"]["$post"]>["json"];

/** A producer's OCOP dossiers (seller portal) and a commune's pre-check of them. */
export const dossierApi = {
  subGroups: () => ok(seller["dossier-sub-groups"].$get()),
  kinds: () => ok(seller["dossier-evidence-kinds"].$get()),
  mine: () => ok(seller.dossiers.$get()),
  create: (renewFrom?: string) => ok(seller.dossiers.$post({ json: renewFrom ? { renewFrom } : {} })),
  get: (id: string) => ok(seller.dossiers[":id"].$get({ param: { id } })),
  save: (id: string, body: DossierSave) => ok(seller.dossiers[":id"].$put({ param: { id }, json: body })),
  attach: (id: string, body: EvidenceInput) => ok(seller.dossiers[":id"].evidence.$post({ param: { id }, json: body })),
  detach: (id: string, evidenceId: string) =>
    ok(seller.dossiers[":id"].evidence[":evidenceId"].$delete({ param: { id, evidenceId } })),
  submit: (id: string) => ok(seller.dossiers[":id"].submit.$post({ param: { id } })),
};

export const communeApi = {
  queue: (state?: DossierState) => ok(commune.dossiers.$get({ query: state ? { state } : {} })),
  get: (id: string) => ok(commune.dossiers[":id"].$get({ param: { id } })),
  pass: (id: string, body: CommunePass) => ok(commune.dossiers[":id"].pass.$post({ param: { id }, json: body })),
  giveBack: (id: string, reasons: string[]) =>
    ok(commune.dossiers[":id"].return.$post({ param: { id }, json: { reasons } })),
};

export type DossierView = Awaited<ReturnType<typeof dossierApi.get>>;
export type DossierSummary = Awaited<ReturnType<typeof dossierApi.mine>>[number];
export type DossierState = DossierSummary["state"];
export type SubGroup = Awaited<ReturnType<typeof dossierApi.subGroups>>[number];
export type EvidenceKind = Awaited<ReturnType<typeof dossierApi.kinds>>[number];
export type Sheet = NonNullable<DossierView["sheet"]>;
