import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireSellerOf, requireStaff, requireStaffFor, staffMayActOn } from "../account/actor";
import { Account } from "../account/index";
import { Audit } from "../audit";
import { Certificate, CertificateEntity } from "../certificate";
import { PROVINCE_CODES, province } from "../geo/province";
import { messenger } from "../message/index";
import { type ReviewDecision, reviewDecisionMessage } from "../message/review";
import { Producer } from "../producer";
import { Product } from "../product";
import { requireLabel } from "../product/label";
import { ReviewLifecycle } from "../product/status";
import { Site } from "../site";
import { Storefront } from "../storefront";
import { Upload } from "../upload";
import { DomainError, notFound } from "../util/error";

/**
 * The path of a product onto the storefront: its sellers submit it with a certificate; staff of the right level
 * approve or reject it, and may suspend and reinstate it. Every staff decision is audited in the same transaction.
 */
export namespace Review {
  export const SubmitInput = z.object({
    certificate: Certificate.Input,
    /** The uploaded scan (image or PDF) of the certificate, from POST /api/seller/uploads. */
    scanKey: z.string().max(300).optional(),
  });

  const conflict = (vi: string, en: string) => new DomainError(409, "invalid_status", { vi, en });

  /**
   * Staff who may review this product; anyone else is told whose it is: its province's staff (or central), or
   * central staff alone for 5★.
   */
  export function requireReviewer(actor: Actor, target: { provinceCode: string; stars?: number }) {
    if (actor.kind === "user" && actor.user.role === "staff" && actor.user.staffScope) {
      const staff = { staffScope: actor.user.staffScope };
      if (!staffMayActOn(staff, target)) {
        const where = province(target.provinceCode)?.name ?? target.provinceCode;
        throw new DomainError(
          403,
          "forbidden",
          staff.staffScope === target.provinceCode
            ? {
                vi: "Sản phẩm 5★ do cán bộ OCOP cấp trung ương duyệt.",
                en: "5★ products are reviewed by central OCOP staff.",
              }
            : {
                vi: `Sản phẩm này thuộc ${where}: chỉ cán bộ OCOP của ${where} (hoặc cấp trung ương) mới duyệt được.`,
                en: `This product belongs to ${where}: only ${where}'s OCOP staff (or central staff) can review it.`,
              },
        );
      }
    }
    return requireStaffFor(actor, target);
  }

  /** Where the product's sellers are sent by its review messages: their editor of it. */
  export interface Notify {
    /** The site's public origin, e.g. https://cho-ocop.vn. */
    site?: string;
  }

  /**
   * Tells each seller of the product's producer (and no one else) what staff decided, by SMS (or e-mail for an
   * account without a phone). A message that fails to go does not undo the decision. Seeds and scripts (the
   * system) decide silently.
   */
  async function tellSellers(
    actor: Actor,
    product: Product.Record,
    decision: Omit<ReviewDecision, "productName" | "producerName" | "link">,
    notify: Notify,
  ) {
    if (actor.kind !== "user") return;
    try {
      const [producer, sellers] = await Promise.all([
        Producer.get(product.producerId),
        Account.sellersOf(product.producerId),
      ]);
      const site = (notify.site ?? Site.publicUrl() ?? "http://localhost:3000").replace(/\/$/, "");
      const link = `${site}/ban-hang/san-pham/${product.productId}`;
      for (const seller of sellers) {
        const to = seller.phone
          ? { channel: "sms" as const, address: `+84${seller.phone.slice(1)}` }
          : seller.email
            ? { channel: "email" as const, address: seller.email }
            : undefined;
        if (!to) continue;
        await messenger().send(
          reviewDecisionMessage({ ...decision, productName: product.name, producerName: producer.name, link }, to),
        );
      }
    } catch (error) {
      console.error("review: telling the sellers failed", error);
    }
  }

