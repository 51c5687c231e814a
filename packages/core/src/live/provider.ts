import { adapterSlot } from "../util/adapter";
import { DomainError } from "../util/error";

/** A producer's live channel as the video provider gave it: ingest for the seller, playback for viewers. */
export interface Channel {
  channelId: string;
  provider: "ivs" | "local";
  /** IVS channel ARN (production). */
  arn?: string;
  /** RTMP(S) server URL for OBS/Larix and the broadcast page. */
  ingestUrl: string;
  /** Secret: shown only to the producer's sellers. */
  streamKey: string;
  /** Where viewers play the stream (no key in it). */
  playbackUrl: string;
}

/**
 * Live video: Amazon IVS in production, the local RTMP ingest for `pnpm start` and the tests. Both give the same
 * channel shape, the same timed-metadata limits (1 KB, 5 per second per channel) and the same stream events
 * (`Live.onStreamEvent`).
 */
export interface VideoProvider {
  readonly name: "ivs" | "local";
  createChannel(input: { producerId: string; name: string }): Promise<Channel>;
  /** Timed metadata in step with the video (pins, deals). Rejects with MetadataError beyond 1 KB or 5/s. */
  putMetadata(channel: Channel, payload: string): Promise<void>;
  /** Ends the broadcast (staff ending a live); the provider then reports the stream's end. */
  stopStream(channel: Channel): Promise<void>;
  /**
   * Gives the channel a new stream key and returns it. The old one stops working at once: a new publish with it is
   * refused, and a broadcast that is on air with it is cut off (the seller goes on with the new key).
   */
  rotateStreamKey(channel: Channel): Promise<string>;
  /** Viewers watching now, when the provider knows. */
  viewerCount(channel: Channel): Promise<number | null>;
}

export const METADATA_MAX_BYTES = 1024;
export const METADATA_PER_SECOND = 5;

export class MetadataError extends DomainError {
  constructor(kind: "too_large" | "throttled") {
    super(
      kind === "too_large" ? 413 : 429,
      kind === "too_large" ? "metadata_too_large" : "metadata_throttled",
      kind === "too_large"
        ? { vi: "Dữ liệu gửi kèm video vượt quá 1 KB.", en: "Timed metadata is larger than 1 KB." }
        : { vi: "Ghim quá nhanh: tối đa 5 lần mỗi giây.", en: "Too fast: at most 5 per second." },
    );
  }
}

const current = adapterSlot<VideoProvider>("video", "the video provider (IVS or local)");

export function videoProvider(): VideoProvider {
  return current.get();
}

export function useVideoProvider(next: VideoProvider) {
  current.use(next);
}

export function hasVideoProvider() {
  return current.has();
}
