/**
 * `pnpm start --aws-local`: the product with every production adapter, on this machine, with no AWS account. The API
 * runs through its Lambda handler (src/lambda.ts) behind an edge that does what API Gateway and CloudFront do
 * (./gateway.ts, ./edge.ts), and reads its secrets from SSM as SST binds them; S3, SNS/SES, SSM, IVS and IVS Chat are
 * the testkit's protocol servers, reached by the real AWS
 * SDK clients through the SDK's own endpoint settings (AWS_ENDPOINT_URL_<SERVICE>); IVS's stream and recording events
 * reach the live-events handler (src/live-events.ts) as EventBridge delivers them, and the jobs' handlers run on
 * their schedules. The fakes keep nothing between runs, so this mode starts from fresh demo data every time.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { startFakeIvs } from "../../../../testkit/src/fake-ivs";
import { type FakeIvsMedia, recordingFiles, startFakeIvsMedia } from "../../../../testkit/src/fake-ivs-media";
import { FAKE_CREDENTIALS, startFakeS3 } from "../../../../testkit/src/fake-s3";
import { startFakeSnsSes } from "../../../../testkit/src/fake-sns-ses";
import { startFakeSsm } from "../../../../testkit/src/fake-ssm";
import { FETCH_FROM_SSM, SECRETS, secretParameter, stagePrefix } from "../../lambda-config";
import { newOriginSecret, s3Client } from "./edge";

export const AWS_LOCAL_REGION = "ap-southeast-1";
/** IVS runs in its own region (stacks/Live.ts). */
export const AWS_LOCAL_IVS_REGION = "ap-northeast-1";
const MEDIA_BUCKET = "cho-ocop-local-media";
const RECORDINGS_BUCKET = "cho-ocop-local-recordings";
const MAIL_FROM = "no-reply@cho-ocop.vn";
/** The SST app's name (sst.config.ts), which names its secrets in SSM. */
const SST_APP = "cho-ocop";
/** Where the mode writes, in its data folder, the addresses its fakes listen on (for browser tests and curious people). */
export const AWS_LOCAL_FILE = "aws-local.json";

export interface AwsLocalEndpoints {
  s3: string;
  snsSes: string;
  ssm: string;
  ivs: string;
  /** The IVS ingest for OBS, Larix or ffmpeg: append the channel's stream key. */
  rtmp: string;
}

