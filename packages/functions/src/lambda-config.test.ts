import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

describe("the Lambda's secrets", () => {
  it("on AWS, SESSION_SECRET is the SST secret bound to the function", async () => {
    const key = "k".repeat(48);
    // How SST hands a bound secret to sst/node/config: "__FETCH_FROM_SSM__" on AWS, here the value itself (no SSM).
    vi.stubEnv("SST_APP", "cho-ocop");
    vi.stubEnv("SST_STAGE", "test");
    vi.stubEnv("SST_Secret_value_SESSION_SECRET", key);
    const { loadSecrets } = await import("./lambda-config");
    const env: NodeJS.ProcessEnv = { SST_APP: "cho-ocop", SESSION_SECRET: "stale" };
    loadSecrets(env);
    expect(env.SESSION_SECRET).toBe(key);
  });

  it("off AWS, the environment's SESSION_SECRET stays as it is", async () => {
    const { loadSecrets } = await import("./lambda-config");
    const env: NodeJS.ProcessEnv = { SESSION_SECRET: "from-the-local-env-file-0123456789abcdef" };
    loadSecrets(env);
    expect(env).toEqual({ SESSION_SECRET: "from-the-local-env-file-0123456789abcdef" });
  });
});
