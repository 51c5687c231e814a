import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { dynamodbOnFirstUse } from "../build/dynamodb-on-first-use";

const CORE = join(dirname(fileURLToPath(import.meta.url)), "../../core");

/** What a bundled ElectroDB loads: whether the DynamoDB SDK is loaded after import, and after its first call. */
const probe = `
import { Entity } from "electrodb";
import { createRequire } from "node:module";
const sdkLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes("lib-dynamodb"));
const atImport = sdkLoaded();
const client = { send: async (command) => ({ Item: { ...command.input.Key, noteId: "n1", __edb_e__: "note", __edb_v__: "1", text: "xin chào" } }) };
const notes = new Entity({
  model: { entity: "note", version: "1", service: "test" },
  attributes: { noteId: { type: "string", required: true }, text: { type: "string" } },
  indexes: { byId: { pk: { field: "pk", composite: ["noteId"] }, sk: { field: "sk", composite: [] } } },
}, { client, table: "t" });
const built = sdkLoaded();
const { data } = await notes.get({ noteId: "n1" }).go();
console.log(JSON.stringify({ atImport, built, afterFirstCall: sdkLoaded(), data }));
`;

it("the Lambda bundle's ElectroDB loads the DynamoDB SDK on its first call, not at import, and the call works", async () => {
  const out = await mkdtemp(join(tmpdir(), "cho-bundle-"));
  try {
    const file = join(out, "probe.mjs");
    await build({
      stdin: { contents: probe, resolveDir: CORE, loader: "js" },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: file,
      external: ["@aws-sdk/*"],
      banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
      logLevel: "silent",
      plugins: [dynamodbOnFirstUse],
    });
    // The SDK is resolved from where core has it, as the nodejs22.x runtime provides it to a function.
    const env = { PATH: process.env.PATH, NODE_PATH: join(CORE, "node_modules") };
    const result = JSON.parse(execFileSync(process.execPath, [file], { env }).toString());
    expect(result).toEqual({
      atImport: false,
      built: false,
      afterFirstCall: true,
      data: { noteId: "n1", text: "xin chào" },
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
