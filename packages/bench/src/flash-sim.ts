import { MAX_SHARDS, shardCount, shardUnits } from "@cho-ocop/core/live/deal/stock";

/**
 * A SIMULATION, not a measurement: a flash sale on DynamoDB as a model, run in process on a virtual clock. What the
 * model keeps of DynamoDB: each item is one partition's worth of throughput — a token bucket of 1,000 WCU/s for
 * writes and 3,000 RCU/s for reads, one second of burst — a write costs ⌈item size / 1 KB⌉ WCU whether its condition
 * holds or fails, an eventually consistent read ½ RCU and a consistent one 1 RCU; a request finding its item's bucket
 * empty is throttled, and the SDK tries it again after a jittered backoff (500 ms base, doubling, 3 attempts in all)
 * before the app answers 503. Each call takes a few milliseconds (3 ms + an exponential of 1.5 ms mean; a transaction
 * 8 ms + 3 ms). The buyer's steps are place.ts's for a deal line: its reads (session, idempotency key, cart; the deal
 * item for the sold-out mark, the quote's reads with the deal and the product again), the take from a shard chosen at
 * random with the fallback over the others, the sold-out mark, the order's transaction (1 in 100 fails and gives
 * the units back), the hold taken off, and the room's news (the deal item written about once a second).
 */
export interface SimResult {
  shards: number;
  sold: number;
  left: number;
  /** Units of holds whose order was not written (their give-back throttled): the sweep returns them. */
  held: number;
  /** sold + left + held: the units opened, whatever failed. */
  total: number;
  refused: number;
  busy: number;
  failed: number;
  throttled: number;
  soldOutMs: number | null;
  p50: number;
  p99: number;
  afterSoldOutP50: number | null;
  busiestWcuPerS: number;
}

class Clock {
  now = 0;
  private heap: Array<{ t: number; seq: number; wake: () => void }> = [];
  private seq = 0;
  sleep(ms: number) {
    return new Promise<void>((wake) => this.push({ t: this.now + Math.max(0, ms), seq: this.seq++, wake }));
  }
  async run() {
    while (this.heap.length > 0) {
      const next = this.pop();
      this.now = next.t;
      next.wake();
      await new Promise((r) => setImmediate(r));
    }
  }
  private push(e: { t: number; seq: number; wake: () => void }) {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p] as never, h[i] as never];
      i = p;
    }
  }
  private pop() {
    const h = this.heap;
    const top = h[0] as (typeof h)[number];
    const last = h.pop() as (typeof h)[number];
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as never, h[i] as never];
        i = m;
      }
    }
    return top;
  }
}
const before = (a?: { t: number; seq: number }, b?: { t: number; seq: number }) =>
  !!a && !!b && (a.t < b.t || (a.t === b.t && a.seq < b.seq));

/** A partition's throughput: `rate` units a second, a second's worth of burst. */
class Bucket {
  private tokens: number;
  private at = 0;
  used = new Map<number, number>();
  constructor(
    private readonly clock: Clock,
    private readonly rate: number,
  ) {
    this.tokens = rate;
  }
  take(cost: number) {
    const now = this.clock.now;
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    const second = Math.floor(now / 1000);
    this.used.set(second, (this.used.get(second) ?? 0) + cost);
    return true;
  }
}

class Item {
  readonly wcu: Bucket;
  readonly rcu: Bucket;
  constructor(clock: Clock) {
    this.wcu = new Bucket(clock, 1000);
    this.rcu = new Bucket(clock, 3000);
  }
}

class Throttled extends Error {}

