import QRCode from "qrcode";
import { Batch } from "../batch";
import { Certificate } from "../certificate";
import { province } from "../geo/province";
import { Producer } from "../producer";
import { Product } from "../product";
import { storage } from "../storage";
import { vietnamDay } from "../util/date";
import { notFound } from "../util/error";

/** The public trace page behind a product's QR code: who made it, where, under which certificate, which batches. */
export namespace Trace {
  export async function of(productId: string, today = vietnamDay()) {
    const product = await Product.get(productId).catch(() => undefined);
    const cert = product?.certificate;
    // Only products that were once approved have a trace page; drafts and first submissions stay private.
    if (!product || !cert) throw notFound({ vi: "sản phẩm", en: "Product" });
    const [producer, batches] = await Promise.all([Producer.get(product.producerId), Batch.of(productId)]);
    const valid = Certificate.isValidOn(cert, today);
    const p = province(product.provinceCode);
    return {
      productId,
      name: product.name,
      group: product.group,
      image: product.images?.[0] ? storage().publicUrl(product.images[0]) : null,
      onSale: product.status === "approved" && valid,
      status: product.status,
      origin: {
        provinceCode: product.provinceCode,
        provinceName: p?.name ?? "",
        formerProvince: product.formerProvince ?? null,
      },
      producer: Producer.toPublic(producer),
      certificate: {
        stars: cert.stars,
        decisionNumber: cert.decisionNumber,
        decisionDate: cert.decisionDate,
        issuer: cert.issuer,
        level: cert.level,
        validUntil: cert.validUntil,
        valid,
        daysLeft: Certificate.daysLeft(cert, today),
      },
      batches: batches.map((b) => ({
        code: b.code,
        productionDate: b.productionDate,
        bestBefore: b.bestBefore ?? null,
        quantity: b.quantity,
      })),
    };
  }

  /** The QR code (SVG) that opens the trace page at `origin`/truy-xuat/<id>. */
  export async function qrSvg(productId: string, origin: string) {
    await of(productId);
    return QRCode.toString(`${origin}/truy-xuat/${productId}`, {
      type: "svg",
      errorCorrectionLevel: "M",
      margin: 1,
      color: { dark: "#1d2a1f", light: "#ffffff" },
    });
  }
}
