import { RemovalPolicy } from "aws-cdk-lib";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { type StackContext, Table } from "sst/constructs";
import { TABLE } from "../packages/core/src/db/table";
import { isProd, keepLogs } from "./config";

/**
 * The item calls ElectroDB makes for the app (packages/core): reads, batch reads, queries, and the writes of single
 * items and of transactions (a transaction is authorised item by item, its condition checks included). Nothing that
 * reads or changes the table itself: no DescribeTable, UpdateTable or DeleteTable, no Scan, no streams.
 */
export const TABLE_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
];

/** What a function needs to work with the app's records: the table's name, its items, and queries on its indexes. */
export function tableAccess(table: Table) {
  return {
    environment: { TABLE_NAME: table.tableName },
    permissions: [
      new PolicyStatement({ effect: Effect.ALLOW, actions: TABLE_ITEM_ACTIONS, resources: [table.tableArn] }),
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["dynamodb:Query"],
        resources: [`${table.tableArn}/index/*`],
      }),
    ],
  };
}

export function Database({ stack, app }: StackContext) {
  keepLogs(stack);
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
