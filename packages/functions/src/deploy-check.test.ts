import { SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeSsm, startFakeSsm } from "../../testkit/src/fake-ssm";
import { deployCheck } from "./deploy-check";

const KEY = "k".repeat(48);

let ssm: FakeSsm;
beforeAll(async () => {
  ssm = await startFakeSsm();
});
afterAll(() => ssm.close());
beforeEach(() => {
  for (const name of ["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) {
    ssm.delete(`/sst/cho-ocop/prod/Secret/${name}/value`);
    ssm.delete(`/sst/cho-ocop/.fallback/Secret/${name}/value`);
  }
});

/** `pnpm deploy:check <args>` in a shell with `env`, against the fake SSM: its exit code and what it printed. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}, credentials = ssm.credentials) {
  const lines: string[] = [];
  const code = await deployCheck(args, {
    env,
    log: (line) => lines.push(line),
    ssm: (region) => new SSMClient({ endpoint: ssm.url, region, credentials }),
  });
  return { code, out: lines.join("\n") };
}

const secret = (stage: string, name: string, value: string) =>
  ssm.put(`/sst/cho-ocop/${stage}/Secret/${name}/value`, { value, type: "SecureString" });

describe("pnpm deploy:check", () => {
  it("passes a stage whose SESSION_SECRET is set", async () => {
    secret("prod", "SESSION_SECRET", KEY);
    const { code, out } = await run(["--stage", "prod"]);
    expect(code).toBe(0);
    expect(out).toContain("ok       SESSION_SECRET (set for the stage)");
    expect(out).not.toContain(KEY);
  });

  it("lists what is missing and exits 1, without printing any value", async () => {
    const { code, out } = await run(["--stage", "prod"]);
    expect(code).toBe(1);
    expect(out).toContain("missing  SESSION_SECRET: pnpm sst secrets set SESSION_SECRET <value> --stage prod");
    expect(out).toContain("Missing: SESSION_SECRET.");
  });

  it("with STRIPE_PUBLISHABLE_KEY set, needs both Stripe secrets too", async () => {
    secret("prod", "SESSION_SECRET", KEY);
    secret("prod", "STRIPE_SECRET_KEY", "sk_live_example");
    const { code, out } = await run(["--stage", "prod"], { STRIPE_PUBLISHABLE_KEY: "pk_live_example" });
    expect(code).toBe(1);
    expect(out).toContain("card payments on");
    expect(out).toContain("ok       STRIPE_SECRET_KEY");
    expect(out).toContain("Missing: STRIPE_WEBHOOK_SECRET.");
    expect(out).not.toContain("sk_live_example");
  });

  it("counts a fallback value, and another stage's secrets not at all", async () => {
    ssm.put("/sst/cho-ocop/.fallback/Secret/SESSION_SECRET/value", { value: KEY, type: "SecureString" });
    secret("staging", "STRIPE_SECRET_KEY", "sk_test_example");
    secret("staging", "STRIPE_WEBHOOK_SECRET", "whsec_example");
    const { code, out } = await run(["--stage", "prod"], { STRIPE_PUBLISHABLE_KEY: "pk_live_example" });
    expect(out).toContain("ok       SESSION_SECRET (the fallback value)");
    expect(out).toContain("Missing: STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET.");
    expect(code).toBe(1);
  });

  it("reads every page of a stage with many parameters", async () => {
    for (let n = 0; n < 25; n++) secret("prod", `OTHER_${String(n).padStart(2, "0")}`, "x");
    secret("prod", "SESSION_SECRET", KEY);
    expect((await run(["--stage=prod"])).code).toBe(0);
    for (let n = 0; n < 25; n++) ssm.delete(`/sst/cho-ocop/prod/Secret/OTHER_${String(n).padStart(2, "0")}/value`);
  });

  it("refuses a SESSION_SECRET shorter than 32 characters", async () => {
    secret("prod", "SESSION_SECRET", "too-short");
    const { code, out } = await run(["--stage", "prod"]);
    expect(code).toBe(1);
    expect(out).toContain("invalid  SESSION_SECRET (at least 32 characters)");
    expect(out).not.toContain("too-short");
  });

  it("exits 1 when SSM cannot be read with the shell's credentials", async () => {
    secret("prod", "SESSION_SECRET", KEY);
    const { code, out } = await run(["--stage", "prod"], {}, { accessKeyId: "AKIASTRANGER", secretAccessKey: "x" });
    expect(code).toBe(1);
    expect(out).toContain("could not read SSM");
  });

  it("asks for a stage, and has nothing to check for the live video region", async () => {
    expect((await run([])).code).toBe(2);
    expect(await run(["--stage", "prod", "--region", "ap-northeast-1"])).toMatchObject({ code: 0 });
  });
});
