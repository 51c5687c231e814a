import { z } from "zod";
import { DomainError } from "../util/error";
import { fold } from "../util/fold";
import { VnMobile } from "../util/phone";

/**
 * A producer asking to take over the record a province's imported list made for it. The rules of a claim, before
 * any storage: which record a list row belongs to, whether the claimant's signed-in phone proves it at once, and who
 * may decide one that waits.
 */
export namespace Claim {
  export const Status = z.enum(["pending", "granted", "rejected"]);
  export type Status = z.infer<typeof Status>;

  /** The one record per producer a province's list names: rows of the same province and folded name share it. */
  export function recordKey(province: string, name: string): string {
    return `${fold(province)}#${fold(name).replace(/\s+/g, " ").trim()}`;
  }

  /** A claim is granted at once when the imported phone is the claimant's own (verified by sign-in), else it waits. */
  export function firstStatus(importedPhone: string | undefined, accountPhone: string): Status {
    if (!importedPhone) return "pending";
    const imported = VnMobile.safeParse(importedPhone);
    const account = VnMobile.safeParse(accountPhone);
    return imported.success && account.success && imported.data === account.data ? "granted" : "pending";
  }

  /** A record is claimed once: refused while another claim waits, and after one was granted. */
  export function assertClaimable(existing: ReadonlyArray<{ status: Status }>): void {
    if (existing.some((c) => c.status === "granted")) {
      throw new DomainError(409, "already_claimed", {
        vi: "Hồ sơ này đã có cơ sở nhận.",
        en: "This record has already been claimed.",
      });
    }
    if (existing.some((c) => c.status === "pending")) {
      throw new DomainError(409, "claim_pending", {
        vi: "Hồ sơ này đang có yêu cầu nhận chờ duyệt.",
        en: "A claim on this record is already waiting for review.",
      });
    }
  }

  /** Only the record's own province's staff (or central staff) decide a claim that waits, and only once, a refusal with its reason. */
  export function assertDecidable(
    claim: { status: Status; province: string },
    staffProvince: string,
    decision: { approve: true } | { approve: false; reason: string },
  ): void {
    if (staffProvince !== "central" && claim.province !== staffProvince) {
      throw new DomainError(403, "forbidden", {
        vi: "Chỉ cán bộ của tỉnh có hồ sơ mới duyệt được yêu cầu này.",
        en: "Only the record's province's staff may decide this claim.",
      });
    }
    if (claim.status !== "pending") {
      throw new DomainError(409, "claim_decided", {
        vi: "Yêu cầu này đã được xử lý.",
        en: "This claim has already been decided.",
      });
    }
    if (!decision.approve && !decision.reason.trim()) {
      throw new DomainError(
        400,
        "reason_required",
        { vi: "Hãy ghi lý do từ chối.", en: "Give the reason for the rejection." },
        "reason",
      );
    }
  }
}
