// Moved to web/src/api; this re-export stays until every importer is moved.
export * from "../api/admin";
export { ok as send } from "../api/client";
export * from "../api/seller";
export type { SessionUser } from "../api/session";
export type { TraceInfo, Ward } from "../api/storefront";
