import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Secret as GeneratedSecret } from "aws-cdk-lib/aws-secretsmanager";
import type { Stack } from "sst/constructs";
import { Config, Api as HttpApi, type StackContext, use } from "sst/constructs";
import {
  cardPublishableKey,
  isProd,
  keepLogs,
  LAMBDA_DEFAULTS,
  mailFrom,
  mailIdentities,
  webDomain,
  webOrigins,
} from "./config";
import { Database, tableAccess } from "./Database";
import { Live } from "./Live";
import { bucketAccess, Storage } from "./Storage";

export function Api({ stack, app }: StackContext) {
  keepLogs(stack);
  const records = tableAccess(use(Database).table);
  const files = bucketAccess(use(Storage).bucket);
  const origins = webOrigins(app.stage);
  const domain = webDomain();
  const from = mailFrom();

  // Signs sessions, sign-in codes and upload tickets. Set per stage: `pnpm sst secrets set SESSION_SECRET … --stage …`;
  // packages/functions/src/lambda-config.ts reads it into process.env on cold start.
  const sessionSecret = new Config.Secret(stack, "SESSION_SECRET");
  const publishableKey = cardPublishableKey();
  // The key makes and cancels payments; the webhook secret only verifies Stripe's calls, so jobs get the key alone.
  const stripeKey = publishableKey ? [new Config.Secret(stack, "STRIPE_SECRET_KEY")] : [];
  const stripeSecrets = publishableKey ? [...stripeKey, new Config.Secret(stack, "STRIPE_WEBHOOK_SECRET")] : [];
  const messaging = messagingAccess(stack, from);
  const live = liveAccess(stack, use(Live));
  const originSecret = cloudFrontOriginSecret(stack);
  const prod = isProd(app.stage);

  const api = new HttpApi(stack, "Api", {
    defaults: {
      function: {
        ...LAMBDA_DEFAULTS,
        memorySize: "1024 MB",
        timeout: "10 seconds",
        // Only the secrets are bound: SST's binding of a table or bucket would grant dynamodb:* or s3:* on it.
        bind: [sessionSecret, ...stripeSecrets],
        environment: {
          ...records.environment,
          ...files.environment,
          MEDIA_URL: "/media",
          ...messaging.environment,
          ...live.environment,
          ...(publishableKey ? { STRIPE_PUBLISHABLE_KEY: publishableKey } : {}),
          // The bank account VietQR transfers go to (a demo account when unset).
          ...Object.fromEntries(
            ["VIETQR_BANK_BIN", "VIETQR_ACCOUNT", "VIETQR_ACCOUNT_NAME"].flatMap((name) =>
              process.env[name] ? [[name, process.env[name] as string]] : [],
            ),
          ),
          // Links the API hands out (the trace QR code) name the site; without a custom domain the API takes the
          // host CloudFront forwards as x-forwarded-host (stacks/Web.ts).
          ...(domain ? { PUBLIC_URL: `https://${domain}` } : {}),
          // What CloudFront adds to every request it forwards (stacks/Web.ts): the API refuses requests without it.
          ORIGIN_SECRET: originSecret.value,
        },
        permissions: [...records.permissions, ...files.permissions, ...messaging.permissions, ...live.permissions],
      },
      throttle: API_THROTTLE[prod ? "prod" : "dev"],
    },
    // The Hono app routes everything under /api/*; the web distribution forwards /api/* here.
    routes: { $default: "packages/functions/src/lambda.handler" },
    cors:
      origins.length > 0
        ? { allowOrigins: origins, allowMethods: ["ANY"], allowHeaders: ["*"], maxAge: "1 day" }
        : false,
  });

  stack.addOutputs({ ApiEndpoint: api.url });
  return { api, sessionSecret, stripeKey, stripeSecrets, messaging, originSecret };
}

/**
 * The stage's ceiling on requests per second (steady rate and burst) across the whole API, far above its traffic and
 * far below the account's 10,000: a flood is cut off at API Gateway before it costs Lambda time or DynamoDB capacity.
 * Per caller limits (sign-in codes, chat) are the app's own.
 */
export const API_THROTTLE = { prod: { rate: 500, burst: 1000 }, dev: { rate: 50, burst: 100 } } as const;

