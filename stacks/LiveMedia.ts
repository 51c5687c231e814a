import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { EventBus, Rule } from "aws-cdk-lib/aws-events";
import { EventBus as EventBusTarget } from "aws-cdk-lib/aws-events-targets";
import { Effect, PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { CfnRecordingConfiguration } from "aws-cdk-lib/aws-ivs";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, StorageClass } from "aws-cdk-lib/aws-s3";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { StringParameter } from "aws-cdk-lib/aws-ssm";
import { Function as SstFunction, type StackContext } from "sst/constructs";
import { RECORDING_KEEP_DAYS } from "../packages/core/src/live/limits";
import {
  APP_REGION,
  accessLogsBucket,
  chatReviewHandlerParameter,
  isProd,
  ivsNamePrefix,
  keepLogs,
  LAMBDA_DEFAULTS,
  recordingConfigurationParameter,
  recordingsBucketName,
  tableNameOf,
} from "./config";

/** The IVS events the app acts on (packages/functions/src/adapters/live/ivs-video.ts). */
export const IVS_EVENT_TYPES = ["IVS Stream State Change", "IVS Recording State Change"];

/** A stage's IVS events: its channels are all named `cho-ocop-<stage>-…`, so stages sharing an account stay apart. */
export const ivsEventPattern = (stage: string) => ({
  source: ["aws.ivs"],
  detailType: IVS_EVENT_TYPES,
  detail: { channel_name: [{ prefix: ivsNamePrefix(stage) }] },
});

/**
 * What live video needs in the IVS region (IVS is not offered in ap-southeast-1), deployed there on its own:
 * `pnpm sst deploy --stage <stage> --region <IVS_REGION>` (sst.config.ts picks this stack for that region).
 * The recordings bucket and IVS's recording configuration must share the channels' region. IVS's EventBridge events
 * are forwarded to the app region's default bus, where stacks/Live.ts handles them.
 */
export function LiveMedia({ stack, app }: StackContext) {
  keepLogs(stack);
  const prod = isProd(app.stage);

  // IVS writes here with its service-linked role (AWSServiceRoleForIVSRecordToS3, created with the first recording
  // configuration), encrypted at rest with S3-managed keys.
  const recordings = new Bucket(stack, "Recordings", {
    bucketName: recordingsBucketName(app.stage, stack.account),
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !prod,
    serverAccessLogsBucket: accessLogsBucket(stack, app.stage),
    serverAccessLogsPrefix: "recordings/",
    // Replays are watched in the days after a live: then cheaper storage that still plays at once (Glacier Instant
    // Retrieval), and gone after RECORDING_KEEP_DAYS, when the replay page stops offering them (core/live/recording.ts).
    lifecycleRules: [
      {
        id: "replays",
        transitions: [
          { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
          { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) },
        ],
        expiration: Duration.days(RECORDING_KEEP_DAYS),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
  });

  // The site's CloudFront distribution (Web stack, another region and deploy) serves the replays under /recordings/*
  // through Origin Access Control: any distribution of this account may read what IVS wrote (ivs/v1/…), nothing else.
  recordings.addToResourcePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal("cloudfront.amazonaws.com")],
      actions: ["s3:GetObject"],
      resources: [recordings.arnForObjects("ivs/*")],
      conditions: {
        ArnLike: { "AWS:SourceArn": `arn:${stack.partition}:cloudfront::${stack.account}:distribution/*` },
      },
    }),
  );

  const recordingConfiguration = new CfnRecordingConfiguration(stack, "RecordingConfiguration", {
    name: `cho-ocop-${app.stage}`,
    destinationConfiguration: { s3: { bucketName: recordings.bucketName } },
    // A seller's phone that drops off 4G and comes back within a minute continues the same recording.
    recordingReconnectWindowSeconds: 60,
    // The replay page shows the session's cover, not IVS's frame grabs.
    thumbnailConfiguration: { recordingMode: "DISABLED" },
  });

  // Read by the app region's Live stack, which cannot reference this stack across regions.
  new StringParameter(stack, "RecordingConfigurationArn", {
    parameterName: recordingConfigurationParameter(app.stage),
    stringValue: recordingConfiguration.attrArn,
    description: "IVS recording configuration for the stage's live channels",
  });

  // IVS Chat's message review handler must live in the rooms' region: it keeps each message for late joiners and
  // refuses a muted viewer's (packages/functions/src/live-events.ts chatReview), in the app region's table.
  const tableArn = `arn:${stack.partition}:dynamodb:${APP_REGION}:${stack.account}:table/${tableNameOf(app)}`;
  const chatReview = new SstFunction(stack, "ChatReview", {
    ...LAMBDA_DEFAULTS,
    handler: "packages/functions/src/live-events.chatReview",
    description: "IVS Chat message review: keeps each live chat message for late joiners, refuses muted viewers'",
    memorySize: "256 MB",
    // IVS Chat waits 200 ms for an answer, then lets the message through (the rooms' fallback).
    timeout: "3 seconds",
    environment: { TABLE_NAME: tableNameOf(app), TABLE_REGION: APP_REGION },
    permissions: [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["dynamodb:GetItem", "dynamodb:PutItem"],
        resources: [tableArn],
      }),
    ],
  });
  chatReview.addPermission("IvsChatInvokes", {
    principal: new ServicePrincipal("ivschat.amazonaws.com"),
    sourceAccount: stack.account,
    sourceArn: `arn:${stack.partition}:ivschat:${stack.region}:${stack.account}:room/*`,
  });
  new StringParameter(stack, "ChatReviewHandlerArn", {
    parameterName: chatReviewHandlerParameter(app.stage),
    stringValue: chatReview.functionArn,
    description: "IVS Chat message review handler for the stage's live rooms",
  });

  // IVS sends its events to this region's default bus; the handler lives with the table in the app region.
  const appBus = EventBus.fromEventBusArn(
    stack,
    "AppRegionBus",
    `arn:${stack.partition}:events:${APP_REGION}:${stack.account}:event-bus/default`,
  );
  const forward = new Rule(stack, "ForwardIvsEvents", {
    description: `IVS stream and recording events of stage ${app.stage}, to ${APP_REGION}`,
    eventPattern: ivsEventPattern(app.stage),
    // Events the app region's bus did not take after EventBridge's retries wait here 14 days (stacks/Live.ts).
    targets: [
      new EventBusTarget(appBus, {
        deadLetterQueue: new Queue(stack, "ForwardDeadLetters", {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          retentionPeriod: Duration.days(14),
        }),
      }),
    ],
  });

  stack.addOutputs({
    RecordingConfigurationArn: recordingConfiguration.attrArn,
    RecordingsBucket: recordings.bucketName,
    ChatReviewHandlerArn: chatReview.functionArn,
  });
  return { recordings, recordingConfiguration, forward, chatReview };
}
