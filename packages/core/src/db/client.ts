import { AsyncLocalStorage } from "node:async_hooks";
import type { DynamoDBDocumentClient, QueryCommandInput, QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { AdapterNotConfigured } from "../util/adapter";

export interface TableConfig {
  /** The stack's table on AWS; `pnpm start` and the tests name theirs. */
  name: string;
  /** DynamoDB Local's URL; unset on AWS. */
  endpoint?: string;
  region?: string;
}

const LOCAL_TABLE = "cho-ocop-local";
let table: TableConfig | undefined;
/** The name the entities were built with: they read it once, when their module is first imported. */
let named: string | undefined;

export function useTable(next: TableConfig) {
  if (named !== undefined && named !== next.name) {
    throw new Error(
      `the entities were built for table ${named}, not ${next.name}: call useTable before importing them`,
    );
  }
  table = next;
  document = undefined;
}

export function tableName(): string {
  named = table?.name ?? LOCAL_TABLE;
  return named;
}

/** Counts DynamoDB calls made while serving one request (see `countDbCalls`). */
const callCounter = new AsyncLocalStorage<{ calls: number }>();

export function countDbCalls<T>(work: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const store = { calls: 0 };
  return callCounter.run(store, async () => ({ result: await work(), calls: store.calls }));
}

let document: Promise<DynamoDBDocumentClient> | undefined;

/** The document client, built on first call: the DynamoDB SDK is loaded then, not when the API is imported. */
export function dynamo(): Promise<DynamoDBDocumentClient> {
  if (document) return document;
  if (!table) throw new AdapterNotConfigured("DynamoDB", "the table (TABLE_NAME, DYNAMODB_ENDPOINT locally)");
  document = documentClient(table);
  return document;
}

async function documentClient({ endpoint, region }: TableConfig): Promise<DynamoDBDocumentClient> {
  const [{ DynamoDBClient }, { DynamoDBDocumentClient }] = await Promise.all([
    import("@aws-sdk/client-dynamodb"),
    import("@aws-sdk/lib-dynamodb"),
  ]);
  const client = new DynamoDBClient({
    region: region ?? "ap-southeast-1",
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
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** What ElectroDB is given: resolves the real client on first call, so configuration can be set after import. */
export const lazyClient = {
  send: async (command: Parameters<DynamoDBDocumentClient["send"]>[0], options?: { abortSignal?: AbortSignal }) =>
    // biome-ignore lint/suspicious/noExplicitAny: the document client's send is overloaded per command
    (await dynamo()).send(command as any, options),
};

/** One Query through the document client, for reads ElectroDB does not express. */
export async function queryItems(input: QueryCommandInput): Promise<QueryCommandOutput> {
  const [{ QueryCommand }, client] = await Promise.all([import("@aws-sdk/lib-dynamodb"), dynamo()]);
  return client.send(new QueryCommand(input));
}
