import { Config } from "sst/node/config";

declare module "sst/node/config" {
  export interface SecretResources {
    SESSION_SECRET: { value: string };
  }
}

/**
 * On AWS the signing key is the SST secret SESSION_SECRET (an SSM SecureString). sst/node/config fetches every
 * secret bound to the function in one GetParameters call during its top-level await, so by the time this runs it
 * is in memory. Locally (no SST_APP) SESSION_SECRET comes from the environment as it is.
 */
export function loadSecrets(env: NodeJS.ProcessEnv = process.env) {
  if (!env.SST_APP) return;
  env.SESSION_SECRET = Config.SESSION_SECRET;
}
