/**
 * The server side of `pnpm bench live`, run as its own process (forked by live.ts) so that its CPU time is the
 * server's alone and the viewers it serves run elsewhere. DynamoDB Local in memory, the table, and the local
 * server wired exactly as `pnpm start` wires it: `localApp` with `startLocalLive` attached to the HTTP server.
 *
 * Talks to its parent over IPC: sends `{type: "ready", ...}` once listening (with a seller's and a central staff
 * member's bearer tokens, made directly as the checkout bench does, since sign-in needs an SMS code), answers
 * `{type: "cpu"}` with `process.cpuUsage()` and `{type: "verify", token}` by recording that seller verified, and stops everything it started on `{type: "stop"}` or SIGTERM.
 */
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { startDynamoLocal } = await import("@cho-ocop/functions/local/dynamo");
const dataDir = await mkdtemp(join(tmpdir(), "cho-ocop-bench-live-"));
const dynamo = await startDynamoLocal();
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  TABLE_NAME: "cho-ocop-bench-live",
  UPLOAD_DIR: join(dataDir, "uploads"),
  STORAGE: "local",
  SESSION_SECRET: "bench-live-signing-key-0123456789abcdef0123456789",
});

let stopping: Promise<void> | undefined;
let stopServer = async () => {};
function stop() {
  stopping ??= (async () => {
    await stopServer().catch((err) => console.error("[bench live-server] stop", err));
    await dynamo.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
  return stopping;
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.on("disconnect", () => void stop());

try {
  const { compose } = await import("@cho-ocop/functions/adapters/index");
  await compose();
  const { ensureTable } = await import("@cho-ocop/core/db/migrate");
  const { Account } = await import("@cho-ocop/core/account/index");
  const { SYSTEM } = await import("@cho-ocop/core/account/actor");
  const { SellerVerification } = await import("@cho-ocop/core/seller/verification/index");
  const { LocalStorage } = await import("@cho-ocop/core/storage/index");
  const { serve } = await import("@hono/node-server");
  const { localApp } = await import("@cho-ocop/functions/local/server");
  const { startLocalLive } = await import("@cho-ocop/functions/local/live/index");
  await ensureTable();

  // The bench's viewers all come from this machine's one address: the per-address caps would refuse them, and
  // `pnpm bench pin` takes more than a session's cap (BENCH_HUB_SOCKETS, from the parent).
  const sockets = Number(process.env.BENCH_HUB_SOCKETS) || 1000;
  const live = await startLocalLive({
    dataDir,
    host: "127.0.0.1",
    rtmpPort: 0,
    hubLimits: { socketsPerAddress: sockets, countedPerAddress: sockets, socketsPerSession: sockets },
  });
  const app = localApp({
    webDist: join(dataDir, "web"),
    storage: new LocalStorage(join(dataDir, "uploads")),
    live: live.routes,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  if (!server.listening) await once(server, "listening");
  live.attach(server);
  stopServer = async () => {
    await live.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const token = async (phone: string, staff: boolean) => {
    const user = staff
      ? await Account.assign({ phone }, { role: "staff", staffScope: "central" })
      : await Account.findOrCreate({ phone });
    return (await Account.createSession(user.userId)).token;
  };
  const sellers = [await token("0377100001", false), await token("0377100002", false)];
  const central = await token("0377100009", true);

  // A seller goes live only once verified (the E-commerce Law's identity check): the bench's sellers, once their
  // producer is registered through the API, are recorded verified as the demo seed records its sellers.
  const verify = async (token: string) => {
    const user = await Account.resolve(token);
    if (!user?.producerId) throw new Error("verify: the seller has no producer yet");
    await SellerVerification.recordVerified(SYSTEM, {
      userId: user.userId,
      producerId: user.producerId,
      provinceCode: "14",
      fullName: user.name ?? "Người bán đo hiệu năng",
    });
  };

  process.on("message", (message: { type?: string; id?: number; token?: string }) => {
    if (message.type === "cpu") process.send?.({ type: "cpu", id: message.id, usage: process.cpuUsage() });
    if (message.type === "verify")
      void verify(message.token ?? "").then(
        () => process.send?.({ type: "verified", id: message.id }),
        (err) => process.send?.({ type: "verified", id: message.id, error: String(err) }),
      );
    if (message.type === "stop") void stop();
  });
  process.send?.({
    type: "ready",
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rtmpUrl: live.rtmpUrl,
    sellers,
    central,
    dynamoPid: dynamo.process.pid,
  });
} catch (err) {
  console.error("[bench live-server]", err);
  await stop();
}
