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

export const SON_LA = "14";

/** A ward of Sơn La from the address database. */
export async function sonLaWard(): Promise<string> {
  const { wardsOf } = await import("@cho-ocop/core/geo/ward");
  return wardsOf(SON_LA)[0]?.code ?? "";
}

export function producerInput(wardCode: string, name = "HTX Thử Nghiệm Mộc Châu", provinceCode = SON_LA) {
  return {
    name,
    kind: "cooperative",
    provinceCode,
    wardCode,
    street: "Bản Áng",
    phone: "0912 345 678",
    taxCode: "5500123456",
    story: "Hợp tác xã thử nghiệm.",
  };
}

export function productInput(name = "Chè Shan Tuyết thử nghiệm") {
  return { name, group: "do-uong", priceVnd: 150000, unit: "hộp 200g", weightGrams: 250, stock: 40, tags: ["đặc sản"] };
}

export function certificateInput(stars = 4) {
  return {
    stars,
    decisionNumber: stars === 5 ? "88/QĐ-BNNMT" : "1520/QĐ-UBND",
    decisionDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    issuer: stars === 5 ? "Bộ Nông nghiệp và Môi trường" : "UBND tỉnh Sơn La",
    level: stars === 5 ? "central" : "province",
    ...(stars === 4 ? { score: { a: 30, b: 18, c: 27 } } : {}),
  };
}
