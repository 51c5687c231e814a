import { decodeTime } from "ulid";
import { isConditionFailure } from "../../account/rate-limit";
import { lazyClient, tableName } from "../../db/client";
import { serviceOnFirstUse } from "../../db/on-first-use";
import { Product } from "../../product";
import { type Deal, DealEntity } from "./entities";
import { DealQueue } from "./queue";
import { DealReservationEntity, type DealShard, DealShardEntity, OpenDealEntity } from "./shards";

/**
 * A deal's units, away from the product's stock: set aside when the deal opens, split across shard items (one item
 * takes about 1,000 writes a second on DynamoDB), taken one conditional `UpdateItem` at a time with no transaction,
 * and the unsold ones put back when it ends. A buyer's units are a hold on a shard until the order's transaction
 * writes its reservation item, or until the hold is abandoned and given back; so, whatever fails in between:
 * units opened = units left in the shards + units in holds + units of reservations ordered.
 */
const StockService = serviceOnFirstUse(
  {
    deal: DealEntity,
    shard: DealShardEntity,
    reservation: DealReservationEntity,
    open: OpenDealEntity,
    product: Product.entity,
  },
  { client: lazyClient, table: tableName() },
);

/** Units a shard starts with at most; a deal has at most `MAX_SHARDS` of them. */
export const SHARD_UNITS = 250;
export const MAX_SHARDS = 16;
/** A hold older than this whose order was never written is given back by the sweep. */
export const HOLD_MS = 2 * 60_000;

export const shardCount = (quantity: number) => Math.min(MAX_SHARDS, Math.max(1, Math.ceil(quantity / SHARD_UNITS)));

/** Shard `i`'s opening units: the quantity spread evenly, the first shards taking the remainder. */
export const shardUnits = (quantity: number, shards: number, i: number) =>
  Math.floor(quantity / shards) + (i < quantity % shards ? 1 : 0);

const holdOf = (orderId: string, quantity: number) => `${orderId}:${quantity}`;
function parseHold(entry: string) {
  const [orderId = "", quantity = "0"] = entry.split(":");
  return { orderId, quantity: Number(quantity) };
}

/**
 * The deal, its product's units set aside and its shards, in one transaction: refused (false) when the product no
 * longer has `quantity` in stock or is no longer on sale.
 */
export async function open(deal: Deal): Promise<boolean> {
  const result = await StockService.transaction
    .write((tx) => [
      tx.product
        .patch({ productId: deal.productId })
        .add({ stock: -deal.quantity })
        .where(({ stock, status }, { gte, eq }) => `${gte(stock, deal.quantity)} AND ${eq(status, "approved")}`)
        .commit(),
      tx.deal.create(deal).commit(),
      ...Array.from({ length: deal.shards }, (_, shard) =>
        tx.shard.create({ dealId: deal.dealId, shard, stock: shardUnits(deal.quantity, deal.shards, shard) }).commit(),
      ),
      tx.open.create({ scope: "opendeals", dealId: deal.dealId }).commit(),
    ])
    .go();
  return !result.canceled;
}

export async function shardsOf(deal: Pick<Deal, "dealId" | "shards">, consistent = false): Promise<DealShard[]> {
  const keys = Array.from({ length: deal.shards }, (_, shard) => ({ dealId: deal.dealId, shard }));
  const { data } = await DealShardEntity.get(keys).go({ consistent });
  return data;
}

/** Units still to be taken (holds in flight excluded). */
export async function available(deal: Pick<Deal, "dealId" | "shards">, consistent = false) {
  return (await shardsOf(deal, consistent)).reduce((n, s) => n + (s.closed ? 0 : s.stock), 0);
}

/**
 * Takes `quantity` units for order `orderId` from a shard chosen at random, trying the others in turn when it runs
 * dry: one conditional write per shard tried. Null when no shard has that many; `emptied` when this took its last.
 */
