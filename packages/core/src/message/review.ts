import type { Message } from "./index";

/** Staff's decision on a submitted product, as its sellers are told it. */
export interface ReviewDecision {
  decision: "approved" | "rejected";
  productName: string;
  producerName: string;
  /** The rejection's reason, as staff wrote it. */
  reason?: string;
  /** The product in the seller portal. */
  link: string;
}

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The SMS or e-mail that tells one of the producer's sellers what staff decided, with the way to the product. */
export function reviewDecisionMessage(
  d: ReviewDecision,
  to: { channel: Message["channel"]; address: string },
): Message {
  const product = `sản phẩm “${d.productName}” của ${d.producerName}`;
  if (d.decision === "approved") {
    return {
      channel: to.channel,
      to: to.address,
      subject: `Sản phẩm đã được duyệt: ${d.productName}`,
      text: `Chợ OCOP: ${product} đã được duyệt và đang bán trên Chợ OCOP. Xem: ${d.link}`,
    };
  }
  return {
    channel: to.channel,
    to: to.address,
    subject: `Sản phẩm chưa được duyệt: ${d.productName}`,
    text: `Chợ OCOP: ${product} chưa được duyệt. Lý do: ${sentence(d.reason ?? "")} Sửa rồi gửi duyệt lại: ${d.link}`,
  };
}
