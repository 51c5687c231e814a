/**
 * `pnpm start`: the whole product on one machine. DynamoDB Local (data under .data/), the table, demo data on
 * first run, the web app built when missing or stale, and API + web + media on one port (PORT, default 3000).
 *
 *   pnpm start                 start (Ctrl-C stops everything it started)
 *   pnpm start --reset         wipe .data/ and reseed first
 *   pnpm start --https         serve HTTPS with a self-signed certificate (phones need it for the camera)
 *   pnpm db:reset              wipe and reseed, then exit
 *   pnpm start --aws-local     every production adapter against local protocol servers (src/local/aws): the API
 *                              through its Lambda handler, S3, SNS/SES, IVS and IVS Chat as the testkit's fakes;
 *                              fresh demo data each time (under .data/aws-local)
 *
 * Live selling runs here too (src/local/live): an RTMP ingest on RTMP_PORT (1935 by default) for OBS or Larix,
 * the broadcast page's WebSocket ingest through ffmpeg, playback, chat and recordings on the one HTTP port.
 * LIVE_HOST names this machine in the RTMP URL given to sellers (by default its address on the network).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkJava, checkPortFree, SetupError, startDynamoLocal } from "./dynamo";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const args = new Set(process.argv.slice(2));
const reset = args.has("--reset");
const https = args.has("--https");
const serve = !args.has("--no-serve");
const awsLocal = args.has("--aws-local");
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? join(ROOT, ".data"), awsLocal ? "aws-local" : ".");
const webDir = join(ROOT, "web");

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

function log(message: string) {
  console.log(`[cho-ocop] ${message}`);
}

/** A DynamoDB Local left running by a run that was killed holds the database files: end it (it was ours). */
function endLeftover(pidFile: string) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (cmdline.includes("DynamoDBLocal.jar")) {
      process.kill(pid, "SIGKILL");
      log(`ended DynamoDB Local (pid ${pid}) left by an earlier run`);
    }
  } catch {
    // not running any more, or not Linux: nothing to end
  }
}

/** The signing key for sessions and upload tickets: made once per data folder, never committed. */
function localSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

async function buildWebIfStale() {
  const built = join(webDir, "dist", "index.html");
  const sources = ["src", "public", "index.html", "vite.config.ts", "package.json"].map((p) => join(webDir, p));
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt > Math.max(...sources.map(newestMtime))) return;
  log(builtAt ? "web sources changed: rebuilding web/ …" : "building web/ (first run) …");
  await new Promise<void>((done, fail) => {
    const child = spawn("pnpm", ["run", "build"], {
      cwd: webDir,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, VITE_API_URL: "" },
    });
    children.add(child);
    child.on("exit", (code) => {
      children.delete(child);
      code === 0 ? done() : fail(new Error(`web build failed (exit ${code})`));
    });
  });
}

