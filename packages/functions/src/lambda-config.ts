import { Config } from "sst/node/config";

declare module "sst/node/config" {
  export interface SecretResources {
    SESSION_SECRET: { value: string };
    STRIPE_SECRET_KEY: { value: string };
    STRIPE_WEBHOOK_SECRET: { value: string };
  }
}

const SECRETS = ["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] as const;

/**
 * On AWS the signing key and (when card payments are on) the Stripe keys are SST secrets (SSM SecureStrings).
 * sst/node/config fetches every secret bound to the function in one GetParameters call during its top-level await,
 * so by the time this runs they are in memory. A secret not bound to this function is skipped. Locally (no SST_APP)
 * they come from the environment as they are.
 */
export function loadSecrets(env: NodeJS.ProcessEnv = process.env) {
  if (!env.SST_APP) return;
  for (const name of SECRETS) {
    // sst/node/config reads the binding from process.env; a secret not bound to this function is not there.
    if (!process.env[`SST_Secret_value_${name}`]) continue;
    env[name] = Config[name];
  }
}
