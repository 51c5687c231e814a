import { METADATA_MAX_BYTES, MetadataError } from "./provider";

/** A cue as the video's timed metadata carries it, refused beyond the provider's 1 KB. */
export function cuePayload(data: Record<string, unknown>) {
  const text = JSON.stringify(data);
  if (Buffer.byteLength(text) > METADATA_MAX_BYTES) throw new MetadataError("too_large");
  return text;
}
