import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { get as httpsGet } from "node:https";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./dynamo";

const START = join(dirname(fileURLToPath(import.meta.url)), "start.ts");
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGINT");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string | undefined>) {
  const dataDir = mkdtempSync(join(tmpdir(), "cho-ocop-start-"));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", START, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const until = async (text: string, ms = 120_000) => {
    const deadline = Date.now() + ms;
    while (!output.includes(text)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`never printed "${text}":\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, dataDir, exit, until, output: () => output };
}

/** Whether something accepts TCP connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("pnpm start", () => {
  it("says how to fix a missing Java instead of crashing", async () => {
    const port = await freePort();
    // A PATH with node and nothing else: no java.
    const bin = mkdtempSync(join(tmpdir(), "cho-ocop-bin-"));
    dirs.push(bin);
    symlinkSync(process.execPath, join(bin, "node"));
    const { exit, output } = run([], { PATH: bin, PORT: String(port) });
    expect(await exit).toBe(1);
    expect(output()).toContain("DynamoDB Local needs Java 17");
    expect(output()).toMatch(/Fix: Install it/);
  });

  it("says how to fix a port that is taken", async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "0.0.0.0", resolve));
    try {
      const { exit, output } = run([], { PORT: String(port) });
      expect(await exit).toBe(1);
      expect(output()).toContain(`Port ${port} is already in use`);
      expect(output()).toContain(`PORT=${port + 1} pnpm start`);
    } finally {
      blocker.close();
    }
  });

  it("seeds, serves API and web on one port, and Ctrl-C stops everything it started", async () => {
    const port = await freePort();
    const rtmpPort = await freePort();
    // As a developer runs it: the test runner's EXPOSE_DB_CALLS is not passed on.
    const server = run([], { PORT: String(port), RTMP_PORT: String(rtmpPort), EXPOSE_DB_CALLS: undefined });
    let child: ChildProcess | undefined = server.child;
    try {
      await server.until("ready: http://localhost:", 180_000);
      // The live runtime: OBS's server URL is printed, and the RTMP port takes connections.
      expect(server.output()).toMatch(new RegExp(`live: RTMP ingest rtmp://[^ ]+:${rtmpPort}/live`));
      expect(await listening(rtmpPort)).toBe(true);
      expect(server.output()).toMatch(/seeded demo data: \d+ producers, \d+ products/);
      const api = await fetch(`http://127.0.0.1:${port}/api/products?limit=2`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { items: unknown[] }).items).toHaveLength(2);
      // DynamoDB call counts are for the benchmark only (packages/bench sets EXPOSE_DB_CALLS).
      expect(api.headers.get("x-db-calls")).toBeNull();
      const page = await fetch(`http://127.0.0.1:${port}/san-pham`);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain('<div id="app"');

      const dynamoPid = Number(readFileSync(join(server.dataDir, "dynamodb.pid"), "utf8"));
      expect(alive(dynamoPid)).toBe(true);
      server.child.kill("SIGINT");
      expect(await server.exit).toBe(0);
      child = undefined;
      // DynamoDB Local is gone once `pnpm start` has exited, or at the latest soon after.
      const deadline = Date.now() + 15_000;
      while (alive(dynamoPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive(dynamoPid)).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
      expect(await listening(rtmpPort)).toBe(false);

      // Data is kept across restarts: the second start does not seed again. With --https it serves TLS with a
      // self-signed certificate kept in the data folder, valid for this machine (what phones need for the camera).
      const again = run(["--https"], { PORT: String(port), DATA_DIR: server.dataDir, RTMP_PORT: "0" });
      child = again.child;
      await again.until("ready: https://localhost:", 120_000);
      expect(again.output()).not.toContain("seeded demo data");
      const cert = readFileSync(join(server.dataDir, "https", "cert.pem"));
      const secure = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
        const req = httpsGet(`https://127.0.0.1:${port}/api/products?limit=1`, { ca: cert }, (res) => {
          let body = "";
          res.on("data", (d) => {
            body += d;
          });
          res.on("end", () => resolve({ status: res.statusCode, body }));
        });
        req.on("error", reject);
      });
      expect(secure.status).toBe(200);
      expect(JSON.parse(secure.body).items).toHaveLength(1);
      again.child.kill("SIGINT");
      await again.exit;
      child = undefined;
    } finally {
      child?.kill("SIGKILL");
    }
  }, 300_000);

  it("--reset --no-serve wipes the data, reseeds and exits (pnpm db:reset)", async () => {
    const first = run(["--no-serve"], {});
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain("seeded demo data");
    const marker = join(first.dataDir, "uploads", "media");
    expect(existsSync(marker)).toBe(true);
    const reset = run(["--reset", "--no-serve"], { DATA_DIR: first.dataDir });
    expect(await reset.exit).toBe(0);
    expect(reset.output()).toContain(`wiping ${first.dataDir}`);
    expect(reset.output()).toContain("seeded demo data");
  }, 180_000);
});
