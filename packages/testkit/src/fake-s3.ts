/**
 * Just enough of Amazon S3 (path-style: /<bucket>/<key>) to test `S3Storage` with the real SDK against a local server:
 * PutObject, CopyObject, DeleteObject, HeadObject, GetObject with a Range, browser POST uploads held to their signed
 * policy, and presigned GETs.
 * Nothing is public: every request needs a valid SigV4 signature (header, query or POST policy) for the one
 * configured key pair, checked here independently of the SDK's signer. Objects live in memory.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { crc32 as crc32Of } from "node:zlib";
import { listen, readBytes } from "./fake-server";

export interface FakeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface StoredObject {
  body: Buffer;
  contentType: string;
  cacheControl?: string;
  etag: string;
  lastModified: Date;
}

export interface FakeS3Request {
  method: string;
  path: string;
  auth: "header" | "query" | "policy" | "none";
  range?: string;
  status: number;
  code?: string;
}

export interface FakeS3Options {
  buckets?: string[];
  region?: string;
  credentials?: FakeCredentials;
  /** The server's clock, so that tests can let tickets and signed URLs expire without waiting. */
  now?: () => number;
}

export interface FakeS3 {
  url: string;
  region: string;
  credentials: FakeCredentials;
  requests: FakeS3Request[];
  object(bucket: string, key: string): StoredObject | undefined;
  close(): Promise<void>;
}

export const FAKE_CREDENTIALS: FakeCredentials = {
  accessKeyId: "AKIAFAKEOCOPTEST0001",
  secretAccessKey: "fake/secret/for+local+servers/only",
};

type Reply = { status: number; headers?: Record<string, string>; body?: Buffer | string };

// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's literal placeholder for the uploaded file's name
const FILENAME = "${filename}";

/** An error answer: its HTTP status, code and message, in S3's words. */
export type Failure = { status: number; code: string; message: string; extra?: Record<string, string | number> };

