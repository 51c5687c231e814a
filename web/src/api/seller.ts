import type { InferRequestType } from "hono/client";
import { client, noContent, ok } from "./client";

const seller = client.api.seller;
const invitations = client.api.invitations;

export type ProducerInput = InferRequestType<typeof seller.producer.$post>["json"];
export type ProducerPatch = InferRequestType<typeof seller.producer.$patch>["json"];
export type NewProduct = InferRequestType<typeof seller.products.$post>["json"];
export type ProductPatch = InferRequestType<(typeof seller.products)[":id"]["$patch"]>["json"];
export type SubmitInput = InferRequestType<(typeof seller.products)[":id"]["submit"]["$post"]>["json"];
export type BatchInput = InferRequestType<(typeof seller.products)[":id"]["batches"]["$post"]>["json"];
export type InviteInput = InferRequestType<typeof seller.invitations.$post>["json"];
export type UploadRequest = InferRequestType<typeof seller.uploads.$post>["json"];
export type VerificationInput = InferRequestType<typeof seller.verification.$post>["json"];

/** A seller's side: their producer and its team, their products, certificates, batches and uploads. */
export const sellerApi = {
  register: (input: ProducerInput) => ok(seller.producer.$post({ json: input })),
  producer: () => ok(seller.producer.$get()),
  updateProducer: (patch: ProducerPatch) => ok(seller.producer.$patch({ json: patch })),
  members: () => ok(seller.members.$get()),
  removeMember: (id: string) => noContent(seller.members[":id"].$delete({ param: { id } })),
  invitations: () => ok(seller.invitations.$get()),
  invite: (login: InviteInput) => ok(seller.invitations.$post({ json: login })),
  cancelInvitation: (id: string) => noContent(seller.invitations[":id"].$delete({ param: { id } })),
  products: () => ok(seller.products.$get()),
  createProduct: (input: NewProduct) => ok(seller.products.$post({ json: input })),
  product: (id: string) => ok(seller.products[":id"].$get({ param: { id } })),
  editProduct: (id: string, patch: ProductPatch) => ok(seller.products[":id"].$patch({ param: { id }, json: patch })),
  submit: (id: string, input: SubmitInput) => ok(seller.products[":id"].submit.$post({ param: { id }, json: input })),
  recordBatch: (id: string, input: BatchInput) =>
    ok(seller.products[":id"].batches.$post({ param: { id }, json: input })),
  presign: (input: UploadRequest) => ok(seller.uploads.$post({ json: input })),
  verification: () => ok(seller.verification.$get()),
  submitVerification: (input: VerificationInput) => ok(seller.verification.$post({ json: input })),
};

/** The invitee's side: invitations to sell sent to the signed-in person's phone or e-mail. */
export const invitationApi = {
  mine: () => ok(invitations.$get()),
  accept: (id: string) => ok(invitations[":id"].accept.$post({ param: { id } })),
  decline: (id: string) => noContent(invitations[":id"].decline.$post({ param: { id } })),
};

export type ProducerRecord = Awaited<ReturnType<typeof sellerApi.producer>>;
export type Member = Awaited<ReturnType<typeof sellerApi.members>>[number];
export type ProductRecord = Awaited<ReturnType<typeof sellerApi.products>>[number];
export type ProductStatus = ProductRecord["status"];
export type SellerProduct = Awaited<ReturnType<typeof sellerApi.product>>;
export type CertificateRecord = SellerProduct["certificates"][number];
export type BatchRecord = SellerProduct["batches"][number];
export type SellerVerification = Awaited<ReturnType<typeof sellerApi.verification>>;
