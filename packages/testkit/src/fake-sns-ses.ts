/**
 * Just enough of Amazon SNS (AWS Query: form-encoded `Action=Publish` to /) and Amazon SES v2 (REST JSON:
 * POST /v2/email/outbound-emails) to test `AwsMessenger` with the real SDK clients against a local server.
 * Requests must be SigV4-signed for the configured key pair and the right service; what is delivered is recorded.
 * Like the real services it refuses a phone number that is not E.164 and a sender that is not a verified identity.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { checkHeaderSignature, esc, FAKE_CREDENTIALS, type Failure, type FakeCredentials } from "./fake-s3";
import { listen, readBytes } from "./fake-server";

export interface FakeSms {
  messageId: string;
  phoneNumber: string;
  message: string;
  /** Message attributes by name, e.g. `AWS.SNS.SMS.SMSType` → `Transactional`. */
  attributes: Record<string, string>;
  sentAt: string;
}

export interface FakeEmail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text?: string;
  html?: string;
  charset?: string;
}

export interface FakeMessagingRequest {
  service: "sns" | "ses" | "unknown";
  operation: string;
  authorization: string;
  status: number;
  code?: string;
}

export interface FakeSnsSesOptions {
  region?: string;
  credentials?: FakeCredentials;
  /** SES identities (addresses or domains) allowed as senders. */
  verifiedIdentities?: string[];
}

export interface FakeSnsSes {
  url: string;
  region: string;
  credentials: FakeCredentials;
  sms: FakeSms[];
  emails: FakeEmail[];
  requests: FakeMessagingRequest[];
  close(): Promise<void>;
}

type Reply = { status: number; headers: Record<string, string>; body: string; code?: string };

/** The fake's own page of the text messages it delivered, newest last (unsigned: it is no AWS operation). */
export const INSPECT_SMS_PATH = "/_fake/sms";

const SNS_NS = "http://sns.amazonaws.com/doc/2010-03-31/";
const E164 = /^\+[1-9]\d{6,14}$/;
const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/;

