import { isPersonal } from "../api/shared-cache";

/**
 * CloudFront's cache for /api/* (stacks/Web.ts, ApiCache), played by the local server and the AWS-shaped local edge:
 * GET answers are kept by the URL (path and query string) for as long as their Cache-Control lets a shared cache
 * (s-maxage, else max-age), then served stale for `stale-while-revalidate` seconds while one refetch runs. A request
 * with the session cookie or Authorization neither reads nor fills it; an answer that is private, no-store,
 * no-cache, sets a cookie or says `Vary: *` is not kept; other `Vary` headers key their variants. Concurrent misses of
 * one URL wait for one origin request.
 */
export type Fetch<Env> = (request: Request, env: Env) => Response | Promise<Response>;

export interface EdgeCacheOptions {
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  maxEntries?: number;
  maxBodyBytes?: number;
}

interface Entry {
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
  storedAt: number;
  freshMs: number;
  staleMs: number;
  vary: Array<[string, string | null]>;
}

export const CACHE_STATUS_HEADER = "x-cache";
const STORED_STATUSES = new Set([200, 203, 204, 300, 301, 404, 410]);

function directives(header: string | null): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const part of (header ?? "").split(",")) {
    const [name = "", value] = part.trim().split("=");
    if (name) out.set(name.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ""));
  }
  return out;
}

const seconds = (value: string | true | undefined) =>
  typeof value === "string" && /^\d+$/.test(value) ? Number(value) : 0;

export function edgeCache<Env>(origin: Fetch<Env>, options: EdgeCacheOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 5000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const entries = new Map<string, Entry[]>();
  const pending = new Map<string, Promise<Entry | undefined>>();
  const refreshing = new Set<string>();
  let size = 0;

  const keyOf = (request: Request) => {
    const url = new URL(request.url);
    return `${url.host}${url.pathname}${url.search}`;
  };
  const matches = (entry: Entry, request: Request) =>
    entry.vary.every(([name, value]) => request.headers.get(name) === value);

  function answer(entry: Entry, status: string, request: Request): Response {
    const headers = new Headers(entry.headers);
    headers.set("age", String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000))));
    headers.set(CACHE_STATUS_HEADER, status);
    return new Response(request.method === "HEAD" ? null : entry.body.slice(), { status: entry.status, headers });
  }

  /** The entry to keep for this answer, or none; reads the body only when the answer may be kept. */
  async function toEntry(request: Request, response: Response): Promise<Entry | undefined> {
    if (!STORED_STATUSES.has(response.status) || response.headers.has("set-cookie")) return undefined;
    const cc = directives(response.headers.get("cache-control"));
    if (cc.has("private") || cc.has("no-store") || cc.has("no-cache")) return undefined;
    const freshMs = seconds(cc.get("s-maxage") ?? cc.get("max-age")) * 1000;
    if (freshMs <= 0) return undefined;
    const varyHeader = response.headers.get("vary");
    const varyNames = (varyHeader ?? "")
      .split(",")
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    if (varyNames.includes("*")) return undefined;
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > maxBodyBytes) return undefined;
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength > maxBodyBytes) return undefined;
    return {
      status: response.status,
      headers: [...response.headers].filter(([name]) => name !== "age" && name !== CACHE_STATUS_HEADER),
      body,
      storedAt: now(),
      freshMs,
      staleMs: seconds(cc.get("stale-while-revalidate")) * 1000,
      vary: varyNames.map((name) => [name, request.headers.get(name)]),
    };
  }

  function store(key: string, entry: Entry) {
    const same = (e: Entry) =>
      e.vary.length === entry.vary.length && e.vary.every(([n, v]) => entry.vary.some(([m, w]) => m === n && w === v));
    const variants = (entries.get(key) ?? []).filter((e) => !same(e));
    size -= entries.get(key)?.length ?? 0;
    entries.delete(key);
    entries.set(key, [...variants, entry]);
    size += variants.length + 1;
    // Oldest URLs first (a Map keeps insertion order; a refill moves its URL to the end).
    for (const [oldest, list] of entries) {
      if (size <= maxEntries) break;
      entries.delete(oldest);
      size -= list.length;
    }
  }

  /** One origin request for this URL at a time; its answer, and the entry kept from it if any. */
  async function fill(key: string, request: Request, env: Env): Promise<{ response?: Response; entry?: Entry }> {
    const running = pending.get(key);
    if (running) {
      const entry = await running;
      return entry && matches(entry, request) ? { entry } : { response: await origin(request, env) };
    }
    let settle: (entry: Entry | undefined) => void = () => {};
    pending.set(key, new Promise((done) => (settle = done)));
    try {
      const response = await origin(request, env);
      const entry = await toEntry(request, response.clone());
      if (entry) store(key, entry);
      settle(entry);
      return entry ? { response, entry } : { response };
    } catch (err) {
      settle(undefined);
      throw err;
    } finally {
      pending.delete(key);
    }
  }

  function refresh(key: string, request: Request, env: Env) {
    if (refreshing.has(key)) return;
    refreshing.add(key);
    const copy = new Request(request.url, { method: "GET", headers: request.headers });
    void fill(key, copy, env)
      .catch(() => undefined)
      .finally(() => refreshing.delete(key));
  }

  async function fetch(request: Request, env: Env): Promise<Response> {
    if ((request.method !== "GET" && request.method !== "HEAD") || isPersonal(request.headers)) {
      return origin(request, env);
    }
    const key = keyOf(request);
    const entry = entries.get(key)?.find((e) => matches(e, request));
    if (entry) {
      const age = now() - entry.storedAt;
      if (age < entry.freshMs) return answer(entry, "Hit", request);
      if (age < entry.freshMs + entry.staleMs) {
        refresh(key, request, env);
        return answer(entry, "Stale", request);
      }
    }
    // Only a GET fills the cache: a HEAD's answer has no body to keep.
    if (request.method === "HEAD") return origin(request, env);
    const filled = await fill(key, request, env);
    if (filled.entry && !filled.response) return answer(filled.entry, "Hit", request);
    const response = filled.response as Response;
    const headers = new Headers(response.headers);
    headers.set(CACHE_STATUS_HEADER, "Miss");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }

  return Object.assign(fetch, {
    /** Forgets everything (tests). */
    clear() {
      entries.clear();
      size = 0;
    },
  });
}
