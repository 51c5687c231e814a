import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/**
 * A fake's HTTP server on a free port of 127.0.0.1: its address, and a close that ends kept-alive connections too.
 * With `onUpgrade`, it also takes WebSocket handshakes (whose sockets the fake closes itself).
 */
export async function listen(
  onRequest: RequestListener,
  onUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
) {
  const server = createServer(onRequest);
  if (onUpgrade) server.on("upgrade", onUpgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** A request's whole body. */
export function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export const readText = async (req: IncomingMessage) => (await readBytes(req)).toString("utf8");
