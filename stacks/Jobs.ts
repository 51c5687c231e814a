import { Cron, type StackContext, use } from "sst/constructs";
import { LAMBDA_DEFAULTS } from "./config";
import { Database } from "./Database";

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

  return { sweeper };
}
