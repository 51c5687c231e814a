import { randomBytes } from "node:crypto";

/**
 * A local channel's id is public (it names the playback URL); its stream key is secret and carries the channel
 * id, so a publish can be checked with one keyed read: `sk_<channelId>_<32 random characters>`.
 */
const KEY = /^sk_([0-9a-f]{16})_[A-Za-z0-9_-]{32}$/;

export function newChannel(): { channelId: string; streamKey: string } {
  const channelId = randomBytes(8).toString("hex");
  return { channelId, streamKey: newStreamKey(channelId) };
}

/** A fresh secret for a channel: its first key, or the one that replaces a key the seller rotated away. */
export function newStreamKey(channelId: string): string {
  return `sk_${channelId}_${randomBytes(24).toString("base64url")}`;
}

export function channelOfKey(streamKey: string): string | undefined {
  return KEY.exec(streamKey)?.[1];
}

export const CHANNEL_ID = /^[0-9a-f]{16}$/;
