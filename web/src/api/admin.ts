import type { InferRequestType } from "hono/client";
import { client, noContent, ok } from "./client";

const admin = client.api.admin;

export type QueueQuery = InferRequestType<typeof admin.reviews.$get>["query"];
export type CollectionInput = InferRequestType<(typeof admin.collections)[":id"]["$put"]>["json"];
type PutTarget = InferRequestType<(typeof admin.dashboard.targets)[":province"]["$put"]>;
export type TargetInput = PutTarget["json"];
export type ProvinceCode = PutTarget["param"]["province"];
export type ExportKind = InferRequestType<(typeof admin.dashboard)["export.csv"]["$get"]>["query"]["what"];

/** Staff's side of the catalogue: the review queue and decisions, expiring certificates, figures, audit, collections. */
export const adminApi = {
  reviews: (query: QueueQuery) => ok(admin.reviews.$get({ query })),
  item: (id: string) => ok(admin.products[":id"].$get({ param: { id } })),
  approve: (id: string) => ok(admin.products[":id"].approve.$post({ param: { id } })),
  reject: (id: string, reason: string) => ok(admin.products[":id"].reject.$post({ param: { id }, json: { reason } })),
  suspend: (id: string, reason: string) => ok(admin.products[":id"].suspend.$post({ param: { id }, json: { reason } })),
  reinstate: (id: string) => ok(admin.products[":id"].reinstate.$post({ param: { id } })),
  expiring: (days: number) => ok(admin.expiring.$get({ query: { days: String(days) } })),
  dashboard: () => ok(admin.dashboard.$get()),
  programme: () => ok(admin.dashboard.programme.$get()),
  setTarget: (province: ProvinceCode, input: TargetInput) =>
    ok(admin.dashboard.targets[":province"].$put({ param: { province }, json: input })),
  /** A plain link to one table as CSV: the session cookie goes with it, the browser saves the file. */
  exportUrl: (what: ExportKind) => {
    const url = admin.dashboard["export.csv"].$url({ query: { what } });
    return `${url.pathname}${url.search}`;
  },
  audit: (limit = 100) => ok(admin.audit.$get({ query: { limit: String(limit) } })),
  collections: () => ok(admin.collections.$get()),
  putCollection: (id: string, input: CollectionInput) =>
    ok(admin.collections[":id"].$put({ param: { id }, json: input })),
  deleteCollection: (id: string) => noContent(admin.collections[":id"].$delete({ param: { id } })),
  verifications: () => ok(admin.verifications.$get()),
  verification: (id: string) => ok(admin.verifications[":id"].$get({ param: { id } })),
  verifySeller: (id: string) => ok(admin.verifications[":id"].verify.$post({ param: { id } })),
  rejectSeller: (id: string, reason: string) =>
    ok(admin.verifications[":id"].reject.$post({ param: { id }, json: { reason } })),
};

export type ReviewItem = Awaited<ReturnType<typeof adminApi.item>>;
export type AuditEntry = ReviewItem["audit"][number];
export type Dashboard = Awaited<ReturnType<typeof adminApi.dashboard>>;
export type Programme = Awaited<ReturnType<typeof adminApi.programme>>;
export type Collection = Awaited<ReturnType<typeof adminApi.collections>>[number];
export type PendingVerification = Awaited<ReturnType<typeof adminApi.verifications>>[number];
export type VerificationReview = Awaited<ReturnType<typeof adminApi.verification>>;
