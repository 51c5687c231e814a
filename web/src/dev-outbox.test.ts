// @vitest-environment node
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Connect, ViteDevServer } from "vite";
import { describe, expect, it } from "vitest";
import { outboxForThisMachine } from "../vite.config";

function devMiddleware(): Connect.NextHandleFunction {
  const used: Connect.NextHandleFunction[] = [];
  const server = { middlewares: { use: (fn: Connect.NextHandleFunction) => used.push(fn) } };
  const hook = outboxForThisMachine().configureServer as (server: ViteDevServer) => void;
  hook(server as unknown as ViteDevServer);
  const [middleware] = used;
  if (!middleware) throw new Error("the plugin registered no middleware");
  return middleware;
}

function call(url: string, remoteAddress: string) {
  const res = { statusCode: 200, headers: {} as Record<string, string>, body: "" };
  let passed = false;
  devMiddleware()(
    { url, socket: { remoteAddress } } as unknown as IncomingMessage,
    {
      set statusCode(code: number) {
        res.statusCode = code;
      },
      setHeader: (name: string, value: string) => {
        res.headers[name] = value;
      },
      end: (body: string) => {
        res.body = body;
      },
    } as unknown as ServerResponse,
    () => {
      passed = true;
    },
  );
  return { ...res, passed };
}

describe("vite dev's proxy to the outbox", () => {
  it("refuses the outbox page and its API to a phone on the network", () => {
    for (const url of ["/dev/outbox", "/api/dev/outbox", "/api/dev/outbox?x=1"]) {
      const answer = call(url, "192.168.1.23");
      expect(answer.passed).toBe(false);
      expect(answer.statusCode).toBe(404);
      expect(JSON.parse(answer.body).error.code).toBe("not_found");
    }
  });

  it("passes the outbox on to pnpm start for this machine, and everything else for anyone", () => {
    expect(call("/dev/outbox", "127.0.0.1").passed).toBe(true);
    expect(call("/api/dev/outbox", "::1").passed).toBe(true);
    expect(call("/api/products", "192.168.1.23").passed).toBe(true);
    expect(call("/dev/outboxes", "192.168.1.23").passed).toBe(true);
  });
});
