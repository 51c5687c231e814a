import type { Message } from "./index";

/** Staff's decision on a seller's identity verification, as the seller is told it. */
export interface VerificationDecision {
  decision: "verified" | "rejected";
  producerName: string;
  reason?: string;
  /** The verification page in the seller portal. */
  link: string;
}

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export function verificationDecisionMessage(
  d: VerificationDecision,
  to: { channel: Message["channel"]; address: string },
): Message {
  if (d.decision === "verified") {
    return {
      channel: to.channel,
      to: to.address,
      subject: "Đã xác minh danh tính người bán",
      text: `Chợ OCOP: danh tính của bạn (người bán của ${d.producerName}) đã được xác minh. Bạn đã có thể phát live. Xem: ${d.link}`,
    };
  }
  return {
    channel: to.channel,
    to: to.address,
    subject: "Hồ sơ xác minh chưa được chấp nhận",
    text: `Chợ OCOP: hồ sơ xác minh danh tính của bạn (người bán của ${d.producerName}) chưa được chấp nhận. Lý do: ${sentence(d.reason ?? "")} Gửi lại: ${d.link}`,
  };
}
