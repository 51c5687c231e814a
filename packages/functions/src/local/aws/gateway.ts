import { randomUUID } from "node:crypto";
import type { handle } from "hono/aws-lambda";

/** The event API Gateway's payload 2.0 gives a function, as the API's handler (hono/aws-lambda) reads it. */
export type ApiGatewayEvent = Extract<Parameters<ReturnType<typeof handle>>[0], { version: string; rawPath: string }>;

/** API Gateway's own limits that change what the function sees: the payload it accepts, and its 30 s timeout. */
export const API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const API_GATEWAY_TIMEOUT_MS = 30_000;

/** What a function answers API Gateway (payload 2.0); a header may repeat. */
export interface ApiGatewayResult {
  statusCode?: number;
  headers?: Record<string, string | string[] | number | boolean>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

export type LambdaHttpHandler = (event: ApiGatewayEvent) => Promise<ApiGatewayResult>;

const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript))/;

/**
 * A request as an HTTP API (payload format 2.0) hands it to the function: header names lower-cased and repeated ones
 * joined with commas, cookies apart, a body that is not text in base64, the caller's address in requestContext.
 */
export function toApiGatewayEvent(request: Request, body: Uint8Array, sourceIp: string): ApiGatewayEvent {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  request.headers.forEach((value, name) => {
    if (name === "cookie") cookies = value.split(/;\s*/).filter(Boolean);
    else headers[name] = value;
  });
  const type = headers["content-type"] ?? "";
  const isText = body.length === 0 || TEXT_TYPES.test(type);
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: "123456789012",
      // An HTTP API route without an authorizer, as stacks/Api.ts declares them.
      authentication: null,
      authorizer: {},
      apiId: "local",
      domainName: url.host,
      domainPrefix: url.hostname.split(".")[0] ?? "",
      http: {
        method: request.method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: body.length === 0 ? null : isText ? new TextDecoder().decode(body) : Buffer.from(body).toString("base64"),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** What API Gateway sends back of the function's answer. */
export function fromApiGatewayResult(result: ApiGatewayResult): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  for (const cookie of result.cookies ?? []) headers.append("set-cookie", cookie);
  const status = result.statusCode ?? 200;
  const noBody = status === 204 || status === 304 || result.body === undefined;
  const body = noBody ? null : result.isBase64Encoded ? Buffer.from(result.body ?? "", "base64") : (result.body ?? "");
  return new Response(body, { status, headers });
}

/**
 * Calls the function as API Gateway would: a body over the limit is refused before it runs (413), a function that
 * throws or answers late is a 500 or a 503 with API Gateway's own message, as the browser would see them on AWS.
 */
export async function invokeThroughGateway(
  handler: LambdaHttpHandler,
  request: Request,
  sourceIp: string,
): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > API_GATEWAY_MAX_BODY_BYTES) {
    return Response.json({ message: "Request Entity Too Large" }, { status: 413 });
  }
  const event = toApiGatewayEvent(request, body, sourceIp);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((done) => {
    timer = setTimeout(() => done("late"), API_GATEWAY_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([handler(event), late]);
    if (result === "late") return Response.json({ message: "Service Unavailable" }, { status: 503 });
    return fromApiGatewayResult(result);
  } catch (err) {
    console.error("[aws-local] the API function failed:", err);
    return Response.json({ message: "Internal Server Error" }, { status: 500 });
  } finally {
    clearTimeout(timer);
  }
}
