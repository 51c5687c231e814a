import type { SSMClient } from "@aws-sdk/client-ssm";

/** The SST secrets (stacks/Api.ts): the signing key, and the Stripe keys when card payments are on. */
export const SECRETS = ["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] as const;
export type SecretName = (typeof SECRETS)[number];

const SESSION_SECRET_MIN_LENGTH = 32;

/** What `sst bind` puts in a function's environment for a secret whose value lives in SSM. */
export const FETCH_FROM_SSM = "__FETCH_FROM_SSM__";

/**
 * The secrets a stage cannot serve without: SESSION_SECRET always; the Stripe secret key and webhook secret when the
 * stage is deployed with STRIPE_PUBLISHABLE_KEY (card payments on, stacks/config.ts `cardPublishableKey`).
 */
export function requiredSecrets(env: NodeJS.ProcessEnv): SecretName[] {
  return env.STRIPE_PUBLISHABLE_KEY?.trim() ? [...SECRETS] : ["SESSION_SECRET"];
}

/** Why a required secret's value cannot be used, naming the secret and never showing the value. */
export function secretProblem(name: SecretName, value: string | undefined): string | undefined {
  if (!value) return name;
  if (name === "SESSION_SECRET" && value.length < SESSION_SECRET_MIN_LENGTH) {
    return `SESSION_SECRET (at least ${SESSION_SECRET_MIN_LENGTH} characters)`;
  }
  return undefined;
}

/** The settings the API is missing, by name: empty when it can serve. */
export function missingSettings(env: NodeJS.ProcessEnv): string[] {
  return requiredSecrets(env).flatMap((name) => secretProblem(name, env[name]) ?? []);
}

/** Where SST v2 keeps a stage's secret: `/sst/<app>/<stage>/Secret/<NAME>/value` (SST_SSM_PREFIX on AWS). */
export function secretParameter(prefix: string, name: string): string {
  return `${prefix}Secret/${name}/value`;
}

export const stagePrefix = (app: string, stage: string) => `/sst/${app}/${stage}/`;

/** `pnpm sst secrets set --fallback`: the value for every stage that has none of its own. */
export const fallbackPrefix = (app: string) => `/sst/${app}/.fallback/`;

/**
 * On AWS (SST_APP set) the secrets bound to the function are read into the environment: a bound value as it is
 * (`sst dev`, the tests), a "__FETCH_FROM_SSM__" one from SSM Parameter Store, the stage's own value else the
 * fallback, in one GetParameters call each. The SSM client is loaded only then. A secret that is not set, or that SSM
 * would not give, stays missing: the API then answers 503 naming it rather than failing to start. Locally the
 * environment holds them already. Returns what the API is missing (`missingSettings`).
 */
export async function loadSecrets(env: NodeJS.ProcessEnv = process.env, client?: SSMClient): Promise<string[]> {
  if (env.SST_APP) {
    const fromSsm: SecretName[] = [];
    for (const name of SECRETS) {
      const bound = env[`SST_Secret_value_${name}`];
      if (bound === undefined) continue;
      if (bound === FETCH_FROM_SSM) fromSsm.push(name);
      else env[name] = bound;
    }
    if (fromSsm.length > 0) Object.assign(env, await readFromSsm(env, fromSsm, client));
  }
  return missingSettings(env);
}

async function readFromSsm(
  env: NodeJS.ProcessEnv,
  names: SecretName[],
  client?: SSMClient,
): Promise<Partial<Record<SecretName, string>>> {
  const { GetParametersCommand, SSMClient } = await import("@aws-sdk/client-ssm");
  const ssm = client ?? new SSMClient({ region: env.SST_REGION ?? env.AWS_REGION });
  const app = env.SST_APP ?? "";
  const prefixes = [env.SST_SSM_PREFIX || stagePrefix(app, env.SST_STAGE ?? ""), fallbackPrefix(app)];
  const found: Partial<Record<SecretName, string>> = {};
  try {
    for (const prefix of prefixes) {
      const wanted = names.filter((name) => found[name] === undefined);
      if (wanted.length === 0) break;
      const { Parameters = [] } = await ssm.send(
        new GetParametersCommand({ Names: wanted.map((name) => secretParameter(prefix, name)), WithDecryption: true }),
      );
      for (const name of wanted) {
        const value = Parameters.find((p) => p.Name === secretParameter(prefix, name))?.Value;
        if (value) found[name] = value;
      }
    }
  } catch (error) {
    console.error(`SSM did not give ${names.join(", ")}: ${(error as Error).name}`);
  }
  return found;
}
