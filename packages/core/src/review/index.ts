import { ulid } from "ulid";
import { z } from "zod";
import { Certificate, CertificateEntity } from "../certificate";
import { Product } from "../product";
import { Storefront } from "../storefront";
import { DomainError, notFound } from "../util/error";
import { fn } from "../util/fn";

/** The path of a product onto the storefront: submitted with a certificate, then approved by staff. */
export namespace Review {
  export const submit = fn(
    z.object({ productId: Product.Id, certificate: Certificate.Input, certificateId: Product.Id.optional() }),
    async ({ productId, certificate, certificateId = ulid().toLowerCase() }) => {
      const validUntil = Certificate.validUntil(certificate.decisionDate);
      await Storefront.sync(productId, { status: "pending" }, (tx) => [
        tx.certificate
          .create({
            ...certificate,
            certificateId,
            productId,
            validUntil,
            status: "pending",
            createdAt: new Date().toISOString(),
          })
          .commit(),
      ]);
      return certificateId;
    },
  );

  export const approve = fn(
    z.object({ productId: Product.Id, certificateId: Product.Id }),
    async ({ productId, certificateId }) => {
      const [product, { data: cert }] = await Promise.all([
        Product.get(productId),
        CertificateEntity.get({ productId, certificateId }).go(),
      ]);
      if (!cert) throw notFound({ vi: "giấy chứng nhận", en: "Certificate" });
      if (cert.status !== "pending") {
        throw new DomainError(409, "not_pending", {
          vi: "Giấy chứng nhận này không chờ duyệt.",
          en: "This certificate is not waiting for review.",
        });
      }
      const previous = product.certificate?.certificateId;
      return Storefront.sync(
        productId,
        {
          status: "approved",
          certificate: {
            certificateId,
            stars: cert.stars,
            score: cert.score,
            decisionNumber: cert.decisionNumber,
            decisionDate: cert.decisionDate,
            issuer: cert.issuer,
            level: cert.level,
            validUntil: cert.validUntil,
          },
          listedAt: product.listedAt ?? new Date().toISOString(),
        },
        (tx) => [
          tx.certificate.patch({ productId, certificateId }).set({ status: "approved" }).commit(),
          ...(previous && previous !== certificateId
            ? [tx.certificate.patch({ productId, certificateId: previous }).set({ status: "superseded" }).commit()]
            : []),
        ],
      );
    },
  );
}
