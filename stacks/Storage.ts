import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Effect, PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { BucketEncryption } from "aws-cdk-lib/aws-s3";
import { Bucket, type StackContext } from "sst/constructs";
import { accessLogsBucket, isProd, keepLogs, webOrigins } from "./config";

/** Public product images, served by the web distribution under /media/*. */
export const MEDIA_PREFIX = "media/";
/** Certificate scans: never served publicly, only through presigned URLs the API issues. */
export const PRIVATE_PREFIX = "private/";
/** Where browsers' presigned POSTs land; a file is copied to its key once checked (packages/core/src/upload). */
export const UPLOAD_PREFIX = "private/uploads/";

/**
 * What the API does with the bucket (packages/core/src/storage): puts, reads (HeadObject and presigned GETs too),
 * copies (a read of the upload and a put of its key) and deletes, under media/ and private/ only. ListBucket, on the
 * bucket, only so that a key not there yet answers 404 instead of 403: the upload check looks for the checked copy
 * before it makes it (packages/core/src/upload).
 */
export function bucketAccess(bucket: Bucket) {
  const arn = bucket.bucketArn;
  return {
    environment: { STORAGE: "s3", BUCKET_NAME: bucket.bucketName },
    permissions: [
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        resources: [`${arn}/${MEDIA_PREFIX}*`, `${arn}/${PRIVATE_PREFIX}*`],
      }),
      new PolicyStatement({ effect: Effect.ALLOW, actions: ["s3:ListBucket"], resources: [arn] }),
    ],
  };
}

export function Storage({ stack, app }: StackContext) {
  keepLogs(stack);
  const prod = isProd(app.stage);
  const accessLogs = accessLogsBucket(stack, app.stage);
  const bucket = new Bucket(stack, "Uploads", {
    blockPublicACLs: true,
    cors: [
      {
        // Uploads are presigned POST forms (packages/core/src/storage); GET/HEAD for presigned reads of private/.
        allowedMethods: ["POST", "GET", "HEAD"],
        // The site's own CloudFront domain cannot be named here without a Storage <-> Web cycle;
        // the presigned policy, not CORS, is what guards an upload.
        allowedOrigins: [...webOrigins(app.stage), "https://*.cloudfront.net"],
        allowedHeaders: ["*"],
        exposedHeaders: ["ETag"],
        maxAge: "1 hour",
      },
    ],
    cdk: {
      bucket: {
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        lifecycleRules: [
          { abortIncompleteMultipartUploadAfter: Duration.days(1) },
          // An upload is checked within its ticket's 10 minutes or never; what is left of it is of no use.
          { prefix: UPLOAD_PREFIX, expiration: Duration.days(1) },
        ],
        removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        autoDeleteObjects: !prod,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: "uploads/",
      },
    },
  });

  // CloudFront reads media/* through Origin Access Control. The distribution lives in the Web stack,
  // which depends on this one, so the grant names any distribution of this account rather than its id.
  bucket.cdk.bucket.addToResourcePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal("cloudfront.amazonaws.com")],
      actions: ["s3:GetObject"],
      resources: [bucket.cdk.bucket.arnForObjects(`${MEDIA_PREFIX}*`)],
      conditions: {
        ArnLike: { "AWS:SourceArn": `arn:${stack.partition}:cloudfront::${stack.account}:distribution/*` },
      },
    }),
  );

  // Nothing under private/ is ever served by CloudFront, whatever grant is added above in future.
  bucket.cdk.bucket.addToResourcePolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      principals: [new ServicePrincipal("cloudfront.amazonaws.com")],
      actions: ["s3:GetObject"],
      resources: [bucket.cdk.bucket.arnForObjects(`${PRIVATE_PREFIX}*`)],
    }),
  );

  return { bucket, accessLogs };
}
