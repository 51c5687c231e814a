/** Settings read from the deploying shell; stacks stay plain functions of their context. */

export const isProd = (stage: string) => stage === "prod";

/**
 * Browser origins allowed to call the API directly and to PUT presigned uploads into the bucket.
 * The web itself reaches the API through its own CloudFront distribution (same origin), so this
 * list only matters for a custom domain and for a local dev server talking to a deployed stage.
 */
export function webOrigins(stage: string): string[] {
  const origins: string[] = [];
  const domain = process.env.WEB_DOMAIN?.trim();
  if (domain) origins.push(`https://${domain}`);
  if (!isProd(stage)) origins.push("http://localhost:3000", "http://localhost:5173");
  return origins;
}
