import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Aspects } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks, type INagLogger, type NagLoggerNonComplianceData } from "cdk-nag";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE } from "../packages/core/src/db/table";
import { RECORDING_KEEP_DAYS } from "../packages/core/src/live/limits";
import { Upload } from "../packages/core/src/upload/index";
import { SESSION_COOKIE } from "../packages/functions/src/api/session-cookie";
import {
  STOREFRONT_CACHE_CONTROL,
  STOREFRONT_FRESH_SECONDS,
  STOREFRONT_STALE_SECONDS,
} from "../packages/functions/src/api/shared-cache";
import { ORIGIN_SECRET_HEADER } from "../packages/functions/src/edge";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "../packages/functions/src/security-headers";
import config from "../sst.config";
import { API_THROTTLE, Api } from "./Api";
import { Database } from "./Database";
import { Jobs, LIVE_OFFLINE_SCHEDULE, ORDER_EXPIRY_SCHEDULE, REMINDER_SCHEDULE, SWEEP_SCHEDULE } from "./Jobs";
import { Live } from "./Live";
import { LiveMedia } from "./LiveMedia";
import { suppressionOf } from "./nag-suppressions";
import { Storage } from "./Storage";
import { API_CACHE_MAX_SECONDS, API_VIEWER_HEADERS, RECORDINGS_PATH, Web } from "./Web";

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are walked as loose JSON
type Json = Record<string, any>;

interface Synthesized {
  stage: string;
  database: Template;
  storage: Template;
  live: Template;
  api: Template;
  web: Template;
  jobs: Template;
  /** Every template by stack name, to follow Fn::ImportValue across stacks. */
  byStack: Map<string, Json>;
  warnings: string[];
  /** The region of each stack. */
  regions: Map<string, string>;
  /** What cdk-nag's AwsSolutions checks found in both apps (including rules it could not evaluate). */
  nag: NagFinding[];
  /** The same stage deployed to the IVS region: live video's resources only. */
  media: { template: Template; stackName: string; region: string; warnings: string[] };
}

const site = mkdtempSync(path.join(tmpdir(), "cho-ocop-site-"));
writeFileSync(path.join(site, "index.html"), "<!doctype html><title>Chợ OCOP</title>");

interface NagFinding {
  rule: string;
  findingId: string;
  /** The resource's construct path without the stage: `Api/…`. */
  path: string;
}

/** Collects cdk-nag's findings, and the rules it could not evaluate, as findings too. */
function nagCollector(stage: string): INagLogger & { findings: NagFinding[] } {
  const findings: NagFinding[] = [];
  const add = (data: { ruleId: string; resource: { node: { path: string } } }, findingId: string) =>
    findings.push({ rule: data.ruleId, findingId, path: data.resource.node.path.replace(`${stage}-cho-ocop-`, "") });
  return {
    findings,
    onCompliance: () => undefined,
    onNonCompliance: (data: NagLoggerNonComplianceData) => add(data, data.findingId),
    onSuppressed: () => undefined,
    onError: (data) => add(data, `CdkNagValidationFailure: ${data.errorMessage}`),
    onSuppressedError: () => undefined,
    onNotApplicable: () => undefined,
  };
}

/** Runs fn with these variables set (undefined: unset), then puts the environment back. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const before = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(before);
  }
}

const CERTIFICATE_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

/** Synthesizes the whole app exactly as sst.config.ts wires it, without touching AWS. */
function synth(stage: string, webDomain?: string): Promise<Synthesized> {
  const env = {
    NODE_ENV: "test",
    SST_STAGE: undefined,
    WEB_DIST: site,
    WEB_DOMAIN: webDomain,
    WEB_CERTIFICATE_ARN: webDomain ? CERTIFICATE_ARN : undefined,
    MAIL_FROM: undefined,
    IVS_REGION: undefined,
    // Card payments on for the prod synth, off for dev.
    STRIPE_PUBLISHABLE_KEY: webDomain ? "pk_live_example" : undefined,
  };
  return withEnv(env, async () => {
    await initProject({ stage });
    // NODE_ENV=test is SST's switch for "no bootstrap lookups", i.e. no AWS calls in finish();
    // set again in case a .env file loaded by initProject changed it.
    process.env.NODE_ENV = "test";
    const app = new App({ mode: "deploy", stage, name: "cho-ocop", region: "ap-southeast-1", account: "123456789012" });
    const nag = nagCollector(stage);
    Aspects.of(app).add(new AwsSolutionsChecks({ reports: false, additionalLoggers: [nag] }));
    await config.stacks(app);
    await app.finish();
    const stacks = [Database, Storage, Live, Api, Web, Jobs];
    const templates = stacks.map((fn) => Template.fromStack(getStack(fn)));
    const byStack = new Map<string, Json>();
    const regions = new Map<string, string>();
    for (const [i, fn] of stacks.entries()) {
      const stack = getStack(fn);
      byStack.set(stack.stackName, (templates[i] as Template).toJSON());
      regions.set(stack.stackName, stack.region);
    }
    const warnings = warningsOf(stacks.map((fn) => getStack(fn)));
    const [database, storage, live, api, web, jobs] = templates as [
      Template,
      Template,
      Template,
      Template,
      Template,
      Template,
    ];

    // `sst deploy --region ap-northeast-1`: the same sst.config.ts picks the IVS region's stack alone.
    const mediaApp = new App({
      mode: "deploy",
      stage,
      name: "cho-ocop",
      region: "ap-northeast-1",
      account: "123456789012",
    });
    Aspects.of(mediaApp).add(new AwsSolutionsChecks({ reports: false, additionalLoggers: [nag] }));
    await config.stacks(mediaApp);
    await mediaApp.finish();
    const mediaStack = getStack(LiveMedia);
    const media = {
      template: Template.fromStack(mediaStack),
      stackName: mediaStack.stackName,
      region: mediaStack.region,
      warnings: warningsOf([mediaStack]),
    };
    return { stage, database, storage, live, api, web, jobs, byStack, warnings, regions, media, nag: nag.findings };
  });
}

function warningsOf(stacks: ReturnType<typeof getStack>[]) {
  const warnings: string[] = [];
  for (const stack of stacks) {
    for (const c of stack.node.findAll()) {
      for (const m of c.node.metadata) {
        // cdk-nag's own annotations are checked against stacks/nag-suppressions.ts instead.
        if (m.type !== "aws:cdk:warning" || /^(AwsSolutions-|CdkNagValidationFailure)/.test(String(m.data))) continue;
        warnings.push(`${c.node.path}: ${m.data}`);
      }
    }
  }
  return warnings;
}

function only(template: Template, type: string, props: Json = {}): [string, Json] {
  const found = Object.entries(template.findResources(type, props));
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0] as [string, Json];
}