export async function startFakeS3(options: FakeS3Options = {}): Promise<FakeS3> {
  const region = options.region ?? "ap-southeast-1";
  const credentials = options.credentials ?? FAKE_CREDENTIALS;
  const now = options.now ?? Date.now;
  const buckets = new Map(
    (options.buckets ?? ["cho-ocop-media"]).map((name) => [name, new Map<string, StoredObject>()]),
  );
  const requests: FakeS3Request[] = [];

  async function handle(req: IncomingMessage, body: Buffer): Promise<{ reply: Reply; log: FakeS3Request }> {
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const url = new URL(rawUrl, "http://fake");
    const [, bucketName = "", ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const isPolicyUpload =
      method === "POST" && key === "" && /^multipart\/form-data/i.test(req.headers["content-type"] ?? "");
    const auth: FakeS3Request["auth"] = isPolicyUpload
      ? "policy"
      : req.headers.authorization
        ? "header"
        : url.searchParams.has("X-Amz-Signature")
          ? "query"
          : "none";
    const log: FakeS3Request = { method, path: url.pathname, auth, status: 0 };
    const fail = (f: Failure) => ({ reply: errorReply(f, method), log: { ...log, status: f.status, code: f.code } });

    const bucket = buckets.get(bucketName);
    if (!bucket) return fail({ status: 404, code: "NoSuchBucket", message: "The specified bucket does not exist" });

    if (isPolicyUpload) {
      const outcome = await postUpload(req, body, bucketName, bucket);
      return "code" in outcome ? fail(outcome) : { reply: outcome, log: { ...log, status: outcome.status } };
    }

    const problem =
      auth === "header"
        ? checkHeaderSignature(req, body, { credentials, region, service: "s3", escapePath: false })
        : auth === "query"
          ? checkQuerySignature(req, { credentials, region, service: "s3", now: now() })
          : { status: 403, code: "AccessDenied", message: "Access Denied" };
    if (problem) return fail(problem);
    if (key === "") return fail(notImplemented(method, url.pathname));

    const copySource = req.headers["x-amz-copy-source"];
    if (method === "PUT" && typeof copySource === "string") {
      const [fromBucket = "", ...fromKey] = decodeURIComponent(copySource.replace(/^\//, "")).split("/");
      const source = buckets.get(fromBucket)?.get(fromKey.join("/"));
      if (!source) return fail({ status: 404, code: "NoSuchKey", message: "The specified key does not exist." });
      const replace = req.headers["x-amz-metadata-directive"] === "REPLACE";
      const stored = store(
        bucket,
        key,
        source.body,
        replace ? (req.headers["content-type"] ?? "binary/octet-stream") : source.contentType,
        replace ? req.headers["cache-control"] : source.cacheControl,
      );
      const xml =
        `<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult><LastModified>${stored.lastModified.toISOString()}` +
        `</LastModified><ETag>${esc(stored.etag)}</ETag></CopyObjectResult>`;
      return {
        reply: { status: 200, headers: { "content-type": "application/xml" }, body: xml },
        log: { ...log, status: 200 },
      };
    }
    if (method === "DELETE") {
      bucket.delete(key);
      return { reply: { status: 204 }, log: { ...log, status: 204 } };
    }
    if (method === "PUT") {
      const crc = req.headers["x-amz-checksum-crc32"];
      if (typeof crc === "string" && crc !== crc32(body)) {
        return fail({
          status: 400,
          code: "BadDigest",
          message: "The CRC32 you specified did not match the calculated checksum.",
        });
      }
      const contentType = req.headers["content-type"] ?? "binary/octet-stream";
      const stored = store(bucket, key, body, contentType, req.headers["cache-control"]);
      return { reply: { status: 200, headers: { etag: stored.etag } }, log: { ...log, status: 200 } };
    }
    if (method === "HEAD" || method === "GET") {
      const object = bucket.get(key);
      if (!object) return fail({ status: 404, code: "NoSuchKey", message: "The specified key does not exist." });
      const headers: Record<string, string> = {
        "content-type": object.contentType,
        etag: object.etag,
        "last-modified": object.lastModified.toUTCString(),
        "accept-ranges": "bytes",
        ...(object.cacheControl ? { "cache-control": object.cacheControl } : {}),
      };
      const range = method === "GET" ? req.headers.range : undefined;
      if (!range) {
        headers["content-length"] = String(object.body.length);
        return {
          reply: { status: 200, headers, body: method === "GET" ? object.body : undefined },
          log: { ...log, status: 200 },
        };
      }
      const span = byteRange(range, object.body.length);
      if (!span) return fail({ status: 416, code: "InvalidRange", message: "The requested range is not satisfiable" });
      const part = object.body.subarray(span.start, span.end + 1);
      headers["content-length"] = String(part.length);
      headers["content-range"] = `bytes ${span.start}-${span.end}/${object.body.length}`;
      return { reply: { status: 206, headers, body: part }, log: { ...log, range, status: 206 } };
    }
    return fail(notImplemented(method, url.pathname));
  }

  function store(
    bucket: Map<string, StoredObject>,
    key: string,
    body: Buffer,
    contentType: string,
    cacheControl?: string,
  ) {
    const object: StoredObject = {
      body,
      contentType,
      ...(cacheControl ? { cacheControl } : {}),
      etag: `"${createHash("md5").update(body).digest("hex")}"`,
      lastModified: new Date(now()),
    };
    bucket.set(key, object);
    return object;
  }

  /** A browser upload: the form's fields, then `file`, checked against the signed policy the way S3 does. */
  async function postUpload(
    req: IncomingMessage,
    body: Buffer,
    bucketName: string,
    bucket: Map<string, StoredObject>,
  ): Promise<Reply | Failure> {
    const form = await new Request("http://fake/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: new Uint8Array(body),
    }).formData();
    const fields = new Map<string, string>();
    let file: File | undefined;
    for (const [name, value] of form) {
      if (name.toLowerCase() === "file") {
        if (typeof value !== "string") file = value;
        break; // S3 ignores whatever follows the file
      }
      if (typeof value === "string") fields.set(name.toLowerCase(), value);
    }
    const denied = (message: string): Failure => ({ status: 403, code: "AccessDenied", message });
    if (!file)
      return { status: 400, code: "InvalidArgument", message: "POST requires exactly one file upload per request." };
    const policy = fields.get("policy");
    if (!policy) return denied("Access Denied");
    const template = fields.get("key");
    if (!template)
      return { status: 400, code: "InvalidArgument", message: "Bucket POST must contain a field named 'key'." };
    const key = template.replaceAll(FILENAME, file.name);

    const signatureProblem = checkPolicySignature(policy, fields, { credentials, region });
    if (signatureProblem) return signatureProblem;

    let document: { expiration?: string; conditions?: unknown[] };
    try {
      document = JSON.parse(Buffer.from(policy, "base64").toString("utf8"));
    } catch {
      return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid JSON." };
    }
    const expiration = Date.parse(document.expiration ?? "");
    if (!Number.isFinite(expiration))
      return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid 'expiration' value." };
    if (expiration < now()) return denied("Invalid according to Policy: Policy expired.");

    const fieldValue = (name: string) => (name === "bucket" ? bucketName : name === "key" ? key : fields.get(name));
    const covered = new Set(["policy", "x-amz-signature", "file"]);
    for (const condition of document.conditions ?? []) {
      if (Array.isArray(condition) && condition[0] === "content-length-range") {
        const [, min, max] = condition.map(Number);
        if (file.size > (max ?? 0)) {
          return {
            status: 400,
            code: "EntityTooLarge",
            message: "Your proposed upload exceeds the maximum allowed size",
            extra: { ProposedSize: file.size, MaxSizeAllowed: max ?? 0 },
          };
        }
        if (file.size < (min ?? 0)) {
          return {
            status: 400,
            code: "EntityTooSmall",
            message: "Your proposed upload is smaller than the minimum allowed size",
            extra: { ProposedSize: file.size, MinSizeAllowed: min ?? 0 },
          };
        }
        continue;
      }
      const [operator, field, expected] = Array.isArray(condition)
        ? [String(condition[0]).toLowerCase(), String(condition[1]), String(condition[2])]
        : condition && typeof condition === "object"
          ? ["eq", `$${Object.keys(condition)[0]}`, String(Object.values(condition)[0])]
          : ["", "", ""];
      if (!field.startsWith("$") || (operator !== "eq" && operator !== "starts-with")) {
        return {
          status: 400,
          code: "InvalidPolicyDocument",
          message: `Invalid Policy: Invalid condition ${JSON.stringify(condition)}`,
        };
      }
      const name = field.slice(1).toLowerCase();
      covered.add(name);
      const actual = fieldValue(name);
      if (actual === undefined || (operator === "eq" ? actual !== expected : !actual.startsWith(expected))) {
        const shown = [operator, field, expected].map((part) => JSON.stringify(part)).join(", ");
        return denied(`Invalid according to Policy: Policy Condition failed: [${shown}]`);
      }
    }
    const extra = [...fields.keys()].filter((name) => !covered.has(name) && !name.startsWith("x-ignore-"));
    if (extra.length) return denied(`Invalid according to Policy: Extra input fields: ${extra.join(", ")}`);

    const stored = store(
      bucket,
      key,
      Buffer.from(await file.arrayBuffer()),
      fields.get("content-type") ?? "binary/octet-stream",
      fields.get("cache-control"),
    );
    const location = `/${bucketName}/${encodeURIComponent(key).replaceAll("%2F", "/")}`;
    const status = Number(fields.get("success_action_status") ?? 204);
    if (status === 201) {
      const xml =
        `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${esc(location)}</Location>` +
        `<Bucket>${esc(bucketName)}</Bucket><Key>${esc(key)}</Key><ETag>${esc(stored.etag)}</ETag></PostResponse>`;
      return { status, headers: { "content-type": "application/xml", etag: stored.etag, location }, body: xml };
    }
    return { status: status === 200 ? 200 : 204, headers: { etag: stored.etag, location } };
  }

  const server = await listen((req, res) => {
    readBytes(req)
      .then((body) => handle(req, body))
      .then(({ reply, log }) => {
        requests.push(log);
        send(res, reply);
      })
      .catch((e: unknown) =>
        send(res, errorReply({ status: 500, code: "InternalError", message: String(e) }, req.method)),
      );
  });

  return {
    url: server.url,
    region,
    credentials,
    requests,
    object: (bucket, key) => buckets.get(bucket)?.get(key),
    close: server.close,
  };
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`, clamped to the object; undefined when nothing of it can be served. */
function byteRange(header: string, size: number) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return;
  return { start, end };
}

const notImplemented = (method: string, path: string): Failure => ({
  status: 501,
  code: "NotImplemented",
  message: `fake-s3 does not answer ${method} ${path}`,
});

function errorReply({ status, code, message, extra = {} }: Failure, method?: string): Reply {
  const headers = { "content-type": "application/xml", "x-amz-request-id": randomUUID() };
  if (method === "HEAD") return { status, headers };
  const more = Object.entries(extra)
    .map(([name, value]) => `<${name}>${esc(String(value))}</${name}>`)
    .join("");
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${esc(message)}</Message>${more}` +
    `<RequestId>${randomUUID()}</RequestId></Error>`;
  return { status, headers, body };
}

function send(res: ServerResponse, { status, headers = {}, body }: Reply) {
  res.writeHead(status, { "x-amz-request-id": randomUUID(), ...headers });
  res.end(body);
}

/** Escapes element text (quotes may stay, as in S3's own policy messages). */
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/*
 * Signature Version 4, checked from the request as it arrived (shared with fake-sns-ses). A problem is answered in
 * S3's words; other services rename the codes.
 */

export interface SignatureCheck {
  credentials: FakeCredentials;
  region: string;
  service: string;
  /** S3 signs the path as sent; other services URI-encode it once more. */
  escapePath: boolean;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function checkHeaderSignature(req: IncomingMessage, body: Buffer, check: SignatureCheck): Failure | undefined {
  const header = req.headers.authorization;
  if (!header) return { status: 403, code: "AccessDenied", message: "Missing Authentication Token" };
  const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
    header,
  );
  if (!match)
    return { status: 400, code: "AuthorizationHeaderMalformed", message: "The authorization header is malformed" };
  const [, credential = "", signedHeaders = "", signature = ""] = match;
  const scope = checkScope(credential, check);
  if ("code" in scope) return scope;
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(scope.date)) {
    return {
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Date in Credential scope does not match X-Amz-Date",
    };
  }
  const bodyHash = createHash("sha256").update(body).digest("hex");
  const declared = req.headers["x-amz-content-sha256"];
  if (typeof declared === "string" && SHA256_HEX.test(declared) && declared !== bodyHash) {
    return {
      status: 400,
      code: "XAmzContentSHA256Mismatch",
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    };
  }
  if (typeof declared === "string" && declared.startsWith("STREAMING-")) {
    return { status: 501, code: "NotImplemented", message: `fake-s3 does not read ${declared} bodies` };
  }
  const url = new URL(req.url ?? "/", "http://fake");
  const canonical = canonicalRequest({
    method: req.method ?? "GET",
    rawPath: (req.url ?? "/").split("?")[0] ?? "/",
    query: [...url.searchParams],
    headers: req.headers,
    signedHeaders,
    payloadHash: typeof declared === "string" ? declared : bodyHash,
    escapePath: check.escapePath,
  });
  if (!canonical) return { status: 403, code: "SignatureDoesNotMatch", message: "A signed header is missing" };
  const expected = sign(check, scope.date, amzDate, canonical);
  return same(signature, expected) ? undefined : mismatch();
}

/** A presigned URL: the signature is in the query, the payload unsigned, and the URL dies after X-Amz-Expires. */
export function checkQuerySignature(
  req: IncomingMessage,
  check: Omit<SignatureCheck, "escapePath"> & { now: number },
): Failure | undefined {
  const url = new URL(req.url ?? "/", "http://fake");
  const q = url.searchParams;
  if (q.get("X-Amz-Algorithm") !== ALGORITHM) {
    return {
      status: 400,
      code: "AuthorizationQueryParametersError",
      message: 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
    };
  }
  const scope = checkScope(q.get("X-Amz-Credential") ?? "", check);
  if ("code" in scope) return scope;
  const amzDate = q.get("X-Amz-Date") ?? "";
  const expires = Number(q.get("X-Amz-Expires"));
  if (!Number.isInteger(expires) || expires < 1 || expires > 604_800) {
    return {
      status: 400,
      code: "AuthorizationQueryParametersError",
      message: "X-Amz-Expires must be between 1 and 604800 seconds",
    };
  }
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined || !amzDate.startsWith(scope.date)) {
    return {
      status: 400,
      code: "AuthorizationQueryParametersError",
      message: "X-Amz-Date must be in the ISO8601 Long Format",
    };
  }
  if (check.now > signedAt + expires * 1000)
    return { status: 403, code: "AccessDenied", message: "Request has expired" };
  const canonical = canonicalRequest({
    method: req.method ?? "GET",
    rawPath: (req.url ?? "/").split("?")[0] ?? "/",
    query: [...q].filter(([name]) => name !== "X-Amz-Signature"),
    headers: req.headers,
    signedHeaders: q.get("X-Amz-SignedHeaders") ?? "",
    payloadHash: "UNSIGNED-PAYLOAD",
    escapePath: false,
  });
  if (!canonical) return { status: 403, code: "SignatureDoesNotMatch", message: "A signed header is missing" };
  return same(q.get("X-Amz-Signature") ?? "", sign(check, scope.date, amzDate, canonical)) ? undefined : mismatch();
}

