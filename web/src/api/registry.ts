import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

type SearchQuery = InferRequestType<typeof client.api.certificates.$get>["query"];

/** The public register of OCOP certificates: by number (what a certificate's QR opens) or by name within a province. */
export const registryApi = {
  lookup: (number: string) => ok(client.api.certificates[":number"].$get({ param: { number } })),
  search: (query: SearchQuery) => ok(client.api.certificates.$get({ query })),
};

export type ImportInput = InferRequestType<(typeof client.api.admin.certificates)["import"]["$post"]>["json"];

export const registryAdminApi = {
  import: (json: ImportInput) => ok(client.api.admin.certificates.import.$post({ json })),
};

/** The certificate as a printable PDF, its QR opening the certificate's page. */
export function certificatePdfUrl(number: string): string {
  return `/api/certificates/${encodeURIComponent(number)}/pdf`;
}

export function certificateQrImage(number: string): string {
  return client.api.certificates[":number"]["qr.svg"].$url({ param: { number } }).pathname;
}

export type PublicCertificate = Awaited<ReturnType<typeof registryApi.lookup>>;
