/**
 * `pnpm deploy:check --stage <stage> [--region <region>] [--profile <profile>]`: before `sst deploy` (the root
 * `deploy` script runs it first), lists the secrets the stage's API needs that SSM Parameter Store does not hold, and
 * exits 1 if there is any. Values are read to check them and never printed.
 */
import { fileURLToPath } from "node:url";
import { GetParametersByPathCommand, SSMClient } from "@aws-sdk/client-ssm";
import { APP_REGION } from "../../../stacks/config";
import {
  fallbackPrefix,
  requiredSecrets,
  type SecretName,
  secretParameter,
  secretProblem,
  stagePrefix,
} from "./lambda-config";

/** sst.config.ts `config().name`. */
export const APP = "cho-ocop";

export interface SecretCheck {
  name: SecretName;
  /** Where its value comes from; absent when it has none. */
  from?: "stage" | "fallback";
  /** What is wrong with it, naming it (lambda-config.ts `secretProblem`); absent when it is fine. */
  problem?: string;
}

/** Every parameter under `path`, by name, following SSM's pages. */
async function parametersUnder(ssm: SSMClient, path: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(
      new GetParametersByPathCommand({ Path: path, Recursive: true, WithDecryption: true, NextToken }),
    );
    for (const p of page.Parameters ?? []) if (p.Name && p.Value !== undefined) found.set(p.Name, p.Value);
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}

/** The stage's required secrets (lambda-config.ts `requiredSecrets`), each with where its value is and what is wrong. */
export async function checkSecrets(ssm: SSMClient, stage: string, env: NodeJS.ProcessEnv): Promise<SecretCheck[]> {
  const own = stagePrefix(APP, stage);
  const fallback = fallbackPrefix(APP);
  const [stageValues, fallbackValues] = await Promise.all([
    parametersUnder(ssm, `${own}Secret`),
    parametersUnder(ssm, `${fallback}Secret`),
  ]);
  return requiredSecrets(env).map((name) => {
    const ownValue = stageValues.get(secretParameter(own, name));
    const fallbackValue = fallbackValues.get(secretParameter(fallback, name));
    const from = ownValue ? "stage" : fallbackValue ? "fallback" : undefined;
    const problem = secretProblem(name, ownValue || fallbackValue);
    return { name, ...(from ? { from } : {}), ...(problem ? { problem } : {}) };
  });
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  if (at >= 0) return argv[at + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export interface Io {
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** The SSM client of the deploying shell's credentials; the tests pass one for the fake. */
  ssm?: (region: string, profile: string | undefined) => SSMClient;
}

/** The exit code: 0 when the stage has every secret it needs, 1 when one is missing or SSM could not be read. */
export async function deployCheck(argv: string[], io: Io): Promise<number> {
  const { env, log } = io;
  const stage = option(argv, "stage") ?? env.SST_STAGE;
  if (!stage) {
    log("Usage: pnpm deploy:check --stage <stage> [--region <region>] [--profile <profile>]");
    return 2;
  }
  const region = option(argv, "region") ?? APP_REGION;
  if (region !== APP_REGION) {
    log(`${APP} ${stage} in ${region}: the live video stack takes no secrets; nothing to check.`);
    return 0;
  }
  const profile = option(argv, "profile") ?? env.AWS_PROFILE;
  const ssm = io.ssm?.(region, profile) ?? new SSMClient({ region, ...(profile ? { profile } : {}) });
  const cards = Boolean(requiredSecrets(env).includes("STRIPE_SECRET_KEY"));
  log(
    `Secrets of ${APP} ${stage} (SSM Parameter Store, ${region}); card payments ${cards ? "on (STRIPE_PUBLISHABLE_KEY set)" : "off"}:`,
  );
  let checks: SecretCheck[];
  try {
    checks = await checkSecrets(ssm, stage, env);
  } catch (error) {
    log(`  could not read SSM: ${(error as Error).name}: ${(error as Error).message}`);
    return 1;
  }
  for (const { name, from, problem } of checks) {
    if (!problem) log(`  ok       ${name} (${from === "fallback" ? "the fallback value" : "set for the stage"})`);
    else if (from) log(`  invalid  ${problem}: pnpm sst secrets set ${name} <value> --stage ${stage}`);
    else log(`  missing  ${name}: pnpm sst secrets set ${name} <value> --stage ${stage}`);
  }
  const missing = checks.flatMap((c) => c.problem ?? []);
  if (missing.length === 0) {
    log("Every secret the API needs is set.");
    return 0;
  }
  log(`Missing: ${missing.join(", ")}. Set them before deploying: until then the API answers 503.`);
  return 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await deployCheck(process.argv.slice(2), { env: process.env, log: console.log });
}
