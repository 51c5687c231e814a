/**
 * Just enough of AWS Systems Manager Parameter Store (the JSON protocol: POST / with `X-Amz-Target: AmazonSSM.<Op>`)
 * to test what reads SST secrets with the real SDK client: GetParameters and GetParametersByPath.
 * Requests must be SigV4-signed for the configured key pair, region and service `ssm`. A SecureString comes back
 * decrypted only when asked WithDecryption, as SSM does; otherwise its value is an opaque ciphertext.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { checkHeaderSignature, FAKE_CREDENTIALS, type FakeCredentials } from "./fake-s3";
import { listen, readBytes } from "./fake-server";

export interface FakeParameter {
  value: string;
  type?: "String" | "SecureString";
}

export interface FakeSsmRequest {
  operation: string;
  status: number;
  code?: string;
}

export interface FakeSsmOptions {
  region?: string;
  account?: string;
  credentials?: FakeCredentials;
  /** Parameters by name, e.g. `/sst/cho-ocop/prod/Secret/SESSION_SECRET/value`. */
  parameters?: Record<string, FakeParameter>;
}

export interface FakeSsm {
  url: string;
  region: string;
  credentials: FakeCredentials;
  requests: FakeSsmRequest[];
  put(name: string, parameter: FakeParameter): void;
  delete(name: string): void;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown; code?: string };

/** SSM's own limits: 10 names per GetParameters, 10 results per page of GetParametersByPath. */
const NAMES_PER_CALL = 10;
const PAGE_LIMIT = 10;

export async function startFakeSsm(options: FakeSsmOptions = {}): Promise<FakeSsm> {
  const region = options.region ?? "ap-southeast-1";
  const account = options.account ?? "000000000000";
  const credentials = options.credentials ?? FAKE_CREDENTIALS;
  const store = new Map<string, FakeParameter & { version: number; modified: number }>();
  const requests: FakeSsmRequest[] = [];

  const put = (name: string, parameter: FakeParameter) =>
    store.set(name, { ...parameter, version: (store.get(name)?.version ?? 0) + 1, modified: Date.now() / 1000 });
  for (const [name, parameter] of Object.entries(options.parameters ?? {})) put(name, parameter);

  const failure = (status: number, code: string, message: string): Reply => ({
    status,
    code,
    body: { __type: code, message },
  });

  function shown(name: string, decrypt: boolean) {
    const p = store.get(name);
    if (!p) return undefined;
    const type = p.type ?? "String";
    return {
      Name: name,
      Type: type,
      Value: type === "SecureString" && !decrypt ? Buffer.from(`kms:${randomUUID()}`).toString("base64") : p.value,
      Version: p.version,
      LastModifiedDate: p.modified,
      ARN: `arn:aws:ssm:${region}:${account}:parameter${name.startsWith("/") ? "" : "/"}${name}`,
      DataType: "text",
    };
  }

  function getParameters(input: { Names?: unknown; WithDecryption?: unknown }): Reply {
    const names = input.Names;
    if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string")) {
      return failure(400, "ValidationException", "1 validation error detected: Value null at 'names'");
    }
    if (names.length > NAMES_PER_CALL) {
      return failure(
        400,
        "ValidationException",
        `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to ${NAMES_PER_CALL}`,
      );
    }
    const decrypt = input.WithDecryption === true;
    const found = names.flatMap((n) => shown(n, decrypt) ?? []);
    return {
      status: 200,
      body: { Parameters: found, InvalidParameters: names.filter((n) => !store.has(n)) },
    };
  }

  function getParametersByPath(input: {
    Path?: unknown;
    Recursive?: unknown;
    WithDecryption?: unknown;
    MaxResults?: unknown;
    NextToken?: unknown;
  }): Reply {
    const path = input.Path;
    if (typeof path !== "string" || !path.startsWith("/")) {
      return failure(400, "ValidationException", "The parameter path must begin with a forward slash (/)");
    }
    const limit = typeof input.MaxResults === "number" ? input.MaxResults : PAGE_LIMIT;
    if (limit < 1 || limit > PAGE_LIMIT) {
      return failure(400, "ValidationException", `MaxResults must be between 1 and ${PAGE_LIMIT}`);
    }
    const prefix = path.endsWith("/") ? path : `${path}/`;
    const under = [...store.keys()]
      .filter(
        (name) => name.startsWith(prefix) && (input.Recursive === true || !name.slice(prefix.length).includes("/")),
      )
      .sort();
    const start = typeof input.NextToken === "string" ? Number(Buffer.from(input.NextToken, "base64").toString()) : 0;
    if (!Number.isInteger(start) || start < 0 || start > under.length) {
      return failure(400, "InvalidNextToken", "The specified token is not valid.");
    }
    const page = under.slice(start, start + limit);
    const next = start + limit < under.length ? Buffer.from(String(start + limit)).toString("base64") : undefined;
    const decrypt = input.WithDecryption === true;
    return {
      status: 200,
      body: { Parameters: page.flatMap((n) => shown(n, decrypt) ?? []), ...(next ? { NextToken: next } : {}) },
    };
  }

  function answer(req: IncomingMessage, body: Buffer): { operation: string; reply: Reply } {
    const target = String(req.headers["x-amz-target"] ?? "");
    const operation = target.startsWith("AmazonSSM.") ? target.slice("AmazonSSM.".length) : target;
    const problem = checkHeaderSignature(req, body, { credentials, region, service: "ssm", escapePath: true });
    if (problem) {
      const code = problem.code === "AccessDenied" ? "MissingAuthenticationTokenException" : problem.code;
      return { operation, reply: failure(problem.status === 400 ? 400 : 403, code, problem.message) };
    }
    if (req.method !== "POST" || !String(req.headers["content-type"] ?? "").startsWith("application/x-amz-json-1.1")) {
      return {
        operation,
        reply: failure(400, "SerializationException", "Expected an application/x-amz-json-1.1 POST"),
      };
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body.toString("utf8") || "{}");
    } catch {
      return { operation, reply: failure(400, "SerializationException", "The request body is not JSON") };
    }
    if (operation === "GetParameters") return { operation, reply: getParameters(input) };
    if (operation === "GetParametersByPath") return { operation, reply: getParametersByPath(input) };
    return { operation, reply: failure(400, "UnknownOperationException", `fake-ssm does not answer ${target}`) };
  }

  const server = await listen(async (req, res) => {
    const body = await readBytes(req);
    const { operation, reply } = answer(req, body);
    requests.push({ operation, status: reply.status, ...(reply.code ? { code: reply.code } : {}) });
    res.writeHead(reply.status, {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": randomUUID(),
    });
    res.end(JSON.stringify(reply.body));
  });

  return {
    url: server.url,
    region,
    credentials,
    requests,
    put,
    delete: (name) => {
      store.delete(name);
    },
    close: server.close,
  };
}
