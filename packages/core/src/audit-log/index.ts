import type { EntityItem } from "electrodb";
import { type Actor, requireStaff, staffMayActOn } from "../account/actor";
import { UserEntity } from "../account/entities";
import { AuditEntity } from "../audit";
import { SessionEntity } from "../live/entities";
import { OrderEntity } from "../order/entities";
import { Producer } from "../producer";
import { Product } from "../product";

type Stored = EntityItem<typeof AuditEntity>;

/** Who acted, as staff read it: their name and role, never their phone or e-mail. */
export interface AuditActor {
  kind: "staff" | "commune" | "seller" | "shopper" | "system";
  name: string | null;
  /** Staff: "central" or their province's code; commune staff: their ward's code. */
  staffScope: string | null;
  /** A seller: the producer they sell for. */
  producerName: string | null;
}

/** What was acted on, by name: a product and its producer, an order by its code, a live, a collection… */
export interface AuditTarget {
  type: string;
  id: string;
  name: string | null;
  nameEn: string | null;
  producerId: string | null;
  producerName: string | null;
}

export type AuditRow = Stored & { actorInfo: AuditActor; target: AuditTarget };

/** Storefront set-up every staff member may read (collections, gift boxes, combo templates, pricing). */
const SHARED = new Set(["collection", "giftbox", "combo-template", "settings"]);

const unique = (ids: Iterable<string>) => [...new Set(ids)];
const parsed = (json: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * The audit log as a staff member may read it, with names instead of ids. Names are read in batches (one BatchGet
 * per kind of record, then one for producers), never one read per entry; a province's staff see only entries about
 * their province's products and orders, every live (moderation is not limited to a province) and the storefront's
 * set-up, so no other province's product, order or buyer reaches them.
 */
export namespace AuditLog {
  export async function readable(actor: Actor, entries: Stored[]): Promise<AuditRow[]> {
    const staff = requireStaff(actor);
    const ids = (type: string) => unique(entries.filter((e) => e.targetType === type).map((e) => e.targetId));
    const userIds = unique(entries.map((e) => e.actorId).filter((id) => id !== "system"));
    const [users, products, orders, lives] = await Promise.all([
      batch(userIds, (userId) => UserEntity.get(userId.map((id) => ({ userId: id }))).go()),
      batch(ids("product"), (productIds) => Product.entity.get(productIds.map((productId) => ({ productId }))).go()),
      batch(ids("order"), (orderIds) =>
        OrderEntity.get(orderIds.map((orderId) => ({ orderId })))
          .go({ attributes: ["orderId", "code", "staffScope"] })
          .then((r) => ({ data: r.data as Array<{ orderId: string; code: string; staffScope?: string }> })),
      ),
      batch(ids("live"), (sessionIds) =>
        SessionEntity.get(sessionIds.map((sessionId) => ({ sessionId })))
          .go({ attributes: ["sessionId", "title", "producerId", "producerName"] })
          .then((r) => ({
            data: r.data as Array<{ sessionId: string; title: string; producerId: string; producerName: string }>,
          })),
      ),
    ]);
    const userById = new Map(users.map((u) => [u.userId, u]));
    const productById = new Map(products.map((p) => [p.productId, p]));
    const orderById = new Map(orders.map((o) => [o.orderId, o]));
    const liveById = new Map(lives.map((l) => [l.sessionId, l]));
    const producers = await batch(
      unique([...products.map((p) => p.producerId), ...users.flatMap((u) => (u.producerId ? [u.producerId] : []))]),
      (producerIds) => Producer.entity.get(producerIds.map((producerId) => ({ producerId }))).go(),
    );
    const producerName = new Map(producers.map((p) => [p.producerId, p.name]));

    const visible = (e: Stored) => {
      if (staff.staffScope === "central") return true;
      if (e.targetType === "product") {
        const p = productById.get(e.targetId);
        return Boolean(p && staffMayActOn(staff, { provinceCode: p.provinceCode, stars: p.stars ?? 0 }));
      }
      if (e.targetType === "order") return orderById.get(e.targetId)?.staffScope === staff.staffScope;
      return e.targetType === "live" || SHARED.has(e.targetType);
    };

    const actorOf = (e: Stored): AuditActor => {
      const user = userById.get(e.actorId);
      if (!user) return { kind: "system", name: null, staffScope: null, producerName: null };
      return {
        kind: user.role,
        name: user.name ?? null,
        staffScope: user.role === "staff" ? (user.staffScope ?? e.actorScope) : null,
        producerName: user.role === "seller" && user.producerId ? (producerName.get(user.producerId) ?? null) : null,
      };
    };

    const targetOf = (e: Stored): AuditTarget => {
      const base = { type: e.targetType, id: e.targetId, nameEn: null, producerId: null, producerName: null };
      if (e.targetType === "product") {
        const p = productById.get(e.targetId);
        return {
          ...base,
          name: p?.name ?? null,
          producerId: p?.producerId ?? null,
          producerName: p ? (producerName.get(p.producerId) ?? null) : null,
        };
      }
      if (e.targetType === "order") return { ...base, name: orderById.get(e.targetId)?.code ?? null };
      if (e.targetType === "live") {
        const l = liveById.get(e.targetId);
        return {
          ...base,
          name: l?.title ?? null,
          producerId: l?.producerId ?? null,
          producerName: l?.producerName ?? null,
        };
      }
      // Set-up records carry their names in what was written.
      const record = { ...parsed(e.before), ...parsed(e.after) };
      return {
        ...base,
        name: text(record.titleVi) ?? text(record.nameVi),
        nameEn: text(record.titleEn) ?? text(record.nameEn),
      };
    };

    return entries.filter(visible).map((e) => ({ ...e, actorInfo: actorOf(e), target: targetOf(e) }));
  }

  /**
   * The newest entries a staff member may read, up to `limit`: this month and the two before, read page by page
   * until enough are readable (a province's staff skip the others').
   */
  export async function recent(actor: Actor, limit = 100, months = 3): Promise<AuditRow[]> {
    requireStaff(actor);
    const out: AuditRow[] = [];
    const now = new Date();
    for (let i = 0; i < months && out.length < limit; i++) {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7);
      let cursor: string | null = null;
      do {
        const page: { data: Stored[]; cursor: string | null } = await AuditEntity.query
          .byMonth({ month })
          .go({ order: "desc", limit, cursor });
        out.push(...(await readable(actor, page.data)));
        cursor = page.cursor;
      } while (cursor && out.length < limit);
    }
    return out.slice(0, limit);
  }
}

/** One BatchGet (ElectroDB splits it into requests of 100 keys) for the ids, none when there are none. */
async function batch<T>(ids: string[], get: (ids: string[]) => Promise<{ data: T[] }>): Promise<T[]> {
  if (ids.length === 0) return [];
  return (await get(ids)).data;
}
