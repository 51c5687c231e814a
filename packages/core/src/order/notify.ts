import { messenger } from "../message";
import { Producer } from "../producer";
import { Site } from "../site";
import { OrderMessages } from "./messages";
import { PAY_WITHIN_MINUTES } from "./terms";
import type { OrderView } from "./view";

/** An SMS through the outbox (SMS on AWS); a message that cannot be sent never fails the order's change. */
export async function notify(phone: string, text: string) {
  await messenger()
    .send({ channel: "sms", to: `+84${phone.slice(1)}`, subject: "Chợ OCOP", text })
    .catch((err) => console.error("notify failed", err));
}

/** A new order: its shopper (how to pay) and each producer with goods in it. */
export async function notifyPlaced(order: OrderView) {
  await notify(
    order.address.phone,
    OrderMessages.placed({ ...order, orderUrl: Site.orderUrl(order.orderId) }, PAY_WITHIN_MINUTES),
  );
  const producers = await Producer.entity.get(order.fulfilments.map((f) => ({ producerId: f.producerId }))).go();
  for (const p of producers.data) {
    await notify(p.phone, OrderMessages.newForSeller(order, p.name, Site.sellerOrdersUrl()));
  }
}
