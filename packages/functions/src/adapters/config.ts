import { resolve } from "node:path";
import type { TableConfig } from "@cho-ocop/core/db/client";
import type { VietQr } from "@cho-ocop/core/payment/vietqr";
import type { Site } from "@cho-ocop/core/site/index";
import type { IvsConfig } from "./live/ivs-video";

/** Everything start-up chooses the adapters by. Only packages/functions reads it from the environment. */
export interface Config {
  table: TableConfig;
  /** SESSION_SECRET: an SST secret on AWS (lambda-config.ts), a generated file for `pnpm start`. */
  signingKey?: string;
  storage: { kind: "s3"; bucket: string; mediaUrl: string } | { kind: "local"; dir: string; mediaUrl: string };
  messages: { kind: "aws"; mailFrom: string } | { kind: "outbox" };
  /**
   * Card payments are on with the Stripe secret key. The webhook secret only verifies Stripe's calls: the API is bound
   * both (and answers 503 without either, lambda-config.ts), the expiry job only the key it cancels intents with.
   */
  stripe?: { secretKey: string; webhookSecret?: string; publishableKey: string; apiUrl?: string };
  vietQr: VietQr.Collecting;
  site: () => Site.Config;
  /**
   * IVS on AWS (checked when the adapters are built); otherwise `pnpm start` and the tests run the local live runtime
   * (src/local/live).
   */
  ivs?: Partial<IvsConfig>;
}

/**
 *   TABLE_NAME, DYNAMODB_ENDPOINT (DynamoDB Local), AWS_REGION (TABLE_REGION when the table is in another)
 *   STORAGE=s3 with BUCKET_NAME, else the folder UPLOAD_DIR (default .data/uploads); MEDIA_URL (default /media)
 *   MESSAGES=aws with MAIL_FROM, else the local outbox
 *   STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PUBLISHABLE_KEY, STRIPE_API_URL
 *   VIETQR_BANK_BIN, VIETQR_ACCOUNT, VIETQR_ACCOUNT_NAME; PUBLIC_URL, PORT
 *   LIVE_PROVIDER=ivs with IVS_REGION, IVS_RECORDING_CONFIGURATION_ARN, IVS_CHAT_REVIEW_HANDLER_ARN, SST_STAGE
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const mediaUrl = env.MEDIA_URL ?? "/media";
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PUBLISHABLE_KEY, STRIPE_API_URL } = env;
  return {
    table: {
      name: env.TABLE_NAME ?? "cho-ocop-local",
      endpoint: env.DYNAMODB_ENDPOINT,
      // The IVS region's chat review function reaches the app region's table (stacks/LiveMedia.ts).
      region: env.TABLE_REGION || env.AWS_REGION,
    },
    signingKey: env.SESSION_SECRET,
    storage:
      env.STORAGE === "s3"
        ? { kind: "s3", bucket: env.BUCKET_NAME ?? "", mediaUrl }
        : { kind: "local", dir: env.UPLOAD_DIR ?? resolve(".data/uploads"), mediaUrl },
    messages:
      env.MESSAGES === "aws" ? { kind: "aws", mailFrom: env.MAIL_FROM ?? "no-reply@cho-ocop.vn" } : { kind: "outbox" },
    stripe: STRIPE_SECRET_KEY
      ? {
          secretKey: STRIPE_SECRET_KEY,
          webhookSecret: STRIPE_WEBHOOK_SECRET || undefined,
          publishableKey: STRIPE_PUBLISHABLE_KEY ?? "",
          apiUrl: STRIPE_API_URL,
        }
      : undefined,
    vietQr: {
      bankBin: env.VIETQR_BANK_BIN,
      accountNumber: env.VIETQR_ACCOUNT,
      accountName: env.VIETQR_ACCOUNT_NAME,
    },
    // Read on each use, as before: a test sets PUBLIC_URL for the one link it checks.
    site: () => ({ publicUrl: env.PUBLIC_URL, port: env.PORT }),
    ivs:
      env.LIVE_PROVIDER === "ivs"
        ? {
            region: env.IVS_REGION,
            stage: env.SST_STAGE,
            recordingConfigurationArn: env.IVS_RECORDING_CONFIGURATION_ARN || undefined,
            chatReviewHandlerArn: env.IVS_CHAT_REVIEW_HANDLER_ARN || undefined,
            chatMessagingUrl: env.IVS_CHAT_MESSAGING_URL || undefined,
          }
        : undefined,
  };
}
