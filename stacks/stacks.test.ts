import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Match, Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE } from "../packages/core/src/db/table";
import config from "../sst.config";
import { Api } from "./Api";
import { Database } from "./Database";
import { Storage } from "./Storage";
import { Web } from "./Web";

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are walked as loose JSON
type Json = Record<string, any>;

interface Synthesized {
  stage: string;
  database: Template;
  storage: Template;
  api: Template;
  web: Template;
  /** Every template by stack name, to follow Fn::ImportValue across stacks. */
  byStack: Map<string, Json>;
  warnings: string[];
}

const site = mkdtempSync(path.join(tmpdir(), "cho-ocop-site-"));
writeFileSync(path.join(site, "index.html"), "<!doctype html><title>Chợ OCOP</title>");

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

/** Synthesizes the whole app exactly as sst.config.ts wires it, without touching AWS. */
function synth(stage: string, webDomain?: string): Promise<Synthesized> {
  const env = { NODE_ENV: "test", SST_STAGE: undefined, WEB_DIST: site, WEB_DOMAIN: webDomain };
  return withEnv(env, async () => {
    await initProject({ stage });
    // NODE_ENV=test is SST's switch for "no bootstrap lookups", i.e. no AWS calls in finish();
    // set again in case a .env file loaded by initProject changed it.
    process.env.NODE_ENV = "test";
    const app = new App({ mode: "deploy", stage, name: "cho-ocop", region: "ap-southeast-1", account: "123456789012" });
    await config.stacks(app);
    await app.finish();
    const templates = [Database, Storage, Api, Web].map((fn) => Template.fromStack(getStack(fn)));
    const byStack = new Map<string, Json>();
    const warnings: string[] = [];
    for (const [i, fn] of [Database, Storage, Api, Web].entries()) {
      const stack = getStack(fn);
      byStack.set(stack.stackName, (templates[i] as Template).toJSON());
      for (const c of stack.node.findAll()) {
        for (const m of c.node.metadata) if (m.type === "aws:cdk:warning") warnings.push(`${c.node.path}: ${m.data}`);
      }
    }
    const [database, storage, api, web] = templates as [Template, Template, Template, Template];
    return {
      stage,
      database,
      storage,
      api,
      web,
      byStack,
      warnings,
    };
  });
}

function only(template: Template, type: string, props: Json = {}): [string, Json] {
  const found = Object.entries(template.findResources(type, props));
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0] as [string, Json];
}

