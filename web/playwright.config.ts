import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { DESKTOP, PHONE } from "./e2e/viewports";

/** The real product: DynamoDB Local, demo data, API and the built web app on one port. */
const PORT = Number(process.env.E2E_PORT ?? 3211);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Specs that run once, as stories whose steps choose their own viewports; every other spec runs on the phone and the desktop. */
const STORIES =
  /(selling|accounts|staff|buying|addresses|pay|live(-[a-z]+)?|screens|storefront|dossier|council|ocop-cycle|claim)\.spec\.ts/;
/** The AWS-shaped mode's story runs against its own server (playwright.aws.config.ts). */
const AWS = /e2e\/aws\//;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  // No retries: a test that fails once has failed (a retry would hide it as "flaky").
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    launchOptions: { executablePath: CHROMIUM, args: ARGS },
  },
  projects: [
    {
      name: "phone",
      testIgnore: [STORIES, AWS],
      use: PHONE,
    },
    {
      name: "desktop",
      testIgnore: [STORIES, AWS],
      use: DESKTOP,
    },
    {
      // Stories run once: their steps choose the phone or the desktop viewport themselves (sellers on phones,
      // staff on desktops), in order, sharing what they create.
      name: "selling",
      testMatch: /(selling|accounts|staff)\.spec\.ts/,
      testIgnore: AWS,
    },
    {
      // The storefront's fixes, once, each step on the phone viewports it names (412 and 360 px wide).
      name: "storefront",
      testMatch: /storefront\.spec\.ts/,
      testIgnore: AWS,
    },
    {
      // The OCOP evaluation, once, in order: a producer files a dossier from a phone (412 and 360 px), the ward's
      // officer passes it to the province; a council scores it; then the whole cycle, from a phone's dossier to the
      // certificate's QR and a renewal (ocop-cycle); producers claim their imported records (claim).
      name: "evaluating",
      testMatch: /(dossier|council|ocop-cycle|claim)\.spec\.ts/,
      testIgnore: AWS,
    },
    {
      // Buying, once, in order: a shopper on a phone, the seller who ships, staff who confirm a transfer.
      name: "buying",
      testMatch: /(buying|addresses|pay)\.spec\.ts/,
      testIgnore: AWS,
    },
    {
      // Live selling, once, in order: a seller broadcasts Chromium's fake camera from a phone (MediaRecorder →
      // /live-ingest → ffmpeg → RTMP), viewers on phones watch, chat and buy; staff moderate on a desktop.
      name: "live",
      testMatch: /(live(-[a-z]+)?|screens)\.spec\.ts/,
      testIgnore: AWS,
      use: {
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            ...ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required",
          ],
        },
      },
    },
  ],
  webServer: {
    // `pnpm start --reset`, with card payments going to the testkit's local Stripe-compatible server.
    command: "node --import tsx e2e/serve.ts --reset",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR: join(tmpdir(), "cho-ocop-e2e"),
      // Any free RTMP port: a `pnpm start` on this machine may hold 1935.
      RTMP_PORT: "0",
      // The stories change products and read them back at once, signed out too; the seconds a cached storefront
      // read may lag are packages/functions/src/local/edge-cache.test.ts's to check.
      EDGE_CACHE: "off",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  },
});
