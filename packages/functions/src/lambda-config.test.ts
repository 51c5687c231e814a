import { afterAll, describe, expect, it } from "vitest";

// How SST hands bound secrets to sst/node/config: "__FETCH_FROM_SSM__" on AWS, here the values themselves (no SSM).
// sst/node/config reads them once, when first imported, so they are set before any import below.
const KEY = "k".repeat(48);
const before = { ...process.env };
Object.assign(process.env, {
  SST_APP: "cho-ocop",
  SST_STAGE: "test",
  SST_Secret_value_SESSION_SECRET: KEY,
  SST_Secret_value_STRIPE_SECRET_KEY: "sk_live_example",
  SST_Secret_value_STRIPE_WEBHOOK_SECRET: "whsec_example",
});
afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
});

describe("the Lambda's secrets", () => {
  it("on AWS, SESSION_SECRET and the Stripe keys are the SST secrets bound to the function", async () => {
    const { loadSecrets } = await import("./lambda-config");
    const env: NodeJS.ProcessEnv = { SST_APP: "cho-ocop", SESSION_SECRET: "stale" };
    loadSecrets(env);
    expect(env).toMatchObject({
      SESSION_SECRET: KEY,
      STRIPE_SECRET_KEY: "sk_live_example",
      STRIPE_WEBHOOK_SECRET: "whsec_example",
    });
  });

  it("skips the Stripe keys when card payments are not bound to the function", async () => {
    const { loadSecrets } = await import("./lambda-config");
    const saved = process.env.SST_Secret_value_STRIPE_SECRET_KEY;
    delete process.env.SST_Secret_value_STRIPE_SECRET_KEY;
    try {
      const env: NodeJS.ProcessEnv = { SST_APP: "cho-ocop" };
      loadSecrets(env);
      expect(env.STRIPE_SECRET_KEY).toBeUndefined();
      expect(env.SESSION_SECRET).toBe(KEY);
    } finally {
      process.env.SST_Secret_value_STRIPE_SECRET_KEY = saved;
    }
  });

  it("off AWS, the environment's SESSION_SECRET stays as it is", async () => {
    const { loadSecrets } = await import("./lambda-config");
    const env: NodeJS.ProcessEnv = { SESSION_SECRET: "from-the-local-env-file-0123456789abcdef" };
    loadSecrets(env);
    expect(env).toEqual({ SESSION_SECRET: "from-the-local-env-file-0123456789abcdef" });
  });
});
