/** The fields of a province's OCOP list, in the order of the national system's columns (the import page shows them so). */
export const IMPORT_FIELDS = [
  "productName",
  "producerName",
  "province",
  "stars",
  "number",
  "issuedOn",
  "expiresOn",
  "decisionNumber",
  "issuer",
  "phone",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
