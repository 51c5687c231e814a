/**
 * `pnpm admin:create-staff --phone 0912345678 --scope central` (or `--email …`, `--scope <province code>`).
 * Locally it uses the running `pnpm start`'s database, or opens .data/ itself; against AWS set TABLE_NAME
 * (and AWS credentials) and it writes to that table.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SetupError, startDynamoLocal } from "./dynamo";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

const { values } = parseArgs({
  options: {
    phone: { type: "string" },
    email: { type: "string" },
    scope: { type: "string", default: "central" },
    name: { type: "string" },
  },
});

async function main() {
  const { PROVINCE_CODES } = await import("@cho-ocop/core/geo/province");
  if (!values.phone === !values.email)
    throw new SetupError("Give exactly one of --phone or --email.", "e.g. --phone 0912345678");
  const scope = values.scope ?? "central";
  if (scope !== "central" && !PROVINCE_CODES.includes(scope)) {
    throw new SetupError(
      `Unknown scope "${scope}".`,
      `Use --scope central or a province code: ${PROVINCE_CODES.join(", ")}.`,
    );
  }

  let stop = async () => {};
  if (!process.env.TABLE_NAME) {
    const dataDir = resolve(process.env.DATA_DIR ?? join(ROOT, ".data"));
    const endpointFile = join(dataDir, "dynamodb.endpoint");
    const running = existsSync(endpointFile) ? readFileSync(endpointFile, "utf8").trim() : "";
    const alive =
      running &&
      (await fetch(running).then(
        () => true,
        () => false,
      ));
    if (alive) {
      process.env.DYNAMODB_ENDPOINT = running;
    } else {
      const dynamo = await startDynamoLocal({ dbPath: join(dataDir, "dynamodb") });
      process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
      stop = dynamo.stop;
    }
    process.env.TABLE_NAME = "cho-ocop-local";
  }
  try {
    const { compose } = await import("../adapters/index");
    await compose();
    const { ensureTable } = await import("@cho-ocop/core/db/migrate");
    const { Account } = await import("@cho-ocop/core/account/index");
    if (process.env.DYNAMODB_ENDPOINT) await ensureTable();
    const login = values.phone ? { phone: values.phone } : { email: values.email ?? "" };
    const user = await Account.assign(login, { role: "staff", staffScope: scope, name: values.name });
    console.log(`staff account ready: ${values.phone ?? values.email} (${scope}), user ${user.userId}`);
    console.log("Sign in with a one-time code sent to that number or address.");
  } finally {
    await stop();
  }
}

main().catch((err) => {
  if (err instanceof SetupError) console.error(`${err.message}\nFix: ${err.fix}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
