import { RECORDING_KEEP_DAYS } from "./limits";

const DAY_MS = 86_400_000;

/**
 * A session's recording while the bucket still keeps it. Counted from the start on air: every file of the recording
 * was written after it, so none has expired before this says so.
 */
export function keptRecording(
  session: { recordingUrl?: string; startedAt?: string },
  now: Date = new Date(),
): string | null {
  if (!session.recordingUrl) return null;
  const started = Date.parse(session.startedAt ?? "");
  if (Number.isFinite(started) && now.getTime() >= started + RECORDING_KEEP_DAYS * DAY_MS) return null;
  return session.recordingUrl;
}