/** A POST policy is signed as it is: the base64 text itself is the string to sign. */
function checkPolicySignature(
  policy: string,
  fields: Map<string, string>,
  check: Omit<SignatureCheck, "escapePath" | "service">,
): Failure | undefined {
  if (fields.get("x-amz-algorithm") !== ALGORITHM) {
    return { status: 400, code: "InvalidArgument", message: "Only AWS4-HMAC-SHA256 is supported" };
  }
  const scope = checkScope(fields.get("x-amz-credential") ?? "", { ...check, service: "s3" });
  if ("code" in scope) return scope;
  const key = signingKey(check.credentials.secretAccessKey, scope.date, check.region, "s3");
  const expected = createHmac("sha256", key).update(policy).digest("hex");
  return same(fields.get("x-amz-signature") ?? "", expected) ? undefined : mismatch();
}

function checkScope(credential: string, check: Omit<SignatureCheck, "escapePath">): { date: string } | Failure {
  const [accessKeyId, date = "", region, service, terminator] = credential.split("/");
  if (accessKeyId !== check.credentials.accessKeyId) {
    return {
      status: 403,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    };
  }
  if (!/^\d{8}$/.test(date) || terminator !== "aws4_request") {
    return { status: 400, code: "AuthorizationHeaderMalformed", message: `Invalid credential scope: ${credential}` };
  }
  if (region !== check.region) {
    return {
      status: 400,
      code: "AuthorizationHeaderMalformed",
      message: `the region '${region}' is wrong; expecting '${check.region}'`,
    };
  }
  if (service !== check.service) {
    return {
      status: 403,
      code: "SignatureDoesNotMatch",
      message: `Credential should be scoped to correct service: '${check.service}'`,
    };
  }
  return { date };
}

