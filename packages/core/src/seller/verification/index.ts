import { z } from "zod";
import { type Actor, requireSeller, requireStaff, requireStaffFor } from "../../account/actor";
import { Account } from "../../account/index";
import { Audit, AuditEntity } from "../../audit";
import { lazyClient, tableName } from "../../db/client";
import { serviceOnFirstUse } from "../../db/on-first-use";
import { messenger } from "../../message/index";
import { type VerificationDecision, verificationDecisionMessage } from "../../message/verification";
import { Producer } from "../../producer";
import { Site } from "../../site";
import { storage } from "../../storage";
import { Upload } from "../../upload";
import { DomainError, notFound } from "../../util/error";
import { cccdDigits, cccdProblem, maskCccd } from "./cccd";
import { VerificationEntity, type VerificationRecord } from "./entity";
import { mayGoLive, VERIFICATION_STATUSES, VerificationLifecycle } from "./status";

const VerificationService = serviceOnFirstUse(
  { verification: VerificationEntity, audit: AuditEntity },
  { client: lazyClient, table: tableName() },
);

/**
 * A producer's sellers are identified before their first live (E-commerce Law, since 1 July 2026): each submits
 * their CCCD number, both sides of the card and the producer's business registration, kept as private files; staff
 * of the producer's province (or central staff) verify or reject with a reason, and the seller is told. Until then
 * the seller gets no stream key and the producer's channel puts nothing on air.
 */
export namespace SellerVerification {
  export const STATUSES = VERIFICATION_STATUSES;
  export const Status = z.enum(["unsubmitted", ...VERIFICATION_STATUSES]);

