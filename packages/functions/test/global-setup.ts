process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../src/local/dynamo";

/**
 * One DynamoDB Local (in memory) for the whole run, with the table created and the demo data seeded,
 * exactly as `pnpm start` does. Test files get its address through `inject("env")`.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  const uploads = await mkdtemp(join(tmpdir(), "cho-ocop-test-"));
  const env = {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: "cho-ocop-test",
    UPLOAD_DIR: uploads,
    STORAGE: "local",
    EXPOSE_DB_CALLS: "1",
    SESSION_SECRET: "test-signing-key-0123456789abcdef0123456789",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  Object.assign(process.env, env);
  try {
    const { compose } = await import("../src/adapters/index");
    await compose();
    const { ensureTable } = await import("@cho-ocop/core/db/migrate");
    const { seedDemo } = await import("../src/local/seed");
    await ensureTable();
    await seedDemo();
  } catch (err) {
    await dynamo.stop();
    throw err;
  }
  project.provide("env", env);
  return async () => {
    await dynamo.stop();
    await rm(uploads, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    env: Record<string, string>;
  }
}
