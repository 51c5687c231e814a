import { Account } from "../account/index";
import { Certificate, CertificateEntity } from "../certificate/index";
import { type Message, messenger } from "../message/index";
import { Product } from "../product";
import { Site } from "../site";
import { addDays, vietnamDay } from "../util/date";

/**
 * The issuer tells the producer at least 30 days before a certificate runs out (Decision 148/QĐ-TTg); this platform
 * tells the producer's sellers at 90 days and again at 30, each time with the way to a renewal dossier prefilled from
 * the last one. A daily job; each reminder is marked sent before it goes, so a rerun (or two jobs at once) sends it
 * once, and a message that fails to go is not retried the next day.
 */
export namespace Reminder {
  /** The seller portal's renewal dossier, prefilled from the dossier behind this certificate (dossier/). */
  export const renewalPath = (certificateId: string) => `/ban-hang/ho-so/moi?renew=${certificateId}`;

  export function message(
    c: { productName?: string; number?: string; decisionNumber?: string; validUntil: string },
    days: number,
    link: string,
    to: { channel: Message["channel"]; address: string },
  ): Message {
    const [y, m, d] = c.validUntil.split("-");
    return {
      channel: to.channel,
      to: to.address,
      subject: `Giấy chứng nhận OCOP sắp hết hạn: ${c.productName ?? ""}`,
      text: `Chợ OCOP: giấy chứng nhận OCOP ${c.number ? `số ${c.number}` : `theo quyết định ${c.decisionNumber}`} của “${c.productName}” hết hạn ngày ${d}/${m}/${y} (còn ${days} ngày). Lập hồ sơ đánh giá lại: ${link}`,
    };
  }

  /** Sends the reminders due on `today`; returns the certificate numbers reminded, with the threshold. */
  export async function sendDue(today = vietnamDay()): Promise<Array<{ number: string; days: number }>> {
    const until = addDays(today, Certificate.REMINDER_DAYS[0]);
    const { data: registry } = await CertificateEntity.query
      .byExpiry({ feed: "registry" })
      .between({ expiresOn: today }, { expiresOn: until })
      .go({ pages: "all" });
    const data = [...registry, ...(await listedOnly(today, until, new Set(registry.map((c) => c.certificateId))))];
    const site = (Site.publicUrl() ?? "http://localhost:3000").replace(/\/$/, "");
    const sent: Array<{ number: string; days: number }> = [];
    for (const c of data) {
      if (c.status !== "approved" || !c.producerId) continue;
      const due = Certificate.reminderDue(c, today);
      if (!due) continue;
      const threshold = String(due);
      const marked = await CertificateEntity.patch({ productId: c.productId, certificateId: c.certificateId })
        .set({ reminded: [...(c.reminded ?? []), threshold] })
        .where((a, { notContains }) => notContains(a.reminded, threshold))
        .go()
        .then(
          () => true,
          () => false,
        );
      if (!marked) continue;
      const sellers = await Account.sellersOf(c.producerId);
      const link = `${site}${renewalPath(c.certificateId)}`;
      for (const seller of sellers) {
        const to = seller.phone
          ? { channel: "sms" as const, address: `+84${seller.phone.slice(1)}` }
          : seller.email
            ? { channel: "email" as const, address: seller.email }
            : undefined;
        if (!to) continue;
        await messenger()
          .send(message(c, Certificate.daysLeft(c, today), link, to))
          .catch((error) => console.error("reminder: a message failed to go", error));
      }
      sent.push({ number: c.number ?? c.certificateId, days: due });
    }
    return sent;
  }

  /**
   * The certificates sellers typed in and staff approved (not in the registry, so not in its expiry index) that run
   * out by `until`: found from the listed products that hold them, and named as their product is.
   */
  async function listedOnly(today: string, until: string, seen: Set<string>) {
    const { data: products } = await Product.entity.query.byStatus({ status: "approved" }).go({ pages: "all" });
    const found = [];
    for (const p of products) {
      const held = p.certificate;
      if (!held || seen.has(held.certificateId) || held.validUntil < today || held.validUntil > until) continue;
      const { data: c } = await CertificateEntity.get({
        productId: p.productId,
        certificateId: held.certificateId,
      }).go();
      if (c) found.push({ ...c, productName: c.productName ?? p.name, producerId: c.producerId ?? p.producerId });
    }
    return found;
  }
}