/** Renders an ARN expression as text: `<stack>/<logicalId>.<attr>` for resources, following imports. */
function render(value: unknown, stackName: string, all: Map<string, Json>): string {
  if (typeof value === "string") return value;
  const v = value as Json;
  if (v["Fn::GetAtt"]) return `${stackName}/${v["Fn::GetAtt"][0]}.${v["Fn::GetAtt"][1]}`;
  if (v.Ref) return `${stackName}/${v.Ref}`;
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

describe.each(["dev", "prod"])("stage %s", (stage) => {
  let s: Synthesized;
  const prod = stage === "prod";

  beforeAll(async () => {
    s = await synth(stage, prod ? "cho-ocop.example.vn" : undefined);
  }, 120_000);

  it("stacks are named <stage>-cho-ocop-<Name> in ap-southeast-1", () => {
    expect([...s.byStack.keys()]).toEqual(["Database", "Storage", "Api", "Web"].map((n) => `${stage}-cho-ocop-${n}`));
    expect(getStack(Api).region).toBe("ap-southeast-1");
  });

  it("synthesizes without CDK warnings", () => {
    expect(s.warnings).toEqual([]);
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
  });

  describe("Storage", () => {
    it("is a private bucket that enforces TLS", () => {
      const [bucketId, bucket] = only(s.storage, "AWS::S3::Bucket", {
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
      const [, policy] = only(s.storage, "AWS::S3::BucketPolicy");
      expect(policy.Properties.Bucket).toEqual({ Ref: bucketId });
      const statements = policy.Properties.PolicyDocument.Statement as Json[];
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: "Deny",
          Action: "s3:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      );
    });

    it("lets only CloudFront read, and only media/*", () => {
      const [bucketId] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      const [, policy] = only(s.storage, "AWS::S3::BucketPolicy");
      const reads = (policy.Properties.PolicyDocument.Statement as Json[]).filter(
        (st) => st.Effect === "Allow" && [st.Action].flat().includes("s3:GetObject"),
      );
      expect(reads).toHaveLength(1);
      const read = reads[0] as Json;
      expect(read.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
      expect(render(read.Resource, "storage", s.byStack)).toBe(`storage/${bucketId}.Arn/media/*`);
      expect(JSON.stringify(read.Condition)).toContain(":distribution/*");
    });

    it("allows presigned PUTs from the configured web origins", () => {
      const [, bucket] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      const [rule] = bucket.Properties.CorsConfiguration.CorsRules as Json[];
      expect(rule?.AllowedMethods).toContain("PUT");
      expect(rule?.AllowedOrigins).toContain("https://*.cloudfront.net");
      if (prod) {
        expect(rule?.AllowedOrigins).toContain("https://cho-ocop.example.vn");
        expect(rule?.AllowedOrigins).not.toContain("http://localhost:5173");
      } else {
        expect(rule?.AllowedOrigins).toEqual(
          expect.arrayContaining(["http://localhost:3000", "http://localhost:5173"]),
        );
      }
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

    it("the function's policies reach only its own table and bucket", () => {
      const [, fn] = apiFunction();
      const roleId = fn.Properties.Role["Fn::GetAtt"][0] as string;
      const policies = Object.values(s.api.findResources("AWS::IAM::Policy")).filter((p) =>
        (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId),
      );
      expect(policies.length).toBeGreaterThan(0);

      const [tableId] = only(s.database, "AWS::DynamoDB::Table");
      const [bucketId] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      const table = `${stage}-cho-ocop-Database/${tableId}.Arn`;
      const bucket = `${stage}-cho-ocop-Storage/${bucketId}.Arn`;
      const apiStack = `${stage}-cho-ocop-Api`;

      const reached = { dynamodb: new Set<string>(), s3: new Set<string>() };
      for (const policy of policies) {
        for (const st of policy.Properties.PolicyDocument.Statement as Json[]) {
          const actions = [st.Action].flat() as string[];
          const resources = [st.Resource].flat().map((r) => render(r, apiStack, s.byStack));
          for (const service of ["dynamodb", "s3"] as const) {
            if (!actions.some((a) => a === "*" || a.startsWith(`${service}:`))) continue;
            expect(resources, `${service} actions on "*"`).not.toContain("*");
            for (const r of resources) reached[service].add(r);
          }
        }
      }
      expect([...reached.dynamodb].sort()).toEqual([table, `${table}/*`]);
      expect([...reached.s3].sort()).toEqual([bucket, `${bucket}/*`]);
    });

    it(prod ? "allows CORS from WEB_DOMAIN only" : "allows CORS from localhost dev servers", () => {
      const [, api] = only(s.api, "AWS::ApiGatewayV2::Api");
      const origins = api.Properties.CorsConfiguration.AllowOrigins;
      expect(origins).toEqual(
        prod ? ["https://cho-ocop.example.vn"] : ["http://localhost:3000", "http://localhost:5173"],
      );
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

    it("sends /api/* to the HTTP API, uncached, with every method and all headers but Host", () => {
      const { behavior, origin } = originOf(distribution(), "/api/*");
      expect(behavior.CachePolicyId).toBe("4135ea2d-6df8-44a3-9df3-4b5a84be39ad"); // CachingDisabled
      expect(behavior.OriginRequestPolicyId).toBe("b689b0a8-53d0-40ab-baf2-68738e2966ac"); // AllViewerExceptHostHeader
      expect(behavior.AllowedMethods).toHaveLength(7);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
      const [apiId] = only(s.api, "AWS::ApiGatewayV2::Api");
      expect(render(origin.DomainName, `${stage}-cho-ocop-Web`, s.byStack)).toBe(
        `${stage}-cho-ocop-Api/${apiId}.execute-api.ap-southeast-1.${stage}-cho-ocop-Web/AWS::URLSuffix`,
      );
    });

    it("serves /media/* from the uploads bucket through Origin Access Control", () => {
      const { behavior, origin } = originOf(distribution(), "/media/*");
      expect(behavior.AllowedMethods).toEqual(["GET", "HEAD"]);
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
      const [bucketId] = only(s.storage, "AWS::S3::Bucket", { Properties: { CorsConfiguration: Match.anyValue() } });
      expect(render(origin.DomainName, `${stage}-cho-ocop-Web`, s.byStack)).toBe(
        `${stage}-cho-ocop-Storage/${bucketId}.RegionalDomainName`,
      );
      only(s.web, "AWS::CloudFront::OriginAccessControl", {
        Properties: { OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: "s3" }) },
      });
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

    it("outputs the site and API URLs", () => {
      const outputs = s.web.toJSON().Outputs as Json;
      expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["SiteUrl", "ApiUrl"]));
    });
  });
});

afterAll(() => rmSync(site, { recursive: true, force: true }));
