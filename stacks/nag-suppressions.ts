/**
 * The cdk-nag AwsSolutions findings the stacks accept, each with why (stacks/stacks.test.ts fails on any other).
 * `rule` is the finding as cdk-nag names it (`AwsSolutions-IAM5[Action::s3:Get*]`, or the rule alone for all of its
 * findings on the resource); `path` matches the resource's construct path without the stage (`Api/…`, `LiveMedia/…`).
 */
export interface NagSuppression {
  rule: string;
  path: RegExp;
  reason: string;
}

const anyFunctionRole = /\/ServiceRole\/Resource$/;
const anyFunctionPolicy = /\/ServiceRole\/DefaultPolicy\/Resource$/;
const ivs = (resource: string) => `arn:<AWS::Partition>:${resource}`;

export const NAG_SUPPRESSIONS: NagSuppression[] = [
  {
    rule: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    path: anyFunctionRole,
    reason:
      "The managed policy only lets a function write its own CloudWatch logs; SST and CDK give it to every function role.",
  },
  {
    rule: "AwsSolutions-IAM5[Resource::*]",
    path: /^(Api|Live|Jobs|LiveMedia)\/.*\/ServiceRole\/DefaultPolicy\/Resource$/,
    reason:
      "X-Ray's PutTraceSegments and PutTelemetryRecords take no resource; an SMS to a shopper's phone has no ARN, so " +
      "sns:Publish is on * with every SNS topic and endpoint denied (stacks/Api.ts messagingAccess).",
  },
  {
    rule: "AwsSolutions-IAM5[Resource::*]",
    path: /\/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a\/ServiceRole\/DefaultPolicy\/Resource$/,
    reason: "CDK's log-retention function sets the retention of the functions' log groups, whose names it is given.",
  },
  {
    rule: "AwsSolutions-IAM5[Resource::<Table710B521B.Arn>/index/*]",
    path: anyFunctionPolicy,
    reason: "Queries only, on the table's own indexes (gsi1–gsi4): the listings by producer, status, time and scope.",
  },
  {
    rule: "AwsSolutions-IAM5[Resource::<UploadsBucketC4B27CC7.Arn>/media/*]",
    path: /^Api\//,
    reason:
      "Product and producer images, each at a key generated for its upload: the API puts, checks and deletes them.",
  },
  {
    rule: "AwsSolutions-IAM5[Resource::<UploadsBucketC4B27CC7.Arn>/private/*]",
    path: /^Api\//,
    reason: "Certificate scans and browsers' uploads awaiting their check, each at a key generated for it.",
  },
  ...["ivs:ap-northeast-1:123456789012:channel/*", "ivs:ap-northeast-1:123456789012:stream-key/*"].map((resource) => ({
    rule: `AwsSolutions-IAM5[Resource::${ivs(resource)}]`,
    path: anyFunctionPolicy,
    reason:
      "IVS names a seller's channel and its stream key with ids it makes when the channel is created, so the grant " +
      "names every channel (and key) of the account in the IVS region, and only the actions a live uses.",
  })),
  {
    rule: `AwsSolutions-IAM5[Resource::${ivs("ivschat:ap-northeast-1:123456789012:room/*")}]`,
    path: anyFunctionPolicy,
    reason:
      "A live's chat room gets its id from IVS Chat when the live is scheduled, so the grant names every room there.",
  },
  {
    rule: "AwsSolutions-L1",
    path: /\/(Lambda_default|LiveEvents|ChatReview|Job_\w+)\/Resource$/,
    reason: "nodejs22.x is the Node.js the app is built and tested on (engines node >=22, SST 2's bundler targets it).",
  },
  {
    rule: "AwsSolutions-L1",
    path: /\/(CustomResourceHandler|AWS679f53fac002430cb0da5b7982bd2287)\/Resource$/,
    reason:
      "SST's and CDK's deploy-time helpers (the site uploader, the SSM lookup of the recording configuration): their runtime is theirs.",
  },
  {
    rule: "AwsSolutions-SQS3",
    path: /\/(IvsEventsDeadLetters|ForwardDeadLetters)\/Resource$/,
    reason: "It is the dead-letter queue of the IVS event rule: what lands here is redriven by hand.",
  },
  {
    rule: "AwsSolutions-SMG4",
    path: /^Api\/OriginSecret\/Resource$/,
    reason:
      "The origin secret is in CloudFront's origin configuration as well as the API's: it changes with a deploy of both, " +
      "not by a rotation Lambda that CloudFront would not follow.",
  },
  {
    rule: "AwsSolutions-APIG4",
    path: /^Api\/Api\/Route_default\/Resource$/,
    reason:
      "The storefront is public and the app authorises each call itself (session cookie, roles, the origin secret " +
      "CloudFront adds); API Gateway has one $default route to the app.",
  },
  {
    rule: "AwsSolutions-CFR1",
    path: /^Web\/Site\/Distribution\/Resource$/,
    reason: "Shoppers, overseas Vietnamese sending gifts home among them, may be anywhere: no country is blocked.",
  },
  {
    rule: "AwsSolutions-CFR2",
    path: /^Web\/Site\/Distribution\/Resource$/,
    reason:
      "No WAF yet: floods stop at API Gateway's stage throttle and the app's per-caller limits (sign-in codes, chat); " +
      "a web ACL is a monthly cost a pilot stage does not carry.",
  },
  {
    rule: "AwsSolutions-CFR4",
    path: /^Web\/Site\/Distribution\/Resource$/,
    reason:
      "Without WEB_DOMAIN the site is served on CloudFront's own *.cloudfront.net certificate, whose TLS policy " +
      "CloudFront sets; with WEB_DOMAIN the distribution requires TLS 1.2 (TLSv1.2_2021).",
  },
  {
    rule: "AwsSolutions-CFR7",
    path: /^Web\/Site\/Distribution\/Resource$/,
    reason:
      "SST 2's StaticSite serves its own bucket of built pages through an origin access identity; media and replays, " +
      "the buckets of the app's data, go through Origin Access Control.",
  },
  {
    rule: "AwsSolutions-IAM5",
    path: /^Web\/Site\/S3UploaderPolicy\/Resource$/,
    reason: "SST's deployer of the built site writes every file of the site's bucket and reads CDK's asset bucket.",
  },
];

/** The suppression that covers a finding, if any. */
export function suppressionOf(finding: { rule: string; findingId: string; path: string }) {
  return NAG_SUPPRESSIONS.find(
    (s) => (s.rule === finding.rule || s.rule === `${finding.rule}[${finding.findingId}]`) && s.path.test(finding.path),
  );
}
