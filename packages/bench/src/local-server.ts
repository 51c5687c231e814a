import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Server {
  url: string;
  /** Its data folder: DynamoDB Local's endpoint is in dynamodb.endpoint. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real local server (`pnpm start`'s script) on its own port (BENCH_PORT, or one of 3900–3989) and data
 * folder, freshly seeded.
 */
export async function startServer(
  port = Number(process.env.BENCH_PORT) || 3900 + Math.floor(Math.random() * 90),
): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), "cho-ocop-bench-"));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "packages/functions/src/local/start.ts"), "--reset"],
    {
      cwd: join(ROOT, "packages/functions"),
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        // The load benchmark reports DynamoDB calls per request (x-db-calls); `pnpm start` does not expose them.
        EXPOSE_DB_CALLS: "1",
        // The bare HTTP ceiling's route, /bench/fixed/<bytes> (src/local/server.ts).
        BENCH_ROUTES: "1",
        // The synthetic national catalogue (src/catalogue.ts) writes ≈ 300,000 items: on disk that takes half an hour.
        DYNAMODB_IN_MEMORY: "1",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, dataDir, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error("local server did not start within 600 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
