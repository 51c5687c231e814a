import type { ClientResponse, InferRequestType } from "hono/client";
import { ApiError, client, errorOf } from "../api/client";

type Success<R> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 | 202 ? T : never) : never;

/** Awaits a typed call and returns its 2xx body, or throws an ApiError with the API's message and field. */
export async function send<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<Success<R>> {
  let res: R;
  try {
    res = await call;
  } catch (cause) {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : String(cause));
  }
  if (res.status < 200 || res.status >= 300) throw await errorOf(res);
  return (await res.json()) as Success<R>;
}

/** For calls answered with 204 No Content. */
async function sendEmpty(call: Promise<ClientResponse<unknown, number, string>>): Promise<void> {
  let res: ClientResponse<unknown, number, string>;
  try {
    res = await call;
  } catch (cause) {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : String(cause));
  }
  if (res.status < 200 || res.status >= 300) throw await errorOf(res);
}

const seller = client.api.seller;
const admin = client.api.admin;

export type LoginInput = { phone: string } | { email: string };
type ProducerInput = InferRequestType<typeof seller.producer.$post>["json"];
type ProducerPatch = InferRequestType<typeof seller.producer.$patch>["json"];
type NewProduct = InferRequestType<typeof seller.products.$post>["json"];
type ProductPatch = InferRequestType<(typeof seller.products)[":id"]["$patch"]>["json"];
export type SubmitInput = InferRequestType<(typeof seller.products)[":id"]["submit"]["$post"]>["json"];
export type BatchInput = InferRequestType<(typeof seller.products)[":id"]["batches"]["$post"]>["json"];
export type UploadRequest = InferRequestType<typeof seller.uploads.$post>["json"];
export type QueueQuery = InferRequestType<typeof admin.reviews.$get>["query"];
export type CollectionInput = InferRequestType<(typeof admin.collections)[":id"]["$put"]>["json"];
type ProvinceCode = InferRequestType<(typeof client.api.provinces)[":code"]["wards"]["$get"]>["param"]["code"];

export const authApi = {
  requestCode: (login: LoginInput) => send(client.api.auth.code.$post({ json: login })),
  verify: (login: LoginInput, code: string) => send(client.api.auth.verify.$post({ json: { ...login, code } })),
};

export const sellerApi = {
  register: (input: ProducerInput) => send(seller.producer.$post({ json: input })),
  producer: () => send(seller.producer.$get()),
  updateProducer: (patch: ProducerPatch) => send(seller.producer.$patch({ json: patch })),
  members: () => send(seller.members.$get()),
  removeMember: (id: string) => sendEmpty(seller.members[":id"].$delete({ param: { id } })),
  invitations: () => send(seller.invitations.$get()),
  invite: (login: LoginInput) => send(seller.invitations.$post({ json: login })),
  cancelInvitation: (id: string) => sendEmpty(seller.invitations[":id"].$delete({ param: { id } })),
  products: () => send(seller.products.$get()),
  createProduct: (input: NewProduct) => send(seller.products.$post({ json: input })),
  product: (id: string) => send(seller.products[":id"].$get({ param: { id } })),
  editProduct: (id: string, patch: ProductPatch) => send(seller.products[":id"].$patch({ param: { id }, json: patch })),
  submit: (id: string, input: SubmitInput) => send(seller.products[":id"].submit.$post({ param: { id }, json: input })),
  recordBatch: (id: string, input: BatchInput) =>
    send(seller.products[":id"].batches.$post({ param: { id }, json: input })),
  presign: (input: UploadRequest) => send(seller.uploads.$post({ json: input })),
};

/** The invitee's side: invitations to sell sent to the signed-in person's phone or e-mail. */
export const invitationApi = {
  mine: () => send(client.api.invitations.$get()),
  accept: (id: string) => send(client.api.invitations[":id"].accept.$post({ param: { id } })),
  decline: (id: string) => sendEmpty(client.api.invitations[":id"].decline.$post({ param: { id } })),
};

export const adminApi = {
  reviews: (query: QueueQuery) => send(admin.reviews.$get({ query })),
  item: (id: string) => send(admin.products[":id"].$get({ param: { id } })),
  approve: (id: string) => send(admin.products[":id"].approve.$post({ param: { id } })),
  reject: (id: string, reason: string) => send(admin.products[":id"].reject.$post({ param: { id }, json: { reason } })),
  suspend: (id: string, reason: string) =>
    send(admin.products[":id"].suspend.$post({ param: { id }, json: { reason } })),
  reinstate: (id: string) => send(admin.products[":id"].reinstate.$post({ param: { id } })),
  expiring: (days: number) => send(admin.expiring.$get({ query: { days: String(days) } })),
  dashboard: () => send(admin.dashboard.$get()),
  audit: (limit = 100) => send(admin.audit.$get({ query: { limit: String(limit) } })),
  collections: () => send(admin.collections.$get()),
  putCollection: (id: string, input: CollectionInput) =>
    send(admin.collections[":id"].$put({ param: { id }, json: input })),
  deleteCollection: (id: string) => sendEmpty(admin.collections[":id"].$delete({ param: { id } })),
};

export const catalogApi = {
  /** One province's wards at a time (about a hundred each): the whole list of 3,300 is never sent. */
  wards: (code: string) => send(client.api.provinces[":code"].wards.$get({ param: { code: code as ProvinceCode } })),
  trace: (id: string) => send(client.api.trace[":id"].$get({ param: { id } })),
};

export type SessionUser = Awaited<ReturnType<typeof authApi.verify>>["user"];
export type ProducerRecord = Awaited<ReturnType<typeof sellerApi.producer>>;
export type Member = Awaited<ReturnType<typeof sellerApi.members>>[number];
export type ProductRecord = Awaited<ReturnType<typeof sellerApi.products>>[number];
export type SellerProduct = Awaited<ReturnType<typeof sellerApi.product>>;
export type CertificateRecord = SellerProduct["certificates"][number];
export type BatchRecord = SellerProduct["batches"][number];
export type ReviewItem = Awaited<ReturnType<typeof adminApi.item>>;
export type AuditEntry = ReviewItem["audit"][number];
export type Dashboard = Awaited<ReturnType<typeof adminApi.dashboard>>;
export type Collection = Awaited<ReturnType<typeof adminApi.collections>>[number];
export type Ward = Awaited<ReturnType<typeof catalogApi.wards>>[number];
export type TraceInfo = Awaited<ReturnType<typeof catalogApi.trace>>;
export type ProductStatus = ProductRecord["status"];
