import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Live } from "@cho-ocop/core/live/index";
import { Hono } from "hono";
import { type AppEnv, actorContext } from "../../api/actor";
import { onError } from "../../api/error";
import { ingestTicket } from "./ingest";
import type { RtmpIngest } from "./rtmp";
import { CHANNEL_ID } from "./stream-key";

/** A viewer this far behind (bytes queued for it) is cut off: it reconnects at the live edge. */
const VIEWER_BACKLOG = 8 << 20;
const RECORDING = /^[0-9a-f]{16}-\d{10,16}\.(mp4|flv)$/;

const notFound = (message: string) => ({ error: { code: "not_found", message } });

/**
 * The first media timestamp (ms) among tags, skipping codec headers and metadata: where the player's clock starts
 * (mpegts.js counts `currentTime` from the first audio or video frame it gets).
 */
function firstFrameTs(tags: Buffer[]): number | null {
  let first: number | null = null;
  for (const tag of tags) {
    const type = tag[0];
    if ((type !== 8 && type !== 9) || tag.length < 13) continue;
    const avc = type === 9 && ((tag[11] ?? 0) & 0x0f) === 7;
    const aac = type === 8 && (tag[11] ?? 0) >> 4 === 10;
    if ((avc || aac) && tag[12] === 0) continue; // sequence header, not a frame
    const ts = ((tag[7] ?? 0) << 24) | ((tag[4] ?? 0) << 16) | ((tag[5] ?? 0) << 8) | (tag[6] ?? 0);
    first = first === null ? ts : Math.min(first, ts);
  }
  return first;
}

/**
 * The live runtime's HTTP side on the local server: live playback per channel (no stream key in it; 404 while
 * offline), the recordings for replays, and the broadcast page's ticket for its ingest socket.
 */
export function liveRoutes(options: { ingest: () => RtmpIngest | undefined; recordings: string }) {
  const routes = new Hono();
  routes.onError(onError);

  routes.get("/live-media/:file", (c) => {
    const channelId = c.req.param("file").replace(/\.flv$/, "");
    const ingest = options.ingest();
    if (!CHANNEL_ID.test(channelId) || !ingest?.publishing(channelId)) {
      return c.json(notFound("Kênh chưa phát / this channel is not live"), 404);
    }
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    // What NMS hands a new subscriber at once: header, metadata, codec headers and the current GOP.
    let burst: Buffer[] | undefined = [];
    let unsubscribe: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start(c) {
          controller = c;
        },
        cancel() {
          unsubscribe?.();
        },
      },
      { highWaterMark: VIEWER_BACKLOG, size: (chunk) => chunk.byteLength },
    );
    unsubscribe = ingest.watch(
      channelId,
      (tag) => {
        burst?.push(tag);
        if (!controller) return;
        if ((controller.desiredSize ?? 0) <= 0) {
          unsubscribe?.();
          controller.error(new Error("viewer too slow"));
          return;
        }
        controller.enqueue(tag);
      },
      () => {
        try {
          controller?.close();
        } catch {}
      },
    );
    if (!unsubscribe) return c.json(notFound("Kênh chưa phát / this channel is not live"), 404);
    const base = firstFrameTs(burst);
    burst = undefined;
    return new Response(body, {
      headers: {
        "content-type": "video/x-flv",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        // Where this response's timeline starts: a frame's stream timestamp is base + currentTime × 1000.
        ...(base === null ? {} : { "x-stream-base-ts": String(base) }),
        "access-control-expose-headers": "x-stream-base-ts",
      },
    });
  });

  routes.on(["GET", "HEAD"], "/recordings/:file", async (c) => {
    const file = c.req.param("file");
    const path = join(options.recordings, file);
    const info = RECORDING.test(file) ? await stat(path).catch(() => undefined) : undefined;
    if (!info?.isFile()) return c.json(notFound("Không có bản ghi / no such recording"), 404);
    const headers: Record<string, string> = {
      "content-type": file.endsWith(".mp4") ? "video/mp4" : "video/x-flv",
      "accept-ranges": "bytes",
      "cache-control": "public, max-age=3600",
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header("range") ?? "");
    let start = 0;
    let end = info.size - 1;
    if (range && (range[1] || range[2])) {
      start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start > end || start >= info.size) {
        return c.body(null, 416, { "content-range": `bytes */${info.size}` });
      }
      headers["content-range"] = `bytes ${start}-${end}/${info.size}`;
    }
    headers["content-length"] = String(end - start + 1);
    const status = headers["content-range"] ? 206 : 200;
    if (c.req.method === "HEAD") return c.body(null, status, headers);
    const stream = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
    return c.body(stream, status, headers);
  });

  const ticket = new Hono<AppEnv>().onError(onError);
  ticket.post("/live-ingest/:sessionId/ticket", actorContext, async (c) => {
    const sessionId = Live.Id.parse(c.req.param("sessionId"));
    await Live.ingest(await c.var.actor(), sessionId);
    const { ticket: signed, expiresAt } = ingestTicket(sessionId, (await Live.get(sessionId)).producerId);
    // The ticket goes as the socket's subprotocol, not in the URL (which logs and proxies keep).
    return c.json({ url: `/live-ingest/${sessionId}`, ticket: signed, expiresAt });
  });
  routes.route("/", ticket);

  return routes;
}
