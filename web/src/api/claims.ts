import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

const unclaimed = client.api.producers.unclaimed;
const staff = client.api.admin.claims;

export type ClaimInput = InferRequestType<(typeof unclaimed)[":id"]["claims"]["$post"]>["json"];

/** A producer taking over the record a province's imported OCOP list made for it, by its signed-in phone. */
export const claimApi = {
  search: (province: string, q: string) => ok(unclaimed.$get({ query: { province, q } })),
  submit: (id: string, json: ClaimInput) => ok(unclaimed[":id"].claims.$post({ param: { id }, json })),
  mine: () => ok(client.api.me.claims.$get()),
};

/** The province's staff deciding the claims that wait. */
export const claimAdminApi = {
  waiting: () => ok(staff.$get()),
  approve: (id: string) => ok(staff[":id"].approve.$post({ param: { id } })),
  reject: (id: string, reason: string) => ok(staff[":id"].reject.$post({ param: { id }, json: { reason } })),
};

export type UnclaimedProducer = Awaited<ReturnType<typeof claimApi.search>>[number];
export type ClaimView = Awaited<ReturnType<typeof claimApi.mine>>[number];
export type StaffClaim = Awaited<ReturnType<typeof claimAdminApi.waiting>>[number];
