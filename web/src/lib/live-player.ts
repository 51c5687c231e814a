import type Mpegts from "mpegts.js";

/** A live player on a <video>: the local FLV one (mpegts.js) or the IVS one. */
export interface LivePlayer {
  /** The stream timestamp (ms) of the player's time 0, when known (local playback's x-stream-base-ts). */
  baseTs(): number | null;
  destroy(): void;
}

export interface PlayerEvents {
  /** Playback failed (the stream is offline: 404, or it dropped). */
  onError(reason: string): void;
  /** IVS only: a timed-metadata cue reached the frame on screen. */
  onCue?(text: string): void;
}

type MpegtsModule = typeof Mpegts;

/**
 * How a stream fills the phone's vertical player: a portrait one covers it edge to edge (as on TikTok and Shopee),
 * a landscape or square one is letterboxed so nothing of the picture is cut. Unknown size (0×0): letterboxed.
 */
export function videoFit(width: number, height: number): "cover" | "contain" {
  return width > 0 && height > width ? "cover" : "contain";
}

/**
 * Local playback: FLV over HTTP from our server, played by mpegts.js through Media Source Extensions, tuned for
 * a low delay (no stash buffer, chase the live edge). A custom loader fetches the stream itself, to read the
 * response's x-stream-base-ts: where this response's timeline starts, so cues can be matched to frames.
 */
const loadMpegts = () => import("mpegts.js") as unknown as Promise<{ default: MpegtsModule }>;

/**
 * Starts loading the session's player as soon as the page knows which one it is: the player itself starts after
 * the first paint, and on a phone's network its 60 KB would otherwise only then set off.
 */
export function preloadPlayer(provider: "local" | "ivs") {
  void (provider === "ivs" ? loadIvsPlayer() : loadMpegts()).catch(() => undefined);
}

/** Bytes of FLV handed to mpegts.js per task (≈ 0.15 s of an 800 kbit/s stream). */
const DEMUX_SLICE = 16 * 1024;

/** Ends this task, letting the page paint and answer input; Chromium's scheduler.yield resumes first in line. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((next) => setTimeout(next, 0));
}

declare global {
  /** The stream's request, sent by index.html's early script while the page's code started (see vite.config.ts). */
  var __liveStream: { url: string; at: number; res: Promise<Response>; stop: AbortController } | undefined;
}

/** The early request for this stream, taken once, while its 10 s hold lasts. */
function takeEarlyStream(url: string) {
  const early = globalThis.__liveStream;
  globalThis.__liveStream = undefined;
  if (!early) return undefined;
  if (early.url === url && Date.now() - early.at < 10_000) return early;
  early.stop.abort();
  return undefined;
}

export async function playLocal(video: HTMLVideoElement, url: string, events: PlayerEvents): Promise<LivePlayer> {
  const mpegts = (await loadMpegts()).default;
  // The module's start-up and the player's set-up in tasks of their own: no one long task while the page starts.
  await new Promise((next) => setTimeout(next, 0));
  if (!mpegts.isSupported()) {
    events.onError("unsupported");
    return { baseTs: () => null, destroy() {} };
  }
  let base: number | null = null;
  const Base = mpegts.BaseLoader as unknown as new (type: string) => Mpegts.BaseLoader;

  class BaseTsLoader extends Base {
    private abortController?: AbortController;
    constructor() {
      super("cho-ocop-flv");
      this._needStash = false;
    }
    override open(source: { url: string }) {
      const early = takeEarlyStream(source.url);
      this.abortController = early?.stop ?? new AbortController();
      this._status = 1; // connecting
      (
        early?.res ??
        fetch(source.url, { signal: this.abortController.signal, credentials: "same-origin", cache: "no-store" })
      )
        .then(async (res) => {
          if (!res.ok || !res.body) {
            this._status = 3;
            this.onError?.("HttpStatusCodeInvalid" as never, { code: res.status, msg: res.statusText });
            return;
          }
          const header = res.headers.get("x-stream-base-ts");
          base = header !== null && /^\d+$/.test(header) ? Number(header) : null;
          const reader = res.body.getReader();
          let received = 0;
          for (;;) {
            const { done, value } = await reader.read();
            if (done) {
              this._status = 4;
              this.onComplete?.(0, received - 1);
              return;
            }
            this._status = 2;
            // mpegts.js demuxes on this thread: what the network hands over at once (the opening GOP, or a backlog
            // after a busy moment) goes to it in slices, a task each, so that the page never blocks for long.
            for (let at = 0; at < value.byteLength; at += DEMUX_SLICE) {
              if (at > 0) await yieldToPage();
              if (this.abortController?.signal.aborted) return;
              const end = Math.min(at + DEMUX_SLICE, value.byteLength);
              const chunk = value.buffer.slice(value.byteOffset + at, value.byteOffset + end) as ArrayBuffer;
              const start = received;
              received += chunk.byteLength;
              this.onDataArrival?.(chunk, start, received);
            }
          }
        })
        .catch((error: unknown) => {
          if (this.abortController?.signal.aborted) return;
          this._status = 3;
          this.onError?.("EarlyEof" as never, { code: -1, msg: String(error) });
        });
    }
    override abort() {
      this.abortController?.abort();
      this._status = 4;
    }
  }

  const player = mpegts.createPlayer(
    { type: "flv", isLive: true, hasAudio: true, hasVideo: true, url: new URL(url, location.href).toString() },
    {
      enableWorker: false,
      enableStashBuffer: false,
      stashInitialSize: 128 * 1024,
      lazyLoad: false,
      deferLoadAfterSourceOpen: false,
      autoCleanupSourceBuffer: true,
      liveBufferLatencyChasing: true,
      liveBufferLatencyMaxLatency: 1.5,
      liveBufferLatencyMinRemain: 0.3,
      customLoader: BaseTsLoader as unknown as Mpegts.CustomLoaderConstructor,
    },
  );
  player.on(mpegts.Events.ERROR, (type: string, detail: string) => events.onError(`${type}: ${detail}`));
  player.on(mpegts.Events.LOADING_COMPLETE, () => events.onError("ended"));
  player.attachMediaElement(video);
  player.load();
  const started = player.play();
  if (started) started.catch(() => undefined);
  return {
    baseTs: () => base,
    destroy() {
      try {
        player.pause();
        player.unload();
        player.detachMediaElement();
        player.destroy();
      } catch {
        // already torn down
      }
    },
  };
}