async function main() {
  if (serve) await checkPortFree(port);
  const java = await checkJava();

  const pidFile = join(dataDir, "dynamodb.pid");
  endLeftover(pidFile);
  // The fakes keep nothing between runs, so neither does the database they go with.
  if (reset || awsLocal) {
    log(`wiping ${dataDir}`);
    await rm(dataDir, { recursive: true, force: true });
  }
  const dbPath = join(dataDir, "dynamodb");
  await mkdir(dbPath, { recursive: true });

  log(`starting DynamoDB Local (${java}) …`);
  // The load bench's server keeps its table in memory (DYNAMODB_IN_MEMORY=1): it writes a national catalogue first.
  const dynamo = await startDynamoLocal(process.env.DYNAMODB_IN_MEMORY === "1" ? {} : { dbPath });
  writeFileSync(pidFile, String(dynamo.process.pid));
  writeFileSync(join(dataDir, "dynamodb.endpoint"), dynamo.endpoint);
  cleanups.push(() => dynamo.stop());
  dynamo.process.once("exit", () => {
    if (!stopping) {
      console.error("[cho-ocop] DynamoDB Local stopped unexpectedly.");
      void stop(1);
    }
  });

  process.env.SESSION_SECRET ??= localSecret(join(dataDir, "session-secret"));
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME ??= "cho-ocop-local";
  process.env.UPLOAD_DIR = join(dataDir, "uploads");
  process.env.STORAGE = "local";
  const aws = awsLocal ? await (await import("./aws/index")).startAwsLocal(log, dataDir) : undefined;
  if (aws) cleanups.push(() => aws.stop());

  const { compose } = await import("../adapters/index");
  await compose();
  // Imported only now: the entities read the table's name, chosen above, when imported.
  const { ensureTable } = await import("@cho-ocop/core/db/migrate");
  const { isSeeded, seedDemo } = await import("./seed");
  const { Storefront } = await import("@cho-ocop/core/storefront/index");

  if (await ensureTable()) log(`created table ${process.env.TABLE_NAME}`);
  if (!(await isSeeded())) {
    const started = Date.now();
    const { producers, products } = await seedDemo();
    log(`seeded demo data: ${producers} producers, ${products} products (${Date.now() - started} ms)`);
  }
  const staffLogin = process.env.STAFF_PHONE
    ? { phone: process.env.STAFF_PHONE }
    : process.env.STAFF_EMAIL
      ? { email: process.env.STAFF_EMAIL }
      : undefined;
  if (staffLogin) {
    const { Account } = await import("@cho-ocop/core/account/index");
    const scope = process.env.STAFF_SCOPE ?? "central";
    await Account.assign(staffLogin, { role: "staff", staffScope: scope });
    log(`staff account ${Object.values(staffLogin)[0]} (${scope}) ready`);
  }
  const expired = await Storefront.sweepExpired();
  if (expired.length) log(`took ${expired.length} product(s) with expired certificates off the storefront`);
  const sweeper = setInterval(() => void Storefront.sweepExpired().catch(console.error), 60 * 60 * 1000);
  cleanups.push(() => clearInterval(sweeper));
  // Certificate expiry reminders at 90 and 30 days (daily on AWS): hourly here, each reminder sent once.
  const { Reminder } = await import("@cho-ocop/core/register/reminder");
  const remind = () => void Reminder.sendDue().catch(console.error);
  remind();
  const reminders = setInterval(remind, 60 * 60 * 1000);
  cleanups.push(() => clearInterval(reminders));
  // Unpaid card and VietQR orders give their stock back after 30 minutes (a Cron every 5 minutes on AWS).
  const { Order } = await import("@cho-ocop/core/order/index");
  const orderExpiry = setInterval(() => void Order.expireUnpaid().catch(console.error), 60 * 1000);
  cleanups.push(() => clearInterval(orderExpiry));
  log(
    process.env.STRIPE_SECRET_KEY
      ? "card payments: on (Stripe keys configured)"
      : "card payments: off — set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY to offer them",
  );

  if (!serve) {
    log("database ready");
    return stop(0);
  }

  await buildWebIfStale();
  const { serve: listen } = await import("@hono/node-server");
  if (aws) return serveAwsLocal(aws, listen);
  const { LocalStorage } = await import("@cho-ocop/core/storage/index");
  const { localApp } = await import("./server");
  const { lanAddresses, selfSignedCertificate } = await import("./live/https");
  const { startLocalLive } = await import("./live/index");
  const lan = lanAddresses();
  const live = await startLocalLive({
    dataDir,
    host: process.env.LIVE_HOST ?? lan[0] ?? "localhost",
    rtmpPort: process.env.RTMP_PORT ? Number(process.env.RTMP_PORT) : undefined,
    reconnectGraceMs: process.env.LIVE_RECONNECT_GRACE_SECONDS
      ? Number(process.env.LIVE_RECONNECT_GRACE_SECONDS) * 1000
      : undefined,
  });
  // Lives left on air by a previous run that stopped: no stream is up now, so they wait for their seller to
  // reconnect within the grace, then end.
  const { Live } = await import("@cho-ocop/core/live/index");
  await Live.markAllOffline();
  await live.video.endOffline();
  const offlineSweep = setInterval(() => void live.video.endOffline().catch(console.error), 15_000);
  // Demo lives coming up, for producers with none (the home page's strip and the Live page).
  const { seedDemoLives } = await import("./seed");
  const demoLives = await seedDemoLives().catch((err) => {
    console.error("[cho-ocop] demo lives:", err);
    return 0;
  });
  if (demoLives) log(`scheduled ${demoLives} demo live session(s)`);
  cleanups.push(() => clearInterval(offlineSweep));
  const app = localApp({
    webDist: join(webDir, "dist"),
    storage: new LocalStorage(process.env.UPLOAD_DIR),
    live: live.routes,
    cache: edgeCacheOption(),
  });
  const tls = https ? await selfSignedCertificate(dataDir) : undefined;
  const server = tls
    ? listen({
        fetch: app.fetch,
        port,
        hostname: "0.0.0.0",
        createServer: createHttpsServer,
        serverOptions: { key: tls.key, cert: tls.cert },
      })
    : listen({ fetch: app.fetch, port, hostname: "0.0.0.0" });
  live.attach(server as Server | HttpsServer);
  cleanups.push(() => new Promise<void>((done) => server.close(() => done())));
  // Stopped before the server closes (cleanups run last first): its sockets and streams would hold it open.
  cleanups.push(() => live.stop());
  const scheme = tls ? "https" : "http";
  log(`live: RTMP ingest ${live.rtmpUrl} (OBS/Larix: this is the server; the stream key is on the seller's live page)`);
  if (!live.ffmpeg)
    log("live: ffmpeg not found — going live from the browser needs it (`sudo apt-get install -y ffmpeg`)");
  if (tls) {
    log(`https: self-signed certificate ${tls.made ? "made" : "kept"} at ${tls.certFile}`);
    for (const address of lan) log(`on your network (phones: accept the certificate once): https://${address}:${port}`);
  } else if (lan[0]) {
    log(`on your network: http://${lan[0]}:${port}  (the camera on a phone needs \`pnpm start --https\`)`);
  }
  log(`ready: ${scheme}://localhost:${port}  (API reference: ${scheme}://localhost:${port}/api/docs; Ctrl-C to stop)`);
}

