import { PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificatePdf } from "./certificate-pdf";
import type { Registry } from "./index";

const cert: Registry.PublicView = {
  number: "OCOP-14-2026-0001",
  status: "revoked",
  stars: 4,
  productName: "Chè Shan tuyết cổ thụ Tà Xùa",
  producerName: "Hợp tác xã Chè Tà Xùa",
  provinceCode: "14",
  provinceName: "Sơn La",
  decisionNumber: "123/QĐ-UBND",
  decisionDate: "2026-03-01",
  issuer: "Uỷ ban nhân dân tỉnh Sơn La",
  signer: "Nguyễn Văn Ánh",
  level: "province",
  validFrom: "2026-03-01",
  validUntil: "2029-03-01",
  revokedReason: "Vi phạm an toàn thực phẩm",
  superseded: false,
  changedAt: "2026-06-01T00:00:00.000Z",
};
const url = "https://cho-ocop.vn/chung-nhan/OCOP-14-2026-0001";

describe("the certificate PDF", () => {
  it("is one A4 page named by its number, with a link over the QR to the public page", async () => {
    const bytes = await certificatePdf(cert, url);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toContain(cert.number);
    expect(doc.getSubject()).toContain(cert.number);
    const annots = doc.getPage(0).node.Annots();
    expect(annots?.size()).toBe(1);
    const link = annots?.lookup(0, PDFDict);
    expect(link?.get(PDFName.of("Subtype"))).toEqual(PDFName.of("Link"));
    const action = link?.lookup(PDFName.of("A"), PDFDict);
    expect(action?.lookup(PDFName.of("URI"), PDFString).decodeText()).toBe(url);
  });
});
