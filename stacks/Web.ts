import path from "node:path";
import { Annotations, Duration } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BucketEncryption, Bucket as S3Bucket } from "aws-cdk-lib/aws-s3";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { SESSION_COOKIE } from "../packages/functions/src/api/session-cookie";
import { STOREFRONT_FRESH_SECONDS, STOREFRONT_STALE_SECONDS } from "../packages/functions/src/api/shared-cache";
import { ORIGIN_SECRET_HEADER } from "../packages/functions/src/edge";
import { securityHeaders } from "../packages/functions/src/security-headers";
import { Api } from "./Api";
import { accessLogsBucket, keepLogs, webCertificateArn, webDomain } from "./config";
import { Live } from "./Live";
import { Storage } from "./Storage";

/** The longest CloudFront keeps any API answer, whatever it says: a storefront read's whole lifetime. */
export const API_CACHE_MAX_SECONDS = STOREFRONT_FRESH_SECONDS + STOREFRONT_STALE_SECONDS;

// Client-side routes (a last path segment without a dot) get the SPA shell. This replaces
// distribution-wide 403/404 -> index.html error pages, which would also rewrite the API's 404s.
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

// The caller as CloudFront saw it, for the API (publicOrigin, clientIp); a viewer's own values under these names are
// replaced. An origin request policy adds the generated CloudFront-Viewer-Address only in modes that also forward
// Host (which API Gateway must not get) or in allow-lists (which cannot carry Authorization), so the function writes
// the address itself, in that header's "ip:port" form (the port is not known here: 0).
export const API_VIEWER_HEADERS = `function handler(event) {
  var request = event.request;
  var host = request.headers.host;
  if (host) request.headers["x-forwarded-host"] = { value: host.value };
  else delete request.headers["x-forwarded-host"];
  request.headers["cloudfront-viewer-address"] = { value: event.viewer.ip + ":0" };
  return request;
}`;

