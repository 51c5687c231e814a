/** The API as a test calls it: people signed in without the SMS round trip, and requests to the app in process. */
import { SYSTEM } from "@cho-ocop/core/account/actor";
import { Account } from "@cho-ocop/core/account/index";
import { Producer } from "@cho-ocop/core/producer/index";
import { SellerVerification } from "@cho-ocop/core/seller/verification/index";
import { app } from "../src/api/app";

let counter = 0;
/** A unique, valid Vietnamese mobile number for a test person. */
export function phone(): string {
  counter++;
  return `0399${String(process.pid % 1000).padStart(3, "0")}${String(counter).padStart(3, "0")}`;
}

/** Signs a person in without the SMS round trip (that is tested on its own): returns a bearer token. */
export async function tokenFor(change?: Parameters<typeof Account.assign>[1], login = { phone: phone() }) {
  const user = change ? await Account.assign(login, change) : await Account.findOrCreate(login);
  const { token } = await Account.createSession(user.userId);
  return token;
}

/** Marks the seller signed in with `token` identity-verified, as staff would (a seller goes live only then). */
export async function verifySeller(token: string) {
  const user = await Account.resolve(token);
  if (!user?.producerId) throw new Error("verifySeller: not a producer's seller");
  const { provinceCode } = await Producer.get(user.producerId);
  await SellerVerification.recordVerified(SYSTEM, {
    userId: user.userId,
    producerId: user.producerId,
    provinceCode,
    fullName: user.name ?? "Người bán thử nghiệm",
  });
}

/** A verified seller of a producer that only has its entities written (no producer record). */
export async function verifiedSellerOf(producerId: string, provinceCode = "14") {
  const user = await Account.assign({ phone: phone() }, { role: "seller", producerId });
  await SellerVerification.recordVerified(SYSTEM, {
    userId: user.userId,
    producerId,
    provinceCode,
    fullName: "Người bán thử nghiệm",
  });
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await app.request(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body: body as T, headers: res.headers };
}
