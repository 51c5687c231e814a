import { LocalStorage } from "@cho-ocop/core/storage/index";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { producerInput, productInput, sonLaWard } from "../../test/catalogue";
import { localApp } from "../local/server";
import { app } from "./app";
import { JSON_LIMIT, WEBHOOK_LIMIT } from "./body-limit";

const server = localApp({ webDist: "/nonexistent", storage: new LocalStorage(process.env.UPLOAD_DIR ?? "") });
let seller: string;

beforeAll(async () => {
  seller = await tokenFor();
  const res = await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard()) });
  expect(res.status).toBe(201);
});

/** A product whose story is far beyond its 5,000 characters: a body no legitimate client sends. */
const oversized = () => JSON.stringify({ ...productInput(), story: "ệ".repeat(JSON_LIMIT) });

describe("request bodies are bounded", () => {
  it("a JSON body over the limit is refused with 413 in the one error shape, by Content-Length or while it streams", async () => {
    const body = oversized();
    const headers = { authorization: `Bearer ${seller}`, "content-type": "application/json" };
    for (const [name, res] of [
      [
        "content-length",
        await app.request("/api/seller/products", {
          method: "POST",
          headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
          body,
        }),
      ],
      ["streamed", await app.request("/api/seller/products", { method: "POST", headers, body })],
      [
        "local server",
        await server.request("/api/seller/products", {
          method: "POST",
          headers: { ...headers, "accept-language": "en" },
          body,
        }),
      ],
    ] as const) {
      expect(res.status, name).toBe(413);
      expect(await res.json(), name).toEqual({
        error: {
          code: "too_large",
          message: name === "local server" ? "Request too large: at most 64 KB." : "Yêu cầu quá lớn: tối đa 64 KB.",
        },
      });
    }
    const products = await call<unknown[]>("GET", "/api/seller/products", { token: seller });
    expect(products.body).toEqual([]);
  });

  it("the largest legitimate product fits: a 5,000-character story, each character escaped, eight photos, ten tags", async () => {
    const product = {
      ...productInput("Chè Shan Tuyết cổ thụ"),
      story: "ệ".repeat(5000),
      tags: Array.from({ length: 10 }, (_, i) => `đặc sản vùng cao ${i}`),
    };
    const escaped = JSON.stringify(product).replace(
      /[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    expect(Buffer.byteLength(escaped) + 8 * 220).toBeLessThan(JSON_LIMIT);
    const res = await app.request("/api/seller/products", {
      method: "POST",
      headers: { authorization: `Bearer ${seller}`, "content-type": "application/json" },
      body: escaped,
    });
    expect(res.status).toBe(201);
  });

  it("Stripe's webhook takes its larger events, up to its own limit", async () => {
    const event = (size: number) => JSON.stringify({ type: "ping", padding: "x".repeat(size) });
    const post = (body: string) =>
      app.request("/api/webhooks/stripe", {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
        body,
      });
    expect((await post(event(JSON_LIMIT * 2))).status).not.toBe(413);
    const tooBig = await post(event(WEBHOOK_LIMIT));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: { code: "too_large" } });
  });

  it("other paths of the local server are bounded too", async () => {
    const res = await server.request("/san-pham", { method: "POST", body: "x".repeat(JSON_LIMIT + 1) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "too_large" } });
  });
});

describe("on Lambda (API Gateway's event already holds the body)", () => {
  const event = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    ({
      version: "2.0",
      routeKey: "$default",
      rawPath: path,
      rawQueryString: "",
      headers: { host: "api.cho-ocop.vn", ...headers },
      requestContext: {
        accountId: "123456789012",
        apiId: "api",
        domainName: "api.cho-ocop.vn",
        domainPrefix: "api",
        http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "test" },
        requestId: "r",
        routeKey: "$default",
        stage: "$default",
        time: "01/Dec/2026:00:00:00 +0000",
        timeEpoch: 0,
      },
      body,
      isBase64Encoded: false,
    }) as APIGatewayProxyEventV2;
  let handler: (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyResultV2>;
  beforeAll(async () => {
    ({ handler } = (await import("../lambda")) as unknown as { handler: typeof handler });
  });

  it("refuses an oversized body with 413 in the one error shape, with or without Content-Length", async () => {
    const body = oversized();
    for (const headers of <Record<string, string>[]>[
      { authorization: `Bearer ${seller}`, "content-type": "application/json" },
      {
        authorization: `Bearer ${seller}`,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
      },
    ]) {
      const res = (await handler(event("POST", "/api/seller/products", body, headers), {} as Context)) as {
        statusCode: number;
        body: string;
      };
      expect(res.statusCode).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "too_large" } });
    }
  });

  it("answers an unknown /api/ path with a JSON 404", async () => {
    const res = (await handler(event("GET", "/api/no-such-route"), {} as Context)) as {
      statusCode: number;
      body: string;
    };
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "not_found" } });
  });
});
