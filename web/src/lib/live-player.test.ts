import { decodeCue, encodeCue } from "@cho-ocop/core/live/wire";
import { describe, expect, it, vi } from "vitest";
import { playIvs, replayPlayer, videoFit } from "./live-player";

describe("videoFit", () => {
  it("fills the vertical player with a portrait stream", () => {
    expect(videoFit(720, 1280)).toBe("cover");
    expect(videoFit(480, 640)).toBe("cover");
  });
  it("letterboxes landscape and square streams, and a stream whose size is not known yet", () => {
    expect(videoFit(1280, 720)).toBe("contain");
    expect(videoFit(640, 480)).toBe("contain");
    expect(videoFit(720, 720)).toBe("contain");
    expect(videoFit(0, 0)).toBe("contain");
  });
});

// The IVS player as its npm module exposes it, recording what the page asks of it.
const ivs = vi.hoisted(() => {
  const listeners = new Map<string, (payload: unknown) => void>();
  const player = {
    attachHTMLVideoElement: vi.fn(),
    addEventListener: vi.fn((name: string, fn: (payload: unknown) => void) => listeners.set(name, fn)),
    setAutoplay: vi.fn(),
    load: vi.fn(),
    play: vi.fn(),
    delete: vi.fn(),
  };
  const create = vi.fn((_config: { wasmWorker: string; wasmBinary: string }) => player);
  return { listeners, player, create };
});
vi.mock("amazon-ivs-player", () => ({
  isPlayerSupported: true,
  create: ivs.create,
  PlayerEventType: { TEXT_METADATA_CUE: "PlayerTextMetadataCue", ERROR: "PlayerError" },
  PlayerState: { ENDED: "Ended" },
}));

describe("replayPlayer", () => {
  it("plays an MP4 and, where the browser has HLS, an HLS recording natively; HLS elsewhere through the IVS player", () => {
    expect(replayPlayer("/media/recordings/s1.mp4", false)).toBe("native");
    expect(replayPlayer("/recordings/ivs/v1/1/c/2026/3/14/12/3/r/media/hls/master.m3u8", true)).toBe("native");
    expect(replayPlayer("/recordings/ivs/v1/1/c/2026/3/14/12/3/r/media/hls/master.m3u8", false)).toBe("ivs");
    expect(replayPlayer("https://x.playback.live-video.net/v.m3u8?token=1", false)).toBe("ivs");
  });
});

describe("playIvs", () => {
  it("runs the npm player with its worker and wasm from our origin, and hands each cue to the page at its frame", async () => {
    const video = document.createElement("video");
    const cues: string[] = [];
    const played = await playIvs(video, "https://x.playback.live-video.net/api/video/v1/c.m3u8", {
      onError: () => undefined,
      onCue: (text) => cues.push(text),
    });
    const config = ivs.create.mock.calls[0]?.[0];
    for (const url of [config?.wasmWorker, config?.wasmBinary]) {
      expect(url).toMatch(/amazon-ivs-wasmworker\.min\.(js|wasm)/);
      // A path of the site (or the dev server's /@fs/), never IVS's CDN.
      expect(url).toMatch(/^\//);
    }
    expect(ivs.player.attachHTMLVideoElement).toHaveBeenCalledWith(video);
    expect(ivs.player.load).toHaveBeenCalledWith("https://x.playback.live-video.net/api/video/v1/c.m3u8");

    const pin = encodeCue({
      t: "pin",
      s: "s1",
      ms: 1200,
      p: { id: "p1", n: "Mật ong bạc hà", v: 180000, u: "chai", i: null, st: 4 },
    });
    ivs.listeners.get("PlayerTextMetadataCue")?.({ text: pin });
    expect(cues).toEqual([pin]);
    expect(decodeCue(cues[0] ?? "")).toMatchObject({ kind: "pin", product: { productId: "p1", priceVnd: 180000 } });

    played.destroy();
    expect(ivs.player.delete).toHaveBeenCalled();
  });
});
