import { RemovalPolicy } from "aws-cdk-lib";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { type StackContext, Table } from "sst/constructs";
import { TABLE } from "../packages/core/src/db/table";
import { isProd } from "./config";

export function Database({ stack, app }: StackContext) {
  const prod = isProd(app.stage);
  const table = new Table(stack, "Table", {
    fields: TABLE.fields,
    primaryIndex: TABLE.primaryIndex,
    globalIndexes: TABLE.globalIndexes,
    timeToLiveAttribute: TABLE.timeToLiveAttribute,
    cdk: {
      table: {
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecovery: true,
        deletionProtection: prod,
        removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });
  // For operator scripts run against the stage, e.g. `TABLE_NAME=<TableName> pnpm admin:create-staff ...`.
  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
