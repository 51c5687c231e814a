import { AsyncLocalStorage } from "node:async_hooks";
import { type Deal, DealEntity } from "./entities";
import { DealShardEntity } from "./shards";

/**
 * A flash sale's buyers at one process: what it knows of a deal's units, so that it answers most of them without the
 * table. Buyers are let through while the units it knows of outnumber the buyers let through that have not taken
 * theirs yet; the others wait for those to take or fail, and once no unit is left they are told at once. This only
 * orders buyers and saves reads: the shards' conditional writes decide who gets a unit, so processes that each know
 * something different never oversell. On Lambda an instance serves one request at a time: there the sold-out mark is
 * what spares its next buyers the table.
 */
interface Known {
  deal?: Deal;
  /** Each shard's units as last read or written here. */
  left?: number[];
  /** When this process last found no unit left (its buyers are then refused for `SOLD_OUT_MS`). */
  soldOutAt?: number;
  /** Buyers let through that have not yet taken their units or given up. */
  untaken: number;
  waiting: Set<() => void>;
  reading?: Promise<void>;
}

/**
 * How long a process refuses a deal's buyers after it found no unit left, without asking the table: a unit given
 * back here lifts it at once, one given back elsewhere (an abandoned or cancelled order) within this time.
 */
export const SOLD_OUT_MS = 1000;
/**
 * A buyer waits behind those let through at most this long, then goes through anyway (the shards still decide): long
 * enough for a loaded server's orders to take their units, short of a request's own time limit.
 */
export const WAIT_MS = 15_000;

const known = new Map<string, Known>();
const entry = (dealId: string) => {
  let k = known.get(dealId);
  if (!k) {
    k = { untaken: 0, waiting: new Set() };
    known.set(dealId, k);
  }
  return k;
};

interface Ticket {
  dealId: string;
  settled: boolean;
}
const admission = new AsyncLocalStorage<Ticket>();

const units = (k: Known) => (k.left ?? []).reduce((n, x) => n + x, 0);
const running = (k: Known, at = new Date().toISOString()) => !!k.deal && k.deal.startsAt <= at && at < k.deal.endsAt;
const soldOutFresh = (k: Known | undefined) => !!k?.soldOutAt && Date.now() - k.soldOutAt < SOLD_OUT_MS;

function wake(k: Known) {
  for (const w of [...k.waiting]) w();
}

/** The deal and its shards' units, read once however many buyers ask at the same time. */
function read(k: Known, dealId: string) {
  k.reading ??= (async () => {
    try {
      const { data: deal } = await DealEntity.get({ dealId }).go({ consistent: true });
      if (!deal) return;
      const keys = Array.from({ length: deal.shards }, (_, shard) => ({ dealId, shard }));
      const { data: shards } = await DealShardEntity.get(keys).go({ consistent: true });
      const left = Array.from({ length: deal.shards }, () => 0);
      for (const s of shards) left[s.shard] = s.closed ? 0 : s.stock;
      k.deal = deal;
      k.left = left;
      k.soldOutAt = units(k) === 0 ? Date.now() : undefined;
    } finally {
      k.reading = undefined;
    }
  })();
  return k.reading;
}

/**
 * Lets one buyer of a deal through to `work` (which places the order and takes the units), or answers `soldOut()`
 * without reading anything when this process knows the running deal has no unit left. A deal it cannot read, or
 * that is not running, lets everyone through: the order prices its lines as usual.
 */
export async function through<T>(dealId: string, work: () => Promise<T>, soldOut: () => Error): Promise<T> {
  const k = entry(dealId);
  const waitedFrom = Date.now();
  for (;;) {
    if (!k.left || (k.soldOutAt && !soldOutFresh(k))) await read(k, dealId).catch(() => undefined);
    if (!running(k)) break;
    if (soldOutFresh(k)) throw soldOut();
    if (units(k) - k.untaken > 0 || Date.now() - waitedFrom >= WAIT_MS) break;
    if (k.untaken === 0) {
      k.soldOutAt = Date.now();
      throw soldOut();
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        k.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, WAIT_MS - (Date.now() - waitedFrom));
      k.waiting.add(done);
    });
  }
  const ticket: Ticket = { dealId, settled: false };
  k.untaken++;
  try {
    return await admission.run(ticket, work);
  } finally {
    settle(ticket);
  }
}

function settle(ticket: Ticket | undefined) {
  if (!ticket || ticket.settled) return;
  ticket.settled = true;
  const k = entry(ticket.dealId);
  k.untaken = Math.max(0, k.untaken - 1);
  wake(k);
}

/** This request took `quantity` units of the deal from `shard`, which has `stockAfter` left. */
export function noteTaken(dealId: string, shard: number, stockAfter: number) {
  const k = entry(dealId);
  if (k.left && shard < k.left.length) k.left[shard] = stockAfter;
  const ticket = admission.getStore();
  if (ticket?.dealId === dealId) settle(ticket);
  else wake(k);
}

/** This request found no shard with `quantity` units: each of them has fewer. */
export function noteShort(dealId: string, quantity: number) {
  const k = entry(dealId);
  if (k.left) k.left = k.left.map((n) => Math.min(n, quantity - 1));
  const ticket = admission.getStore();
  if (ticket?.dealId === dealId) settle(ticket);
  else wake(k);
}

/** The table says no unit is left: this process refuses the deal's buyers itself for `SOLD_OUT_MS`. */
export function noteSoldOut(dealId: string) {
  const k = entry(dealId);
  if (k.left) k.left = k.left.map(() => 0);
  k.soldOutAt = Date.now();
  wake(k);
}

/** Units went back to a shard of the deal (an abandoned hold, a cancelled order): its buyers may try again. */
export function noteGivenBack(dealId: string, shard: number, quantity: number) {
  const k = known.get(dealId);
  if (!k) return;
  if (k.left && shard < k.left.length) k.left[shard] = (k.left[shard] ?? 0) + quantity;
  k.soldOutAt = undefined;
  wake(k);
}

/** Units went back to the deal from elsewhere (the sweep found some left): read it again. */
export function forget(dealId: string) {
  const k = known.get(dealId);
  if (!k) return;
  k.left = undefined;
  k.soldOutAt = undefined;
  wake(k);
}

/** This process found the deal without a unit less than `SOLD_OUT_MS` ago. */
export const soldOutHere = (dealId: string) => soldOutFresh(known.get(dealId));

export const DealQueue = { through, noteTaken, noteShort, noteSoldOut, noteGivenBack, forget, soldOutHere };
