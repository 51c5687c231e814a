import type { Plugin } from "esbuild";

const NAMESPACE = "dynamodb-on-first-use";

/**
 * ElectroDB requires `@aws-sdk/lib-dynamodb` and `@aws-sdk/util-dynamodb` when it is imported, which loads the whole
 * DynamoDB client (≈80 ms of a Lambda cold start) before the first request; it only reads them inside its calls.
 * This esbuild plugin hands ElectroDB, for the Lambda bundle, an object that requires the SDK package on first read.
 */
export const dynamodbOnFirstUse: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/(lib|util)-dynamodb$/ }, (args) => {
      if (!/[/\\]electrodb[/\\]/.test(args.importer)) return undefined;
      return { path: args.path, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: `let sdk;
const load = () => (sdk ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, { get: (_, name) => load()[name], has: (_, name) => name in load() });`,
      loader: "js",
    }));
  },
};
