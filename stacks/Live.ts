import { Duration } from "aws-cdk-lib";
import { Rule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from "aws-cdk-lib/custom-resources";
import { Function as SstFunction, type StackContext, use } from "sst/constructs";
import {
  chatReviewHandlerParameter,
  ivsRegion,
  keepLogs,
  LAMBDA_DEFAULTS,
  recordingConfigurationParameter,
  recordingsBucketName,
} from "./config";
import { Database, tableAccess } from "./Database";
import { ivsEventPattern } from "./LiveMedia";

/**
 * Live video's part in the app region: the handler of IVS's stream and recording events (forwarded here from the IVS
 * region by stacks/LiveMedia.ts), and the recording configuration the API names when it creates channels.
 */
export function Live({ stack, app }: StackContext) {
  keepLogs(stack);
  const records = tableAccess(use(Database).table);
  const region = ivsRegion();

  // The LiveMedia stack (deployed to the IVS region first) publishes its recording configuration's and its chat review
  // function's ARNs in SSM there; read at deploy time, so the API needs no lookup at cold start. Fails the deploy if
  // LiveMedia is not there yet.
  const lookUp = (id: string, parameter: string) =>
    new AwsCustomResource(stack, id, {
      onUpdate: {
        service: "SSM",
        action: "getParameter",
        parameters: { Name: parameter },
        region,
        physicalResourceId: PhysicalResourceId.of(parameter),
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({
        resources: [`arn:${stack.partition}:ssm:${region}:${stack.account}:parameter${parameter}`],
      }),
      installLatestAwsSdk: false,
    }).getResponseField("Parameter.Value");
  const recordingConfigurationArn = lookUp("RecordingConfigurationLookup", recordingConfigurationParameter(app.stage));
  const chatReviewHandlerArn = lookUp("ChatReviewHandlerLookup", chatReviewHandlerParameter(app.stage));

  const recordingsBucket = recordingsBucketName(app.stage, stack.account);
  const handler = new SstFunction(stack, "LiveEvents", {
    ...LAMBDA_DEFAULTS,
    handler: "packages/functions/src/live-events.handler",
    description: "IVS stream and recording events: puts live sessions on air, ends them, keeps their recordings",
    memorySize: "512 MB",
    timeout: "30 seconds",
    // IVS Chat, to tell an open page the stream's state (SendEvent) and to give an unscheduled live its room
    // (CreateRoom, tagged like the API's); no IVS video action: the handler only reads the events.
    environment: {
      ...records.environment,
      RECORDINGS_BUCKET: recordingsBucket,
      LIVE_PROVIDER: "ivs",
      IVS_REGION: region,
      IVS_RECORDING_CONFIGURATION_ARN: recordingConfigurationArn,
      IVS_CHAT_REVIEW_HANDLER_ARN: chatReviewHandlerArn,
    },
    permissions: [
      ...records.permissions,
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ivschat:CreateRoom", "ivschat:TagResource", "ivschat:SendEvent"],
        resources: [`arn:${stack.partition}:ivschat:${region}:${stack.account}:room/*`],
      }),
    ],
  });

  // An event EventBridge could not deliver after its retries (24 h) waits here, 14 days, rather than being lost: a
  // live left on air or a replay never attached. Redrive it to the handler once it is fixed.
  const deadLetters = new Queue(stack, "IvsEventsDeadLetters", {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const rule = new Rule(stack, "IvsEvents", {
    description: `IVS stream and recording events of stage ${app.stage}`,
    eventPattern: ivsEventPattern(app.stage),
    targets: [new LambdaFunction(handler, { deadLetterQueue: deadLetters })],
  });

  return {
    ivsRegion: region,
    recordingConfigurationArn,
    chatReviewHandlerArn,
    recordingsBucket,
    handler,
    rule,
    deadLetters,
  };
}