export interface AwsLocal {
  s3Url: string;
  ivsUrl: string;
  mediaBucket: string;
  recordingsBucket: string;
  originSecret: string;
  /** Origins the pages reach beside the site: the fake IVS's playback and the IVS Chat messaging socket. */
  liveOrigins: string[];
  /**
   * Moves this process's secrets into SSM, as `pnpm sst secrets set` keeps them, and leaves in the environment what
   * SST's bind leaves a function: call it after the set-up that used them and before the handlers are imported, which
   * then read them from SSM at their cold start as on AWS.
   */
  secretsToSsm(): void;
  /** Starts delivering IVS's events to the live-events handler and running the jobs, once the app is composed. */
  deliver(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the fakes and points this process's configuration at them, as the stacks configure the functions on AWS
 * (stacks/Api.ts): call it before `compose()`.
 */
export async function startAwsLocal(log: (line: string) => void, dataDir: string): Promise<AwsLocal> {
  const credentials = FAKE_CREDENTIALS;
  const recordingConfigurationArn = `arn:aws:ivs:${AWS_LOCAL_IVS_REGION}:123456789012:recording-configuration/local`;
  // IVS Chat calls the room's review Lambda for each message (stacks/Live.ts): here its handler itself, once composed.
  const chatReviewHandlerArn = `arn:aws:lambda:${AWS_LOCAL_IVS_REGION}:123456789012:function:cho-ocop-local-chat-review`;
  const media = await startFakeIvsMedia({ rtmpPort: Number(process.env.RTMP_PORT ?? 0) });
  const [s3, ssm, messaging, ivs] = await Promise.all([
    startFakeS3({ buckets: [MEDIA_BUCKET, RECORDINGS_BUCKET], region: AWS_LOCAL_REGION, credentials }),
    startFakeSsm({ region: AWS_LOCAL_REGION, credentials }),
    startFakeSnsSes({ region: AWS_LOCAL_REGION, credentials, verifiedIdentities: [MAIL_FROM] }),
    startFakeIvs({
      region: AWS_LOCAL_IVS_REGION,
      credentials,
      recordingConfigurations: [{ arn: recordingConfigurationArn, bucketName: RECORDINGS_BUCKET }],
      media,
      reviewMessage: async (event) => (await import("../../live-events")).chatReview(event),
    }),
  ]);
  const originSecret = newOriginSecret();
  const stage = process.env.SST_STAGE ?? "local";
  Object.assign(process.env, {
    AWS_REGION: AWS_LOCAL_REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_ENDPOINT_URL_SNS: messaging.url,
    AWS_ENDPOINT_URL_SESV2: messaging.url,
    AWS_ENDPOINT_URL_SSM: ssm.url,
    AWS_ENDPOINT_URL_IVS: ivs.url,
    AWS_ENDPOINT_URL_IVSCHAT: ivs.url,
    // The fake S3 is addressed by IP, so the SDK puts the bucket in the path as for any such endpoint.
    STORAGE: "s3",
    BUCKET_NAME: MEDIA_BUCKET,
    MEDIA_URL: "/media",
    MESSAGES: "aws",
    MAIL_FROM,
    LIVE_PROVIDER: "ivs",
    IVS_REGION: AWS_LOCAL_IVS_REGION,
    IVS_RECORDING_CONFIGURATION_ARN: recordingConfigurationArn,
    IVS_CHAT_REVIEW_HANDLER_ARN: chatReviewHandlerArn,
    RECORDINGS_BUCKET,
    IVS_CHAT_MESSAGING_URL: ivs.chatUrl,
    SST_STAGE: stage,
    ORIGIN_SECRET: originSecret,
  });
  const endpoints: AwsLocalEndpoints = {
    s3: s3.url,
    snsSes: messaging.url,
    ssm: ssm.url,
    ivs: ivs.url,
    rtmp: media.rtmpUrl,
  };
  await writeFile(join(dataDir, AWS_LOCAL_FILE), `${JSON.stringify(endpoints, null, 2)}\n`);
  log(
    `aws-local: S3 ${s3.url}, SNS/SES ${messaging.url}, SSM ${ssm.url}, IVS and IVS Chat ${ivs.url} (region ${AWS_LOCAL_IVS_REGION}), IVS ingest ${media.rtmpUrl}`,
  );

  const timers: NodeJS.Timeout[] = [];
  const recordingsS3 = s3Client(s3.url, AWS_LOCAL_REGION, credentials);
  // IVS writes a recording to S3 before it sends "Recording End": the broadcast's segments, once packaged, go there.
  const record = async (detail: Record<string, string | number>) => {
    const broadcast = await finished(media, String(detail.stream_id));
    if (!broadcast) throw new Error(`no broadcast ${detail.stream_id} to record`);
    for (const file of recordingFiles(broadcast)) {
      await recordingsS3.send(
        new PutObjectCommand({
          Bucket: String(detail.recording_s3_bucket_name),
          Key: `${detail.recording_s3_key_prefix}/${file.key}`,
          Body: file.body,
          ContentType: file.type,
        }),
      );
    }
  };
  let delivered = 0;
  return {
    s3Url: s3.url,
    ivsUrl: ivs.url,
    mediaBucket: MEDIA_BUCKET,
    recordingsBucket: RECORDINGS_BUCKET,
    originSecret,
    liveOrigins: [
      new URL(ivs.url).origin,
      new URL(ivs.url).origin.replace(/^http/, "ws"),
      new URL(media.playbackOrigin).origin,
    ],
    secretsToSsm() {
      const prefix = stagePrefix(SST_APP, stage);
      for (const name of SECRETS) {
        const value = process.env[name];
        if (!value) continue;
        ssm.put(secretParameter(prefix, name), { value, type: "SecureString" });
        process.env[`SST_Secret_value_${name}`] = FETCH_FROM_SSM;
        delete process.env[name];
      }
      Object.assign(process.env, { SST_APP, SST_SSM_PREFIX: prefix, SST_REGION: AWS_LOCAL_REGION });
    },
    async deliver() {
      const [events, jobs] = await Promise.all([import("../../live-events"), import("../../jobs")]);
      // EventBridge delivers each event once, soon after it happened, and retries a handler that fails.
      let busy = false;
      timers.push(
        setInterval(async () => {
          if (busy) return;
          busy = true;
          try {
            while (delivered < ivs.events.length) {
              const event = ivs.events[delivered];
              try {
                if (event?.detail.recording_status === "Recording End") await record(event.detail);
                await events.handler(event);
                delivered++;
              } catch (err) {
                log(`aws-local: the live-events handler failed on ${event?.["detail-type"]}; retrying: ${err}`);
                break;
              }
            }
          } finally {
            busy = false;
          }
        }, 250),
      );
      // The schedules of stacks/Jobs.ts.
      const every = (ms: number, job: () => Promise<unknown>) =>
        timers.push(setInterval(() => void job().catch((err) => log(`aws-local: a job failed: ${err}`)), ms));
      every(60_000, jobs.endOfflineLives);
      every(5 * 60_000, jobs.expireUnpaidOrders);
      every(24 * 60 * 60_000, jobs.sweepExpired);
      every(24 * 60 * 60_000, jobs.remindExpiring);
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all([s3.close(), messaging.close(), ssm.close(), ivs.close()]);
      await media.close();
    },
  };
}

/** The broadcast of that stream once its packaging is done, or undefined after 15 s. */
async function finished(media: FakeIvsMedia, streamId: string) {
  for (let waited = 0; waited < 15_000; waited += 250) {
    const broadcast = media.broadcasts.find((b) => b.streamId === streamId);
    if (broadcast?.ended) return broadcast;
    await new Promise((done) => setTimeout(done, 250));
  }
  return undefined;
}