// IVS writes each recording under ivs/v1/… at the root of the recordings bucket; the site serves it under
// /recordings/ivs/v1/… (packages/functions/src/adapters/live/ivs-video.ts, recordingUrl), so the prefix goes before the request reaches S3.
export const RECORDINGS_PATH = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf("/recordings/") === 0) request.uri = request.uri.substring("/recordings".length);
  return request;
}`;

/**
 * Where the site's files come from: normally `pnpm run build` in web/ during the deploy.
 * WEB_DIST names an already built directory instead (a CI artifact, the offline synth, the stack tests).
 */
function siteSource() {
  const dist = process.env.WEB_DIST;
  if (dist) return { path: path.resolve(dist) };
  return {
    path: "web",
    buildCommand: "pnpm run build",
    buildOutput: "dist",
    // SST writes Vite env typings when it sees a vite config; keep them out of web/src.
    vite: { types: "../.sst/types/web-env.d.ts" },
  };
}

export function Web({ stack, app }: StackContext) {
  keepLogs(stack);
  const accessLogs = accessLogsBucket(stack, app.stage);
  const domain = webDomain();
  const certificateArn = webCertificateArn();
  const { api, originSecret } = use(Api);
  const { bucket } = use(Storage);
  const live = use(Live);

  const apiOrigin = new HttpOrigin(`${api.httpApiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
    protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    // Replaces any header of that name a viewer sends.
    customHeaders: { [ORIGIN_SECRET_HEADER]: originSecret.value },
  });

  // Referenced by attributes so the OAC origin does not add a statement naming this distribution to
  // the Storage stack's bucket policy (a cross-stack cycle); Storage grants CloudFront media/* itself.
  const mediaBucket = S3Bucket.fromBucketAttributes(stack, "MediaBucket", {
    bucketArn: bucket.bucketArn,
    bucketName: bucket.bucketName,
    bucketRegionalDomainName: bucket.cdk.bucket.bucketRegionalDomainName,
  });
  const mediaOrigin = S3BucketOrigin.withOriginAccessControl(mediaBucket);
  Annotations.of(stack).acknowledgeWarning(
    "@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac",
    "the Storage stack's bucket policy grants CloudFront read on media/*, the LiveMedia stack's on ivs/*",
  );

  // The replays: the recordings bucket is in the IVS region (stacks/LiveMedia.ts), known here by its name; its own
  // policy grants this account's distributions read on ivs/*.
  const recordingsBucket = S3Bucket.fromBucketAttributes(stack, "RecordingsBucket", {
    bucketName: live.recordingsBucket,
    region: live.ivsRegion,
    bucketRegionalDomainName: `${live.recordingsBucket}.s3.${live.ivsRegion}.${stack.urlSuffix}`,
  });
  const recordingsOrigin = S3BucketOrigin.withOriginAccessControl(recordingsBucket);
  const recordingsPath = new CloudFrontFunction(stack, "RecordingsPath", {
    code: FunctionCode.fromInline(RECORDINGS_PATH),
    runtime: FunctionRuntime.JS_2_0,
  });

  const spaRouting = new CloudFrontFunction(stack, "SpaRouting", {
    code: FunctionCode.fromInline(SPA_ROUTING),
    runtime: FunctionRuntime.JS_2_0,
  });

  const apiViewerHeaders = new CloudFrontFunction(stack, "ApiViewerHeaders", {
    code: FunctionCode.fromInline(API_VIEWER_HEADERS),
    runtime: FunctionRuntime.JS_2_0,
  });

  // The API's answers are cached only as the API says (packages/functions/src/api/shared-cache.ts): anonymous storefront
  // reads for seconds, the rest `private, no-store` (a default TTL of 0 keeps an answer without Cache-Control too).
  // Keyed on the query string; the session cookie and Authorization are in the key only so that a signed-in request
  // never shares the anonymous entry: the API answers those private, so nothing is stored under them.
  const apiCache = new CachePolicy(stack, "ApiCache", {
    comment: "API: anonymous storefront reads for the seconds the origin's Cache-Control allows, nothing personal",
    queryStringBehavior: CacheQueryStringBehavior.all(),
    cookieBehavior: CacheCookieBehavior.allowList(SESSION_COOKIE),
    headerBehavior: CacheHeaderBehavior.allowList("Authorization"),
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.seconds(API_CACHE_MAX_SECONDS),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });

  // Presigned uploads and signed links to certificate scans go to the bucket itself (packages/core/src/storage).
  const headers = siteHeaders(stack, `https://${bucket.cdk.bucket.bucketRegionalDomainName}`);

  const site = new StaticSite(stack, "Site", {
    ...siteSource(),
    // Same origin: the browser calls /api/* on the site's own domain.
    environment: { VITE_API_URL: "" },
    // The domain's DNS (a CNAME to the distribution) is its holder's to set: it need not be on Route 53.
    ...(domain && certificateArn
      ? {
          customDomain: {
            domainName: domain,
            isExternalDomain: true,
            cdk: { certificate: Certificate.fromCertificateArn(stack, "SiteCertificate", certificateArn) },
          },
        }
      : {}),
    cdk: {
      bucket: {
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: "site/",
      },
      distribution: {
        // Applies to the custom domain's certificate; CloudFront's own *.cloudfront.net certificate has its own policy.
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        enableLogging: true,
        logBucket: accessLogs,
        logFilePrefix: "cloudfront/",
        errorResponses: [],
        defaultBehavior: {
          functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
          responseHeadersPolicy: headers,
        },
        additionalBehaviors: {
          "/api/*": {
            origin: apiOrigin,
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: apiCache,
            compress: true,
            // All viewer headers (including those the function above sets), cookies and query strings; not Host,
            // which API Gateway needs to be its own.
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            functionAssociations: [{ function: apiViewerHeaders, eventType: FunctionEventType.VIEWER_REQUEST }],
            responseHeadersPolicy: headers,
          },
          "/media/*": {
            origin: mediaOrigin,
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
            cachePolicy: CachePolicy.CACHING_OPTIMIZED,
            compress: true,
            responseHeadersPolicy: headers,
          },
          // A recording is complete when its URL is handed out (Recording End), so it caches like media.
          "/recordings/*": {
            origin: recordingsOrigin,
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
            cachePolicy: CachePolicy.CACHING_OPTIMIZED,
            compress: true,
            functionAssociations: [{ function: recordingsPath, eventType: FunctionEventType.VIEWER_REQUEST }],
            responseHeadersPolicy: headers,
          },
        },
      },
    },
  });

  if (site.url) stack.addOutputs({ SiteUrl: site.url, ApiUrl: `${site.url}/api` });
  return { site };
}

/**
 * The security headers on every answer of the distribution (the web app, the API, media, replays), from the same
 * definition as the local server's (packages/functions/src/security-headers.ts), overriding any the origin sent.
 * HSTS only here: the site is HTTPS-only on AWS, while `pnpm start` also serves plain HTTP on the LAN.
 */
function siteHeaders(stack: StackContext["stack"], storageOrigin: string) {
  const set = securityHeaders({ storage: [storageOrigin] });
  const header = (name: string) => {
    const value = set[name];
    if (value === undefined) throw new Error(`security-headers.ts no longer sets ${name}`);
    return value;
  };
  const referrer = Object.values(HeadersReferrerPolicy).find((policy) => policy === header("referrer-policy"));
  if (!referrer) throw new Error(`CloudFront has no referrer policy ${header("referrer-policy")}`);
  const security = new Set(["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"]);
  return new ResponseHeadersPolicy(stack, "SecurityHeaders", {
    comment: "Chợ OCOP security headers (packages/functions/src/security-headers.ts)",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: header("content-security-policy"), override: true },
      contentTypeOptions: { override: true },
      frameOptions: {
        frameOption: header("x-frame-options") === "DENY" ? HeadersFrameOption.DENY : HeadersFrameOption.SAMEORIGIN,
        override: true,
      },
      referrerPolicy: { referrerPolicy: referrer, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: false, override: true },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(set)
        .filter(([name]) => !security.has(name))
        .map(([name, value]) => ({ header: name, value, override: true })),
    },
  });
}
