import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AdapterNotConfigured } from "../util/adapter";

let key: string | undefined;

export function useSigningKey(next: string | undefined) {
  key = next;
}

/**
 * The server's signing key (an SST secret on AWS, a generated file locally). Codes, sessions and upload
 * tickets are stored or compared as HMACs under it, never in the clear.
 */
export function signingKey(): string {
  if (!key || key.length < 32) throw new AdapterNotConfigured("signing key", "SESSION_SECRET (at least 32 characters)");
  return key;
}

export function hmac(value: string): string {
  return createHmac("sha256", signingKey()).update(value).digest("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A uniformly random 6-digit code. */
export function randomCode(): string {
  const n = randomBytes(4).readUInt32BE(0) % 1_000_000;
  return String(n).padStart(6, "0");
}
