// The checkout quote moved beside checkout; this stays until every importer reads it from there.
export * from "../checkout/quote";
