import { METADATA_MAX_BYTES, MetadataError } from "./provider";
import { type Cue, cueBytes, encodeCue } from "./wire";

/** A cue as the video's timed metadata carries it, refused beyond the provider's 1 KB. */
export function cuePayload(cue: Cue) {
  const text = encodeCue(cue);
  if (cueBytes(text) > METADATA_MAX_BYTES) throw new MetadataError("too_large");
  return text;
}
