import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
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

it("the Lambda bundle makes a certificate PDF with the fonts installed beside it, as stacks/config.ts installs them", async () => {
  const out = await mkdtemp(join(tmpdir(), "cho-bundle-"));
  try {
    const file = join(out, "pdf.mjs");
    await build({
      stdin: {
        contents: `
import { certificatePdf } from "./src/register/certificate-pdf";
const bytes = await certificatePdf({ number: "OCOP-14-2026-0001", status: "valid", stars: 4,
  productName: "Chè Shan tuyết cổ thụ Tà Xùa", producerName: "HTX Chè Tà Xùa", provinceCode: "14", provinceName: "Sơn La",
  decisionNumber: "123/QĐ-UBND", decisionDate: "2026-03-01", issuer: "UBND tỉnh Sơn La", level: "province",
  validFrom: "2026-03-01", validUntil: "2029-03-01", superseded: false, changedAt: "2026-03-01T00:00:00Z" },
  "https://example.vn/chung-nhan/OCOP-14-2026-0001");
console.log(JSON.stringify({ head: Buffer.from(bytes.slice(0, 5)).toString(), size: bytes.length }));
`,
        resolveDir: CORE,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: file,
      external: ["@aws-sdk/*"],
      banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
      logLevel: "silent",
    });
    // nodejs.install puts the package in node_modules beside the bundle; nothing else is on the resolution path.
    await mkdir(join(out, "node_modules"));
    await symlink(join(CORE, "node_modules/dejavu-fonts-ttf"), join(out, "node_modules/dejavu-fonts-ttf"));
    const result = JSON.parse(execFileSync(process.execPath, [file], { env: { PATH: process.env.PATH } }).toString());
    expect(result.head).toBe("%PDF-");
    // Subset fonts: the whole DejaVu Sans alone is 740 KB.
    expect(result.size).toBeGreaterThan(5_000);
    expect(result.size).toBeLessThan(200_000);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
