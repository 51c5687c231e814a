import type Mpegts from "mpegts.js";
import { scriptLoader } from "./stripe";

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
export async function playLocal(video: HTMLVideoElement, url: string, events: PlayerEvents): Promise<LivePlayer> {
  const mpegts = ((await import("mpegts.js")) as unknown as { default: MpegtsModule }).default;
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
      this.abortController = new AbortController();
      this._status = 1; // connecting
      fetch(source.url, { signal: this.abortController.signal, credentials: "same-origin", cache: "no-store" })
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
            const chunk = value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
            const start = received;
            received += chunk.byteLength;
            this.onDataArrival?.(chunk, start, received);
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
 * Amazon IVS playback, for sessions whose provider is "ivs" (production). The IVS Web Player is loaded from IVS's
 * own CDN on first use, as IVS documents it. It cannot run here (no IVS stream on this machine), so it stays small:
 * play the URL, and hand TEXT_METADATA_CUE events (the pins and deals, already in step with the frame) to the page.
 */
const IVS_PLAYER_URL = "https://player.live-video.net/1.x/amazon-ivs-player.min.js";
interface IvsPlayer {
  attachHTMLVideoElement(video: HTMLVideoElement): void;
  load(url: string): void;
  play(): void;
  delete(): void;
  addEventListener(event: string, handler: (payload: { text?: string }) => void): void;
}
interface IvsPlayerGlobal {
  isPlayerSupported: boolean;
  create(): IvsPlayer;
  PlayerEventType: { TEXT_METADATA_CUE: string; ERROR: string };
}
const loadIvs = scriptLoader<IvsPlayerGlobal>(
  IVS_PLAYER_URL,
  () => (globalThis as { IVSPlayer?: IvsPlayerGlobal }).IVSPlayer,
);

export async function playIvs(video: HTMLVideoElement, url: string, events: PlayerEvents): Promise<LivePlayer> {
  const IVSPlayer = await loadIvs(15_000);
  if (!IVSPlayer.isPlayerSupported) {
    events.onError("unsupported");
    return { baseTs: () => null, destroy() {} };
  }
  const player = IVSPlayer.create();
  player.attachHTMLVideoElement(video);
  player.addEventListener(IVSPlayer.PlayerEventType.TEXT_METADATA_CUE, (cue) => {
    if (typeof cue.text === "string") events.onCue?.(cue.text);
  });
  player.addEventListener(IVSPlayer.PlayerEventType.ERROR, () => events.onError("ivs"));
  player.load(url);
  player.play();
  return { baseTs: () => null, destroy: () => player.delete() };
}