  export async function submit(actor: Actor, productId: string, input: z.input<typeof SubmitInput>) {
    const { certificate, scanKey } = SubmitInput.parse(input);
    const product = await Product.get(productId);
    if (actor.kind !== "system") requireSellerOf(actor, product.producerId);
    if (!ReviewLifecycle.can(product.status, "pending")) {
      throw conflict(
        "Sản phẩm đang bị tạm ngừng; hãy liên hệ cán bộ OCOP.",
        "The product is suspended; contact OCOP staff.",
      );
    }
    requireLabel(product.group, product.label);
    if (scanKey)
      await Upload.verify(scanKey, { purpose: "certificate-scan", producerId: product.producerId }, "scanKey");
    const certificateId = ulid().toLowerCase();
    const validUntil = Certificate.validUntil(certificate.decisionDate);
    const previousPending = product.pendingCertificateId;
    await Storefront.sync(
      productId,
      {
        status: ReviewLifecycle.move(product.status, "pending"),
        pendingCertificateId: certificateId,
        stars: certificate.stars,
        statusReason: undefined,
      },
      (tx) => [
        tx.certificate
          .create({
            ...certificate,
            certificateId,
            productId,
            validUntil,
            scanKey,
            status: "pending",
            createdAt: new Date().toISOString(),
          })
          .commit(),
        ...(previousPending && previousPending !== product.certificate?.certificateId
          ? [tx.certificate.patch({ productId, certificateId: previousPending }).set({ status: "superseded" }).commit()]
          : []),
      ],
    );
    return certificateId;
  }

  /** Sends an approved product back to review with its current certificate (its name or group changed). */
  export function reReviewPatch(product: Product.Record) {
    return {
      status: ReviewLifecycle.move(product.status, "pending"),
      pendingCertificateId: product.certificate?.certificateId,
      stars: product.certificate?.stars,
    };
  }

  async function pendingOf(product: Product.Record) {
    const id = product.pendingCertificateId;
    if (product.status !== "pending" || !id) {
      throw conflict("Sản phẩm không ở trạng thái chờ duyệt.", "The product is not waiting for review.");
    }
    const { data } = await CertificateEntity.get({ productId: product.productId, certificateId: id }).go();
    if (!data) throw notFound({ vi: "giấy chứng nhận", en: "Certificate" });
    return data;
  }

  export async function approve(actor: Actor, productId: string, notify: Notify = {}) {
    const product = await Product.get(productId);
    const cert = await pendingOf(product);
    requireReviewer(actor, { provinceCode: product.provinceCode, stars: cert.stars });
    const previous = product.certificate?.certificateId;
    const certificate = {
      certificateId: cert.certificateId,
      stars: cert.stars,
      score: cert.score,
      decisionNumber: cert.decisionNumber,
      decisionDate: cert.decisionDate,
      issuer: cert.issuer,
      level: cert.level,
      validUntil: cert.validUntil,
    };
    const approved = await Storefront.sync(
      productId,
      {
        status: ReviewLifecycle.move(product.status, "approved"),
        certificate,
        stars: cert.stars,
        pendingCertificateId: undefined,
        statusReason: undefined,
        listedAt: product.listedAt ?? new Date().toISOString(),
      },
      (tx) => [
        tx.certificate.patch({ productId, certificateId: cert.certificateId }).set({ status: "approved" }).commit(),
        ...(previous && previous !== cert.certificateId
          ? [tx.certificate.patch({ productId, certificateId: previous }).set({ status: "superseded" }).commit()]
          : []),
        tx.audit
          .create(
            Audit.entry(
              actor,
              "approve",
              { type: "product", id: productId },
              { status: product.status },
              {
                status: "approved",
                certificate,
              },
            ),
          )
          .commit(),
      ],
    );
    await tellSellers(actor, product, { decision: "approved" }, notify);
    return approved;
  }

  export const Reason = z.object({
    reason: z.string().trim().min(5, "give a reason of at least 5 characters").max(500),
  });

