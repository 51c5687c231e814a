import { AsyncLocalStorage } from "node:async_hooks";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Configuration comes from the environment, read on first use:
 *   TABLE_NAME        the table (the stack sets it on AWS; `pnpm start` sets it locally)
 *   DYNAMODB_ENDPOINT DynamoDB Local's URL; unset on AWS
 */
export function tableName(): string {
  return process.env.TABLE_NAME ?? "cho-ocop-local";
}

/** Counts DynamoDB calls made while serving one request (see `countDbCalls`). */
const callCounter = new AsyncLocalStorage<{ calls: number }>();

export function countDbCalls<T>(work: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const store = { calls: 0 };
  return callCounter.run(store, async () => ({ result: await work(), calls: store.calls }));
}

let document: DynamoDBDocumentClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  if (document) return document;
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const client = new DynamoDBClient({
    region: process.env.AWS_REGION ?? "ap-southeast-1",
    ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
  client.middlewareStack.add(
    (next) => (args) => {
      const store = callCounter.getStore();
      if (store) store.calls++;
      return next(args);
    },
    { step: "initialize", name: "countDbCalls" },
  );
  document = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return document;
}

/** What ElectroDB is given: resolves the real client on first call, so configuration can be set after import. */
export const lazyClient = {
  send: (command: Parameters<DynamoDBDocumentClient["send"]>[0], options?: { abortSignal?: AbortSignal }) =>
    // biome-ignore lint/suspicious/noExplicitAny: the document client's send is overloaded per command
    dynamo().send(command as any, options),
};
