import { z } from "zod";
import { type Actor, requireSellerOf } from "../account/actor";
import { FulfilmentEntity } from "../fulfilment/entity";
import { FulfilmentLifecycle, type FulfilmentStatus } from "../fulfilment/status";
import { FulfilmentView, fulfilmentView } from "../fulfilment/view";
import { Site } from "../site";
import { notFound } from "../util/error";
import { changed, notYours, problem, scopeKey } from "./access";
import { OrderEntity, OrderService } from "./entities";
import { OrderMessages } from "./messages";
import { notify } from "./notify";
import { OrderLifecycle } from "./status";
import { view } from "./view";

/** A producer's part of an order: what they pack, hand to a carrier and deliver (and, for COD, collect). */
export namespace Fulfilment {
  export const View = FulfilmentView;
  export type View = FulfilmentView;
  export type Status = FulfilmentStatus;
  export const Lifecycle = FulfilmentLifecycle;

  export const Move = z.enum(["pack", "ship", "deliver", "cod-collected"]);
  export type Move = z.infer<typeof Move>;
  const TARGET: { [K in Exclude<Move, "cod-collected">]: FulfilmentStatus } = {
    pack: "packed",
    ship: "shipped",
    deliver: "delivered",
  };

  export const ShipInput = z.object({
    carrier: z.string().trim().min(2).max(60),
    trackingNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, "expected a tracking number"),
  });

  /** The producer's fulfilments, newest first. */
  export async function list(actor: Actor, producerId: string): Promise<View[]> {
    requireSellerOf(actor, producerId);
    const { data } = await FulfilmentEntity.query.byProducer({ producerId }).go({ order: "desc", limit: 200 });
    return data.map(fulfilmentView);
  }

  /** The only moves a producer makes: confirmed → packed → shipped (carrier, tracking) → delivered; COD collected. */
  export async function advance(
    actor: Actor,
    orderId: string,
    producerId: string,
    move: Move,
    input?: unknown,
  ): Promise<View> {
    requireSellerOf(actor, producerId);
    const { data: f } = await FulfilmentEntity.get({ orderId, producerId }).go({ consistent: true });
    if (!f) {
      const { data: order } = await OrderEntity.get({ orderId }).go();
      if (order) throw notYours();
      throw notFound({ vi: "đơn hàng", en: "Order" });
    }
    const stamp = new Date().toISOString();
    if (move === "cod-collected") {
      if (f.paymentMethod !== "cod" || f.status !== "delivered") {
        throw problem(
          409,
          "invalid_move",
          "Chỉ ghi nhận thu tiền mặt sau khi giao đơn COD.",
          "COD is collected after delivering a COD order.",
        );
      }
      await FulfilmentEntity.patch({ orderId, producerId }).set({ codCollected: true, updatedAt: stamp }).go();
      return fulfilmentView({ ...f, codCollected: true });
    }
    const target = TARGET[move];
    if (!Lifecycle.can(f.status, target)) {
      throw problem(
        409,
        "invalid_move",
        `Không thể chuyển từ “${f.status}” sang “${target}”.`,
        `Cannot move from “${f.status}” to “${target}”.`,
      );
    }
    const to = Lifecycle.move(f.status, target);
    const shipping = move === "ship" ? ShipInput.parse(input) : {};
    const { data: order } = await OrderEntity.get({ orderId }).go({ consistent: true });
    const siblings = (await view(orderId)).fulfilments;
    const completes =
      to === "delivered" && siblings.every((s) => s.producerId === producerId || s.status === "delivered");
    const result = await OrderService.transaction
      .write((tx) => [
        tx.fulfilment
          .patch({ orderId, producerId })
          .set({
            status: to,
            ...shipping,
            updatedAt: stamp,
            history: [...(f.history ?? []), { status: to, at: stamp }],
          })
          .where(({ status }, { eq }) => eq(status, f.status))
          .commit(),
        ...(completes
          ? [
              tx.order
                .patch({ orderId })
                .set({ status: OrderLifecycle.move("confirmed", "completed"), updatedAt: stamp })
                .composite(scopeKey(order ?? {}))
                .where(({ status }, { eq }) => eq(status, "confirmed"))
                .commit(),
            ]
          : []),
      ])
      .go();
    if (result.canceled) throw changed();
    if (order && (to === "shipped" || to === "delivered")) {
      const about = { code: order.code, orderUrl: Site.orderUrl(orderId) };
      await notify(
        order.address.phone,
        to === "shipped"
          ? OrderMessages.shipped(about, { producerName: f.producerName, ...(shipping as z.infer<typeof ShipInput>) })
          : OrderMessages.delivered(about, f),
      );
    }
    const { data: updated } = await FulfilmentEntity.get({ orderId, producerId }).go({ consistent: true });
    return fulfilmentView(updated ?? f);
  }
}