function canonicalRequest(input: {
  method: string;
  rawPath: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  signedHeaders: string;
  payloadHash: string;
  escapePath: boolean;
}): string | undefined {
  const path = input.escapePath ? input.rawPath.split("/").map(uriEncode).join("/") : input.rawPath;
  const query = input.query
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const names = input.signedHeaders.split(";");
  const lines: string[] = [];
  for (const name of names) {
    const value = input.headers[name];
    if (value === undefined) return;
    lines.push(`${name}:${String(value).trim().replace(/\s+/g, " ")}\n`);
  }
  return [input.method, path, query, lines.join(""), input.signedHeaders, input.payloadHash].join("\n");
}

function sign(check: Omit<SignatureCheck, "escapePath">, date: string, amzDate: string, canonical: string) {
  const scope = `${date}/${check.region}/${check.service}/aws4_request`;
  const hashed = createHash("sha256").update(canonical).digest("hex");
  const key = signingKey(check.credentials.secretAccessKey, date, check.region, check.service);
  return createHmac("sha256", key).update(`${ALGORITHM}\n${amzDate}\n${scope}\n${hashed}`).digest("hex");
}

function signingKey(secret: string, date: string, region: string, service: string) {
  let key: Buffer = Buffer.from(`AWS4${secret}`);
  for (const part of [date, region, service, "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  return key;
}

/** RFC 3986 encoding, as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
function uriEncode(value: string) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The base64 of the big-endian CRC32, as in `x-amz-checksum-crc32`. */
function crc32(body: Buffer) {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32Of(body));
  return digest.toString("base64");
}

function parseAmzDate(value: string) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

function same(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const mismatch = (): Failure => ({
  status: 403,
  code: "SignatureDoesNotMatch",
  message:
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
});
