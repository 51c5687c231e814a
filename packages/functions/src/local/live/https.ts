import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { SetupError } from "../dynamo";

/** This machine's IPv4 addresses on its networks (what a phone on the same Wi-Fi can reach). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === "IPv4" && !a.internal ? [a.address] : []));
}

/**
 * A self-signed certificate for `pnpm start --https`, made with the openssl CLI on first use and kept under
 * `<dataDir>/https/`. It names localhost and this machine's network addresses; it is made again when an address
 * it does not name appears (another Wi-Fi). Phones ask once to accept it; then the camera works.
 */
export async function selfSignedCertificate(dataDir: string, hosts = lanAddresses()) {
  const dir = join(dataDir, "https");
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  const namesFile = join(dir, "names.json");
  const names = ["DNS:localhost", "IP:127.0.0.1", ...hosts.map((h) => `IP:${h}`)];
  const known: string[] = existsSync(namesFile) ? JSON.parse(await readFile(namesFile, "utf8")) : [];
  const fresh = existsSync(keyFile) && existsSync(certFile) && names.every((n) => known.includes(n));
  if (!fresh) {
    await mkdir(dir, { recursive: true });
    const all = [...new Set([...known, ...names])];
    try {
      await promisify(execFile)("openssl", [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "825"],
        ...["-keyout", keyFile, "-out", certFile, "-subj", "/O=Cho OCOP (local)/CN=localhost"],
        ...["-addext", `subjectAltName=${all.join(",")}`],
      ]);
    } catch (err) {
      throw new SetupError(
        `Could not make a self-signed certificate with openssl (${(err as Error).message.split("\n")[0]}).`,
        "Install openssl (`sudo apt-get install -y openssl`, macOS has it), or run without --https.",
      );
    }
    await writeFile(namesFile, JSON.stringify(all));
  }
  return { key: await readFile(keyFile), cert: await readFile(certFile), certFile, made: !fresh };
}
