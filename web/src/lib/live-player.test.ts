import { describe, expect, it } from "vitest";
import { videoFit } from "./live-player";

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
