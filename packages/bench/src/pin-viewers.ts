/**
 * One worker of `pnpm bench pin` (forked by pin.ts): `count` WebSocket viewers of one live session, so that the
 * viewers' own work is spread over processes (and cores) instead of queueing in one. Arrival times are absolute
 * (performance.timeOrigin + performance.now()) so the parent, another process on the same machine, can compare them
 * with its own clock.
 *
 * IPC: receives `{type: "join", url, count}`, answers `{type: "joined", count}` once every viewer has its hello;
 * then, for every pin, `{type: "pin", pin}` announces it and `{type: "got", pin, times, missing}` reports each
 * viewer's arrival of that pin's cue (the first cue after the announcement) when all have it or after `waitMs`.
 */
import WebSocket from "ws";

const now = () => performance.timeOrigin + performance.now();

interface Pin {
  pin: number;
  times: number[];
  seen: Set<number>;
  done: () => void;
}

let viewers: WebSocket[] = [];
let current: Pin | undefined;

function viewer(url: string, index: number) {
  const ws = new WebSocket(url);
  const hello = new Promise<void>((resolve, reject) => {
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on("message", (data: Buffer) => {
      const at = now();
      // The type is the message's first key: no JSON parse on the clock's path.
      if (data.includes('"type":"cue"')) {
        const pin = current;
        if (!pin || pin.seen.has(index)) return;
        pin.seen.add(index);
        pin.times.push(at);
        if (pin.seen.size === viewers.length) pin.done();
      } else if (data.includes('"type":"hello"')) resolve();
    });
  });
  return { ws, hello };
}

process.on(
  "message",
  async (message: { type: string; url?: string; count?: number; pin?: number; waitMs?: number }) => {
    if (message.type === "join" && message.url && message.count) {
      for (let i = 0; i < message.count; i += 50) {
        const batch = Array.from({ length: Math.min(50, message.count - i) }, (_, j) =>
          viewer(message.url as string, i + j),
        );
        viewers.push(...batch.map((b) => b.ws));
        await Promise.all(batch.map((b) => b.hello));
      }
      process.send?.({ type: "joined", count: viewers.length });
    } else if (message.type === "pin" && message.pin !== undefined) {
      const pin: Pin = { pin: message.pin, times: [], seen: new Set(), done: () => undefined };
      const all = new Promise<void>((resolve) => {
        pin.done = resolve;
      });
      current = pin;
      process.send?.({ type: "ready", pin: pin.pin });
      await Promise.race([all, new Promise((r) => setTimeout(r, message.waitMs ?? 5000))]);
      current = undefined;
      process.send?.({ type: "got", pin: pin.pin, times: pin.times, missing: viewers.length - pin.seen.size });
    } else if (message.type === "stop") {
      for (const ws of viewers) ws.terminate();
      viewers = [];
      process.exit(0);
    }
  },
);
process.on("disconnect", () => process.exit(0));
