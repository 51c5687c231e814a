import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

export type ProductQuery = InferRequestType<typeof client.api.products.$get>["query"];
export type FacetQuery = InferRequestType<typeof client.api.facets.$get>["query"];
type ProvinceCode = InferRequestType<(typeof client.api.provinces)[":code"]["wards"]["$get"]>["param"]["code"];

/** What anyone may read: the home page, the catalog and its counters, products, producers and a batch's trace. */
export const storefrontApi = {
  home: () => ok(client.api.home.$get()),
  products: (query: ProductQuery) => ok(client.api.products.$get({ query })),
  facets: (query: FacetQuery) => ok(client.api.facets.$get({ query })),
  product: (id: string) => ok(client.api.products[":id"].$get({ param: { id } })),
  producer: (id: string) => ok(client.api.producers[":id"].$get({ param: { id } })),
  provinces: () => ok(client.api.provinces.$get()),
  groups: () => ok(client.api.groups.$get()),
  /** One province's wards at a time (about a hundred each): the whole list of 3,300 is never sent. */
  wards: (code: string) => ok(client.api.provinces[":code"].wards.$get({ param: { code: code as ProvinceCode } })),
  trace: (id: string) => ok(client.api.trace[":id"].$get({ param: { id } })),
};

/** The QR image that opens a batch's trace page (an SVG the API draws). */
export function traceQrImage(productId: string): string {
  return client.api.trace[":id"]["qr.svg"].$url({ param: { id: productId } }).pathname;
}

export type Home = Awaited<ReturnType<typeof storefrontApi.home>>;
export type ProductPage = Awaited<ReturnType<typeof storefrontApi.products>>;
export type Card = ProductPage["items"][number];
export type ProductDetail = Awaited<ReturnType<typeof storefrontApi.product>>;
export type ProducerPage = Awaited<ReturnType<typeof storefrontApi.producer>>;
export type Producer = ProducerPage["producer"];
export type ProvinceCount = Awaited<ReturnType<typeof storefrontApi.provinces>>[number];
export type GroupCount = Awaited<ReturnType<typeof storefrontApi.groups>>[number];
export type Ward = Awaited<ReturnType<typeof storefrontApi.wards>>[number];
export type TraceInfo = Awaited<ReturnType<typeof storefrontApi.trace>>;
