/**
 * The limits of a live the web checks before it sends, the same numbers the server holds to. Browser-safe: nothing
 * but constants.
 */
/** Characters of a chat message. */
export const CHAT_MAX_LENGTH = 200;
/** How many of a session's latest messages someone joining is shown. */
export const CHAT_HISTORY = 50;

/** Products one session features at most. */
export const MAX_FEATURED = 50;

/** A live-only deal: its price from 1.000 đ (and below the regular price), its units, per buyer, countdown and length. */
export const DEAL_LIMITS = {
  minPriceVnd: 1000,
  maxQuantity: 10_000,
  maxPerBuyer: 100,
  countdownSeconds: { min: 10, max: 300 },
  durationMinutes: { min: 1, max: 20 },
} as const;

/**
 * Days a live's recording is kept: three years, the period the E-commerce Law's draft decree asked platforms to keep
 * livestream data for (shared/docs/research/vietnam-rails.md). The recordings bucket expires objects after it
 * (stacks/LiveMedia.ts), and the replay is no longer offered.
 */
export const RECORDING_KEEP_DAYS = 1096;
