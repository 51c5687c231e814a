import { formatVnd } from "../util/money";
import { Carrier } from "./carrier";

/**
 * The texts an order sends by SMS, each ending with the link to act on: the shopper's order page (and, once a parcel
 * ships, the carrier's tracking page); the seller's order list for a new order. Pure: the caller gives the links.
 */
export namespace OrderMessages {
  interface About {
    code: string;
    totalVnd: number;
    /** The shopper's page of this order (Site.orderUrl). */
    orderUrl: string;
  }

  const see = (url: string) => `Xem đơn: ${url}`;

  export function placed(order: About & { paymentMethod: string }, payWithinMinutes: number): string {
    const how =
      order.paymentMethod === "cod"
        ? "thanh toán khi nhận hàng"
        : order.paymentMethod === "vietqr"
          ? `vui lòng chuyển khoản với nội dung ${order.code} trong ${payWithinMinutes} phút`
          : `vui lòng hoàn tất thanh toán thẻ trong ${payWithinMinutes} phút`;
    return `Chợ OCOP: đã nhận đơn ${order.code}, tổng ${formatVnd(order.totalVnd)}, ${how}. ${see(order.orderUrl)}`;
  }

  export function paid(order: About): string {
    return `Chợ OCOP: đơn ${order.code} đã được thanh toán ${formatVnd(order.totalVnd)}. Cảm ơn bạn! ${see(order.orderUrl)}`;
  }

  export function cancelled(order: About, why: "expired" | "other"): string {
    const reason = why === "expired" ? " vì quá hạn thanh toán" : "";
    return `Chợ OCOP: đơn ${order.code} đã được huỷ${reason}. ${see(order.orderUrl)}`;
  }

  export function refunded(order: About): string {
    return `Chợ OCOP: đã hoàn ${formatVnd(order.totalVnd)} cho đơn ${order.code} về thẻ của bạn. ${see(order.orderUrl)}`;
  }

  /** A parcel handed to its carrier: the tracking page when the carrier is one we know, the order page always. */
  export function shipped(
    order: Omit<About, "totalVnd">,
    parcel: { producerName: string; carrier: string; trackingNumber: string },
  ): string {
    const tracking = Carrier.trackingUrl(parcel.carrier, parcel.trackingNumber);
    return [
      `Chợ OCOP: phần hàng của đơn ${order.code} đã được ${parcel.producerName} gửi qua ${parcel.carrier}, mã vận đơn ${parcel.trackingNumber}.`,
      ...(tracking ? [`Theo dõi: ${tracking}`] : []),
      see(order.orderUrl),
    ].join(" ");
  }

  export function delivered(order: Omit<About, "totalVnd">, parcel: { producerName: string }): string {
    return `Chợ OCOP: phần hàng của đơn ${order.code} từ ${parcel.producerName} đã được giao. ${see(order.orderUrl)}`;
  }

  /** To each producer with goods in a new order. */
  export function newForSeller(order: { code: string }, producerName: string, sellerOrdersUrl: string): string {
    return `Chợ OCOP: đơn mới ${order.code} có hàng của ${producerName}. Xem trong Kênh người bán: ${sellerOrdersUrl}`;
  }
}
