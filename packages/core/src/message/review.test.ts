import { describe, expect, it } from "vitest";
import { reviewDecisionMessage } from "./review";

const decision = {
  productName: "Trà hoa ban",
  producerName: "HTX Mộc Châu",
  link: "https://cho-ocop.vn/ban-hang/san-pham/01abc",
};

describe("the message telling sellers what staff decided", () => {
  it("says an approval with the product, its producer and the link to it", () => {
    const sms = reviewDecisionMessage(
      { ...decision, decision: "approved" },
      { channel: "sms", address: "+84912000101" },
    );
    expect(sms).toEqual({
      channel: "sms",
      to: "+84912000101",
      subject: "Sản phẩm đã được duyệt: Trà hoa ban",
      text: "Chợ OCOP: sản phẩm “Trà hoa ban” của HTX Mộc Châu đã được duyệt và đang bán trên Chợ OCOP. Xem: https://cho-ocop.vn/ban-hang/san-pham/01abc",
    });
  });

  it("gives a rejection's reason as one sentence, then the way to fix and resubmit", () => {
    const mail = reviewDecisionMessage(
      { ...decision, decision: "rejected", reason: "Ảnh giấy chứng nhận bị mờ " },
      { channel: "email", address: "lan@example.vn" },
    );
    expect(mail.channel).toBe("email");
    expect(mail.subject).toBe("Sản phẩm chưa được duyệt: Trà hoa ban");
    expect(mail.text).toBe(
      "Chợ OCOP: sản phẩm “Trà hoa ban” của HTX Mộc Châu chưa được duyệt. Lý do: Ảnh giấy chứng nhận bị mờ. Sửa rồi gửi duyệt lại: https://cho-ocop.vn/ban-hang/san-pham/01abc",
    );
    const ended = reviewDecisionMessage(
      { ...decision, decision: "rejected", reason: "Sai số quyết định!" },
      { channel: "sms", address: "+84912000101" },
    );
    expect(ended.text).toContain("Lý do: Sai số quyết định! Sửa rồi");
  });
});