/** The bucket is an access-log bucket: private, encrypted, TLS only, ACLs for the log writers, expiring in 90 days. */
function expectAccessLogBucket(template: Template, id: string) {
  const logs = template.findResources("AWS::S3::Bucket")[id] as Json;
  expect(logs, "the access-log bucket").toBeDefined();
  expect(logs.Properties.PublicAccessBlockConfiguration).toEqual({
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  expect(logs.Properties.BucketEncryption).toEqual({
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
  });
  expect(logs.Properties.LifecycleConfiguration.Rules).toEqual([
    expect.objectContaining({ ExpirationInDays: 90, Status: "Enabled" }),
  ]);
  expect(logs.Properties.LoggingConfiguration, "a log bucket does not log into itself").toBeUndefined();
  const policies = Object.values(
    template.findResources("AWS::S3::BucketPolicy", { Properties: { Bucket: { Ref: id } } }),
  );
  expect(policies.flatMap((p) => p.Properties.PolicyDocument.Statement)).toContainEqual(
    expect.objectContaining({
      Effect: "Deny",
      Action: "s3:*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }),
  );
}

/** Renders an ARN expression as text: `<stack>/<logicalId>.<attr>` for resources, `{AWS::…}` for pseudo parameters. */
function render(value: unknown, stackName: string, all: Map<string, Json>): string {
  if (typeof value === "string") return value;
  const v = value as Json;
  if (v["Fn::GetAtt"]) return `${stackName}/${v["Fn::GetAtt"][0]}.${v["Fn::GetAtt"][1]}`;
  if (v.Ref) return String(v.Ref).startsWith("AWS::") ? `{${v.Ref}}` : `${stackName}/${v.Ref}`;
  if (v["Fn::Join"])
    return (v["Fn::Join"][1] as unknown[]).map((p) => render(p, stackName, all)).join(v["Fn::Join"][0]);
  if (v["Fn::ImportValue"]) {
    for (const [name, template] of all) {
      for (const output of Object.values<Json>(template.Outputs ?? {})) {
        if (output.Export?.Name === v["Fn::ImportValue"]) return render(output.Value, name, all);
      }
    }
  }
  return JSON.stringify(value);
}

interface Grant {
  effect: "Allow" | "Deny";
  actions: string[];
  resources: string[];
}

/** Every statement of the IAM policies attached to a function's role, with its resources rendered. */
function grantsOf(template: Template, fn: Json, stackName: string, all: Map<string, Json>): Grant[] {
  const roleId = fn.Properties.Role["Fn::GetAtt"][0] as string;
  const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((p) =>
    (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId),
  );
  expect(policies.length).toBeGreaterThan(0);
  expect(template.findResources("AWS::IAM::Role")[roleId]?.Properties.ManagedPolicyArns ?? []).toEqual([
    expect.objectContaining({
      "Fn::Join": ["", expect.arrayContaining([":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])],
    }),
  ]);
  return policies.flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as Json[]).map((st) => {
      expect(st.Condition, "no conditional statements").toBeUndefined();
      return {
        effect: st.Effect,
        actions: [st.Action].flat(),
        resources: [st.Resource].flat().map((r) => render(r, stackName, all)),
      };
    }),
  );
}

const XRAY: Grant = {
  effect: "Allow",
  actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
  resources: ["*"],
};

/** Runs a CloudFront Function's source against an event, as the JS 2.0 runtime would call it. */
function runCloudFrontFunction(source: string, event: Json): Json {
  const handler = new Function(`${source}\nreturn handler;`)() as (e: Json) => Json;
  return handler(structuredClone(event));
}

describe.each(["dev", "prod"])("stage %s", (stage) => {
  let s: Synthesized;
  const prod = stage === "prod";
  const domain = prod ? "cho-ocop.example.vn" : undefined;
  const mailFrom = `no-reply@${domain ?? "cho-ocop.vn"}`;

  beforeAll(async () => {
    s = await synth(stage, domain);
  }, 180_000);

  const stackName = (name: string) => `${stage}-cho-ocop-${name}`;
  const tableArn = () => `${stackName("Database")}/${only(s.database, "AWS::DynamoDB::Table")[0]}.Arn`;
  const bucketId = () => only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } })[0];
  /** The recording configuration's ARN as the Live stack reads it (SSM in the IVS region, at deploy time). */
  /** The Live stack's deploy-time read of one of LiveMedia's SSM parameters. */
  const lookupOf = (parameter: string): [string, Json] => {
    const found = Object.entries(s.live.findResources("Custom::AWS")).filter(([, r]) =>
      String(r.Properties.Create).includes(parameter),
    );
    expect(found, `one lookup of ${parameter}`).toHaveLength(1);
    return found[0] as [string, Json];
  };
  const recordingArn = () =>
    `${stackName("Live")}/${lookupOf(`/cho-ocop/${stage}/live/recording-configuration-arn`)[0]}.Parameter.Value`;
  const chatReviewArn = () =>
    `${stackName("Live")}/${lookupOf(`/cho-ocop/${stage}/live/chat-review-handler-arn`)[0]}.Parameter.Value`;
  /** The two statements every function that works with the app's records has: items of the table, queries on its indexes. */
  const tableGrants = (): Grant[] => [
    {
      effect: "Allow",
      actions: [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:ConditionCheckItem",
      ],
      resources: [tableArn()],
    },
    { effect: "Allow", actions: ["dynamodb:Query"], resources: [`${tableArn()}/index/*`] },
  ];

  it("stacks are named <stage>-cho-ocop-<Name> in ap-southeast-1, live video's own in ap-northeast-1", () => {
    expect([...s.byStack.keys()]).toEqual(["Database", "Storage", "Live", "Api", "Web", "Jobs"].map(stackName));
    expect(new Set(s.regions.values())).toEqual(new Set(["ap-southeast-1"]));
    expect(s.media).toMatchObject({ stackName: stackName("LiveMedia"), region: "ap-northeast-1" });
  });

  it("grants no function a service's every action, nor a change to the table itself", () => {
    const templates = [...s.byStack.values(), s.media.template.toJSON()];
    const allowed = templates.flatMap((template) =>
      Object.values<Json>(template.Resources ?? {}).flatMap((r) => {
        const documents =
          r.Type === "AWS::IAM::Policy"
            ? [r.Properties.PolicyDocument]
            : r.Type === "AWS::IAM::Role"
              ? (r.Properties.Policies ?? []).map((p: Json) => p.PolicyDocument)
              : [];
        return documents.flatMap((d: Json) =>
          (d.Statement as Json[]).filter((st) => st.Effect === "Allow").flatMap((st) => [st.Action].flat()),
        );
      }),
    );
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.filter((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a))).toEqual([]);
    expect(allowed.filter((a) => /^dynamodb:(Create|Update|Delete)Table/.test(a))).toEqual([]);
  });

  it("keeps every function's logs 90 days, ours and those CDK and SST add", () => {
    const templates = [...s.byStack.entries(), [s.media.stackName, s.media.template.toJSON()] as const];
    let functions = 0;
    for (const [, template] of templates) {
      const resources = Object.entries<Json>(template.Resources ?? {});
      const retained = new Map(
        resources
          .filter(([, r]) => r.Type === "Custom::LogRetention")
          .map(([, r]) => [JSON.stringify(r.Properties.LogGroupName), r.Properties.RetentionInDays]),
      );
      for (const [id, r] of resources) {
        if (r.Type !== "AWS::Lambda::Function") continue;
        // CDK's retention function, which sets its own logs to a day.
        if (id.startsWith("LogRetention")) continue;
        functions++;
        const name = JSON.stringify({ "Fn::Join": ["", ["/aws/lambda/", { Ref: id }]] });
        expect(retained.get(name), `${id}'s logs`).toBe(90);
      }
    }
    expect(functions).toBeGreaterThanOrEqual(6);
  });

  it("passes cdk-nag's AwsSolutions checks, but for the findings stacks/nag-suppressions.ts accepts and says why", () => {
    expect(s.nag.length).toBeGreaterThan(0);
    const unexplained = s.nag.filter((f) => !suppressionOf(f)).map((f) => `${f.rule}[${f.findingId}] ${f.path}`);
    expect([...new Set(unexplained)]).toEqual([]);
  });

  it("synthesizes without CDK warnings", () => {
    expect(s.warnings).toEqual([]);
    expect(s.media.warnings).toEqual([]);
  });

  describe("Database", () => {
    it("has the keys, indexes and TTL of packages/core's TABLE, on demand with PITR", () => {
      const [, table] = only(s.database, "AWS::DynamoDB::Table");
      const p = table.Properties;
      expect(p.BillingMode).toBe("PAY_PER_REQUEST");
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: "expiresAt", Enabled: true });
      expect(p.KeySchema).toEqual([
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ]);
      const gsis = Object.fromEntries((p.GlobalSecondaryIndexes as Json[]).map((g) => [g.IndexName, g]));
      expect(Object.keys(gsis).sort()).toEqual(["gsi1", "gsi2", "gsi3", "gsi4"]);
      for (const [name, index] of Object.entries(TABLE.globalIndexes)) {
        expect(gsis[name].KeySchema).toEqual([
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ]);
        expect(gsis[name].Projection).toEqual({ ProjectionType: "ALL" });
      }
      expect(p.AttributeDefinitions).toEqual(
        expect.arrayContaining(Object.keys(TABLE.fields).map((f) => ({ AttributeName: f, AttributeType: "S" }))),
      );
    });

    it(prod ? "is retained and deletion-protected" : "is destroyed with the stage and not protected", () => {
      const [, table] = only(s.database, "AWS::DynamoDB::Table");
      expect(table.DeletionPolicy).toBe(prod ? "Retain" : "Delete");
      expect(table.UpdateReplacePolicy).toBe(prod ? "Retain" : "Delete");
      expect(Boolean(table.Properties.DeletionProtectionEnabled)).toBe(prod);
    });

    it("outputs the table name, for operator scripts such as admin:create-staff", () => {
      const [tableId] = only(s.database, "AWS::DynamoDB::Table");
      expect(s.database.toJSON().Outputs.TableName.Value).toEqual({ Ref: tableId });
    });
  });

  describe("Storage", () => {
    it("is a private bucket that enforces TLS", () => {
      const [, bucket] = only(s.storage, "AWS::S3::Bucket", {
        Properties: { CorsConfiguration: Match.anyValue() },
      });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
      expect(bucket.DeletionPolicy).toBe(prod ? "Retain" : "Delete");
      const [, policy] = only(s.storage, "AWS::S3::BucketPolicy", { Properties: { Bucket: { Ref: bucketId() } } });
      const statements = policy.Properties.PolicyDocument.Statement as Json[];
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: "Deny",
          Action: "s3:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      );
    });

    it("lets only CloudFront read, only media/*, and denies it private/*", () => {
      const [, policy] = only(s.storage, "AWS::S3::BucketPolicy", { Properties: { Bucket: { Ref: bucketId() } } });
      const statements = policy.Properties.PolicyDocument.Statement as Json[];
      const reads = statements.filter(
        (st) =>
          st.Effect === "Allow" &&
          [st.Action].flat().some((a: string) => a === "*" || a === "s3:*" || a.startsWith("s3:GetObject")),
      );
      expect(reads).toHaveLength(1);
      const read = reads[0] as Json;
      expect(read.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
      expect(render(read.Resource, "storage", s.byStack)).toBe(`storage/${bucketId()}.Arn/media/*`);
      expect(JSON.stringify(read.Condition)).toContain(":distribution/*");

      const denies = statements.filter((st) => st.Effect === "Deny" && st.Action === "s3:GetObject");
      expect(denies).toHaveLength(1);
      expect(denies[0]?.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
      expect(render(denies[0]?.Resource, "storage", s.byStack)).toBe(`storage/${bucketId()}.Arn/private/*`);
    });

    it("logs every request to the bucket into a private access-log bucket kept 90 days", () => {
      const [, bucket] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      const logsId = bucket.Properties.LoggingConfiguration.DestinationBucketName.Ref;
      expect(bucket.Properties.LoggingConfiguration.LogFilePrefix).toBe("uploads/");
      expectAccessLogBucket(s.storage, logsId);
    });

    it("allows presigned POST uploads (and reads) from the configured web origins", () => {
      const [, bucket] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      const rules = bucket.Properties.CorsConfiguration.CorsRules as Json[];
      expect(rules).toHaveLength(1);
      const rule = rules[0] as Json;
      expect(rule.AllowedMethods.sort()).toEqual(["GET", "HEAD", "POST"]);
      expect(rule.AllowedOrigins).toContain("https://*.cloudfront.net");
      if (prod) {
        expect(rule.AllowedOrigins).toContain("https://cho-ocop.example.vn");
        expect(rule.AllowedOrigins).not.toContain("http://localhost:5173");
      } else {
        expect(rule.AllowedOrigins).toEqual(expect.arrayContaining(["http://localhost:3000", "http://localhost:5173"]));
      }
    });

    it("expires browsers' uploads after a day: only the checked copy at its own key is kept", () => {
      const [, bucket] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      const rules = bucket.Properties.LifecycleConfiguration.Rules as Json[];
      expect(rules).toContainEqual({ Prefix: `${Upload.UPLOAD_PREFIX}/`, ExpirationInDays: 1, Status: "Enabled" });
      expect(rules.filter((r) => r.ExpirationInDays !== undefined)).toHaveLength(1);
    });
  });

  describe("Api", () => {
    function apiFunction(): [string, Json] {
      const fns = Object.entries(s.api.findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).endsWith("lambda.handler"),
      );
      expect(fns).toHaveLength(1);
      return fns[0] as [string, Json];
    }

    it("routes $default to the Hono Lambda on nodejs22.x arm64", () => {
      const [fnId, fn] = apiFunction();
      expect(fn.Properties.Handler).toBe("packages/functions/src/lambda.handler");
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      expect(fn.Properties.MemorySize).toBe(1024);
      expect(fn.Properties.Timeout).toBe(10);
      const env = fn.Properties.Environment.Variables;
      expect(env.STORAGE).toBe("s3");
      expect(env.MEDIA_URL).toBe("/media");
      expect(env.TABLE_NAME).toBeDefined();
      expect(env.BUCKET_NAME).toBeDefined();

      only(s.api, "AWS::ApiGatewayV2::Api", { Properties: { ProtocolType: "HTTP" } });
      const routes = Object.values(s.api.findResources("AWS::ApiGatewayV2::Route"));
      expect(routes.map((r) => r.Properties.RouteKey)).toEqual(["$default"]);
      const target = JSON.stringify(routes[0]?.Properties.Target);
      const [integrationId, integration] = only(s.api, "AWS::ApiGatewayV2::Integration");
      expect(target).toContain(integrationId);
      expect(integration.Properties.IntegrationUri).toEqual({ "Fn::GetAtt": [fnId, "Arn"] });
    });

    it("gets SESSION_SECRET as an SST secret, fetched from SSM at cold start", () => {
      const [, fn] = apiFunction();
      const env = fn.Properties.Environment.Variables;
      expect(env.SST_Secret_value_SESSION_SECRET).toBe("__FETCH_FROM_SSM__");
      expect(env.SST_APP).toBe("cho-ocop");
      expect(env.SST_STAGE).toBe(stage);
      expect(env.SST_SSM_PREFIX).toBe(`/sst/cho-ocop/${stage}/`);
      expect(env.SESSION_SECRET, "never in the function's configuration").toBeUndefined();
      expect(JSON.stringify(s.byStack.get(stackName("Api")))).not.toMatch(/AWS::SSM::Parameter"[^}]*SESSION_SECRET/);
    });

    it(
      prod
        ? "takes cards: Stripe keys as SST secrets, the publishable key in the environment"
        : "offers no card payment without STRIPE_PUBLISHABLE_KEY",
      () => {
        const [, fn] = apiFunction();
        const env = fn.Properties.Environment.Variables;
        if (prod) {
          expect(env.STRIPE_PUBLISHABLE_KEY).toBe("pk_live_example");
          expect(env.SST_Secret_value_STRIPE_SECRET_KEY).toBe("__FETCH_FROM_SSM__");
          expect(env.SST_Secret_value_STRIPE_WEBHOOK_SECRET).toBe("__FETCH_FROM_SSM__");
          expect(env.STRIPE_SECRET_KEY, "never in the function's configuration").toBeUndefined();
        } else {
          expect(Object.keys(env).filter((k) => k.includes("STRIPE"))).toEqual([]);
        }
      },
    );

    it("runs live video on IVS in ap-northeast-1, with the recording configuration the LiveMedia stack made", () => {
      const [, fn] = apiFunction();
      const env = fn.Properties.Environment.Variables;
      expect(env.LIVE_PROVIDER).toBe("ivs");
      expect(env.IVS_REGION).toBe("ap-northeast-1");
      expect(render(env.IVS_RECORDING_CONFIGURATION_ARN, stackName("Api"), s.byStack)).toBe(recordingArn());
      // The rooms it creates name LiveMedia's chat review function (stacks/LiveMedia.ts), read from SSM at deploy.
      expect(render(env.IVS_CHAT_REVIEW_HANDLER_ARN, stackName("Api"), s.byStack)).toBe(chatReviewArn());
    });

    it("sends SMS and e-mail through AWS from MAIL_FROM", () => {
      const [, fn] = apiFunction();
      const env = fn.Properties.Environment.Variables;
      expect(env.MESSAGES).toBe("aws");
      expect(env.MAIL_FROM).toBe(mailFrom);
    });

    it(
      prod ? "names the site https://WEB_DOMAIN in the links it makes" : "has no PUBLIC_URL without WEB_DOMAIN",
      () => {
        const [, fn] = apiFunction();
        expect(fn.Properties.Environment.Variables.PUBLIC_URL).toBe(prod ? "https://cho-ocop.example.vn" : undefined);
      },
    );

    it("the function reaches only its own table, bucket and secret, SMS, its MAIL_FROM identity and IVS", () => {
      const ivsChannels = "arn:{AWS::Partition}:ivs:ap-northeast-1:123456789012:channel/*";
      const ivsStreamKeys = "arn:{AWS::Partition}:ivs:ap-northeast-1:123456789012:stream-key/*";
      const [, fn] = apiFunction();
      const grants = grantsOf(s.api, fn, stackName("Api"), s.byStack);
      const bucket = `${stackName("Storage")}/${bucketId()}.Arn`;
      const ssm = "arn:{AWS::Partition}:ssm:ap-southeast-1:123456789012:parameter/sst/cho-ocop";
      const ses = "arn:{AWS::Partition}:ses:ap-southeast-1:123456789012:identity";
      const sortGrants = (list: Grant[]) =>
        [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sortGrants(grants)).toEqual(
        sortGrants([
          XRAY,
          ...tableGrants(),
          // Objects under media/ and private/ only; ListBucket so that a key not there yet is a 404, not a 403.
          {
            effect: "Allow",
            actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            resources: [`${bucket}/media/*`, `${bucket}/private/*`],
          },
          { effect: "Allow", actions: ["s3:ListBucket"], resources: [bucket] },
          ...["SESSION_SECRET", ...(prod ? ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] : [])].map((name) => ({
            effect: "Allow" as const,
            actions: ["ssm:GetParameters"],
            resources: [`${ssm}/${stage}/Secret/${name}/value`, `${ssm}/.fallback/Secret/${name}/value`],
          })),
          // Direct SMS has no ARN (IAM sees the phone number), so Publish is on "*" and every SNS ARN is denied.
          { effect: "Allow", actions: ["sns:Publish"], resources: ["*"] },
          { effect: "Deny", actions: ["sns:Publish"], resources: ["arn:{AWS::Partition}:sns:*:*:*"] },
          {
            effect: "Allow",
            actions: ["ses:SendEmail"],
            resources: [`${ses}/${mailFrom}`, `${ses}/${mailFrom.split("@")[1]}`],
          },
          // IVS and IVS Chat in ap-northeast-1, this account: channels (and their stream keys) and rooms.
          { effect: "Allow", actions: ["ivs:CreateChannel"], resources: [ivsChannels, ivsStreamKeys, recordingArn()] },
          { effect: "Allow", actions: ["ivs:TagResource"], resources: [ivsChannels, ivsStreamKeys] },
          {
            effect: "Allow",
            actions: ["ivs:PutMetadata", "ivs:StopStream", "ivs:GetStream"],
            resources: [ivsChannels],
          },
          // Ending a live rotates the channel's stream key.
          {
            effect: "Allow",
            actions: ["ivs:ListStreamKeys", "ivs:CreateStreamKey"],
            resources: [ivsChannels, ivsStreamKeys],
          },
          { effect: "Allow", actions: ["ivs:DeleteStreamKey"], resources: [ivsStreamKeys] },
          {
            effect: "Allow",
            actions: [
              "ivschat:CreateRoom",
              "ivschat:TagResource",
              "ivschat:CreateChatToken",
              "ivschat:DeleteMessage",
              "ivschat:DisconnectUser",
              "ivschat:SendEvent",
              "ivschat:DeleteRoom",
            ],
            resources: ["arn:{AWS::Partition}:ivschat:ap-northeast-1:123456789012:room/*"],
          },
        ]),
      );
      expect(grants.flatMap((g) => g.actions).filter((a) => /^ivs(chat)?:/.test(a))).not.toContain("ivs:*");
    });

    it("throttles the whole stage at API Gateway", () => {
      const [, stageResource] = only(s.api, "AWS::ApiGatewayV2::Stage");
      const limit = API_THROTTLE[prod ? "prod" : "dev"];
      expect(stageResource.Properties.StageName).toBe("$default");
      expect(stageResource.Properties.DefaultRouteSettings).toMatchObject({
        ThrottlingRateLimit: limit.rate,
        ThrottlingBurstLimit: limit.burst,
      });
      expect(limit.rate).toBeGreaterThan(0);
      expect(limit.burst).toBeGreaterThanOrEqual(limit.rate);
    });

    it("is given a generated origin secret by a dynamic reference, never its value, and no x-db-calls", () => {
      const [secretId, secret] = only(s.api, "AWS::SecretsManager::Secret");
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
      expect(secret.Properties.SecretString).toBeUndefined();
      const env = apiFunction()[1].Properties.Environment.Variables;
      expect(render(env.ORIGIN_SECRET, stackName("Api"), s.byStack)).toBe(
        `{{resolve:secretsmanager:${stackName("Api")}/${secretId}:SecretString:::}}`,
      );
      expect(env.EXPOSE_DB_CALLS, "DynamoDB call counts are for the local benchmark only").toBeUndefined();
    });

    it(prod ? "allows CORS from WEB_DOMAIN only" : "allows CORS from localhost dev servers", () => {
      const [, api] = only(s.api, "AWS::ApiGatewayV2::Api");
      const origins = api.Properties.CorsConfiguration.AllowOrigins;
      expect(origins).toEqual(
        prod ? ["https://cho-ocop.example.vn"] : ["http://localhost:3000", "http://localhost:5173"],
      );
    });
  });

  describe("Live", () => {
    const pattern = () => ({
      source: ["aws.ivs"],
      "detail-type": ["IVS Stream State Change", "IVS Recording State Change"],
      detail: { channel_name: [{ prefix: `cho-ocop-${stage}-` }] },
    });

    function liveEvents(): [string, Json] {
      const fns = Object.entries(s.live.findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).endsWith("live-events.handler"),
      );
      expect(fns).toHaveLength(1);
      return fns[0] as [string, Json];
    }

    it("sends the stage's IVS events on the default bus to packages/functions/src/live-events.handler", () => {
      const [fnId] = liveEvents();
      const [ruleId, rule] = only(s.live, "AWS::Events::Rule");
      expect(rule.Properties.EventPattern).toEqual(pattern());
      expect(rule.Properties.EventBusName, "the default bus, where LiveMedia forwards IVS's events").toBeUndefined();
      expect(rule.Properties.State).toBe("ENABLED");
      const [queueId] = only(s.live, "AWS::SQS::Queue");
      expect(rule.Properties.Targets).toEqual([
        {
          Arn: { "Fn::GetAtt": [fnId, "Arn"] },
          Id: "Target0",
          DeadLetterConfig: { Arn: { "Fn::GetAtt": [queueId, "Arn"] } },
        },
      ]);
      only(s.live, "AWS::Lambda::Permission", {
        Properties: {
          Action: "lambda:InvokeFunction",
          Principal: "events.amazonaws.com",
          FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
          SourceArn: { "Fn::GetAtt": [ruleId, "Arn"] },
        },
      });
    });

    it("keeps the events the handler could not take 14 days in an encrypted dead-letter queue only the rule may fill", () => {
      const [ruleId] = only(s.live, "AWS::Events::Rule");
      const [queueId, queue] = only(s.live, "AWS::SQS::Queue");
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const [, policy] = only(s.live, "AWS::SQS::QueuePolicy");
      expect(policy.Properties.Queues).toEqual([{ Ref: queueId }]);
      const statements = policy.Properties.PolicyDocument.Statement as Json[];
      expect(statements.filter((st) => st.Effect === "Allow").map(({ Sid, ...st }) => st)).toEqual([
        {
          Effect: "Allow",
          Action: "sqs:SendMessage",
          Principal: { Service: "events.amazonaws.com" },
          Resource: { "Fn::GetAtt": [queueId, "Arn"] },
          Condition: { ArnEquals: { "aws:SourceArn": { "Fn::GetAtt": [ruleId, "Arn"] } } },
        },
      ]);
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
      );
    });

    it("the handler runs on nodejs22.x arm64 with the table and the recordings bucket's name", () => {
      const [, fn] = liveEvents();
      expect(fn.Properties.Handler).toBe("packages/functions/src/live-events.handler");
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      const env = fn.Properties.Environment.Variables;
      expect(render(env.TABLE_NAME, stackName("Live"), s.byStack)).toBe(
        `${stackName("Database")}/${only(s.database, "AWS::DynamoDB::Table")[0]}`,
      );
      expect(env.RECORDINGS_BUCKET).toBe(`cho-ocop-${stage}-recordings-123456789012`);
      expect(env.LIVE_PROVIDER).toBe("ivs");
      expect(env.IVS_REGION).toBe("ap-northeast-1");
      expect(Object.keys(env).filter((k) => k.startsWith("SST_Secret"))).toEqual([]);
    });

    it("the handler reaches the table, and IVS Chat rooms to tell pages the stream's state and open an unscheduled live's room", () => {
      const [, fn] = liveEvents();
      const grants = grantsOf(s.live, fn, stackName("Live"), s.byStack);
      expect(grants).toEqual([
        XRAY,
        ...tableGrants(),
        {
          effect: "Allow",
          actions: ["ivschat:CreateRoom", "ivschat:TagResource", "ivschat:SendEvent"],
          resources: ["arn:{AWS::Partition}:ivschat:ap-northeast-1:123456789012:room/*"],
        },
      ]);
    });

    it("reads the recording configuration's and the chat review function's ARNs from SSM in ap-northeast-1 at deploy time, allowed those two parameters", () => {
      const parameters = [
        `/cho-ocop/${stage}/live/recording-configuration-arn`,
        `/cho-ocop/${stage}/live/chat-review-handler-arn`,
      ];
      expect(Object.keys(s.live.findResources("Custom::AWS"))).toHaveLength(2);
      const providers = new Set<string>();
      for (const parameter of parameters) {
        const [, lookup] = lookupOf(parameter);
        for (const call of [lookup.Properties.Create, lookup.Properties.Update]) {
          expect(JSON.parse(call)).toEqual({
            service: "SSM",
            action: "getParameter",
            parameters: { Name: parameter },
            region: "ap-northeast-1",
            physicalResourceId: { id: parameter },
          });
        }
        expect(lookup.Properties.Delete).toBeUndefined();
        providers.add(lookup.Properties.ServiceToken["Fn::GetAtt"][0]);
      }
      // The function behind them (CDK's AwsCustomResource provider, one per stack) may read those and nothing else.
      expect(providers.size).toBe(1);
      const provider = s.live.findResources("AWS::Lambda::Function")[[...providers][0] as string];
      const grants = grantsOf(s.live, provider as Json, stackName("Live"), s.byStack);
      expect(grants).toHaveLength(2);
      expect(grants).toEqual(
        expect.arrayContaining(
          parameters.map((parameter) => ({
            effect: "Allow",
            actions: ["ssm:GetParameter"],
            resources: [`arn:{AWS::Partition}:ssm:ap-northeast-1:123456789012:parameter${parameter}`],
          })),
        ),
      );
    });
  });

  describe("LiveMedia (ap-northeast-1)", () => {
    const media = () => s.media.template;
    const recordings = () => only(media(), "AWS::S3::Bucket", { Properties: { BucketName: Match.anyValue() } });
    const recordingsPolicy = () =>
      only(media(), "AWS::S3::BucketPolicy", { Properties: { Bucket: { Ref: recordings()[0] } } });

    it("is a private, encrypted recordings bucket that enforces TLS, named for the stage and account", () => {
      const [, bucket] = recordings();
      expect(bucket.Properties.BucketName).toBe(`cho-ocop-${stage}-recordings-123456789012`);
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
      const [, policy] = recordingsPolicy();
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: "Deny",
          Action: "s3:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      );
    });

    it(prod ? "keeps the recordings when the stage is removed" : "is emptied and deleted with the stage", () => {
      const [id, bucket] = recordings();
      expect(bucket.DeletionPolicy).toBe(prod ? "Retain" : "Delete");
      const emptier = media().findResources("Custom::S3AutoDeleteObjects", {
        Properties: { BucketName: { Ref: id } },
      });
      expect(Object.keys(emptier)).toHaveLength(prod ? 0 : 1);
    });

    it("moves recordings to cheaper storage that still plays at once, and expires them after three years", () => {
      const [, bucket] = recordings();
      expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
        {
          Id: "replays",
          Status: "Enabled",
          Transitions: [
            { StorageClass: "STANDARD_IA", TransitionInDays: 30 },
            { StorageClass: "GLACIER_IR", TransitionInDays: 90 },
          ],
          ExpirationInDays: RECORDING_KEEP_DAYS,
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ]);
    });

    it("logs every request to the recordings into a private access-log bucket kept 90 days", () => {
      const [, bucket] = recordings();
      expect(bucket.Properties.LoggingConfiguration.LogFilePrefix).toBe("recordings/");
      expectAccessLogBucket(media(), bucket.Properties.LoggingConfiguration.DestinationBucketName.Ref);
    });

    it("lets only CloudFront read, and only what IVS wrote (ivs/*)", () => {
      const [id] = recordings();
      const [, policy] = recordingsPolicy();
      const reads = (policy.Properties.PolicyDocument.Statement as Json[]).filter(
        (st) => st.Effect === "Allow" && [st.Action].flat().some((a: string) => a === "s3:*" || a.startsWith("s3:Get")),
      );
      const cloudfront = reads.filter((st) => st.Principal?.Service === "cloudfront.amazonaws.com");
      expect(cloudfront).toHaveLength(1);
      expect(cloudfront[0]?.Action).toBe("s3:GetObject");
      expect(render(cloudfront[0]?.Resource, "media", s.byStack)).toBe(`media/${id}.Arn/ivs/*`);
      expect(JSON.stringify(cloudfront[0]?.Condition)).toContain(":cloudfront::123456789012:distribution/*");
      // Anything else that may read is the auto-delete helper of a non-prod stage.
      expect(reads.filter((st) => st.Principal?.Service !== "cloudfront.amazonaws.com")).toHaveLength(prod ? 0 : 1);
    });

    it("records every channel of the stage to that bucket, continuing a recording across a drop of up to 60 s", () => {
      const [bucketId] = recordings();
      const [configId, config] = only(media(), "AWS::IVS::RecordingConfiguration");
      expect(config.Properties).toMatchObject({
        Name: `cho-ocop-${stage}`,
        DestinationConfiguration: { S3: { BucketName: { Ref: bucketId } } },
        RecordingReconnectWindowSeconds: 60,
        ThumbnailConfiguration: { RecordingMode: "DISABLED" },
      });
      const [, parameter] = only(media(), "AWS::SSM::Parameter", {
        Properties: { Name: `/cho-ocop/${stage}/live/recording-configuration-arn` },
      });
      expect(parameter.Properties.Value).toEqual({ "Fn::GetAtt": [configId, "Arn"] });
      expect(media().toJSON().Outputs.RecordingConfigurationArn.Value).toEqual({ "Fn::GetAtt": [configId, "Arn"] });
    });

    it("forwards the stage's IVS events to the default bus of ap-southeast-1, with a role that may only put there", () => {
      const [, rule] = only(media(), "AWS::Events::Rule");
      expect(rule.Properties.EventPattern).toEqual({
        source: ["aws.ivs"],
        "detail-type": ["IVS Stream State Change", "IVS Recording State Change"],
        detail: { channel_name: [{ prefix: `cho-ocop-${stage}-` }] },
      });
      const bus = "arn:{AWS::Partition}:events:ap-southeast-1:123456789012:event-bus/default";
      const targets = rule.Properties.Targets as Json[];
      expect(targets).toHaveLength(1);
      expect(render(targets[0]?.Arn, "media", s.byStack)).toBe(bus);
      // What the app region's bus did not take waits 14 days in an encrypted queue here.
      const [queueId, queue] = only(media(), "AWS::SQS::Queue");
      expect(targets[0]?.DeadLetterConfig).toEqual({ Arn: { "Fn::GetAtt": [queueId, "Arn"] } });
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const roleId = targets[0]?.RoleArn["Fn::GetAtt"][0];
      const policies = Object.values(media().findResources("AWS::IAM::Policy")).filter((p) =>
        (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId),
      );
      expect(policies.flatMap((p) => p.Properties.PolicyDocument.Statement)).toEqual([
        { Action: "events:PutEvents", Effect: "Allow", Resource: expect.anything() },
      ]);
      expect(render(policies[0]?.Properties.PolicyDocument.Statement[0].Resource, "media", s.byStack)).toBe(bus);
      expect(media().findResources("AWS::IAM::Role")[roleId]?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "events.amazonaws.com" } },
      ]);
    });

    it("holds no table or API of the app; its one function of ours is IVS Chat's message review handler", () => {
      expect(Object.keys(media().findResources("AWS::DynamoDB::Table"))).toEqual([]);
      expect(Object.keys(media().findResources("AWS::ApiGatewayV2::Api"))).toEqual([]);
      const ours = Object.entries(media().findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).startsWith("packages/"),
      );
      expect(ours.map(([, f]) => f.Properties.Handler)).toEqual(["packages/functions/src/live-events.chatReview"]);
    });

    it("reviews chat in the rooms' region, with the app region's table: keeps messages and reads mutes, nothing more", () => {
      const [fnId, fn] = only(media(), "AWS::Lambda::Function", {
        Properties: { Handler: "packages/functions/src/live-events.chatReview" },
      });
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      // The table's name as SST gives it in the app region (Database stack), which this stack cannot reference.
      const [, table] = only(s.database, "AWS::DynamoDB::Table");
      const tableName = `${stage}-cho-ocop-Table`;
      expect(table.Properties.TableName).toBe(tableName);
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: tableName,
        TABLE_REGION: "ap-southeast-1",
      });
      const grants = grantsOf(media(), fn, s.media.stackName, s.byStack).filter(
        (g) => !g.actions.every((a) => a.startsWith("xray:")),
      );
      expect(grants).toEqual([
        {
          effect: "Allow",
          actions: ["dynamodb:GetItem", "dynamodb:PutItem"],
          resources: [`arn:{AWS::Partition}:dynamodb:ap-southeast-1:123456789012:table/${tableName}`],
        },
      ]);
      // Only IVS Chat, for this account's rooms in this region, may invoke it.
      const [, permission] = only(media(), "AWS::Lambda::Permission", {
        Properties: { FunctionName: { "Fn::GetAtt": [fnId, "Arn"] } },
      });
      expect(permission.Properties).toMatchObject({
        Action: "lambda:InvokeFunction",
        Principal: "ivschat.amazonaws.com",
        SourceAccount: "123456789012",
      });
      expect(JSON.stringify(permission.Properties.SourceArn)).toContain("ivschat:ap-northeast-1:123456789012:room/*");
      const [, parameter] = only(media(), "AWS::SSM::Parameter", {
        Properties: { Name: `/cho-ocop/${stage}/live/chat-review-handler-arn` },
      });
      expect(parameter.Properties.Value).toEqual({ "Fn::GetAtt": [fnId, "Arn"] });
    });
  });

  describe("Jobs", () => {
    function sweeper(): [string, Json] {
      const fns = Object.entries(s.jobs.findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).endsWith("jobs.sweepExpired"),
      );
      expect(fns).toHaveLength(1);
      return fns[0] as [string, Json];
    }

    function ruleFor(fnId: string): Json {
      const rules = Object.values(s.jobs.findResources("AWS::Events::Rule")).filter((r) =>
        JSON.stringify(r.Properties.Targets).includes(`"${fnId}"`),
      );
      expect(rules).toHaveLength(1);
      return rules[0] as Json;
    }

    function orderExpiry(): [string, Json] {
      const fns = Object.entries(s.jobs.findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).endsWith("jobs.expireUnpaidOrders"),
      );
      expect(fns).toHaveLength(1);
      return fns[0] as [string, Json];
    }

    it("runs the expiry sweep daily at 00:05 Vietnam time (17:05 UTC)", () => {
      expect(SWEEP_SCHEDULE).toBe("cron(5 17 * * ? *)");
      const [fnId] = sweeper();
      const rule = ruleFor(fnId);
      expect(rule.Properties.ScheduleExpression).toBe("cron(5 17 * * ? *)");
      expect(rule.Properties.State).toBe("ENABLED");
      expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { "Fn::GetAtt": [fnId, "Arn"] } })]);
      only(s.jobs, "AWS::Lambda::Permission", {
        Properties: {
          Action: "lambda:InvokeFunction",
          Principal: "events.amazonaws.com",
          FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
        },
      });
    });

    it("cancels unpaid orders every 5 minutes: packages/functions/src/jobs.expireUnpaidOrders", () => {
      expect(ORDER_EXPIRY_SCHEDULE).toBe("rate(5 minutes)");
      const [fnId, fn] = orderExpiry();
      const rule = ruleFor(fnId);
      expect(rule.Properties.ScheduleExpression).toBe("rate(5 minutes)");
      expect(rule.Properties.State).toBe("ENABLED");
      expect(fn.Properties.Handler).toBe("packages/functions/src/jobs.expireUnpaidOrders");
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      const env = fn.Properties.Environment.Variables;
      expect(env.MESSAGES).toBe("aws");
      // The cancellation text links the order's page: the job is told the site's address (its domain, or CloudFront's).
      expect(JSON.stringify(env.PUBLIC_URL)).toContain(prod ? "https://cho-ocop.example.vn" : "https://");
      const secrets = Object.keys(env)
        .filter((k) => k.startsWith("SST_Secret_value_"))
        .sort();
      // The key cancels the payment intent; the webhook secret, which only the API verifies with, stays out.
      expect(secrets).toEqual(prod ? ["SST_Secret_value_STRIPE_SECRET_KEY"] : []);
    });

    it("reminds producers of expiring certificates daily at 08:00 Vietnam time, by SMS, linking the site", () => {
      expect(REMINDER_SCHEDULE).toBe("cron(0 1 * * ? *)");
      const fns = Object.entries(s.jobs.findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).endsWith("jobs.remindExpiring"),
      );
      expect(fns).toHaveLength(1);
      const [fnId, fn] = fns[0] as [string, Json];
      const rule = ruleFor(fnId);
      expect(rule.Properties.ScheduleExpression).toBe("cron(0 1 * * ? *)");
      expect(rule.Properties.State).toBe("ENABLED");
      const env = fn.Properties.Environment.Variables;
      expect(env.MESSAGES).toBe("aws");
      expect(JSON.stringify(env.PUBLIC_URL)).toContain(prod ? "https://cho-ocop.example.vn" : "https://");
      expect(Object.keys(env).filter((k) => k.startsWith("SST_Secret_value_"))).toEqual([]);
    });

    it("ends lives whose stream did not come back every minute, reaching the table, IVS's viewer counts and the rooms", () => {
      expect(LIVE_OFFLINE_SCHEDULE).toBe("rate(1 minute)");
      const fns = Object.entries(s.jobs.findResources("AWS::Lambda::Function")).filter(([, f]) =>
        String(f.Properties.Handler).endsWith("jobs.endOfflineLives"),
      );
      expect(fns).toHaveLength(1);
      const [fnId, fn] = fns[0] as [string, Json];
      expect(ruleFor(fnId).Properties.ScheduleExpression).toBe("rate(1 minute)");
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Environment.Variables).toMatchObject({
        LIVE_RECONNECT_GRACE_SECONDS: "60",
        LIVE_PROVIDER: "ivs",
        IVS_REGION: "ap-northeast-1",
      });
      const grants = grantsOf(s.jobs, fn, stackName("Jobs"), s.byStack).filter(
        (g) => !g.actions.every((a) => a.startsWith("xray:")),
      );
      // Each live's viewer count, its room told the audience, an ended live's room deleted: nothing else of IVS.
      expect(grants).toEqual([
        ...tableGrants(),
        {
          effect: "Allow",
          actions: ["ivs:GetStream"],
          resources: ["arn:{AWS::Partition}:ivs:ap-northeast-1:123456789012:channel/*"],
        },
        {
          effect: "Allow",
          actions: ["ivschat:SendEvent", "ivschat:DeleteRoom"],
          resources: ["arn:{AWS::Partition}:ivschat:ap-northeast-1:123456789012:room/*"],
        },
      ]);
    });

    it("the order-expiry job reaches only the table, SMS, its MAIL_FROM identity and the Stripe key (no webhook secret)", () => {
      const [, fn] = orderExpiry();
      const grants = grantsOf(s.jobs, fn, stackName("Jobs"), s.byStack);
      const other = grants.filter((g) => !g.actions.every((a) => a.startsWith("xray:")));
      const ssm = "arn:{AWS::Partition}:ssm:ap-southeast-1:123456789012:parameter/sst/cho-ocop";
      const expected: Grant[] = [
        ...tableGrants(),
        { effect: "Allow", actions: ["sns:Publish"], resources: ["*"] },
        { effect: "Deny", actions: ["sns:Publish"], resources: ["arn:{AWS::Partition}:sns:*:*:*"] },
        expect.objectContaining({ effect: "Allow", actions: ["ses:SendEmail"] }) as Grant,
        ...(prod
          ? ["STRIPE_SECRET_KEY"].map((name) => ({
              effect: "Allow" as const,
              actions: ["ssm:GetParameters"],
              resources: [`${ssm}/${stage}/Secret/${name}/value`, `${ssm}/.fallback/Secret/${name}/value`],
            }))
          : []),
      ];
      expect(JSON.stringify(other)).not.toContain("STRIPE_WEBHOOK_SECRET");
      expect(other).toHaveLength(expected.length);
      expect(other).toEqual(expect.arrayContaining(expected));
    });

    it("is packages/functions/src/jobs.sweepExpired on nodejs22.x arm64, given the table", () => {
      const [, fn] = sweeper();
      expect(fn.Properties.Handler).toBe("packages/functions/src/jobs.sweepExpired");
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      expect(fn.Properties.Timeout).toBe(300);
      const env = fn.Properties.Environment.Variables;
      expect(render(env.TABLE_NAME, stackName("Jobs"), s.byStack)).toBe(
        `${stackName("Database")}/${only(s.database, "AWS::DynamoDB::Table")[0]}`,
      );
      expect(Object.keys(env).filter((k) => k.startsWith("SST_Secret"))).toEqual([]);
    });

    it("the sweeper's policies reach only the table", () => {
      const [, fn] = sweeper();
      const grants = grantsOf(s.jobs, fn, stackName("Jobs"), s.byStack);
      expect(grants.filter((g) => !g.actions.every((a) => a.startsWith("xray:")))).toEqual(tableGrants());
      expect(grants.filter((g) => g.actions.every((a) => a.startsWith("xray:")))).toEqual([XRAY]);
    });
  });

  describe("Web", () => {
    function distribution(): Json {
      return only(s.web, "AWS::CloudFront::Distribution")[1].Properties.DistributionConfig;
    }
    function originOf(config: Json, pattern: string): Json {
      const behavior = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === pattern);
      expect(behavior, `behaviour ${pattern}`).toBeDefined();
      const origin = (config.Origins as Json[]).find((o) => o.Id === behavior?.TargetOriginId);
      expect(origin).toBeDefined();
      return { behavior, origin };
    }

    it("sends /api/* to the HTTP API with every method and all headers but Host", () => {
      const { behavior, origin } = originOf(distribution(), "/api/*");
      // AllViewerExceptHostHeader: every viewer header, including those the viewer-request function sets.
      expect(behavior.OriginRequestPolicyId).toBe("b689b0a8-53d0-40ab-baf2-68738e2966ac");
      expect(behavior.AllowedMethods).toHaveLength(7);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
      const [apiId] = only(s.api, "AWS::ApiGatewayV2::Api");
      expect(render(origin.DomainName, stackName("Web"), s.byStack)).toBe(
        `${stackName("Api")}/${apiId}.execute-api.ap-southeast-1.{AWS::URLSuffix}`,
      );
    });

    it("caches /api/* only as the API's Cache-Control says, keyed on the query string, never a signed-in request's", () => {
      const { behavior } = originOf(distribution(), "/api/*");
      const [policyId, policy] = only(s.web, "AWS::CloudFront::CachePolicy");
      expect(behavior.CachePolicyId).toEqual({ Ref: policyId });
      expect(behavior.Compress).toBe(true);
      const config = policy.Properties.CachePolicyConfig;
      // Nothing without the API's say-so, and never longer than a storefront read's fresh and stale seconds.
      expect([config.MinTTL, config.DefaultTTL, config.MaxTTL]).toEqual([
        0,
        0,
        STOREFRONT_FRESH_SECONDS + STOREFRONT_STALE_SECONDS,
      ]);
      expect(config.MaxTTL).toBe(API_CACHE_MAX_SECONDS);
      expect(STOREFRONT_CACHE_CONTROL).toBe(
        `public, max-age=0, s-maxage=${STOREFRONT_FRESH_SECONDS}, stale-while-revalidate=${STOREFRONT_STALE_SECONDS}`,
      );
      const key = config.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key.QueryStringsConfig).toEqual({ QueryStringBehavior: "all" });
      // The session cookie and Authorization split signed-in requests off the anonymous entry; the API answers them
      // `private, no-store`, so nothing is ever stored under them. No other cookie or header is in the key.
      expect(key.CookiesConfig).toEqual({ CookieBehavior: "whitelist", Cookies: [SESSION_COOKIE] });
      expect(key.HeadersConfig).toEqual({ HeaderBehavior: "whitelist", Headers: ["Authorization"] });
      expect(key.EnableAcceptEncodingGzip).toBe(true);
      expect(key.EnableAcceptEncodingBrotli).toBe(true);
    });

    it("tells the API the viewer's host and address on /api/*, from a viewer-request function", () => {
      const { behavior } = originOf(distribution(), "/api/*");
      expectViewerFunction(behavior, "x-forwarded-host", API_VIEWER_HEADERS);
    });

    it("serves /media/* from the uploads bucket through Origin Access Control", () => {
      const { behavior, origin } = originOf(distribution(), "/media/*");
      expect(behavior.AllowedMethods).toEqual(["GET", "HEAD"]);
      expect(behavior.FunctionAssociations).toBeUndefined();
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
      expect(render(origin.DomainName, stackName("Web"), s.byStack)).toBe(
        `${stackName("Storage")}/${bucketId()}.RegionalDomainName`,
      );
      expectS3AccessControl(origin);
    });

    /** The behaviour runs, on viewer request, this stack's CloudFront Function whose code has `mark` and is `code`. */
    function expectViewerFunction(behavior: Json, mark: string, code: string) {
      const [fnId, fn] = only(s.web, "AWS::CloudFront::Function", {
        Properties: { FunctionCode: Match.stringLikeRegexp(mark) },
      });
      expect(fn.Properties.FunctionCode).toBe(code);
      expect(fn.Properties.FunctionConfig.Runtime).toBe("cloudfront-js-2.0");
      expect(behavior.FunctionAssociations).toEqual([
        { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [fnId, "FunctionARN"] } },
      ]);
    }

    /** The origin signs its requests with an S3 Origin Access Control of this stack. */
    function expectS3AccessControl(origin: Json) {
      const oacId = origin.OriginAccessControlId?.["Fn::GetAtt"]?.[0];
      const oac = s.web.findResources("AWS::CloudFront::OriginAccessControl")[oacId];
      expect(oac?.Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
        SigningProtocol: "sigv4",
      });
    }

    it("serves the replays under /recordings/* from the recordings bucket in ap-northeast-1, through OAC", () => {
      const { behavior, origin } = originOf(distribution(), "/recordings/*");
      expect(behavior.AllowedMethods).toEqual(["GET", "HEAD"]);
      expect(behavior.ViewerProtocolPolicy).toBe("redirect-to-https");
      expect(behavior.CachePolicyId).toBe("658327ea-f89d-4fab-a63d-7e88639e58f6"); // CachingOptimized
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
      expectS3AccessControl(origin);
      // The name the LiveMedia stack gives the bucket, in the IVS region.
      const bucket = only(s.media.template, "AWS::S3::Bucket", { Properties: { BucketName: Match.anyValue() } })[1];
      expect(render(origin.DomainName, stackName("Web"), s.byStack)).toBe(
        `${bucket.Properties.BucketName}.s3.ap-northeast-1.{AWS::URLSuffix}`,
      );
      // The prefix is dropped on the way: IVS writes ivs/v1/… at the bucket's root.
      expectViewerFunction(behavior, "/recordings/", RECORDINGS_PATH);
    });

    it("does not turn API errors into index.html: SPA routing is a viewer-request function", () => {
      const config = distribution();
      expect(config.CustomErrorResponses).toBeUndefined();
      const [fnId] = only(s.web, "AWS::CloudFront::Function", {
        Properties: { FunctionCode: Match.stringLikeRegexp("/index.html") },
      });
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [fnId, "FunctionARN"] } },
      ]);
    });

    it("sends the API the origin secret the function checks, so the execute-api endpoint answers only CloudFront", () => {
      const { origin } = originOf(distribution(), "/api/*");
      const headers = origin.OriginCustomHeaders as Json[];
      expect(headers.map((h) => h.HeaderName)).toEqual([ORIGIN_SECRET_HEADER]);
      const [secretId] = only(s.api, "AWS::SecretsManager::Secret");
      expect(render(headers[0]?.HeaderValue, stackName("Web"), s.byStack)).toBe(
        `{{resolve:secretsmanager:${stackName("Api")}/${secretId}:SecretString:::}}`,
      );
    });

    it("adds the security headers to every answer: pages, the API, media and replays", () => {
      const [policyId, policy] = only(s.web, "AWS::CloudFront::ResponseHeadersPolicy");
      const config = distribution();
      const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as Json[])];
      expect(behaviors).toHaveLength(4);
      for (const b of behaviors) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policyId });

      const headers = policy.Properties.ResponseHeadersPolicyConfig;
      const security = headers.SecurityHeadersConfig;
      const storage = `https://${stackName("Storage")}/${bucketId()}.RegionalDomainName`;
      const csp = render(security.ContentSecurityPolicy.ContentSecurityPolicy, stackName("Web"), s.byStack);
      expect(csp).toBe(contentSecurityPolicy({ storage: [storage] }));
      expect(csp).toContain("frame-ancestors 'none'");
      expect(security.ContentSecurityPolicy.Override).toBe(true);
      expect(security.ContentTypeOptions).toEqual({ Override: true });
      expect(security.FrameOptions).toEqual({ FrameOption: "DENY", Override: true });
      expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: "strict-origin-when-cross-origin", Override: true });
      expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31_536_000, Override: true });
      expect(headers.CustomHeadersConfig.Items).toEqual([
        { Header: "permissions-policy", Value: PERMISSIONS_POLICY, Override: true },
      ]);
      // CloudFront's quota on a policy's Content-Security-Policy, with the longest bucket domain S3 allows.
      const longest = contentSecurityPolicy({ storage: [`https://${"b".repeat(63)}.s3.ap-southeast-1.amazonaws.com`] });
      expect(longest.length).toBeLessThanOrEqual(1783);
    });

    it(
      prod
        ? "serves WEB_DOMAIN with its ACM certificate (us-east-1), SNI, TLS 1.2 at least"
        : "has no custom domain without WEB_DOMAIN",
      () => {
        const config = distribution();
        if (prod) {
          expect(config.Aliases).toEqual(["cho-ocop.example.vn"]);
          expect(config.ViewerCertificate).toEqual({
            AcmCertificateArn: CERTIFICATE_ARN,
            MinimumProtocolVersion: "TLSv1.2_2021",
            SslSupportMethod: "sni-only",
          });
        } else {
          expect(config.Aliases ?? []).toEqual([]);
          expect(config.ViewerCertificate).toBeUndefined();
        }
      },
    );

    it("logs every request to CloudFront and to the site's bucket into a private access-log bucket kept 90 days", () => {
      const logging = distribution().Logging;
      expect(logging.Prefix).toBe("cloudfront/");
      const [logsId] = logging.Bucket["Fn::GetAtt"];
      expect(logging.Bucket).toEqual({ "Fn::GetAtt": [logsId, "RegionalDomainName"] });
      expectAccessLogBucket(s.web, logsId);
      const sites = Object.values(
        s.web.findResources("AWS::S3::Bucket", { Properties: { LoggingConfiguration: Match.anyValue() } }),
      );
      expect(sites.map((b) => b.Properties.LoggingConfiguration)).toEqual([
        { DestinationBucketName: { Ref: logsId }, LogFilePrefix: "site/" },
      ]);
    });

    it("outputs the site and API URLs", () => {
      const outputs = s.web.toJSON().Outputs as Json;
      expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["SiteUrl", "ApiUrl"]));
    });
  });
});