/**
 * A secret that only CloudFront and the API know, generated once by Secrets Manager: CloudFront sends it in a header
 * to the API's origin, and the API refuses requests without it (packages/functions/src/api/cloudfront.ts), so a direct
 * call to the execute-api endpoint gets nowhere and cannot forge CloudFront-Viewer-Address. The HTTP API's default
 * endpoint stays on because it is what CloudFront reaches without a custom API domain. The value reaches both through
 * a CloudFormation dynamic reference (resolved at deploy, never in the template); CloudFront's configuration holds it
 * in the clear anyway, so the function gets it the same way rather than through an SDK call at cold start.
 */
function cloudFrontOriginSecret(stack: Stack) {
  const secret = new GeneratedSecret(stack, "OriginSecret", {
    description: "Header value CloudFront adds to requests for the API (x-origin-secret)",
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });
  return { secret, value: secret.secretValue.unsafeUnwrap() };
}

/** What a function needs to send SMS (SNS) and e-mail (SES) as the app. */
export function messagingAccess(stack: Stack, from: string) {
  return {
    environment: { MESSAGES: "aws", MAIL_FROM: from },
    permissions: [
      // SMS to a phone number has no ARN to name (IAM sees the number itself), so Publish needs "*";
      // the Deny keeps it from reaching any topic or push endpoint.
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["sns:Publish"], resources: ["*"] }),
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ["sns:Publish"],
        resources: [`arn:${stack.partition}:sns:*:*:*`],
      }),
      // SES v2 SendEmail is authorised on the sending identity: the MAIL_FROM address or its domain.
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ses:SendEmail"],
        resources: mailIdentities(from).map(
          (identity) => `arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${identity}`,
        ),
      }),
    ],
  };
}

/**
 * What the minutely live job needs of IVS and IVS Chat, in the IVS region and this account only: each live's viewer
 * count (GetStream), its room told the audience (SendEvent), an ended live's room deleted (DeleteRoom).
 */
export function liveNewsAccess(stack: Stack, live: { ivsRegion: string }) {
  const arn = (service: "ivs" | "ivschat", resource: string) =>
    `arn:${stack.partition}:${service}:${live.ivsRegion}:${stack.account}:${resource}`;
  return {
    environment: { LIVE_PROVIDER: "ivs", IVS_REGION: live.ivsRegion },
    permissions: [
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["ivs:GetStream"], resources: [arn("ivs", "channel/*")] }),
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ivschat:SendEvent", "ivschat:DeleteRoom"],
        resources: [arn("ivschat", "room/*")],
      }),
    ],
  };
}

/**
 * What the API needs of IVS and IVS Chat (packages/functions/src/adapters/live/ivs-*.ts), in the IVS region and this account only.
 * Channel and room ids are IVS's, so the grants name every channel and room there; the app's own are tagged
 * `app=cho-ocop`, `stage=<stage>`.
 */
export function liveAccess(
  stack: Stack,
  live: { ivsRegion: string; recordingConfigurationArn: string; chatReviewHandlerArn: string },
) {
  const arn = (service: "ivs" | "ivschat", resource: string) =>
    `arn:${stack.partition}:${service}:${live.ivsRegion}:${stack.account}:${resource}`;
  const channels = arn("ivs", "channel/*");
  const streamKeys = arn("ivs", "stream-key/*");
  const rooms = arn("ivschat", "room/*");
  return {
    environment: {
      LIVE_PROVIDER: "ivs",
      IVS_REGION: live.ivsRegion,
      IVS_RECORDING_CONFIGURATION_ARN: live.recordingConfigurationArn,
      IVS_CHAT_REVIEW_HANDLER_ARN: live.chatReviewHandlerArn,
    },
    permissions: [
      // CreateChannel is authorised on the new channel and its stream key, and names the stage's recording
      // configuration; the tags it sets need TagResource.
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ivs:CreateChannel"],
        resources: [channels, streamKeys, live.recordingConfigurationArn],
      }),
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["ivs:TagResource"], resources: [channels, streamKeys] }),
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ivs:PutMetadata", "ivs:StopStream", "ivs:GetStream"],
        resources: [channels],
      }),
      // Ending a live replaces the channel's stream key (rotateStreamKey): the old one is listed and deleted, a new
      // one created and tagged.
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ivs:ListStreamKeys", "ivs:CreateStreamKey"],
        resources: [channels, streamKeys],
      }),
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["ivs:DeleteStreamKey"], resources: [streamKeys] }),
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [
          "ivschat:CreateRoom",
          "ivschat:TagResource",
          "ivschat:CreateChatToken",
          "ivschat:DeleteMessage",
          "ivschat:DisconnectUser",
          "ivschat:SendEvent",
          "ivschat:DeleteRoom",
        ],
        resources: [rooms],
      }),
    ],
  };
}