/** CloudFront's cache of the anonymous storefront reads, played here unless EDGE_CACHE=off. */
function edgeCacheOption() {
  return process.env.EDGE_CACHE === "off" ? false : {};
}

/** The AWS-shaped mode's edge on PORT: what CloudFront and API Gateway do, in front of the API's Lambda handler. */
async function serveAwsLocal(aws: import("./aws/index").AwsLocal, listen: typeof import("@hono/node-server").serve) {
  aws.secretsToSsm();
  const [{ handler }, { awsEdge, s3Client }, { AWS_LOCAL_REGION }] = await Promise.all([
    import("../lambda"),
    import("./aws/edge"),
    import("./aws/index"),
  ]);
  const { FAKE_CREDENTIALS } = await import("../../../testkit/src/fake-s3");
  const edge = awsEdge({
    webDist: join(webDir, "dist"),
    api: handler,
    originSecret: aws.originSecret,
    s3: s3Client(aws.s3Url, AWS_LOCAL_REGION, FAKE_CREDENTIALS),
    mediaBucket: aws.mediaBucket,
    recordingsBucket: aws.recordingsBucket,
    storageOrigin: new URL(aws.s3Url).origin,
    liveOrigins: aws.liveOrigins,
    cache: edgeCacheOption(),
  });
  const server = listen({
    fetch: (request, env) => edge.fetch(request, { remoteAddress: env?.incoming?.socket?.remoteAddress }),
    port,
    hostname: "0.0.0.0",
  });
  cleanups.push(() => new Promise<void>((done) => server.close(() => done())));
  await aws.deliver();
  const { seedDemoLives } = await import("./seed");
  const demoLives = await seedDemoLives().catch((err) => {
    console.error("[cho-ocop] demo lives:", err);
    return 0;
  });
  if (demoLives) log(`scheduled ${demoLives} demo live session(s) on the fake IVS`);
  log(`ready (AWS-shaped): http://localhost:${port}  (the API runs through its Lambda handler; Ctrl-C to stop)`);
}

main().catch(async (err) => {
  if (err instanceof SetupError) {
    console.error(`\n[cho-ocop] ${err.message}\n[cho-ocop] Fix: ${err.fix}\n`);
  } else {
    console.error(err);
  }
  await stop(1);
});