export async function take(deal: Deal, orderId: string, quantity: number) {
  const first = Math.floor(Math.random() * deal.shards);
  for (let i = 0; i < deal.shards; i++) {
    const shard = (first + i) % deal.shards;
    try {
      const { data } = await DealShardEntity.patch({ dealId: deal.dealId, shard })
        .add({ stock: -quantity, holds: [holdOf(orderId, quantity)] })
        .where(({ stock, closed }, { gte, notExists }) => `${gte(stock, quantity)} AND ${notExists(closed)}`)
        .go({ response: "all_new" });
      DealQueue.noteTaken(deal.dealId, shard, data.stock);
      return { shard, emptied: data.stock === 0 };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  DealQueue.noteShort(deal.dealId, quantity);
  return null;
}

/**
 * Marks the deal sold out when no shard has a unit left (true when this call set the mark). The call that sets it
 * reads again: a unit given back meanwhile (whose give-back cleared the mark before it was set) clears it again.
 * This process then refuses the deal's buyers itself for a moment (`soldOutHere`), without writing to its shards.
 */
export async function markSoldOut(deal: Deal, at = new Date()): Promise<boolean> {
  if ((await available(deal, true)) > 0) return false;
  DealQueue.noteSoldOut(deal.dealId);
  const marked = await DealEntity.patch({ dealId: deal.dealId })
    .set({ soldOutAt: at.toISOString() })
    .where(({ soldOutAt }, { notExists }) => notExists(soldOutAt))
    .go()
    .then(
      () => true,
      (err) => {
        if (isConditionFailure(err)) return false;
        throw err;
      },
    );
  if (marked && (await available(deal, true)) > 0) {
    DealQueue.forget(deal.dealId);
    await clearSoldOut(deal.dealId);
    return false;
  }
  return marked;
}

/** This process found the deal sold out less than `SOLD_OUT_MS` ago (a unit given back here forgets it). */
export const soldOutHere = DealQueue.soldOutHere;

async function clearSoldOut(dealId: string) {
  await DealEntity.patch({ dealId })
    .remove(["soldOutAt"])
    .go()
    .catch((err) => {
      if (!isConditionFailure(err)) throw err;
    });
}

/** The order holding these units is written: its hold comes off the shard (the units stay taken). */
export async function dropHold(dealId: string, shard: number, orderId: string, quantity: number) {
  const entry = holdOf(orderId, quantity);
  await DealShardEntity.patch({ dealId, shard })
    .delete({ holds: [entry] })
    .where(({ holds }, { contains }) => contains(holds, entry))
    .go()
    .catch((err) => {
      if (!isConditionFailure(err)) throw err;
    });
}

/**
 * A hold's units go back: to its shard while the deal's units are out, else (the shard was closed) to the product.
 * The hold's entry goes in the same write, so a hold is given back at most once (false when it already was).
 */
async function giveBack(deal: Deal, shard: number, orderId: string, quantity: number): Promise<boolean> {
  const entry = holdOf(orderId, quantity);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await DealShardEntity.patch({ dealId: deal.dealId, shard })
        .add({ stock: quantity })
        .delete({ holds: [entry] })
        .where(({ holds, closed }, { contains, notExists }) => `${contains(holds, entry)} AND ${notExists(closed)}`)
        .go();
      DealQueue.noteGivenBack(deal.dealId, shard, quantity);
      await clearSoldOut(deal.dealId);
      return true;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    const { data: now } = await DealShardEntity.get({ dealId: deal.dealId, shard }).go({ consistent: true });
    if (!now?.holds?.includes(entry)) return false;
    if (!now.closed) continue;
    const result = await StockService.transaction
      .write((tx) => [
        tx.shard
          .patch({ dealId: deal.dealId, shard })
          .delete({ holds: [entry] })
          .where(({ holds }, { contains }) => contains(holds, entry))
          .commit(),
        tx.product.patch({ productId: deal.productId }).add({ stock: quantity }).commit(),
      ])
      .go();
    if (!result.canceled) return true;
  }
  throw new Error(`deal ${deal.dealId}: the hold ${entry} could not be given back`);
}

/**
 * The order of a hold will not be written (it failed, or its buyer's process died): the hold's reservation item is
 * claimed as `released`, so a late order transaction can no longer write it, and the units go back. When the order
 * was written after all, only the hold comes off. Returns the units given back.
 */
export async function abandon(deal: Deal, shard: number, orderId: string, quantity: number, at = new Date()) {
  const claimed = await DealReservationEntity.create({
    dealId: deal.dealId,
    orderId,
    shard,
    quantity,
    state: "released",
    at: at.toISOString(),
  })
    .go()
    .then(
      () => true,
      (err) => {
        if (isConditionFailure(err)) return false;
        throw err;
      },
    );
  if (!claimed) {
    const { data } = await DealReservationEntity.get({ dealId: deal.dealId, orderId }).go({ consistent: true });
    if (data?.state !== "released") {
      await dropHold(deal.dealId, shard, orderId, quantity);
      return 0;
    }
  }
  return (await giveBack(deal, shard, orderId, quantity)) ? quantity : 0;
}

/** The unsold units of an ended deal go back to its product, one shard at a time (each closed as it goes). */
export async function settle(deal: Deal, at = new Date()) {
  for (let shard = 0; shard < deal.shards; shard++) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { data: s } = await DealShardEntity.get({ dealId: deal.dealId, shard }).go({ consistent: true });
      if (!s || s.closed) break;
      const left = s.stock;
      const result = await StockService.transaction
        .write((tx) => [
          tx.shard
            .patch({ dealId: deal.dealId, shard })
            .set({ closed: true })
            .add({ stock: -left })
            .where(({ stock, closed }, { eq, notExists }) => `${eq(stock, left)} AND ${notExists(closed)}`)
            .commit(),
          ...(left > 0 ? [tx.product.patch({ productId: deal.productId }).add({ stock: left }).commit()] : []),
        ])
        .go();
      if (!result.canceled) break;
    }
  }
  await DealEntity.patch({ dealId: deal.dealId })
    .set({ settledAt: at.toISOString() })
    .where(({ settledAt }, { notExists }) => notExists(settledAt))
    .go()
    .catch((err) => {
      if (!isConditionFailure(err)) throw err;
    });
}

