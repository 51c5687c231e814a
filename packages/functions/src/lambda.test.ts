import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";

/** A GET as API Gateway's HTTP API (payload 2.0) hands it to the function. */
function get(path: string): LambdaEvent {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "api.example.com", "accept-language": "en" },
    body: null,
    isBase64Encoded: false,
    requestContext: {
      accountId: "000000000000",
      apiId: "api",
      authentication: null,
      authorizer: {},
      domainName: "api.example.com",
      domainPrefix: "api",
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "test" },
      requestId: "request",
      routeKey: "$default",
      stage: "$default",
      time: "02/Dec/2026:12:00:00 +0000",
      timeEpoch: 0,
    },
  };
}

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

/** A cold start of the API function with the environment SST gives it. */
async function coldStart(env: NodeJS.ProcessEnv) {
  delete process.env.SESSION_SECRET;
  delete process.env.ORIGIN_SECRET;
  Object.assign(process.env, { SST_APP: "cho-ocop", SST_STAGE: "test", ...env });
  vi.resetModules();
  const { handler } = await import("./lambda");
  return async (path: string) => {
    const res = await handler(get(path), {} as LambdaContext);
    return { status: res.statusCode, body: JSON.parse(res.body ?? "null") };
  };
}

describe("the API function's cold start", () => {
  it("answers /api/health with ok when its secrets are set", async () => {
    const call = await coldStart({ SST_Secret_value_SESSION_SECRET: "s".repeat(48) });
    expect(await call("/api/health")).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("without SESSION_SECRET, starts anyway and answers every route 503 naming it", async () => {
    const call = await coldStart({});
    const health = await call("/api/health");
    expect(health).toEqual({
      status: 503,
      body: {
        error: {
          code: "not_configured",
          message: "The server is not fully configured: SESSION_SECRET missing.",
          missing: ["SESSION_SECRET"],
        },
      },
    });
    expect(await call("/api/products")).toEqual(health);
  });

  it("with card payments on and a Stripe secret not set, names it and shows no value", async () => {
    const call = await coldStart({
      STRIPE_PUBLISHABLE_KEY: "pk_live_example",
      SST_Secret_value_SESSION_SECRET: "s".repeat(48),
      SST_Secret_value_STRIPE_SECRET_KEY: "sk_live_example",
    });
    const { status, body } = await call("/api/health");
    expect(status).toBe(503);
    expect(body.error.missing).toEqual(["STRIPE_WEBHOOK_SECRET"]);
    expect(JSON.stringify(body)).not.toMatch(/sk_live_example|s{48}/);
  });
});
