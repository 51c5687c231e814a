import type { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { loadSecrets } from "./lambda-config";

/**
 * A stage deployed without a secret it needs still starts: every route, /api/health included, answers 503 naming what
 * is missing (api/unconfigured.ts), where a throw here would fail every cold start.
 */
const missing = await loadSecrets();
const app: Hono = missing.length > 0 ? await unconfigured(missing) : await configured();

async function configured() {
  const { compose } = await import("./adapters/index");
  await compose();
  // Loaded once the adapters are chosen: the entities read the table's name when imported.
  return (await import("./api/app")).app as unknown as Hono;
}

async function unconfigured(names: string[]) {
  console.error(`The API is not configured: ${names.join(", ")} missing`);
  return (await import("./api/unconfigured")).unconfiguredApp(names);
}

export const handler = handle(app);