/** What an order's cancellation writes for its units of a deal, in the cancellation's transaction. */
export async function returnPlan(dealId: string, orderId: string) {
  const { data: r } = await DealReservationEntity.get({ dealId, orderId }).go({ consistent: true });
  if (r?.state !== "ordered") return undefined;
  const { data: shard } = await DealShardEntity.get({ dealId, shard: r.shard }).go({ consistent: true });
  return { dealId, orderId, shard: r.shard, quantity: r.quantity, toShard: !!shard && !shard.closed };
}
export type ReturnPlan = NonNullable<Awaited<ReturnType<typeof returnPlan>>>;

export function unitsReturned(dealId: string) {
  DealQueue.forget(dealId);
  return clearSoldOut(dealId);
}

/**
 * Every few minutes, with the expiry of unpaid orders: holds older than `HOLD_MS` are settled (their order was
 * written: the hold comes off; it never was: the units go back), ended deals give their unsold units back to the
 * product, and a deal all of whose units are settled leaves the list. Returns the units given back from holds.
 */
export async function sweep(now = new Date()) {
  const { data: open } = await OpenDealEntity.query.byScope({ scope: "opendeals" }).go({ pages: "all" });
  let returned = 0;
  for (const { dealId } of open) {
    const { data: deal } = await DealEntity.get({ dealId }).go({ consistent: true });
    if (!deal) {
      await OpenDealEntity.delete({ scope: "opendeals", dealId }).go();
      continue;
    }
    let holding = 0;
    for (const s of await shardsOf(deal, true)) {
      for (const entry of s.holds ?? []) {
        const { orderId, quantity } = parseHold(entry);
        if (decodeTime(orderId.toUpperCase()) > now.getTime() - HOLD_MS) {
          holding++;
          continue;
        }
        returned += await abandon(deal, s.shard, orderId, quantity, now);
      }
    }
    if (deal.endsAt <= now.toISOString()) {
      await settle(deal, now);
      if (holding === 0) await OpenDealEntity.delete({ scope: "opendeals", dealId }).go();
    } else if (deal.soldOutAt && (await available(deal, true)) > 0) {
      DealQueue.forget(dealId);
      await clearSoldOut(dealId);
    }
  }
  return returned;
}

/** The deal's units as the order of a hold sees them: the hold, for the order's transaction and its failure. */
export interface Taken {
  deal: Deal;
  quantity: number;
  shard: number;
  emptied: boolean;
}

/** The holds of an order that will not be written, given back. */
async function abandonAll(taken: Taken[], orderId: string) {
  for (const t of taken) await abandon(t.deal, t.shard, orderId, t.quantity);
}

export const DealStock = {
  open,
  soldOutHere,
  take,
  abandon,
  abandonAll,
  dropHold,
  markSoldOut,
  settle,
  sweep,
  available,
  returnPlan,
  unitsReturned,
};