export async function simulateFlashSale(opts: {
  buyers: number;
  units: number;
  seconds: number;
  shards: number;
  failRate?: number;
  seed?: number;
}): Promise<SimResult> {
  let seed = opts.seed ?? 12;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const clock = new Clock();
  const dealItem = new Item(clock);
  const productItem = new Item(clock);
  const shards = Array.from({ length: opts.shards }, (_, i) => ({
    item: new Item(clock),
    stock: shardUnits(opts.units, opts.shards, i),
    holds: new Map<number, number>(),
  }));
  const deal = { soldOut: false, relayedAt: -Infinity };
  let throttled = 0;

  /** One DynamoDB call on `item` (or a cold item when none), retried by the SDK when throttled. */
  async function call<T>(item: Item | null, kind: "read" | "write" | "tx", cost: number, apply: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await clock.sleep((kind === "tx" ? 8 + exp(3) : 3 + exp(1.5)) / 2);
      const ok = !item || (kind === "read" ? item.rcu : item.wcu).take(cost);
      const result = ok ? apply() : undefined;
      await clock.sleep((kind === "tx" ? 8 + exp(3) : 3 + exp(1.5)) / 2);
      if (ok) return result as T;
      throttled++;
      if (attempt >= 2) throw new Throttled();
      await clock.sleep(random() * 500 * 2 ** attempt);
    }
  }
  const shardWcu = (s: (typeof shards)[number]) => Math.ceil((80 + 32 * s.holds.size) / 1024);

  async function markSoldOut() {
    let left = 0;
    for (const s of shards) left += await call(s.item, "read", 1, () => s.stock);
    if (left > 0) return;
    await call(dealItem, "write", 1, () => {
      deal.soldOut = true;
    });
  }

  async function buy(id: number): Promise<"sold" | "refused" | "failed"> {
    for (let i = 0; i < 3; i++) await call(null, "read", 0.5, () => undefined);
    if (await call(dealItem, "read", 0.5, () => deal.soldOut)) return "refused";
    const seen = await call(dealItem, "read", 0.5, () => deal.relayedAt);
    await call(productItem, "read", 0.5, () => undefined);
    await call(null, "read", 0.5, () => undefined);
    const first = Math.floor(random() * shards.length);
    let from: (typeof shards)[number] | undefined;
    for (let i = 0; i < shards.length && !from; i++) {
      const s = shards[(first + i) % shards.length] as (typeof shards)[number];
      const took = await call(s.item, "write", shardWcu(s), () => {
        if (s.stock < 1) return false;
        s.stock -= 1;
        s.holds.set(id, 1);
        return true;
      });
      if (took) from = s;
    }
    if (!from) {
      await markSoldOut();
      return "refused";
    }
    const s = from;
    const written = random() >= (opts.failRate ?? 0.01);
    await call(null, "tx", 0, () => undefined);
    if (!written) {
      await call(null, "write", 1, () => undefined);
      await call(s.item, "write", shardWcu(s), () => {
        if (s.holds.delete(id)) s.stock += 1;
      });
      await call(dealItem, "write", 1, () => {
        deal.soldOut = false;
      });
      return "failed";
    }
    await call(s.item, "write", shardWcu(s), () => s.holds.delete(id)).catch(() => undefined);
    sold.add(id);
    if (s.stock === 0) await markSoldOut().catch(() => undefined);
    if (clock.now - seen > 1000) {
      await call(dealItem, "write", 1, () => {
        if (clock.now - deal.relayedAt > 1000) deal.relayedAt = clock.now;
      }).catch(() => undefined);
    }
    return "sold";
  }

  const sold = new Set<number>();
  const answers: Array<{ at: number; ms: number; outcome: string }> = [];
  let soldOutAt: number | null = null;
  for (let id = 0; id < opts.buyers; id++) {
    const start = random() * opts.seconds * 1000;
    void (async () => {
      await clock.sleep(start);
      const outcome = await buy(id).catch((err) => {
        if (err instanceof Throttled) return "busy";
        throw err;
      });
      if (deal.soldOut && soldOutAt === null) soldOutAt = clock.now;
      answers.push({ at: start, ms: clock.now - start, outcome });
    })();
  }
  await clock.run();

  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  };
  const ms = answers.map((a) => a.ms);
  const after = soldOutAt === null ? [] : answers.filter((a) => a.at > (soldOutAt as number)).map((a) => a.ms);
  const count = (o: string) => answers.filter((a) => a.outcome === o).length;
  const left = shards.reduce((n, s) => n + s.stock, 0);
  const held = shards.reduce((n, s) => n + [...s.holds.keys()].filter((id) => !sold.has(id)).length, 0);
  return {
    shards: opts.shards,
    sold: sold.size,
    left,
    held,
    total: sold.size + left + held,
    refused: count("refused"),
    busy: count("busy"),
    failed: count("failed"),
    throttled,
    soldOutMs: soldOutAt === null ? null : Math.round(soldOutAt),
    p50: pct(ms, 0.5),
    p99: pct(ms, 0.99),
    afterSoldOutP50: after.length ? pct(after, 0.5) : null,
    busiestWcuPerS: Math.max(...shards.flatMap((s) => [...s.item.wcu.used.values()])),
  };
}

/** `pnpm bench flash`: 10,000 buyers over 10 s for 2,000 units, on one item and on the deal's shards. */
export async function flashSim() {
  const units = 2_000;
  const rows = [];
  for (const shards of [1, shardCount(units), MAX_SHARDS]) {
    rows.push(await simulateFlashSale({ buyers: 10_000, units, seconds: 10, shards }));
  }
  return rows;
}
