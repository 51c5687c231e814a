/**
 * The local server's HTTP part alone (API, media, dev routes; no live runtime, no web build), as its own
 * process on PORT, for tests that kill it mid-request. Configuration comes from the environment the test gives.
 */

import { LocalStorage } from "@cho-ocop/core/storage/index";
import { serve } from "@hono/node-server";
import { compose } from "../src/adapters/index";

await compose();
const { localApp } = await import("../src/local/server");
const port = Number(process.env.PORT);
const app = localApp({
  webDist: process.env.UPLOAD_DIR ?? ".",
  storage: new LocalStorage(process.env.UPLOAD_DIR ?? "."),
});
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => console.log(`listening on ${port}`));
