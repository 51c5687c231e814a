import { lifecycle } from "../util/lifecycle";
import type { SESSION_STATUSES } from "./entities";

export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * A live's way: scheduled, on air when its channel's stream starts, ended when the stream is gone past the grace or
 * its seller or staff end it. A live that never went on air ends without airing (cancelled, or ended by its seller).
 */
export const SessionLifecycle = lifecycle<SessionStatus>(
  { vi: "Buổi live", en: "A live session" },
  {
    scheduled: ["live", "ended"],
    live: ["ended"],
    ended: [],
  },
);
