/** The web app's signed session cookie; CloudFront's API cache policy keys on it (stacks/Web.ts). */
export const SESSION_COOKIE = "ocop_session";
