import { handle } from "hono/aws-lambda";
import { app } from "./api/app";
import { loadSecrets } from "./lambda-config";

loadSecrets();

export const handler = handle(app);
