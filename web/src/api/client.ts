import type { AppType } from "@cho-ocop/functions/api/app";
import { type ClientResponse, hc } from "hono/client";
import { locale } from "../i18n";

/** Same origin by default (the local server and CloudFront serve the API next to the app). */
const base = import.meta.env.VITE_API_URL || globalThis.location?.origin || "http://localhost";

/** The API's own route types, straight from the Hono app: a renamed field breaks the build, not the page. */
export const client = hc<AppType>(base, {
  headers: () => ({ "Accept-Language": locale() }),
  // The session is an httpOnly cookie: sent with every same-origin call, never readable by scripts.
  init: { credentials: "same-origin" },
});

/** A failed API call: `status` 0 when the network failed, else the HTTP status and the API's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get notFound(): boolean {
    return this.status === 404 || (this.status === 400 && this.field === "id");
  }
}

type Success<R> = R extends ClientResponse<infer T, infer S, "json"> ? (S extends 200 | 201 | 202 ? T : never) : never;
type ErrorBody = { error?: { code?: string; message?: string; field?: string } };

/** Awaits a typed call and returns its 2xx body, or throws an ApiError carrying the API's message and field. */
export async function ok<R extends ClientResponse<unknown, number, "json">>(call: Promise<R>): Promise<Success<R>> {
  let res: R;
  try {
    res = await call;
  } catch (cause) {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : String(cause));
  }
  if (res.status < 200 || res.status >= 300) throw await errorOf(res);
  return (await res.json()) as Success<R>;
}

/** The API's error (`{ error: { code, message, field } }`) of a failed response. */
export async function errorOf(res: {
  status: number;
  statusText: string;
  json(): Promise<unknown>;
}): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  return new ApiError(
    res.status,
    body.error?.code ?? "http_error",
    body.error?.message ?? res.statusText,
    body.error?.field,
  );
}

/** Awaits a call answered with 204 No Content, or throws its ApiError as `ok` does. */
export async function noContent(call: Promise<ClientResponse<unknown, number, string>>): Promise<void> {
  let res: ClientResponse<unknown, number, string>;
  try {
    res = await call;
  } catch (cause) {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : String(cause));
  }
  if (res.status < 200 || res.status >= 300) throw await errorOf(res);
}
