import type { EntityItem } from "electrodb";
import QRCode from "qrcode";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireStaffFor } from "../account/actor";
import { Audit } from "../audit";
import { Certificate, CertificateEntity, CertificateNumberEntity } from "../certificate/index";
import { PROVINCE_CODES, province } from "../geo/province";
import { Producer } from "../producer";
import { CounterEntity } from "../producer/counter";
import { Product } from "../product";
import { ReviewLifecycle } from "../product/status";
import { Review } from "../review";
import { Storefront } from "../storefront";
import { StorefrontService } from "../storefront/entities";
import { vietnamDay } from "../util/date";
import { DomainError, notFound } from "../util/error";
import { fold } from "../util/fold";
import { certificatePdf } from "./certificate-pdf";

type Stored = EntityItem<typeof CertificateEntity>;

/**
 * The public register of OCOP certificates: the ones this platform issues from a council's decision and the ones
 * imported from a province's list. Every certificate in it has a unique number, is found by it, stays in it with
 * its status when it expires or is revoked, and is published as open data with a change feed.
 */
export namespace Registry {
  const tenths = (max: number) =>
    z
      .number()
      .min(0)
      .max(max)
      .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, "scores have at most one decimal");

  export const IssueFields = Certificate.Fields.extend({
    productId: Product.Id,
    /** A council's score is its members' average: one decimal. */
    score: z.object({ a: tenths(40), b: tenths(25), c: tenths(35) }).optional(),
    /** Who signed the decision, e.g. "Phó Chủ tịch UBND tỉnh Nguyễn Văn A". */
    signer: z.string().trim().min(2).max(200),
    dossierId: z.string().trim().min(1).max(60).optional(),
  });
  /**
   * The level must fit the stars; the stars may not exceed the score's band, and may fall below it when a
   * mandatory criterion of the higher level is not met (a 92-point product certified 4★).
   */
  export const IssueInput = IssueFields.superRefine((cert, ctx) => {
    if (cert.score) {
      const total = Math.round((cert.score.a + cert.score.b + cert.score.c) * 10) / 10;
      if (cert.stars > Certificate.starsFor(total)) {
        ctx.addIssue({
          code: "custom",
          path: ["score"],
          message: `a score of ${total} gives at most ${Certificate.starsFor(total)}★, not ${cert.stars}★`,
        });
      }
    }
    if (Certificate.levelFor(cert.stars) !== cert.level) {
      ctx.addIssue({
        code: "custom",
        path: ["level"],
        message: `${cert.stars}★ is certified at ${Certificate.levelFor(cert.stars)} level`,
      });
    }
  });
  export type IssueInput = z.input<typeof IssueInput>;

  async function nextNumber(level: Certificate.Level, provinceCode: string, decisionDate: string) {
    const year = decisionDate.slice(0, 4);
    const scope = level === "central" ? "TW" : provinceCode;
    const { data } = await CounterEntity.update({ scope: "certificate-number", key: `${scope}-${year}` })
      .add({ count: 1 })
      .go({ response: "all_new" });
    return Certificate.numberFor(level, provinceCode, year, data.count ?? 1);
  }

  /**
   * Issues the certificate a decision grants a product and makes it the product's certificate, as an approval
   * does: the one in force and any waiting for review are superseded, and the product is listed (one that staff
   * suspended stays suspended). Province staff issue their province's 3★/4★, central staff 5★.
   */
  export async function issue(actor: Actor, input: IssueInput): Promise<{ certificateId: string; number: string }> {
    const cert = IssueInput.parse(input);
    const product = await Product.get(cert.productId);
    Review.requireReviewer(actor, { provinceCode: product.provinceCode, stars: cert.stars });
    const producer = await Producer.get(product.producerId);
    const number = await nextNumber(cert.level, product.provinceCode, cert.decisionDate);
    const certificateId = ulid().toLowerCase();
    const now = new Date().toISOString();
    const inForce = {
      certificateId,
      stars: cert.stars,
      score: cert.score,
      decisionNumber: cert.decisionNumber,
      decisionDate: cert.decisionDate,
      issuer: cert.issuer,
      level: cert.level,
      validUntil: Certificate.validUntil(cert.decisionDate),
    };
    const replaced = [product.certificate?.certificateId, product.pendingCertificateId].filter(
      (id, i, all): id is string => !!id && all.indexOf(id) === i,
    );
    const previous = await Promise.all(
      replaced.map(
        async (id) => (await CertificateEntity.get({ productId: product.productId, certificateId: id }).go()).data,
      ),
    );
    const status =
      product.status === "approved" || product.status === "suspended"
        ? product.status
        : ReviewLifecycle.move(ReviewLifecycle.move(product.status, "pending"), "approved");
    await Storefront.sync(
      product.productId,
      {
        status,
        certificate: inForce,
        stars: cert.stars,
        pendingCertificateId: undefined,
        statusReason: status === "suspended" ? product.statusReason : undefined,
        listedAt: product.listedAt ?? now,
      },
      (tx) => [
        tx.certificate
          .create({
            ...inForce,
            productId: product.productId,
            status: "approved",
            createdAt: now,
            number,
            feed: "registry",
            expiresOn: inForce.validUntil,
            source: "decision",
            productName: product.name,
            producerId: producer.producerId,
            producerName: producer.name,
            provinceCode: product.provinceCode,
            signer: cert.signer,
            dossierId: cert.dossierId,
            changedAt: now,
          })
          .commit(),
        tx.certificateNumber.create({ number, productId: product.productId, certificateId }).commit(),
        ...previous
          .filter((p): p is Stored => !!p)
          .map((p) =>
            tx.certificate
              .patch({ productId: p.productId, certificateId: p.certificateId })
              .set(p.feed ? { status: "superseded", feed: "registry", changedAt: now } : { status: "superseded" })
              .commit(),
          ),
        tx.audit
          .create(
            Audit.entry(
              actor,
              "issue-certificate",
              { type: "product", id: product.productId },
              { status: product.status, certificateId: product.certificate?.certificateId },
              { status, number, certificate: inForce },
            ),
          )
          .commit(),
      ],
    );
    return { certificateId, number };
  }

  /** What anyone may see of a certificate: no phone, no scan, no score sheet. */
  export const PublicView = z.object({
    number: z.string(),
    status: Certificate.PublicStatus,
    stars: z.number(),
    productName: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    decisionNumber: z.string(),
    decisionDate: z.string(),
    issuer: z.string(),
    signer: z.string().optional(),
    level: Certificate.Level,
    validFrom: z.string(),
    validUntil: z.string(),
    revokedAt: z.string().optional(),
    revokedReason: z.string().optional(),
    /** Replaced by a newer certificate of the same product (a renewal). */
    superseded: z.boolean(),
    /** The product on this platform, when the certificate was issued or approved here. */
    productId: z.string().optional(),
    changedAt: z.string(),
  });
  export type PublicView = z.infer<typeof PublicView>;

  export function publicView(c: Stored, today = vietnamDay()): PublicView {
    return {
      number: c.number ?? "",
      status: Certificate.statusOn(c, today),
      stars: c.stars,
      productName: c.productName ?? "",
      producerName: c.producerName ?? "",
      provinceCode: c.provinceCode ?? "",
      provinceName: province(c.provinceCode ?? "")?.name ?? "",
      decisionNumber: c.decisionNumber,
      decisionDate: c.decisionDate,
      issuer: c.issuer,
      signer: c.signer,
      level: c.level,
      validFrom: c.decisionDate,
      validUntil: c.validUntil,
      revokedAt: c.revokedAt,
      revokedReason: c.revokedReason,
      superseded: c.status === "superseded",
      productId: c.source === "import" ? undefined : c.productId,
      changedAt: c.changedAt ?? c.createdAt,
    };
  }

  const unknownNumber = () =>
    notFound({ vi: "giấy chứng nhận OCOP có số này", en: "An OCOP certificate with this number" });

  export async function find(number: string): Promise<Stored | undefined> {
    const parsed = Certificate.RegistryNumber.safeParse(number);
    if (!parsed.success) return undefined;
    const { data: key } = await CertificateNumberEntity.get({ number: parsed.data }).go();
    if (!key) return undefined;
    const { data } = await CertificateEntity.get({ productId: key.productId, certificateId: key.certificateId }).go();
    return data ?? undefined;
  }

  export async function get(number: string): Promise<Stored> {
    const found = await find(number);
    if (!found) throw unknownNumber();
    return found;
  }

  export async function lookup(number: string, today = vietnamDay()): Promise<PublicView> {
    return publicView(await get(number), today);
  }

  /** The certificate's own public page, which its QR (on the PDF, on the label) opens. */
  export const pagePath = (number: string) => `/chung-nhan/${encodeURIComponent(number)}`;

  /** The certificate as a printable A4 PDF whose QR opens its public page (certificate-pdf.ts). */
  export async function pdf(number: string, origin: string, today = vietnamDay()) {
    const view = await lookup(number, today);
    return certificatePdf(view, `${origin.replace(/\/$/, "")}${pagePath(view.number)}`);
  }

  export async function qrSvg(number: string, origin: string) {
    const cert = await get(number);
    return QRCode.toString(`${origin.replace(/\/$/, "")}${pagePath(cert.number ?? number)}`, {
      type: "svg",
      errorCorrectionLevel: "M",
      margin: 1,
      color: { dark: "#1d2a1f", light: "#ffffff" },
    });
  }

  export const SearchQuery = z.object({
    province: z.enum(PROVINCE_CODES),
    q: z.string().trim().min(2, "type at least 2 letters of the product's name").max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  });

  /** Certificates of a province whose product name holds the words typed, accents or not; newest decision first. */
  export async function search(input: z.input<typeof SearchQuery>, today = vietnamDay()): Promise<PublicView[]> {
    const { province: provinceCode, q, limit } = SearchQuery.parse(input);
    const wanted = fold(q).split(/\s+/).filter(Boolean);
    const { data } = await CertificateEntity.query.byProvince({ provinceCode }).go({ pages: "all" });
    return data
      .filter((c) => c.feed === "registry")
      .filter((c) => {
        const name = fold(`${c.productName ?? ""} ${c.producerName ?? ""}`);
        return wanted.every((w) => name.includes(w));
      })
      .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate))
      .slice(0, limit)
      .map((c) => publicView(c, today));
  }

  export const RevokeInput = z.object({
    reason: z.string().trim().min(5, "give a reason of at least 5 characters").max(500),
  });

  /**
   * Revokes a certificate (its issuing level's staff, audited with the reason). When it is the product's certificate
   * in force the product leaves the storefront in the same transaction, with the reason shown to its sellers; the
   * certificate stays in the register as revoked.
   */
  export async function revoke(actor: Actor, number: string, input: z.input<typeof RevokeInput>) {
    const { reason } = RevokeInput.parse(input);
    const cert = await get(number);
    requireStaffFor(actor, { provinceCode: cert.provinceCode ?? "", stars: cert.stars });
    if (cert.revokedAt) {
      throw new DomainError(409, "invalid_status", {
        vi: "Giấy chứng nhận này đã bị thu hồi.",
        en: "This certificate is already revoked.",
      });
    }
    const now = new Date().toISOString();
    const audit = Audit.entry(
      actor,
      "revoke-certificate",
      { type: "certificate", id: cert.number ?? cert.certificateId },
      { revokedAt: null },
      { revokedAt: now },
      reason,
    );
    const product = cert.source === "import" ? undefined : await Product.get(cert.productId).catch(() => undefined);
    if (product?.certificate?.certificateId === cert.certificateId) {
      await Storefront.sync(product.productId, { certificate: undefined, statusReason: reason }, (tx) => [
        tx.certificate
          .patch({ productId: cert.productId, certificateId: cert.certificateId })
          .set({ revokedAt: now, revokedReason: reason, feed: "registry", changedAt: now })
          .commit(),
        tx.audit.create(audit).commit(),
      ]);
    } else {
      await StorefrontService.transaction
        .write((tx) => [
          tx.certificate
            .patch({ productId: cert.productId, certificateId: cert.certificateId })
            .set({ revokedAt: now, revokedReason: reason, feed: "registry", changedAt: now })
            .commit(),
          tx.audit.create(audit).commit(),
        ])
        .go();
    }
    return publicView({ ...cert, revokedAt: now, revokedReason: reason, changedAt: now });
  }

  export const LICENCE = {
    id: "CC-BY-4.0",
    name: "Creative Commons Attribution 4.0 International",
    url: "https://creativecommons.org/licenses/by/4.0/",
    attribution: "Chợ OCOP — sổ đăng ký giấy chứng nhận OCOP / OCOP certificate register",
  } as const;

  export const FeedQuery = z.object({
    /** Changes at or after this instant or day (ISO 8601), e.g. 2026-01-01 or 2026-01-01T00:00:00Z. */
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, "expected a date YYYY-MM-DD or an ISO instant")
      .optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  });

  export interface FeedPage {
    licence: typeof LICENCE;
    items: PublicView[];
    /** Pass back as `cursor` for the next page; absent on the last page. */
    cursor?: string;
  }

  /**
   * Every certificate of the register, in the order of its last change (oldest first): from the start it is the
   * whole register, page by page; from `since` it is what changed since, so another system can stay in step by
   * keeping the last `changedAt` it saw.
   */
  export async function feed(input: z.input<typeof FeedQuery>, today = vietnamDay()): Promise<FeedPage> {
    const { since, cursor, limit } = FeedQuery.parse(input);
    const base = CertificateEntity.query.byChange({ feed: "registry" });
    const request = since ? base.gte({ changedAt: since }) : base;
    let page: Awaited<ReturnType<typeof request.go>>;
    try {
      page = await request.go({ limit, cursor: cursor ?? null, order: "asc" });
    } catch {
      throw new DomainError(400, "invalid_input", {
        vi: "Con trỏ trang không hợp lệ.",
        en: "The page cursor is not valid.",
      });
    }
    return {
      licence: LICENCE,
      items: page.data.map((c) => publicView(c, today)),
      cursor: page.cursor ?? undefined,
    };
  }

  const CSV_COLUMNS = [
    "number",
    "status",
    "stars",
    "productName",
    "producerName",
    "provinceCode",
    "provinceName",
    "decisionNumber",
    "decisionDate",
    "issuer",
    "level",
    "validFrom",
    "validUntil",
    "revokedAt",
    "changedAt",
  ] as const;

  const csvCell = (v: unknown) => {
    const s = v === undefined || v === null ? "" : String(v);
    // A leading =, +, - or @ would be a formula to a spreadsheet.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };

  /** The whole register as CSV (UTF-8 with a BOM so that spreadsheets read the accents), licence in the header. */
  export async function csv(today = vietnamDay()): Promise<string> {
    const { data } = await CertificateEntity.query.byChange({ feed: "registry" }).go({ pages: "all", order: "asc" });
    const rows = data.map((c) => {
      const v = publicView(c, today);
      return CSV_COLUMNS.map((k) => csvCell(v[k])).join(",");
    });
    return `\uFEFF${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
  }
}
