/**
 * Just enough of AWS for `sst build` to synthesize offline: STS says who we are and CloudFormation says
 * the CDK and SST bootstrap stacks exist. Every request is recorded; anything else gets an error naming
 * the action, so an unexpected call fails the build loudly instead of reaching a real account.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { listen, readText } from "./fake-server";

export interface FakeAwsCall {
  service: string;
  action: string;
  params: Record<string, string>;
  answered: boolean;
}

export interface FakeAwsOptions {
  account?: string;
  region?: string;
  /** The version `sst` expects in the SSTBootstrap stack's outputs (its LATEST_VERSION). */
  sstBootstrapVersion?: string;
  log?: (line: string) => void;
}

export interface FakeAws {
  url: string;
  account: string;
  region: string;
  calls: FakeAwsCall[];
  close(): Promise<void>;
}

type Reply = { status: number; body: string; contentType: string };
type Stack = { name: string; outputs: Record<string, string> };

const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const CFN_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const account = options.account ?? "123456789012";
  const region = options.region ?? "ap-southeast-1";
  const log = options.log ?? (() => {});
  const calls: FakeAwsCall[] = [];

  const stacks = new Map<string, Stack>([
    [
      "CDKToolkit",
      {
        name: "CDKToolkit",
        outputs: { BucketName: `cdk-hnb659fds-assets-${account}-${region}`, BootstrapVersion: "28" },
      },
    ],
    [
      "SSTBootstrap",
      {
        name: "SSTBootstrap",
        outputs: { Version: options.sstBootstrapVersion ?? "7.4", BucketName: `sstbootstrap-${region}-fake` },
      },
    ],
  ]);

  function sts(action: string): Reply | undefined {
    if (action !== "GetCallerIdentity") return;
    return xml(
      200,
      `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult>` +
        `<Arn>arn:aws:iam::${account}:user/offline-synth</Arn><UserId>AIDAOFFLINESYNTH</UserId><Account>${account}</Account>` +
        `</GetCallerIdentityResult>${metadata()}</GetCallerIdentityResponse>`,
    );
  }

  function cloudformation(action: string, params: Record<string, string>): Reply | undefined {
    if (action !== "DescribeStacks") return;
    const name = params.StackName ?? "";
    const stack = stacks.get(name);
    if (!stack) return error(400, "Sender", "ValidationError", `Stack with id ${name} does not exist`);
    const outputs = Object.entries(stack.outputs)
      .map(
        ([key, value]) => `<member><OutputKey>${esc(key)}</OutputKey><OutputValue>${esc(value)}</OutputValue></member>`,
      )
      .join("");
    return xml(
      200,
      `<DescribeStacksResponse xmlns="${CFN_NS}"><DescribeStacksResult><Stacks><member>` +
        `<StackName>${esc(stack.name)}</StackName>` +
        `<StackId>arn:aws:cloudformation:${region}:${account}:stack/${esc(stack.name)}/${randomUUID()}</StackId>` +
        `<CreationTime>2024-01-01T00:00:00.000Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>` +
        `<Outputs>${outputs}</Outputs>` +
        `</member></Stacks></DescribeStacksResult>${metadata()}</DescribeStacksResponse>`,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readText(req);
    const { service, action, params } = describe(req, body);
    const reply =
      service === "sts" ? sts(action) : service === "cloudformation" ? cloudformation(action, params) : undefined;
    calls.push({ service, action, params, answered: reply !== undefined });
    const detail = params.StackName ? ` StackName=${params.StackName}` : "";
    log(`${reply ? "answered" : "UNKNOWN "} ${service} ${action}${detail} ${req.method} ${req.url}`);
    const out =
      reply ??
      (req.headers["x-amz-target"]
        ? json(400, { __type: "NotImplemented", message: `fake-aws does not answer ${service} ${action}` })
        : error(400, "Sender", "NotImplemented", `fake-aws does not answer ${service} ${action}`));
    res.writeHead(out.status, { "content-type": out.contentType, "x-amzn-requestid": randomUUID() });
    res.end(out.body);
  }

  const server = await listen((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`fake-aws failed: ${String(e)}`);
      res.writeHead(500).end();
    });
  });

  return {
    url: server.url,
    account,
    region,
    calls,
    close: server.close,
  };
}

/** Service from the SigV4 credential scope; action from the query form, the JSON target or the REST path. */
function describe(req: IncomingMessage, body: string) {
  const auth = String(req.headers.authorization ?? "");
  const service = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth)?.[1] ?? "unknown";
  const target = req.headers["x-amz-target"];
  const url = new URL(req.url ?? "/", "http://fake");
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  if (String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  }
  const action =
    params.Action ??
    (typeof target === "string" ? target.split(".").pop() : undefined) ??
    `${req.method} ${url.pathname}`;
  return { service, action, params };
}

const metadata = () => `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>`;

const xml = (status: number, body: string): Reply => ({ status, body, contentType: "text/xml" });

const json = (status: number, body: unknown): Reply => ({
  status,
  body: JSON.stringify(body),
  contentType: "application/x-amz-json-1.1",
});

const error = (status: number, type: string, code: string, message: string): Reply =>
  xml(
    status,
    `<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
