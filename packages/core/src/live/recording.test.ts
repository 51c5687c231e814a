import { describe, expect, it } from "vitest";
import { RECORDING_KEEP_DAYS } from "./limits";
import { keptRecording } from "./recording";

const url = "https://d111.cloudfront.net/recordings/ivs/v1/123/ch/2026/12/3/10/5/abc/media/hls/master.m3u8";
const startedAt = "2026-12-03T10:05:00.000Z";
const day = 86_400_000;

describe("a live's recording, for its replay", () => {
  it("is offered for three years from the start on air, then no more", () => {
    expect(RECORDING_KEEP_DAYS).toBe(1096);
    const start = Date.parse(startedAt);
    expect(keptRecording({ recordingUrl: url, startedAt }, new Date(start + 30 * day))).toBe(url);
    expect(keptRecording({ recordingUrl: url, startedAt }, new Date(start + 1096 * day - 1))).toBe(url);
    expect(keptRecording({ recordingUrl: url, startedAt }, new Date(start + 1096 * day))).toBeNull();
  });

  it("is none when nothing was recorded", () => {
    expect(keptRecording({ startedAt }, new Date(startedAt))).toBeNull();
  });
});