  /** A CCCD number as typed: spaces and dots dropped, then checked digit by digit (cccd.ts). */
  export const CccdNumber = z
    .string()
    .transform(cccdDigits)
    .superRefine((number, ctx) => {
      const problem = cccdProblem(number);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

  const Key = z.string().max(300);
  export const Submission = z.object({
    fullName: z.string().trim().min(2, "the name as on the card").max(100),
    cccdNumber: CccdNumber,
    /** Uploaded first with POST /api/seller/uploads (purpose identity-card). */
    cardFrontKey: Key,
    cardBackKey: Key,
    /** Uploaded with purpose business-registration: an image or a PDF. */
    registrationKey: Key,
    registrationNumber: z.string().trim().max(40).optional(),
  });

  export const Decision = z.object({
    reason: z.string().trim().min(5, "give a reason of at least 5 characters").max(500),
  });

  /** What the seller sees of their own verification; the photos by short-lived signed URLs. */
  export const Own = z.object({
    status: Status,
    fullName: z.string().nullable(),
    cccdNumber: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    cardFrontUrl: z.string().nullable(),
    cardBackUrl: z.string().nullable(),
    registrationUrl: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    attempts: z.number().int(),
  });
  export type Own = z.infer<typeof Own>;

  /** A verification waiting in the staff list: the number shown by its last digits only. */
  export const Pending = z.object({
    userId: z.string(),
    fullName: z.string(),
    cccdLast: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    submittedAt: z.string(),
    attempts: z.number().int(),
  });
  export type Pending = z.infer<typeof Pending>;

  /** One verification as staff review it. */
  export const ForStaff = Own.extend({
    userId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  });
  export type ForStaff = z.infer<typeof ForStaff>;

  const EMPTY: Own = {
    status: "unsubmitted",
    fullName: null,
    cccdNumber: null,
    registrationNumber: null,
    cardFrontUrl: null,
    cardBackUrl: null,
    registrationUrl: null,
    submittedAt: null,
    decidedAt: null,
    reason: null,
    attempts: 0,
  };

  const url = (key: string | undefined) => (key ? storage().readUrl(key) : Promise.resolve(null));

  async function ownView(r: VerificationRecord): Promise<Own> {
    const [cardFrontUrl, cardBackUrl, registrationUrl] = await Promise.all([
      url(r.cardFrontKey),
      url(r.cardBackKey),
      url(r.registrationKey),
    ]);
    return {
      status: r.status,
      fullName: r.fullName,
      cccdNumber: r.cccdNumber,
      registrationNumber: r.registrationNumber ?? null,
      cardFrontUrl,
      cardBackUrl,
      registrationUrl,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt ?? null,
      reason: r.status === "rejected" ? (r.reason ?? null) : null,
      attempts: r.attempts,
    };
  }

  async function record(userId: string) {
    const { data } = await VerificationEntity.get({ userId }).go({ consistent: true });
    return data ?? undefined;
  }

  /** A seller's verification counts for the producer they sold for when they submitted. */
  const ownRecord = async (seller: { userId: string; producerId: string }) => {
    const r = await record(seller.userId);
    return r && r.producerId === seller.producerId ? r : undefined;
  };

  export async function mine(actor: Actor): Promise<Own> {
    const seller = requireSeller(actor);
    const r = await ownRecord(seller);
    return r ? ownView(r) : EMPTY;
  }

  export async function submit(actor: Actor, input: z.input<typeof Submission>): Promise<Own> {
    const seller = requireSeller(actor);
    const fields = Submission.parse(input);
    const current = await ownRecord(seller);
    const status = current ? VerificationLifecycle.move(current.status, "submitted") : "submitted";
    const owner = { producerId: `${seller.producerId}/${seller.userId}` };
    await Upload.verify(fields.cardFrontKey, { purpose: "identity-card", ...owner }, "cardFrontKey");
    await Upload.verify(fields.cardBackKey, { purpose: "identity-card", ...owner }, "cardBackKey");
    if (fields.cardFrontKey === fields.cardBackKey) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: "Cần ảnh mặt trước và ảnh mặt sau khác nhau.", en: "The front and the back must be two photos." },
        "cardBackKey",
      );
    }
    await Upload.verify(fields.registrationKey, { purpose: "business-registration", ...owner }, "registrationKey");
    const producer = await Producer.get(seller.producerId);
    const next = {
      userId: seller.userId,
      producerId: seller.producerId,
      provinceCode: producer.provinceCode,
      status,
      ...fields,
      submittedAt: new Date().toISOString(),
      attempts: (current?.attempts ?? 0) + 1,
    };
    // Put replaces the item: a decision, its reason and a verification for another producer do not stay.
    const put = VerificationEntity.put(next);
    try {
      await (current
        ? put.where(({ submittedAt }, { eq }) => eq(submittedAt, current.submittedAt))
        : put.where(({ userId }, { notExists }) => notExists(userId))
      ).go();
    } catch (err) {
      throw changed(err);
    }
    return ownView(next);
  }

  const changed = (err: unknown) => {
    if (err instanceof Error && /conditional request failed/i.test(err.message))
      return new DomainError(409, "changed", {
        vi: "Hồ sơ vừa thay đổi, hãy tải lại.",
        en: "The verification just changed; reload.",
      });
    return err;
  };

  /** Waiting for a decision, oldest first: the staff member's province, or every province for central staff. */
  export async function pending(actor: Actor): Promise<Pending[]> {
    const staff = requireStaff(actor);
    const query = VerificationEntity.query.byStatus({ status: "submitted" });
    const { data } = await (staff.staffScope === "central"
      ? query
      : query.begins({ provinceCode: staff.staffScope })
    ).go({ pages: "all" });
    const rows = data.filter((r) => staff.staffScope === "central" || r.provinceCode === staff.staffScope);
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.producerId))) {
      names.set(id, (await Producer.get(id).catch(() => undefined))?.name ?? "");
    }
    return rows
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
      .map((r) => ({
        userId: r.userId,
        fullName: r.fullName,
        cccdLast: maskCccd(r.cccdNumber),
        producerId: r.producerId,
        producerName: names.get(r.producerId) ?? "",
        provinceCode: r.provinceCode,
        submittedAt: r.submittedAt,
        attempts: r.attempts,
      }));
  }

  async function staffRecord(actor: Actor, userId: string) {
    const r = await record(userId);
    if (!r) throw notFound({ vi: "hồ sơ xác minh", en: "Verification" });
    requireStaffFor(actor, { provinceCode: r.provinceCode });
    return r;
  }

  export async function forStaff(actor: Actor, userId: string): Promise<ForStaff> {
    const r = await staffRecord(actor, userId);
    const [own, producer, user] = await Promise.all([
      ownView(r),
      Producer.get(r.producerId),
      Account.getUser(r.userId).catch(() => undefined),
    ]);
    return {
      ...own,
      reason: r.reason ?? null,
      userId: r.userId,
      producerId: r.producerId,
      producerName: producer.name,
      provinceCode: r.provinceCode,
      phone: user?.phone ?? null,
      email: user?.email ?? null,
    };
  }

  export interface Notify {
    /** The site's public origin, e.g. https://cho-ocop.vn. */
    site?: string;
  }

  async function decide(
    actor: Actor,
    userId: string,
    to: "verified" | "rejected",
    reason: string | undefined,
    notify: Notify,
  ) {
    const r = await staffRecord(actor, userId);
    const status = VerificationLifecycle.move(r.status, to);
    const decidedAt = new Date().toISOString();
    const decidedBy = actor.kind === "user" ? actor.user.userId : "system";
    const result = await VerificationService.transaction
      .write(({ verification, audit }) => [
        verification
          .patch({ userId })
          .set({ status, decidedAt, decidedBy, ...(reason ? { reason } : {}) })
          // What staff looked at is what they decide: a resubmission meanwhile waits for its own decision.
          .where((a, { eq }) => `${eq(a.status, r.status)} AND ${eq(a.submittedAt, r.submittedAt)}`)
          .commit(),
        audit
          .create(
            Audit.entry(
              actor,
              to === "verified" ? "verify-seller" : "reject-seller",
              { type: "seller-verification", id: userId },
              { status: r.status },
              { status },
              reason,
            ),
          )
          .commit(),
      ])
      .go();
    if (result.canceled)
      throw new DomainError(409, "changed", {
        vi: "Hồ sơ vừa được gửi lại hoặc đã có quyết định; hãy tải lại.",
        en: "The verification was just resubmitted or decided; reload.",
      });
    await tellSeller(actor, r, { decision: to, reason }, notify);
    return forStaff(actor, userId);
  }

  export const verify = (actor: Actor, userId: string, notify: Notify = {}) =>
    decide(actor, userId, "verified", undefined, notify);

  export function reject(actor: Actor, userId: string, input: z.input<typeof Decision>, notify: Notify = {}) {
    const { reason } = Decision.parse(input);
    return decide(actor, userId, "rejected", reason, notify);
  }

  /** By SMS (or e-mail without a phone); a message that fails to go does not undo the decision. */
  async function tellSeller(
    actor: Actor,
    r: VerificationRecord,
    decision: Pick<VerificationDecision, "decision" | "reason">,
    notify: Notify,
  ) {
    if (actor.kind !== "user") return;
    try {
      const [producer, user] = await Promise.all([Producer.get(r.producerId), Account.getUser(r.userId)]);
      const to = user.phone
        ? { channel: "sms" as const, address: `+84${user.phone.slice(1)}` }
        : user.email
          ? { channel: "email" as const, address: user.email }
          : undefined;
      if (!to) return;
      const site = (notify.site ?? Site.publicUrl() ?? "http://localhost:3000").replace(/\/$/, "");
      await messenger().send(
        verificationDecisionMessage(
          { ...decision, producerName: producer.name, link: `${site}/ban-hang/xac-minh` },
          to,
        ),
      );
    } catch (error) {
      console.error("verification: telling the seller failed", error);
    }
  }

  /** The go-live gate for a seller asking for the stream key or the browser ingest: 403 `seller_unverified`. */
  export async function requireVerified(actor: Actor) {
    const seller = requireSeller(actor);
    const r = await ownRecord(seller);
    if (mayGoLive(r?.status)) return seller;
    const messages =
      r?.status === "submitted"
        ? {
            vi: "Hồ sơ xác minh danh tính của bạn đang chờ cán bộ OCOP duyệt. Bạn sẽ phát live được khi hồ sơ được xác minh.",
            en: "Your identity verification is waiting for OCOP staff. You can go live once it is verified.",
          }
        : r?.status === "rejected"
          ? {
              vi: `Hồ sơ xác minh danh tính chưa được chấp nhận: ${r.reason ?? ""} Hãy sửa và gửi lại để phát live.`,
              en: `Your identity verification was not accepted: ${r.reason ?? ""} Correct it and submit again to go live.`,
            }
          : {
              vi: "Theo Luật Thương mại điện tử, người bán phải xác minh danh tính (CCCD và giấy đăng ký kinh doanh) trước khi phát live.",
              en: "Under the E-commerce Law, sellers verify their identity (ID card and business registration) before going live.",
            };
    throw new DomainError(403, "seller_unverified", messages);
  }

  /**
   * Whether a stream on the producer's channel may go on air: the stream does not say who holds the camera, so at
   * least one of the producer's current sellers must be verified (only they were given the key).
   */
  export async function producerMayGoLive(producerId: string) {
    const { data } = await VerificationEntity.query.byProducer({ producerId }).go({ pages: "all" });
    const verified = new Set(data.filter((r) => mayGoLive(r.status)).map((r) => r.userId));
    if (!verified.size) return false;
    const sellers = await Account.sellersOf(producerId);
    return sellers.some((s) => s.role === "seller" && verified.has(s.userId));
  }

  /** Seeds and test fixtures: a seller recorded as verified without papers (the demo sellers). */
  export async function recordVerified(
    actor: Actor,
    seller: { userId: string; producerId: string; provinceCode: string; fullName: string },
  ) {
    if (actor.kind !== "system") throw new Error("recordVerified: only the system records a seller verified");
    const now = new Date().toISOString();
    await VerificationEntity.put({
      ...seller,
      status: "verified",
      cccdNumber: "",
      submittedAt: now,
      decidedAt: now,
      decidedBy: "system",
      attempts: 0,
    }).go();
  }
}