describe("the /api/* viewer-request function", () => {
  const event = (headers: Json) => ({
    version: "1.0",
    viewer: { ip: "2001:db8::7" },
    request: { uri: "/api/x", headers },
  });

  it("copies the viewer's Host into x-forwarded-host, over any the viewer sent", () => {
    const request = runCloudFrontFunction(
      API_VIEWER_HEADERS,
      event({ host: { value: "cho-ocop.vn" }, "x-forwarded-host": { value: "evil.example" } }),
    );
    expect(request.headers["x-forwarded-host"]).toEqual({ value: "cho-ocop.vn" });
    expect(request.headers.host).toEqual({ value: "cho-ocop.vn" });
    expect(request.uri).toBe("/api/x");
  });

  it("drops a viewer's x-forwarded-host when there is no Host", () => {
    const request = runCloudFrontFunction(API_VIEWER_HEADERS, event({ "x-forwarded-host": { value: "evil.example" } }));
    expect(request.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("sets CloudFront-Viewer-Address from the connection, in its ip:port form, over any the viewer sent", () => {
    const request = runCloudFrontFunction(
      API_VIEWER_HEADERS,
      event({ host: { value: "cho-ocop.vn" }, "cloudfront-viewer-address": { value: "203.0.113.9:1" } }),
    );
    const address = request.headers["cloudfront-viewer-address"].value as string;
    expect(address).toBe("2001:db8::7:0");
    // What packages/functions/src/api/actor.ts's clientIp makes of it.
    expect(address.replace(/:\d+$/, "")).toBe("2001:db8::7");
  });
});

describe("the /recordings/* viewer-request function", () => {
  const event = (uri: string) => ({ version: "1.0", viewer: { ip: "203.0.113.9" }, request: { uri, headers: {} } });

  it("drops /recordings, so the request names the key IVS wrote", () => {
    const key = "ivs/v1/123456789012/AbCdef1G2hij/2026/3/14/12/3/j8Z9O91ndcVs/media/hls/master.m3u8";
    expect(runCloudFrontFunction(RECORDINGS_PATH, event(`/recordings/${key}`)).uri).toBe(`/${key}`);
  });

  it("leaves other paths alone", () => {
    expect(runCloudFrontFunction(RECORDINGS_PATH, event("/media/x.jpg")).uri).toBe("/media/x.jpg");
    expect(runCloudFrontFunction(RECORDINGS_PATH, event("/recordingsx/y")).uri).toBe("/recordingsx/y");
  });
});

describe("sst.config.ts regions", () => {
  it("refuses a region that is neither the app's nor IVS's", async () => {
    const app = new App({ mode: "deploy", stage: "x", name: "cho-ocop", region: "us-west-2", account: "123456789012" });
    await expect(async () => config.stacks(app)).rejects.toThrow(/deploys to ap-southeast-1.*ap-northeast-1/);
  });
});

afterAll(() => rmSync(site, { recursive: true, force: true }));
