import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { once } from "node:events";

/** The ffmpeg processes the live runtime started: every one is ended, by its own pid, when the runtime stops. */
export class Children {
  private readonly running = new Set<ChildProcess>();
  private static readonly stderr = new WeakMap<ChildProcess, string>();

  /** Spawns with stderr piped and its last 2 KB kept (see `stderrOf`). */
  spawn(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
    this.running.add(child);
    Children.stderr.set(child, "");
    child.stderr?.on("data", (chunk: Buffer) => {
      Children.stderr.set(child, `${Children.stderr.get(child) ?? ""}${chunk}`.slice(-2048));
    });
    child.once("exit", () => this.running.delete(child));
    child.once("error", () => this.running.delete(child));
    return child;
  }

  static stderrOf(child: ChildProcess): string {
    return (Children.stderr.get(child) ?? "").trim();
  }

  /** Resolves with the exit code once the child has exited: SIGTERM after `graceMs`, SIGKILL 2 s later. */
  static async end(child: ChildProcess, graceMs: number): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, "exit").then(([code]) => code as number | null);
    const term = setTimeout(() => child.kill("SIGTERM"), graceMs);
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs + 2000);
    try {
      return await exited;
    } finally {
      clearTimeout(term);
      clearTimeout(kill);
    }
  }

  async stopAll(graceMs = 2000) {
    await Promise.all(
      [...this.running].map((child) => {
        child.stdin?.end();
        return Children.end(child, graceMs);
      }),
    );
  }
}
