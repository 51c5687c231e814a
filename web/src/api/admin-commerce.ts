import type { Settings } from "@cho-ocop/core/settings/index";
import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";
import type { OrderStatus } from "./orders";

export type Pricing = Settings.Pricing;
export type BoxInput = InferRequestType<(typeof client.api.admin)["gift-boxes"][":id"]["$put"]>["json"];
export type TemplateInput = InferRequestType<(typeof client.api.admin)["combo-templates"][":id"]["$put"]>["json"];

const admin = client.api.admin;
/** Staff's side of commerce: orders by status, gift boxes, curated combos and pricing. */
export const commerceAdminApi = {
  orders: (status: OrderStatus) => ok(admin.orders.$get({ query: { status } })),
  putBox: (id: string, input: BoxInput) => ok(admin["gift-boxes"][":id"].$put({ param: { id }, json: input })),
  putTemplate: (id: string, input: TemplateInput) =>
    ok(admin["combo-templates"][":id"].$put({ param: { id }, json: input })),
  pricing: () => ok(admin.pricing.$get()),
  putPricing: (input: Pricing) => ok(admin.pricing.$put({ json: input })),
};

export type StaffOrder = Awaited<ReturnType<typeof commerceAdminApi.orders>>[number];
