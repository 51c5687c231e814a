import { handle } from "hono/aws-lambda";
import { compose } from "./adapters/index";
import { loadSecrets } from "./lambda-config";

loadSecrets();
await compose();
// Loaded once the adapters are chosen: the entities read the table's name when imported.
const { app } = await import("./api/app");

export const handler = handle(app);
