/**
 * The header CloudFront adds to every request it forwards to the API, with a generated secret (stacks/Web.ts,
 * stacks/Api.ts). The API refuses requests without it (api/cloudfront.ts), so its execute-api endpoint answers
 * nobody who bypasses CloudFront, and CloudFront-Viewer-Address can only be CloudFront's.
 */
export const ORIGIN_SECRET_HEADER = "x-origin-secret";
