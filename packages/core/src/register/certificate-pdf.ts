import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFName, PDFString, rgb } from "pdf-lib";
import QRCode from "qrcode";
import type { Certificate } from "../certificate/index";

/** What the certificate shows: the fields of the register's public view (Registry.PublicView) it prints. */
export interface CertificatePage {
  number: string;
  status: Certificate.PublicStatus;
  stars: number;
  productName: string;
  producerName: string;
  provinceName: string;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  signer?: string;
  level: Certificate.Level;
  validFrom: string;
  validUntil: string;
  revokedReason?: string;
}

/** A4 in PDF points. */
const A4: [number, number] = [595.28, 841.89];
const INK = rgb(0.114, 0.165, 0.122);
const MUTED = rgb(0.36, 0.4, 0.37);
const RED = rgb(0.72, 0.11, 0.11);

const STATUS: Record<Certificate.PublicStatus, string> = {
  valid: "Còn hiệu lực",
  expiring: "Còn hiệu lực (sắp hết hạn)",
  expired: "ĐÃ HẾT HIỆU LỰC",
  revoked: "ĐÃ BỊ THU HỒI",
};

/**
 * DejaVu Sans has every Vietnamese letter. It is installed beside the Lambda bundle (stacks/config.ts), not bundled,
 * and read on the first certificate asked for.
 */
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;
function loadFonts() {
  const require = createRequire(import.meta.url);
  const file = (name: string) => readFile(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  fonts ??= Promise.all([file("DejaVuSans.ttf"), file("DejaVuSans-Bold.ttf")]);
  return fonts;
}

const vnDate = (iso: string) => iso.slice(0, 10).split("-").reverse().join("/");

/**
 * The certificate as a one-page A4 PDF: what the register holds, its status stated plainly, and a QR (with a link
 * over it) that opens the certificate's public page, where its status is always the current one.
 */
export async function certificatePdf(cert: CertificatePage, pageUrl: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  doc.setTitle(`Giấy chứng nhận sản phẩm OCOP ${cert.number}`);
  doc.setSubject(`${cert.productName} — ${cert.stars} sao — ${cert.number}`);
  doc.setAuthor(cert.issuer);
  doc.setCreator("Chợ OCOP");
  doc.setLanguage("vi-VN");
  const page = doc.addPage(A4);
  const [width, height] = A4;
  const margin = 56;
  const center = (text: string, y: number, size: number, font = regular, color = INK) =>
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });

  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: INK, borderWidth: 2 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: INK, borderWidth: 0.5 });
  center("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", height - 80, 12, bold);
  center("Độc lập - Tự do - Hạnh phúc", height - 96, 11);
  center(cert.issuer.toUpperCase(), height - 130, 11, bold, MUTED);
  center("GIẤY CHỨNG NHẬN", height - 180, 26, bold);
  center("SẢN PHẨM OCOP", height - 208, 18, bold);
  center(`Số: ${cert.number}`, height - 234, 12);
  center(
    `Theo Quyết định số ${cert.decisionNumber} ngày ${vnDate(cert.decisionDate)}`,
    height - 252,
    11,
    regular,
    MUTED,
  );
  center(wrap(cert.productName, 48)[0] ?? "", height - 300, 20, bold);
  for (const [i, line] of wrap(cert.productName, 48).slice(1, 3).entries())
    center(line, height - 324 - i * 24, 20, bold);
  center(`Đạt hạng ${cert.stars} sao (${"★".repeat(cert.stars)})`, height - 380, 16, bold);

  const rows: [string, string][] = [
    ["Chủ thể", cert.producerName],
    ["Tỉnh, thành phố", cert.provinceName],
    ["Cấp đánh giá", cert.level === "central" ? "Trung ương" : "Tỉnh"],
    ["Hiệu lực", `từ ${vnDate(cert.validFrom)} đến ${vnDate(cert.validUntil)}`],
    ["Tình trạng", STATUS[cert.status]],
  ];
  if (cert.revokedReason) rows.push(["Lý do thu hồi", cert.revokedReason]);
  let y = height - 430;
  for (const [label, value] of rows) {
    page.drawText(`${label}:`, { x: margin + 20, y, size: 12, font: regular, color: MUTED });
    const warn = label === "Tình trạng" && (cert.status === "expired" || cert.status === "revoked");
    for (const [i, line] of wrap(value, 52).slice(0, 2).entries()) {
      page.drawText(line, {
        x: margin + 150,
        y: y - i * 16,
        size: 12,
        font: warn ? bold : regular,
        color: warn ? RED : INK,
      });
    }
    y -= value.length > 52 ? 38 : 22;
  }

  // The QR, drawn as squares so that it stays sharp at any print size, with a link over it for a PDF reader.
  const qr = QRCode.create(pageUrl, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const box = 120;
  const cell = box / (size + 2);
  const qx = width - margin - box;
  const qy = 70;
  page.drawRectangle({ x: qx, y: qy, width: box, height: box, color: rgb(1, 1, 1) });
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (qr.modules.get(r, c)) {
        page.drawRectangle({
          x: qx + (c + 1) * cell,
          y: qy + box - (r + 2) * cell,
          width: cell,
          height: cell,
          color: INK,
        });
      }
    }
  }
  const link = doc.context.register(
    doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [qx, qy, qx + box, qy + box],
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: PDFString.of(pageUrl) },
    }),
  );
  page.node.set(PDFName.of("Annots"), doc.context.obj([link]));
  page.drawText("Quét mã để tra cứu tình trạng hiện tại", {
    x: margin + 20,
    y: qy + 70,
    size: 10,
    font: regular,
    color: MUTED,
  });
  page.drawText(pageUrl, { x: margin + 20, y: qy + 54, size: 8, font: regular, color: MUTED });
  if (cert.signer) {
    page.drawText(cert.signer, { x: margin + 20, y: qy + 20, size: 11, font: bold, color: INK });
  }
  return doc.save();
}

/** Lines of at most `max` characters, broken between words. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
