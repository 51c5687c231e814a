/** The API as a test calls it: people signed in without the SMS round trip, and requests to the app in process. */
import { Account } from "@cho-ocop/core/account/index";
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
