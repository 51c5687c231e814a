import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAws, startFakeAws } from "./fake-aws";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws({ account: "111122223333", region: "ap-southeast-1", sstBootstrapVersion: "7.4" });
});
afterAll(() => fake.close());

/** A query-protocol call as the SDK sends it; the fake reads the service from the SigV4 scope. */
function query(service: string, form: Record<string, string>) {
  return fetch(fake.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKE/20250101/ap-southeast-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams(form).toString(),
  });
}

describe("fake AWS for offline synth", () => {
  it("answers STS GetCallerIdentity with the configured account", async () => {
    const res = await query("sts", { Action: "GetCallerIdentity", Version: "2011-06-15" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Account>111122223333</Account>");
  });

  it("reports the CDK and SST bootstrap stacks as ready", async () => {
    const cdk = await (await query("cloudformation", { Action: "DescribeStacks", StackName: "CDKToolkit" })).text();
    expect(cdk).toContain("<StackStatus>CREATE_COMPLETE</StackStatus>");
    expect(cdk).toMatch(/<OutputKey>BootstrapVersion<\/OutputKey><OutputValue>\d+<\/OutputValue>/);
    expect(cdk).toContain("cdk-hnb659fds-assets-111122223333-ap-southeast-1");
    const sst = await (await query("cloudformation", { Action: "DescribeStacks", StackName: "SSTBootstrap" })).text();
    expect(sst).toContain("<OutputKey>Version</OutputKey><OutputValue>7.4</OutputValue>");
  });

  it("says other stacks do not exist, as CloudFormation does", async () => {
    const res = await query("cloudformation", { Action: "DescribeStacks", StackName: "ci-cho-ocop-Api" });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("<Code>ValidationError</Code>");
    expect(body).toContain("Stack with id ci-cho-ocop-Api does not exist");
  });

  it("refuses and records anything else", async () => {
    const res = await query("cloudformation", { Action: "CreateChangeSet", StackName: "x" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("<Code>NotImplemented</Code>");
    expect(fake.calls.at(-1)).toMatchObject({ service: "cloudformation", action: "CreateChangeSet", answered: false });
    expect(fake.calls.filter((c) => c.answered).map((c) => c.action)).toEqual([
      "GetCallerIdentity",
      "DescribeStacks",
      "DescribeStacks",
      "DescribeStacks",
    ]);
  });
});
