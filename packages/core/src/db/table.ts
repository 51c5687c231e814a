/**
 * The one DynamoDB table, described once for both the SST stack and DynamoDB Local.
 * Every attribute here is a key; items carry their other attributes freely.
 *
 *   pk / sk        item collections: a producer; a product with its certificates and its storefront items
 *   gsi1pk/gsi1sk  listings by shelf, newest first; products by producer; producers by province
 *   gsi2pk/gsi2sk  listings by shelf, by price
 *   gsi3pk/gsi3sk  listings by shelf, by stars then score
 *   gsi4pk/gsi4sk  search words: the whole folded word → relevance (best first, one page a Query); orders by staff scope and status
 *   expiresAt      TTL (epoch seconds) for short-lived items
 */
export const TABLE = {
  fields: {
    pk: "string",
    sk: "string",
    gsi1pk: "string",
    gsi1sk: "string",
    gsi2pk: "string",
    gsi2sk: "string",
    gsi3pk: "string",
    gsi3sk: "string",
    gsi4pk: "string",
    gsi4sk: "string",
  },
  primaryIndex: { partitionKey: "pk", sortKey: "sk" },
  globalIndexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
    gsi4: { partitionKey: "gsi4pk", sortKey: "gsi4sk" },
  },
  timeToLiveAttribute: "expiresAt",
} as const;

type KeyField = keyof typeof TABLE.fields;

/** CreateTable input for DynamoDB Local (on AWS the stack creates it). */
export function createTableInput(tableName: string) {
  const attributes = Object.keys(TABLE.fields) as KeyField[];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: "S" as const })),
    KeySchema: [
      { AttributeName: TABLE.primaryIndex.partitionKey, KeyType: "HASH" as const },
      { AttributeName: TABLE.primaryIndex.sortKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: Object.entries(TABLE.globalIndexes).map(([IndexName, index]) => ({
      IndexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" as const },
        { AttributeName: index.sortKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
  };
}
