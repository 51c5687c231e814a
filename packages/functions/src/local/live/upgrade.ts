import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Whether a WebSocket upgrade may come from where it says it comes from. A page of this very site sends its own
 * origin (through `vite dev`'s proxy too: the Host it forwards is the page's); a client that is not a browser
 * sends none. A sandboxed frame or a file sends `null`, another site its own origin: both are refused, so that
 * no other page can open the hub or the ingest in a visitor's name.
 */
export function fromThisSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  return new URL(origin).host === req.headers.host;
}

/** Answers an upgrade with a plain HTTP refusal and closes the connection. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, text: string) {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
  );
}

/**
 * The address a cap counts a socket against: IPv4 as it is (an IPv4-mapped IPv6 address unwrapped), IPv6 by
 * its /64, since one device picks new addresses within its network's /64 at will.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const [head = "", tail] = address.toLowerCase().split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
