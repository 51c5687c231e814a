import { DomainError } from "../util/error";
import { RateEntity } from "./entities";

/**
 * Counts one hit in the current fixed window of `bucket` and refuses (429) once `limit` is reached.
 * The count and the check are one conditional write, so concurrent requests cannot slip past.
 */
export async function rateLimit(bucket: string, limit: number, windowSeconds: number, now = Date.now()) {
  const window = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  try {
    await RateEntity.update({ bucket, window })
      .add({ count: 1 })
      .set({ expiresAt: window + windowSeconds * 2 })
      .where(({ count }, { lt, notExists }) => `${notExists(count)} OR ${lt(count, limit)}`)
      .go({ response: "none" });
  } catch (err) {
    if (isConditionFailure(err)) {
      const retryAfter = window + windowSeconds - Math.floor(now / 1000);
      throw new DomainError(429, "rate_limited", {
        vi: `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${retryAfter} giây.`,
        en: `Too many requests. Try again in ${retryAfter} seconds.`,
      });
    }
    throw err;
  }
}

export function isConditionFailure(err: unknown): boolean {
  const text = String((err as { message?: string })?.message ?? err);
  const cause = (err as { cause?: { name?: string } })?.cause?.name;
  return cause === "ConditionalCheckFailedException" || text.includes("conditional request failed");
}