  export async function reject(actor: Actor, productId: string, input: z.input<typeof Reason>, notify: Notify = {}) {
    const { reason } = Reason.parse(input);
    const product = await Product.get(productId);
    const cert = await pendingOf(product);
    requireReviewer(actor, { provinceCode: product.provinceCode, stars: cert.stars });
    const fallback = product.certificate && product.certificate.certificateId !== cert.certificateId;
    const rejected = await Storefront.sync(
      productId,
      {
        status: ReviewLifecycle.move(product.status, "rejected"),
        statusReason: reason,
        pendingCertificateId: undefined,
        stars: product.certificate?.stars,
      },
      (tx) => [
        ...(fallback || !product.certificate
          ? [
              tx.certificate
                .patch({ productId, certificateId: cert.certificateId })
                .set({ status: "rejected" })
                .commit(),
            ]
          : []),
        tx.audit
          .create(
            Audit.entry(
              actor,
              "reject",
              { type: "product", id: productId },
              { status: product.status },
              { status: "rejected" },
              reason,
            ),
          )
          .commit(),
      ],
    );
    await tellSellers(actor, product, { decision: "rejected", reason }, notify);
    return rejected;
  }

  export async function suspend(actor: Actor, productId: string, input: z.input<typeof Reason>) {
    const { reason } = Reason.parse(input);
    const product = await Product.get(productId);
    requireReviewer(actor, { provinceCode: product.provinceCode, stars: product.stars ?? product.certificate?.stars });
    if (!ReviewLifecycle.can(product.status, "suspended")) {
      throw conflict("Chỉ tạm ngừng được sản phẩm đang bán.", "Only a listed product can be suspended.");
    }
    const status = ReviewLifecycle.move(product.status, "suspended");
    return Storefront.sync(productId, { status, statusReason: reason }, (tx) => [
      tx.audit
        .create(
          Audit.entry(
            actor,
            "suspend",
            { type: "product", id: productId },
            { status: product.status },
            { status: "suspended" },
            reason,
          ),
        )
        .commit(),
    ]);
  }

  export async function reinstate(actor: Actor, productId: string) {
    const product = await Product.get(productId);
    requireReviewer(actor, { provinceCode: product.provinceCode, stars: product.stars ?? product.certificate?.stars });
    if (product.status !== "suspended") {
      throw conflict("Sản phẩm không bị tạm ngừng.", "The product is not suspended.");
    }
    const status = ReviewLifecycle.move(product.status, "approved");
    return Storefront.sync(productId, { status, statusReason: undefined }, (tx) => [
      tx.audit
        .create(
          Audit.entry(
            actor,
            "reinstate",
            { type: "product", id: productId },
            { status: "suspended" },
            { status: "approved" },
          ),
        )
        .commit(),
    ]);
  }

  export const QueueQuery = z.object({
    status: Product.Status.default("pending"),
    province: z.enum(PROVINCE_CODES).optional(),
    stars: z.coerce.number().int().min(3).max(5).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  });

  /** The review queue a staff member may act on: by status, their province (or any, for central), stars. */
  export async function queue(actor: Actor, input: z.input<typeof QueueQuery>) {
    const staff = requireStaff(actor);
    const query = QueueQuery.parse(input);
    const province = staff.staffScope === "central" ? query.province : staff.staffScope;
    const base = Product.entity.query.byStatus({ status: query.status });
    const request = province ? base.begins({ provinceCode: province }) : base;
    const { data } = await request.go({ order: "asc", pages: "all" });
    return data
      .filter((p) => query.stars === undefined || p.stars === query.stars)
      .filter((p) => staffMayActOn(staff, { provinceCode: p.provinceCode, stars: p.stars ?? 0 }))
      .slice(0, query.limit);
  }

  /** Listed products whose certificate ends within `days` days, soonest first, within the staff member's scope. */
  export async function expiring(actor: Actor, today: string, until: string) {
    const staff = requireStaff(actor);
    const { data } = await Product.entity.query
      .byExpiry({ status: "approved" })
      .between({ validUntil: today }, { validUntil: `${until}~` })
      .go({ pages: "all" });
    return data.filter((p) => staffMayActOn(staff, { provinceCode: p.provinceCode, stars: p.stars ?? 0 }));
  }

  export async function history(productId: string) {
    const { data } = await CertificateEntity.query.byProduct({ productId }).go({ pages: "all" });
    return data.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
