import { defineConfig } from "@playwright/test";
import { AWS_DATA_DIR, AWS_PROJECT } from "./e2e/aws-mode";
import base from "./playwright.config";

/**
 * The live story again, in the AWS-shaped local mode (`pnpm start --aws-local`): the API through its Lambda handler,
 * IVS and IVS Chat as the testkit's protocol servers, the IVS player and the IVS Chat client in the browser. What
 * runs here is what runs on AWS, except the servers at the other end.
 */
const PORT = Number(process.env.E2E_AWS_PORT ?? 3212);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const launchOptions = base.use?.launchOptions ?? {};

export default defineConfig({
  ...base,
  testDir: "e2e/aws",
  outputDir: "test-results/artifacts-aws",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-aws.json" }]],
  use: { ...base.use, baseURL: BASE_URL },
  projects: [
    {
      name: AWS_PROJECT,
      use: {
        launchOptions: {
          ...launchOptions,
          args: [
            ...(launchOptions.args ?? []),
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node --import tsx e2e/serve.ts --aws-local",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR: AWS_DATA_DIR,
      // The edge caches the anonymous storefront reads as CloudFront does (src/local/edge-cache.ts): the live story
      // runs with it, as on AWS, so a late joiner's page must get the room now past a view seconds old.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  },
});
