import { countDbCalls } from "@cho-ocop/core/db/client";
import { Site } from "@cho-ocop/core/site/index";
import { type AppEnv, actorContext, publicOrigin } from "./actor";
import { addresses } from "./addresses";
import { admin } from "./admin";
import { adminCommerce } from "./admin-commerce";
import { auth } from "./auth";
import { bodyLimits } from "./body-limit";
import { catalog } from "./catalog";
import { certificateAdmin, certificates } from "./certificates";
import { claims } from "./claims";
import { onlyThroughCloudFront } from "./cloudfront";
import { commerce } from "./commerce";
import { councilAdmin, councilMember, sheets } from "./councils";
import { refuseCrossSite } from "./cross-site";
import { renderDocs } from "./docs";
import { communeDossiers, sellerDossiers } from "./dossiers";
import { notFoundRoute, onError, router } from "./error";
import { fulfilment } from "./fulfilment";
import { live } from "./live";
import { producers } from "./producers";
import { products } from "./products";
import { invitations, seller } from "./seller";
import { sharedCacheHeaders } from "./shared-cache";
import { traceRoutes } from "./trace";
import { sellerVerification, staffVerification } from "./verification";
import { webhooks } from "./webhooks";

const base = router<AppEnv>();

// Before anything reads the request: callers that bypassed CloudFront on AWS, then cross-site requests riding a cookie.
base.use("/api/*", onlyThroughCloudFront);
base.use("/api/*", refuseCrossSite);
base.use("/api/*", bodyLimits);
// What CloudFront (and the local edge cache) may keep: anonymous storefront reads for seconds, nothing else.
base.use("/api/*", sharedCacheHeaders);

base.use("/api/*", async (c, next) => {
  const { calls } = await countDbCalls(next);
  // Lets tests and benchmarks see how many DynamoDB calls a request made.
  if (process.env.EXPOSE_DB_CALLS === "1") c.header("x-db-calls", String(calls));
});

base.use("/api/*", actorContext);
// Links in the messages a request sends (the order page in an SMS) name the site as this request reached it.
base.use("/api/*", (c, next) => Site.withOrigin(publicOrigin(c), next));

export const app = base
  .get("/api/health", (c) => c.json({ ok: true, status: "ok", time: new Date().toISOString() }))
  .route("/api/products", products)
  .route("/api", claims)
  .route("/api/producers", producers)
  .route("/api", catalog)
  .route("/api", auth)
  .route("/api/seller", seller)
  .route("/api/seller", sellerVerification)
  .route("/api/seller", sellerDossiers)
  .route("/api/commune", communeDossiers)
  .route("/api/invitations", invitations)
  .route("/api/admin", admin)
  .route("/api/admin", adminCommerce)
  .route("/api/admin", staffVerification)
  .route("/api", sheets)
  .route("/api/admin", councilAdmin)
  .route("/api/council", councilMember)
  .route("/api", commerce)
  .route("/api/me/addresses", addresses)
  .route("/api/seller/fulfilments", fulfilment)
  .route("/api/webhooks", webhooks)
  .route("/api", live)
  .route("/api/trace", traceRoutes)
  .route("/api", certificates)
  .route("/api/admin", certificateAdmin);

export type AppType = typeof app;

const DOC = {
  openapi: "3.1.0",
  info: {
    title: "Chợ OCOP API",
    version: "1.0.0",
    description: "Certified OCOP products (3★–5★) from Vietnam's 34 provinces. Money is integer VND.",
  },
};

base.doc31("/api/openapi.json", DOC);
base.get("/api/docs", (c) => c.html(renderDocs(base.getOpenAPI31Document(DOC) as never)));
base.notFound(notFoundRoute);
base.onError(onError);
