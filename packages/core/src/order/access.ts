import { type Actor, requireStaffOver } from "../account/actor";
import { Audit } from "../audit";
import { Producer } from "../producer";
import { DomainError } from "../util/error";
import type { OrderTx } from "./entities";

export const notYours = () =>
  new DomainError(403, "forbidden", { vi: "Đây không phải đơn hàng của bạn.", en: "This is not your order." });

export const problem = (status: 409 | 400 | 402 | 503, code: string, vi: string, en: string, field?: string) =>
  new DomainError(status as 409, code, { vi, en }, field);

export const changed = () =>
  problem(409, "changed", "Đơn vừa thay đổi, hãy tải lại.", "The order just changed; reload it.");

/** Staff whose scope covers every parcel of the order (see `requireStaffOver`). */
export async function requireStaffOfOrder(
  actor: Actor,
  order: { staffScope?: string; fulfilments: Array<{ producerId: string }> },
) {
  if (order.staffScope) return requireStaffOver(actor, [order.staffScope]);
  // Orders placed before the scope was recorded: from their producers.
  const { data } = await Producer.entity.get(order.fulfilments.map((f) => ({ producerId: f.producerId }))).go();
  return requireStaffOver(
    actor,
    data.map((p) => p.provinceCode),
  );
}

/** The order's key in its staff list, given with every status change. */
export const scopeKey = (order: { staffScope?: string }) => ({ staffScope: order.staffScope ?? "central" });

/** A staff member's action on someone else's order, audited with the change it makes. */
export const byStaff = (actor: Actor, order: { userId: string }) =>
  actor.kind === "user" && actor.user.role === "staff" && actor.user.userId !== order.userId;

/** The audit entry of a money action on an order, written in the transaction that makes the change. */
export const auditMoney = (
  tx: OrderTx,
  actor: Actor,
  action: "confirm-transfer" | "cancel" | "refund",
  order: { orderId: string; status: string; paymentStatus?: string },
  after: { [field: string]: unknown },
) =>
  tx.audit
    .create(
      Audit.entry(
        actor,
        action,
        { type: "order", id: order.orderId },
        { status: order.status, paymentStatus: order.paymentStatus },
        after,
      ),
    )
    .commit();
