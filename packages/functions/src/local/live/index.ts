import { execFile } from "node:child_process";
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Server as HttpsServer } from "node:https";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { promisify } from "node:util";
import type { Actor } from "@cho-ocop/core/account/actor";
import { useChatProvider } from "@cho-ocop/core/live/chat";
import { useVideoProvider } from "@cho-ocop/core/live/provider";
import { Hono } from "hono";
import { LocalChatProvider } from "../../adapters/live/local-chat";
import { LocalVideoProvider } from "../../adapters/live/local-video";
import { type AppEnv, actorContext } from "../../api/actor";
import { checkPortFree, freePort, SetupError } from "../dynamo";
import { Children } from "./children";
import { type HubLimits, LiveHub } from "./hub";
import { IngestBridge } from "./ingest";
import { liveRoutes } from "./routes";
import { RtmpIngest } from "./rtmp";

export const DEFAULT_RTMP_PORT = 1935;
type Server = HttpServer | HttpsServer;

export interface LocalLiveOptions {
  /** Recordings go to `<dataDir>/live/recordings`. */
  dataDir: string;
  /** The host sellers' RTMP URL names (this machine's address on the network, or localhost). */
  host: string;
  /** The HTTP(S) server whose upgrades carry the hub and the ingest sockets; or call `attach` later. */
  server?: Server;
  /** RTMP port: 1935 by default, another free one if that is taken; a port given here must be free; 0: any. */
  rtmpPort?: number;
  ffmpeg?: string;
  /** How long a live whose stream dropped waits for a reconnect (LIVE_RECONNECT_GRACE_SECONDS, default 60 s). */
  reconnectGraceMs?: number;
  /** The hub's caps per address and per session (tests; the defaults are in hub.ts). */
  hubLimits?: Partial<HubLimits>;
}

export interface LocalLive {
  rtmpUrl: string;
  rtmpPort: number;
  /** `/live-media/*`, `/recordings/*` and the ingest ticket: mount on the local server (before its SPA fallback). */
  routes: Hono;
  video: LocalVideoProvider;
  chat: LocalChatProvider;
  hub: LiveHub;
  /** Whether ffmpeg runs here: without it the broadcast page cannot go live (OBS still can). */
  ffmpeg: boolean;
  attach(server: Server): void;
  /** Ends everything it started: publishers, viewers, ffmpeg children, the RTMP listener, the sockets. */
  stop(): Promise<void>;
}

async function rtmpPortFor(requested: number | undefined): Promise<number> {
  if (requested === 0) return freePort();
  if (requested !== undefined) return requested;
  try {
    await checkPortFree(DEFAULT_RTMP_PORT);
    return DEFAULT_RTMP_PORT;
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    const port = await freePort();
    console.warn(`[live] RTMP port ${DEFAULT_RTMP_PORT} is taken: using ${port} (set RTMP_PORT to choose).`);
    return port;
  }
}

/** Who opened an ingest socket: the same cookie or bearer token rules as the API (`actorContext`). */
const whoIs = new Hono<AppEnv>().use(actorContext).get("*", async (c) => c.json(await c.var.actor()));
async function actorOf(req: IncomingMessage): Promise<Actor> {
  const headers = new Headers();
  if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
  if (req.headers.authorization) headers.set("authorization", req.headers.authorization);
  return (await (await whoIs.request("http://local/", { headers })).json()) as Actor;
}

/**
 * The local live runtime: RTMP ingest (node-media-server), playback and recordings served by our server, the
 * WebSocket hub for cues, viewer counts and chat, and the broadcast page's ingest through ffmpeg. Registers the
 * local video and chat providers.
 */
export async function startLocalLive(options: LocalLiveOptions): Promise<LocalLive> {
  const ffmpegBin = options.ffmpeg ?? "ffmpeg";
  const ffmpeg = await promisify(execFile)(ffmpegBin, ["-version"]).then(
    () => true,
    () => false,
  );
  const recordings = join(options.dataDir, "live", "recordings");
  const children = new Children();
  const hub = new LiveHub(options.hubLimits);
  const video = new LocalVideoProvider({
    hub,
    host: options.host,
    recordings,
    children,
    ffmpeg: ffmpegBin,
    reconnectGraceMs: options.reconnectGraceMs,
  });
  const ingest = await RtmpIngest.start({
    port: await rtmpPortFor(options.rtmpPort),
    recordingPath: (channelId, startedAt) => video.recordingPath(channelId, startedAt),
    authorize: (key) => video.authorize(key),
    refuseNow: (key) => video.refuseNow(key),
    onPublish: (publish) => video.onPublish(publish),
    onUnpublish: (publish) => video.onUnpublish(publish),
  });
  video.use(ingest);
  const chat = new LocalChatProvider(hub);
  useVideoProvider(video);
  useChatProvider(chat);
  const bridge = new IngestBridge({ video, children, ffmpeg: ffmpegBin, rtmpPort: () => ingest.port, actorOf });

  const attached = new Set<Server>();
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const path = new URL(req.url ?? "/", "http://local").pathname;
    if (LiveHub.matches(path)) void hub.upgrade(req, socket, head);
    else if (IngestBridge.matches(path)) void bridge.upgrade(req, socket, head);
    else if ([...attached].every((s) => s.listenerCount("upgrade") === 1)) socket.destroy();
  };
  const attach = (server: Server) => {
    if (attached.has(server)) return;
    attached.add(server);
    server.on("upgrade", onUpgrade);
  };
  if (options.server) attach(options.server);

  let stopped: Promise<void> | undefined;
  return {
    rtmpUrl: video.rtmpUrl,
    rtmpPort: ingest.port,
    routes: liveRoutes({ ingest: () => ingest, recordings }),
    video,
    chat,
    hub,
    ffmpeg,
    attach,
    stop() {
      stopped ??= (async () => {
        for (const server of attached) server.off("upgrade", onUpgrade);
        video.stopTimers();
        await bridge.close();
        await ingest.stop();
        await video.settled();
        await hub.close();
        await children.stopAll();
      })();
      return stopped;
    },
  };
}
