import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { dynamo, tableName } from "./client";
import { createTableInput, TABLE } from "./table";

/** Creates the table when it is missing (DynamoDB Local; on AWS the stack owns it). Returns true if it created it. */
export async function ensureTable(name = tableName()): Promise<boolean> {
  const client = await dynamo();
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await client.send(new CreateTableCommand(createTableInput(name)));
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: name });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
    }),
  );
  return true;
}
