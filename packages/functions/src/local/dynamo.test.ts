import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type DynamoLocal, startDynamoLocal } from "./dynamo";

/** The local addresses of the TCP sockets listening on the port, e.g. "127.0.0.1" or "::" (every interface). */
function listeningAddresses(port: number): string[] {
  if (!existsSync("/proc/net/tcp")) {
    const lines = execFileSync("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fn"], { encoding: "utf8" });
    return lines
      .split("\n")
      .filter((line) => line.startsWith("n"))
      .map((line) => line.slice(1, line.lastIndexOf(":")).replace(/^\[|\]$/g, ""));
  }
  // /proc/net/tcp{,6}: "local_address" is hex, in 32-bit words of host byte order; state 0A is LISTEN.
  const word = (hex: string) => hex.match(/../g)?.reverse() ?? [];
  const decode = (hex: string) => {
    const bytes = (hex.match(/.{8}/g) ?? []).flatMap(word).map((b) => Number.parseInt(b, 16));
    if (bytes.length === 4) return bytes.join(".");
    if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
      return `::ffff:${bytes.slice(12).join(".")}`;
    }
    const groups = [];
    for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
    return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
  };
  return ["/proc/net/tcp", "/proc/net/tcp6"]
    .filter(existsSync)
    .flatMap((file) => readFileSync(file, "utf8").trim().split("\n").slice(1))
    .map((line) => line.trim().split(/\s+/))
    .map(([, local = "", , state]) => ({ address: local.split(":")[0] ?? "", port: local.split(":")[1], state }))
    .filter((socket) => socket.state === "0A" && Number.parseInt(socket.port ?? "", 16) === port)
    .map((socket) => decode(socket.address));
}

describe("DynamoDB Local", () => {
  let dynamo: DynamoLocal | undefined;
  afterAll(() => dynamo?.stop());

  it("listens on 127.0.0.1 only: it has no authentication, so nobody else on the network may reach the table", async () => {
    dynamo = await startDynamoLocal();
    const port = Number(new URL(dynamo.endpoint).port);
    const addresses = listeningAddresses(port);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(["127.0.0.1", "::ffff:127.0.0.1"]).toContain(address);
  });
});
