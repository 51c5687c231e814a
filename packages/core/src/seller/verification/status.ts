import { lifecycle } from "../../util/lifecycle";

export const VERIFICATION_STATUSES = ["submitted", "verified", "rejected"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * A seller's identity check before their first live (E-commerce Law, since 1 July 2026): they submit their CCCD and
 * business registration; provincial staff verify it or reject it with a reason; a rejected seller submits again, and
 * one still waiting may replace what they sent. A verified seller stays verified.
 */
export const VerificationLifecycle = lifecycle<VerificationStatus>(
  { vi: "Hồ sơ xác minh", en: "A verification" },
  {
    submitted: ["submitted", "verified", "rejected"],
    rejected: ["submitted"],
    verified: [],
  },
);

/** Only a verified seller goes live. */
export const mayGoLive = (status: VerificationStatus | undefined) => status === "verified";
