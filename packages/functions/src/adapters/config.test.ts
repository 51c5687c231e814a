import { describe, expect, it } from "vitest";
import { configFromEnv } from "./config";

describe("the configuration start-up reads from the environment", () => {
  it("reaches the table in its own region when a function runs in another (IVS Chat's review handler in Tokyo)", () => {
    // Lambda sets AWS_REGION to the function's own region, and no function may change it.
    const review = configFromEnv({ AWS_REGION: "ap-northeast-1", TABLE_REGION: "ap-southeast-1", TABLE_NAME: "t" });
    expect(review.table).toEqual({ name: "t", endpoint: undefined, region: "ap-southeast-1" });
    expect(configFromEnv({ AWS_REGION: "ap-southeast-1", TABLE_NAME: "t" }).table.region).toBe("ap-southeast-1");
  });

  it("turns cards on with the Stripe key alone, for the jobs, and keeps the webhook secret for the API", () => {
    expect(configFromEnv({ STRIPE_SECRET_KEY: "sk_test_x" }).stripe).toEqual({
      secretKey: "sk_test_x",
      webhookSecret: undefined,
      publishableKey: "",
      apiUrl: undefined,
    });
    expect(
      configFromEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }).stripe?.webhookSecret,
    ).toBe("whsec_x");
    expect(configFromEnv({ STRIPE_WEBHOOK_SECRET: "whsec_x" }).stripe).toBeUndefined();
  });
});
