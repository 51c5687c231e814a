import { Cron, type StackContext, use } from "sst/constructs";
import { Api, liveNewsAccess } from "./Api";
import { keepLogs, LAMBDA_DEFAULTS, webDomain } from "./config";
import { Database, tableAccess } from "./Database";
import { Live } from "./Live";
import { Web } from "./Web";

/** Unpaid card and VietQR orders hold their stock 30 minutes; this releases it within 5 minutes after. */
export const ORDER_EXPIRY_SCHEDULE = "rate(5 minutes)";

/** A live whose stream dropped ends after its reconnect grace (60 s): checked every minute. */
export const LIVE_OFFLINE_SCHEDULE = "rate(1 minute)";

/** 00:05 in Vietnam (UTC+7, no daylight saving): just after a certificate's last valid day ends. */
export const SWEEP_SCHEDULE = "cron(5 17 * * ? *)";

/** 08:00 in Vietnam: certificate expiry reminders arrive in the working day. */
export const REMINDER_SCHEDULE = "cron(0 1 * * ? *)";

export function Jobs({ stack }: StackContext) {
  keepLogs(stack);
  const records = tableAccess(use(Database).table);

  const sweeper = new Cron(stack, "SweepExpired", {
    schedule: SWEEP_SCHEDULE,
    job: {
      function: {
        ...LAMBDA_DEFAULTS,
        handler: "packages/functions/src/jobs.sweepExpired",
        description: "Takes products whose OCOP certificate ran out off the storefront",
        memorySize: "512 MB",
        timeout: "5 minutes",
        environment: records.environment,
        permissions: records.permissions,
      },
    },
  });

  const { stripeKey, messaging } = use(Api);
  const { site } = use(Web);
  // The site's custom domain, as the API names it, else CloudFront's.
  const domain = webDomain();
  const siteUrl = domain ? `https://${domain}` : (site.url ?? "");
  const orderExpiry = new Cron(stack, "ExpireUnpaidOrders", {
    schedule: ORDER_EXPIRY_SCHEDULE,
    job: {
      function: {
        ...LAMBDA_DEFAULTS,
        handler: "packages/functions/src/jobs.expireUnpaidOrders",
        description: "Cancels unpaid card and VietQR orders after 30 minutes and gives their stock back",
        memorySize: "512 MB",
        timeout: "2 minutes",
        // The table; Stripe's key to cancel the payment intent (when card payments are on), not its webhook secret;
        // SMS to tell the shopper.
        bind: stripeKey,
        // PUBLIC_URL: the cancellation text links the order's page, and no request names the site to a job.
        environment: {
          ...records.environment,
          ...messaging.environment,
          PUBLIC_URL: siteUrl,
        },
        permissions: [...records.permissions, ...messaging.permissions],
      },
    },
  });

  const reminders = new Cron(stack, "RemindExpiring", {
    schedule: REMINDER_SCHEDULE,
    job: {
      function: {
        ...LAMBDA_DEFAULTS,
        handler: "packages/functions/src/jobs.remindExpiring",
        description:
          "Reminds producers 90 and 30 days before their OCOP certificate expires, linking a renewal dossier",
        memorySize: "512 MB",
        timeout: "5 minutes",
        // PUBLIC_URL: the reminder links the renewal dossier, and no request names the site to a job.
        environment: { ...records.environment, ...messaging.environment, PUBLIC_URL: siteUrl },
        permissions: [...records.permissions, ...messaging.permissions],
      },
    },
  });

  const news = liveNewsAccess(stack, use(Live));
  const liveOffline = new Cron(stack, "EndOfflineLives", {
    schedule: LIVE_OFFLINE_SCHEDULE,
    job: {
      function: {
        ...LAMBDA_DEFAULTS,
        handler: "packages/functions/src/jobs.endOfflineLives",
        description:
          "Ends live sessions whose stream dropped past the reconnect grace; tells each live's room its viewers, likes and deal; deletes ended lives' rooms",
        memorySize: "256 MB",
        timeout: "1 minute",
        environment: { ...records.environment, ...news.environment, LIVE_RECONNECT_GRACE_SECONDS: "60" },
        permissions: [...records.permissions, ...news.permissions],
      },
    },
  });

  return { sweeper, orderExpiry, liveOffline, reminders };
}
