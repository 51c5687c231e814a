import { Cron, type StackContext, use } from "sst/constructs";
import { Api } from "./Api";
import { LAMBDA_DEFAULTS } from "./config";
import { Database } from "./Database";

/** Unpaid card and VietQR orders hold their stock 30 minutes; this releases it within 5 minutes after. */
export const ORDER_EXPIRY_SCHEDULE = "rate(5 minutes)";

/** 00:05 in Vietnam (UTC+7, no daylight saving): just after a certificate's last valid day ends. */
export const SWEEP_SCHEDULE = "cron(5 17 * * ? *)";

export function Jobs({ stack }: StackContext) {
  const { table } = use(Database);

  const sweeper = new Cron(stack, "SweepExpired", {
    schedule: SWEEP_SCHEDULE,
    job: {
      function: {
        ...LAMBDA_DEFAULTS,
        handler: "packages/functions/src/jobs.sweepExpired",
        description: "Takes products whose OCOP certificate ran out off the storefront",
        memorySize: "512 MB",
        timeout: "5 minutes",
        bind: [table],
        environment: { TABLE_NAME: table.tableName },
      },
    },
  });

  const { stripeSecrets, messaging } = use(Api);
  const orderExpiry = new Cron(stack, "ExpireUnpaidOrders", {
    schedule: ORDER_EXPIRY_SCHEDULE,
    job: {
      function: {
        ...LAMBDA_DEFAULTS,
        handler: "packages/functions/src/jobs.expireUnpaidOrders",
        description: "Cancels unpaid card and VietQR orders after 30 minutes and gives their stock back",
        memorySize: "512 MB",
        timeout: "2 minutes",
        // The table; Stripe to cancel the payment intent (when card payments are on); SMS to tell the shopper.
        bind: [table, ...stripeSecrets],
        environment: { TABLE_NAME: table.tableName, ...messaging.environment },
        permissions: messaging.permissions,
      },
    },
  });

  return { sweeper, orderExpiry };
}
