import { SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSsm, startFakeSsm } from "../../testkit/src/fake-ssm";
import { loadSecrets, missingSettings } from "./lambda-config";

const KEY = "k".repeat(48);
const STAGE = "/sst/cho-ocop/test/Secret";
const FALLBACK = "/sst/cho-ocop/.fallback/Secret";

let ssm: FakeSsm;
let client: SSMClient;
beforeAll(async () => {
  ssm = await startFakeSsm();
  client = new SSMClient({ endpoint: ssm.url, region: ssm.region, credentials: ssm.credentials });
});
afterAll(() => ssm.close());

/** What `sst deploy` gives the API function: the app, the stage, and a placeholder per bound secret. */
function deployed(secrets: string[], more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    SST_APP: "cho-ocop",
    SST_STAGE: "test",
    SST_SSM_PREFIX: "/sst/cho-ocop/test/",
    ...Object.fromEntries(secrets.map((name) => [`SST_Secret_value_${name}`, "__FETCH_FROM_SSM__"])),
    ...more,
  };
}

describe("the Lambda's secrets", () => {
  it("on AWS, reads the bound secrets from the stage's SSM parameters, decrypted", async () => {
    ssm.put(`${STAGE}/SESSION_SECRET/value`, { value: KEY, type: "SecureString" });
    ssm.put(`${STAGE}/STRIPE_SECRET_KEY/value`, { value: "sk_live_example", type: "SecureString" });
    ssm.put(`${STAGE}/STRIPE_WEBHOOK_SECRET/value`, { value: "whsec_example", type: "SecureString" });
    const env = deployed(["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"], {
      STRIPE_PUBLISHABLE_KEY: "pk_live_example",
    });
    expect(await loadSecrets(env, client)).toEqual([]);
    expect(env).toMatchObject({
      SESSION_SECRET: KEY,
      STRIPE_SECRET_KEY: "sk_live_example",
      STRIPE_WEBHOOK_SECRET: "whsec_example",
    });
  });

  it("takes the fallback value when the stage has none of its own", async () => {
    ssm.delete(`${STAGE}/SESSION_SECRET/value`);
    ssm.put(`${FALLBACK}/SESSION_SECRET/value`, { value: "f".repeat(40), type: "SecureString" });
    const env = deployed(["SESSION_SECRET"]);
    expect(await loadSecrets(env, client)).toEqual([]);
    expect(env.SESSION_SECRET).toBe("f".repeat(40));
    ssm.delete(`${FALLBACK}/SESSION_SECRET/value`);
  });

  it("names a secret that is set nowhere instead of failing to start, and never shows a value", async () => {
    ssm.put(`${STAGE}/STRIPE_SECRET_KEY/value`, { value: "sk_live_example", type: "SecureString" });
    ssm.delete(`${STAGE}/STRIPE_WEBHOOK_SECRET/value`);
    const env = deployed(["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"], {
      STRIPE_PUBLISHABLE_KEY: "pk_live_example",
    });
    const missing = await loadSecrets(env, client);
    expect(missing).toEqual(["SESSION_SECRET", "STRIPE_WEBHOOK_SECRET"]);
    expect(missing.join()).not.toContain("sk_live_example");
  });

  it("names the secrets when SSM refuses the call", async () => {
    const stranger = new SSMClient({
      endpoint: ssm.url,
      region: ssm.region,
      credentials: { accessKeyId: "AKIASTRANGER", secretAccessKey: "not-the-fake-s-key" },
    });
    ssm.put(`${STAGE}/SESSION_SECRET/value`, { value: KEY, type: "SecureString" });
    expect(await loadSecrets(deployed(["SESSION_SECRET"]), stranger)).toEqual(["SESSION_SECRET"]);
  });

  it("a bound value (sst dev, the tests) is taken as it is, with no SSM call", async () => {
    const calls = ssm.requests.length;
    const env = deployed([], { SST_Secret_value_SESSION_SECRET: KEY, SESSION_SECRET: "stale" });
    expect(await loadSecrets(env, client)).toEqual([]);
    expect(env.SESSION_SECRET).toBe(KEY);
    expect(ssm.requests.length).toBe(calls);
  });

  it("the Stripe secrets are needed only when card payments are on", () => {
    expect(missingSettings({ SESSION_SECRET: KEY })).toEqual([]);
    expect(missingSettings({ SESSION_SECRET: KEY, STRIPE_PUBLISHABLE_KEY: "pk_live_example" })).toEqual([
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
    ]);
    expect(missingSettings({ SESSION_SECRET: "short" })).toEqual(["SESSION_SECRET (at least 32 characters)"]);
  });

  it("off AWS, the environment's SESSION_SECRET stays as it is", async () => {
    const env: NodeJS.ProcessEnv = { SESSION_SECRET: "from-the-local-env-file-0123456789abcdef" };
    expect(await loadSecrets(env, client)).toEqual([]);
    expect(env).toEqual({ SESSION_SECRET: "from-the-local-env-file-0123456789abcdef" });
  });
});