/*
 * Amazon IVS playback, for sessions whose provider is "ivs" (production) and for the HLS recordings of replays.
 * The player is the npm build, pinned, loaded on first use (never on the first paint); its worker and wasm are
 * files of our own build (Vite's ?url), so the page runs no script from another origin and the CSP stays strict.
 * TEXT_METADATA_CUE hands the pins and deals to the page when their frame is on screen.
 */
type IvsPlayerModule = typeof import("amazon-ivs-player");

let ivsModule: Promise<{ sdk: IvsPlayerModule; wasmWorker: string; wasmBinary: string }> | undefined;
export function loadIvsPlayer() {
  ivsModule ??= Promise.all([
    import("amazon-ivs-player"),
    import("amazon-ivs-player/dist/assets/amazon-ivs-wasmworker.min.js?url"),
    import("amazon-ivs-player/dist/assets/amazon-ivs-wasmworker.min.wasm?url"),
  ]).then(([sdk, worker, binary]) => ({ sdk, wasmWorker: worker.default, wasmBinary: binary.default }));
  return ivsModule;
}

/** Which player a replay needs: an MP4 (local recordings) or HLS where the browser has it, natively; else IVS's. */
export function replayPlayer(url: string, nativeHls: boolean): "native" | "ivs" {
  const hls = /\.m3u8(\?|$)/.test(url);
  return !hls || nativeHls ? "native" : "ivs";
}

/** The browser plays HLS itself (Safari, iPhone): <video src=….m3u8> is enough there. */
export const hasNativeHls = (video: HTMLVideoElement) => video.canPlayType("application/vnd.apple.mpegurl") !== "";

async function ivsPlayer(video: HTMLVideoElement, url: string, events: PlayerEvents, live: boolean) {
  const { sdk, wasmWorker, wasmBinary } = await loadIvsPlayer();
  if (!sdk.isPlayerSupported) {
    events.onError("unsupported");
    return null;
  }
  const player = sdk.create({ wasmWorker, wasmBinary });
  player.attachHTMLVideoElement(video);
  player.addEventListener(sdk.PlayerEventType.TEXT_METADATA_CUE, (cue) => {
    if (typeof cue.text === "string") events.onCue?.(cue.text);
  });
  player.addEventListener(sdk.PlayerEventType.ERROR, (error) => events.onError(`ivs: ${error.type} ${error.code}`));
  if (live) player.addEventListener(sdk.PlayerState.ENDED, () => events.onError("ended"));
  player.setAutoplay(live);
  player.load(url);
  if (live) player.play();
  return player;
}

export async function playIvs(video: HTMLVideoElement, url: string, events: PlayerEvents): Promise<LivePlayer> {
  const player = await ivsPlayer(video, url, events, true);
  return { baseTs: () => null, destroy: () => player?.delete() };
}

/**
 * A replay's recording on a <video> with its own controls: natively where the browser can, else through the IVS
 * player (an IVS recording is HLS, which desktop Chrome and Firefox do not play themselves).
 */
export async function playReplay(
  video: HTMLVideoElement,
  url: string,
  events: PlayerEvents,
): Promise<{ destroy(): void }> {
  if (replayPlayer(url, hasNativeHls(video)) === "native") {
    video.src = url;
    return { destroy: () => video.removeAttribute("src") };
  }
  const player = await ivsPlayer(video, url, events, false);
  return { destroy: () => player?.delete() };
}