export async function startFakeSnsSes(options: FakeSnsSesOptions = {}): Promise<FakeSnsSes> {
  const region = options.region ?? "ap-southeast-1";
  const credentials = options.credentials ?? FAKE_CREDENTIALS;
  const verified = new Set((options.verifiedIdentities ?? ["cho-ocop.vn"]).map((identity) => identity.toLowerCase()));
  const sms: FakeSms[] = [];
  const emails: FakeEmail[] = [];
  const requests: FakeMessagingRequest[] = [];

  function sns(req: IncomingMessage, body: Buffer): { operation: string; reply: Reply } {
    const params = new URLSearchParams(body.toString("utf8"));
    const operation = params.get("Action") ?? "";
    const problem = checkHeaderSignature(req, body, { credentials, region, service: "sns", escapePath: true });
    if (problem) return { operation, reply: snsError(problem.status, snsAuthCode(problem), problem.message) };
    if (operation !== "Publish")
      return { operation, reply: snsError(400, "InvalidAction", `Could not find operation ${operation}`) };

    const phoneNumber = params.get("PhoneNumber") ?? "";
    const message = params.get("Message") ?? "";
    const attributes: Record<string, string> = {};
    for (let n = 1; params.has(`MessageAttributes.entry.${n}.Name`); n++) {
      const entry = `MessageAttributes.entry.${n}`;
      attributes[params.get(`${entry}.Name`) ?? ""] =
        params.get(`${entry}.Value.StringValue`) ?? params.get(`${entry}.Value.BinaryValue`) ?? "";
    }
    const invalid = (reason: string) => ({
      operation,
      reply: snsError(400, "InvalidParameter", `Invalid parameter: ${reason}`),
    });
    if (params.has("TopicArn") || params.has("TargetArn"))
      return invalid("fake-sns-ses publishes to phone numbers only");
    if (!E164.test(phoneNumber)) return invalid(`PhoneNumber Reason: ${phoneNumber} is not valid to publish to`);
    if (!message) return invalid("Empty message");
    const type = attributes["AWS.SNS.SMS.SMSType"];
    if (type !== undefined && type !== "Transactional" && type !== "Promotional") {
      return invalid(`MessageAttributes Reason: AWS.SNS.SMS.SMSType must be Transactional or Promotional`);
    }
    const senderId = attributes["AWS.SNS.SMS.SenderID"];
    if (senderId !== undefined && !SENDER_ID.test(senderId)) {
      return invalid(
        "MessageAttributes Reason: AWS.SNS.SMS.SenderID must be 1-11 letters and digits, at least one letter",
      );
    }

    const messageId = randomUUID();
    sms.push({ messageId, phoneNumber, message, attributes, sentAt: new Date().toISOString() });
    return {
      operation,
      reply: {
        status: 200,
        headers: { "content-type": "text/xml" },
        body:
          `<PublishResponse xmlns="${SNS_NS}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult>` +
          `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
      },
    };
  }

  function ses(req: IncomingMessage, body: Buffer, path: string): { operation: string; reply: Reply } {
    const operation =
      req.method === "POST" && path === "/v2/email/outbound-emails" ? "SendEmail" : `${req.method} ${path}`;
    const problem = checkHeaderSignature(req, body, { credentials, region, service: "ses", escapePath: true });
    if (problem) return { operation, reply: sesError(problem.status, sesAuthCode(problem), problem.message) };
    if (operation !== "SendEmail")
      return { operation, reply: sesError(404, "NotFoundException", `fake-sns-ses does not answer ${operation}`) };

    let input: SendEmailInput;
    try {
      input = JSON.parse(body.toString("utf8"));
    } catch {
      return { operation, reply: sesError(400, "BadRequestException", "Request body is not valid JSON") };
    }
    const bad = (message: string) => ({ operation, reply: sesError(400, "BadRequestException", message) });
    const from = input.FromEmailAddress ?? "";
    const to = input.Destination?.ToAddresses ?? [];
    const cc = input.Destination?.CcAddresses ?? [];
    const bcc = input.Destination?.BccAddresses ?? [];
    const simple = input.Content?.Simple;
    if (!from) return bad("FromEmailAddress is required when the content is Simple");
    if (to.length + cc.length + bcc.length === 0) return bad("Missing final destination");
    if (!simple) return bad("fake-sns-ses answers Simple content only");
    if (!simple.Subject?.Data) return bad("Subject is required");
    if (simple.Body?.Text?.Data === undefined && simple.Body?.Html?.Data === undefined) return bad("Body is required");
    const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
    const domain = address.split("@")[1] ?? "";
    if (!verified.has(address.toLowerCase()) && !verified.has(domain.toLowerCase())) {
      return {
        operation,
        reply: sesError(
          400,
          "MessageRejected",
          `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${address}`,
        ),
      };
    }

    const messageId = `0100${randomUUID().replaceAll("-", "")}-000000`;
    emails.push({
      messageId,
      from,
      to,
      cc,
      bcc,
      subject: simple.Subject.Data,
      ...(simple.Body?.Text?.Data !== undefined ? { text: simple.Body.Text.Data } : {}),
      ...(simple.Body?.Html?.Data !== undefined ? { html: simple.Body.Html.Data } : {}),
      ...((simple.Body?.Text ?? simple.Body?.Html)?.Charset
        ? { charset: (simple.Body?.Text ?? simple.Body?.Html)?.Charset }
        : {}),
    });
    return {
      operation,
      reply: {
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ MessageId: messageId }),
      },
    };
  }

  async function handle(req: IncomingMessage): Promise<Reply> {
    const body = await readBytes(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    // Not AWS: what a phone would have received, for a browser test in another process to read its sign-in code.
    if (req.method === "GET" && path === INSPECT_SMS_PATH) {
      return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(sms) };
    }
    const service = path.startsWith("/v2/email/")
      ? "ses"
      : /x-www-form-urlencoded/.test(req.headers["content-type"] ?? "")
        ? "sns"
        : "unknown";
    const { operation, reply } =
      service === "ses"
        ? ses(req, body, path)
        : service === "sns"
          ? sns(req, body)
          : {
              operation: `${req.method} ${path}`,
              reply: snsError(400, "InvalidAction", `fake-sns-ses does not answer ${req.method} ${path}`),
            };
    requests.push({
      service,
      operation,
      authorization: String(req.headers.authorization ?? ""),
      status: reply.status,
      ...(reply.code ? { code: reply.code } : {}),
    });
    return reply;
  }

  const server = await listen((req, res) => {
    handle(req)
      .then(({ status, headers, body }) => {
        res.writeHead(status, { "x-amzn-requestid": randomUUID(), ...headers });
        res.end(body);
      })
      .catch((e: unknown) => res.writeHead(500).end(String(e)));
  });

  return {
    url: server.url,
    region,
    credentials,
    sms,
    emails,
    requests,
    close: server.close,
  };
}

interface SendEmailInput {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Content?: {
    Simple?: {
      Subject?: { Data?: string; Charset?: string };
      Body?: { Text?: { Data?: string; Charset?: string }; Html?: { Data?: string; Charset?: string } };
    };
  };
}

function snsAuthCode({ code }: Failure) {
  if (code === "AccessDenied") return "MissingAuthenticationToken";
  if (code === "InvalidAccessKeyId") return "InvalidClientTokenId";
  return code === "XAmzContentSHA256Mismatch" ? code : "SignatureDoesNotMatch";
}

function sesAuthCode({ code }: Failure) {
  if (code === "AccessDenied") return "MissingAuthenticationTokenException";
  if (code === "InvalidAccessKeyId") return "UnrecognizedClientException";
  return "InvalidSignatureException";
}

function snsError(status: number, code: string, message: string): Reply {
  const type = status >= 500 ? "Receiver" : "Sender";
  return {
    status,
    code,
    headers: { "content-type": "text/xml" },
    body:
      `<ErrorResponse xmlns="${SNS_NS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${esc(message)}</Message>` +
      `</Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

function sesError(status: number, code: string, message: string): Reply {
  return {
    status,
    code,
    headers: { "content-type": "application/json", "x-amzn-errortype": code },
    body: JSON.stringify({ message }),
  };
}
