import { z } from "zod";
import { Certificate } from "../certificate";
import { queryItems } from "../db/client";
import { PROVINCE_CODES, PROVINCES, province } from "../geo/province";
import { REGION_IDS, REGIONS } from "../geo/region";
import { GROUP_IDS, GROUPS } from "../group";
import { Producer } from "../producer";
import { CounterEntity } from "../producer/counter";
import { Product } from "../product";
import { labelLines } from "../product/label-rules";
import { ReviewLifecycle } from "../product/status";
import { vietnamDay } from "../util/date";
import { DomainError, notFound } from "../util/error";
import { fn } from "../util/fn";
import { fold, words } from "../util/fold";
import { MAX_VND } from "../util/money";
import { type Card, type StoredCard, storedCard, toCard } from "./card";
import { decodeCursor, encodeCursor, invalidCursor } from "./cursor";
import { ListingEntity, StorefrontService, WordEntity } from "./entities";
import { type Counted, countFacets, FACET_KEY_PREFIX, type Facets, facetKey, fromCounters } from "./facets";

export { Card } from "./card";
export type { Facets } from "./facets";

export namespace Storefront {
  export const Sort = z.enum(["relevance", "newest", "price_asc", "price_desc", "stars"]);
  export type Sort = z.infer<typeof Sort>;

  export const MAX_LIMIT = 48;
  /** Words a product is findable by; more would crowd its transaction (DynamoDB allows 100 items). */
  const MAX_WORDS = 30;

  /** The catalog's filters, shared by its pages and its facet counts. */
  const filters = {
    q: z.string().trim().max(100).optional(),
    group: z.enum(GROUP_IDS).optional(),
    province: z.enum(PROVINCE_CODES).optional(),
    region: z.enum(REGION_IDS).optional(),
    minStars: z.coerce.number().int().min(3).max(5).optional(),
    minPrice: z.coerce.number().int().min(0).max(MAX_VND).optional(),
    maxPrice: z.coerce.number().int().min(0).max(MAX_VND).optional(),
  };
  const priceInRange = (q: { minPrice?: number; maxPrice?: number }) =>
    q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice;
  const priceOutOfRange = { path: ["maxPrice"], message: "maxPrice must not be below minPrice" };

  export const ListQuery = z
    .object({
      ...filters,
      sort: Sort.optional(),
      cursor: z.string().max(2000).optional(),
      limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(24),
    })
    .refine(priceInRange, priceOutOfRange);
  export type ListQuery = z.input<typeof ListQuery>;

  export interface Page {
    items: Card[];
    cursor: string | null;
  }

  type Shelf = string;
  const shelves = (c: StoredCard): Shelf[] => [
    "all",
    `p-${c.provinceCode}`,
    `g-${c.group}`,
    `r-${c.region}`,
    `m-${c.producerId}`,
  ];

  function searchWords(product: Product.Record, producer: Producer.Record): string[] {
    const p = province(product.provinceCode);
    const source = [product.name, producer.name, p?.short ?? "", product.formerProvince ?? "", ...(product.tags ?? [])];
    return words(source.join(" ")).filter((w) => w.length >= 2);
  }

  function counterKeys(c: StoredCard): string[] {
    return [
      "all",
      `province-${c.provinceCode}`,
      `group-${c.group}`,
      `region-${c.region}`,
      `stars-${c.stars}`,
      facetKey(c),
    ];
  }

  type ProductPatch = Partial<Omit<Product.Record, "productId" | "version" | "createdAt">>;

  /**
   * Writes a change to a product and brings its storefront items (shelves, search words, counters) in line,
   * in one transaction conditional on the product's version, so readers never see a half-listed product
   * and concurrent changes cannot double-count. `extra` adds other writes to the same transaction.
   */
  export async function sync(
    productId: string,
    patch: ProductPatch = {},
    extra: (tx: TxEntities) => unknown[] = () => [],
    today = vietnamDay(),
  ): Promise<Product.Record> {
    for (let attempt = 0; ; attempt++) {
      const product = await Product.get(productId);
      const next: Product.Record = {
        ...product,
        ...patch,
        version: product.version + 1,
        updatedAt: new Date().toISOString(),
      };
      if (next.status === "approved" && (!next.certificate || !Certificate.isValidOn(next.certificate, today))) {
        next.status = ReviewLifecycle.move(next.status, "expired");
      }
      next.validUntil = next.certificate?.validUntil ?? "";
      const producer = await Producer.get(next.producerId);
      const [{ data: oldListings }, { data: oldWords }] = await Promise.all([
        ListingEntity.query.byProduct({ productId }).go({ pages: "all" }),
        WordEntity.query.byProduct({ productId }).go({ pages: "all" }),
      ]);

      const card = next.status === "approved" ? storedCard(next, producer) : undefined;
      const newShelves = card ? shelves(card) : [];
      const newWords = card ? searchWords(next, producer).slice(0, MAX_WORDS) : [];
      const text = newWords.join(" ");

      const oldAll = oldListings.find((l) => l.shelf === "all");
      const delta = new Map<string, number>();
      for (const key of oldAll ? counterKeys(oldAll) : []) delta.set(key, (delta.get(key) ?? 0) - 1);
      for (const key of card ? counterKeys(card) : []) delta.set(key, (delta.get(key) ?? 0) + 1);

      // Only what this change touches is written: stock in particular moves with every order (conditional ADDs
      // that do not bump the version) and must never be overwritten with the value read above.
      const fields = {
        ...patch,
        status: next.status,
        validUntil: next.validUntil,
        updatedAt: next.updatedAt,
        // Part of the status index's sort key, which ElectroDB rewrites whole.
        provinceCode: next.provinceCode,
      };
      const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as ProductPatch;
      const removed = Object.keys(fields).filter(
        (k) => fields[k as keyof typeof fields] === undefined && product[k as keyof typeof product] !== undefined,
      ) as Array<keyof ProductPatch>;
      const result = await StorefrontService.transaction
        .write((tx) => [
          (removed.length
            ? tx.product
                .patch({ productId })
                .set(changed)
                .set({ version: next.version })
                .remove(removed as never[])
            : tx.product.patch({ productId }).set(changed).set({ version: next.version })
          )
            .where(({ version }, { eq }) => eq(version, product.version))
            .commit(),
          ...oldListings
            .filter((l) => !newShelves.includes(l.shelf))
            .map((l) => tx.listing.delete({ productId, shelf: l.shelf }).commit()),
          ...(card ? newShelves.map((shelf) => tx.listing.put({ ...card, shelf }).commit()) : []),
          ...oldWords
            .filter((w) => !newWords.includes(w.token))
            .map((w) => tx.word.delete({ productId, token: w.token }).commit()),
          ...(card
            ? newWords.map((token) => tx.word.put({ ...card, token, initial: token.charAt(0), text }).commit())
            : []),
          ...[...delta]
            .filter(([, n]) => n !== 0)
            .map(([key, n]) => tx.counter.update({ scope: "storefront", key }).add({ count: n }).commit()),
          ...(extra(tx) as never[]),
        ])
        .go();
      if (!result.canceled) return next;
      if (attempt >= 3) {
        throw new DomainError(409, "conflict", {
          vi: "Sản phẩm vừa được thay đổi ở nơi khác, hãy thử lại.",
          en: "The product was changed elsewhere; try again.",
        });
      }
    }
  }
  export type TxEntities = Parameters<Parameters<typeof StorefrontService.transaction.write>[0]>[0];

  /** A product is on the storefront while approved and its certificate is valid today (Vietnam time). */
  export function isListed(product: Product.Record, today = vietnamDay()): boolean {
    return product.status === "approved" && !!product.certificate && Certificate.isValidOn(product.certificate, today);
  }

  const INDEX_FOR: Record<Exclude<Sort, "relevance">, { index: "newest" | "price" | "stars"; forward: boolean }> = {
    newest: { index: "newest", forward: false },
    price_asc: { index: "price", forward: true },
    price_desc: { index: "price", forward: false },
    stars: { index: "stars", forward: false },
  };

  const GSI_FOR = { newest: "gsi1", price: "gsi2", stars: "gsi3" } as const;

  type Filters = z.output<typeof ListQuery>;

  /** The storefront list: one Query on the most selective shelf (two at most), never a Scan. */
  export const list = fn(ListQuery, async (query): Promise<Page> => {
    const today = vietnamDay();
    const terms = query.q ? words(query.q) : [];
    if (terms.length > 0) return search(query, terms, today);

    const shelf = query.province
      ? `p-${query.province}`
      : query.group
        ? `g-${query.group}`
        : query.region
          ? `r-${query.region}`
          : "all";
    const sort = query.sort && query.sort !== "relevance" ? query.sort : "newest";
    const { index, forward } = INDEX_FOR[sort];
    const gsi = GSI_FOR[index];

    const params = shelfQueryParams(index, shelf, today, query);

    const cursor = decodeCursor(query.cursor);
    if (cursor && !("k" in cursor)) throw invalidCursor();
    let startKey = cursor?.k;
    if (startKey && startKey[`${gsi}pk`] !== params.ExpressionAttributeValues[":pk"]) {
      throw invalidCursor();
    }

    const items: Array<Record<string, unknown>> = [];
    let lastKey: Record<string, string> | undefined;
    // Only the validity check filters a shelf read without other filters, and it rarely drops anything: read a
    // page and a few more rather than a whole 1 MB. With filters, let DynamoDB read up to 1 MB per call.
    const pageSize = filtersOf(query, shelf).length > 0 ? undefined : query.limit + 8;
    for (let call = 0; call < 2 && items.length < query.limit; call++) {
      const page = await queryItems({
        ...params,
        ScanIndexForward: forward,
        ExclusiveStartKey: startKey,
        Limit: pageSize,
      });
      for (const item of page.Items ?? []) {
        if (items.length < query.limit) items.push(item);
      }
      lastKey = page.LastEvaluatedKey as Record<string, string> | undefined;
      if (!lastKey) break;
      startKey = lastKey;
    }

    let next: string | null = null;
    const last = items.at(-1);
    if (items.length === query.limit && last) {
      next = encodeCursor({ k: keyOf(last, gsi) });
    } else if (lastKey) {
      next = encodeCursor({ k: lastKey });
    }
    const parsed = ListingEntity.parse({ Items: items }).data;
    return { items: parsed.map(toCard), cursor: next };
  });

  function shelfQueryParams(index: "newest" | "price" | "stars", shelf: string, today: string, query: Filters) {
    type Params = { TableName: string; ExpressionAttributeValues: Record<string, unknown> } & Record<string, unknown>;
    // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute and operation types
    const where = (a: any, op: any) =>
      [op.gte(a.validUntil, today), filterExpression(a, op, query, shelf)].filter(Boolean).join(" AND ");
    switch (index) {
      case "newest":
        return ListingEntity.query.newest({ shelf }).where(where).params<Params>();
      case "price":
        return ListingEntity.query.price({ shelf }).where(where).params<Params>();
      case "stars":
        return ListingEntity.query.stars({ shelf }).where(where).params<Params>();
    }
  }

  function keyOf(item: Record<string, unknown>, gsi: string): Record<string, string> {
    const key: Record<string, string> = {};
    for (const field of ["pk", "sk", `${gsi}pk`, `${gsi}sk`]) key[field] = String(item[field]);
    return key;
  }

  /** The filters a list applies beyond its shelf and the validity check. */
  function filtersOf(query: Filters, shelf: string): Array<["gte" | "lte" | "eq", string, string | number]> {
    const out: Array<["gte" | "lte" | "eq", string, string | number]> = [];
    if (query.minStars !== undefined) out.push(["gte", "stars", query.minStars]);
    if (query.minPrice !== undefined) out.push(["gte", "priceVnd", query.minPrice]);
    if (query.maxPrice !== undefined) out.push(["lte", "priceVnd", query.maxPrice]);
    if (query.group && !shelf.startsWith("g-")) out.push(["eq", "group", query.group]);
    if (query.province && !shelf.startsWith("p-")) out.push(["eq", "provinceCode", query.province]);
    if (query.region && !shelf.startsWith("r-")) out.push(["eq", "region", query.region]);
    return out;
  }

  // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute and operation types
  function filterExpression(a: any, op: any, query: Filters, shelf: string): string {
    return filtersOf(query, shelf)
      .map(([operation, attribute, value]) => op[operation](a[attribute], value))
      .join(" AND ");
  }

  /**
   * Search reads the search words of the longest query word (as a prefix) and keeps the products whose
   * words also start with every other query word. Results are ranked in memory; the cursor is an offset.
   */
  async function search(query: Filters, terms: string[], today: string): Promise<Page> {
    const cursor = decodeCursor(query.cursor);
    if (cursor && !("o" in cursor)) throw invalidCursor();
    const offset = cursor?.o ?? 0;
    const lookup = terms.reduce((a, b) => (b.length > a.length ? b : a));
    const request = WordEntity.query
      .byToken({ initial: lookup.charAt(0) })
      .begins({ token: lookup })
      .where(({ validUntil }, { gte }) => gte(validUntil, today))
      .where((a, op) => filterExpression(a, op, query, ""));
    const { data } = await request.go({ pages: 2 });

    const byProduct = new Map<string, (typeof data)[number]>();
    for (const item of data) {
      const itemWords = item.text.split(" ");
      const matches = terms.every((t) => itemWords.some((w) => w.startsWith(t)));
      if (matches && !byProduct.has(item.productId)) byProduct.set(item.productId, item);
    }
    const phrase = terms.join(" ");
    const rank = (item: (typeof data)[number]) => {
      const name = fold(item.name);
      if (name.includes(phrase)) return 0;
      return terms.every((t) => name.split(" ").some((w) => w.startsWith(t))) ? 1 : 2;
    };
    const sort = query.sort ?? "relevance";
    const found = [...byProduct.values()].sort((x, y) => {
      switch (sort) {
        case "price_asc":
          return x.priceVnd - y.priceVnd;
        case "price_desc":
          return y.priceVnd - x.priceVnd;
        case "newest":
          return y.listedAt.localeCompare(x.listedAt);
        case "stars":
          return y.stars - x.stars || y.score - x.score;
        default:
          return rank(x) - rank(y) || y.stars - x.stars || y.listedAt.localeCompare(x.listedAt);
      }
    });
    const items = found.slice(offset, offset + query.limit);
    const more = offset + query.limit < found.length;
    return { items: items.map(toCard), cursor: more ? encodeCursor({ o: offset + query.limit }) : null };
  }

  export const FacetQuery = z.object(filters).refine(priceInRange, priceOutOfRange);
  export type FacetQuery = z.input<typeof FacetQuery>;

  /**
   * Counts by province and by group for the catalog's filters, under the search text and the other filters — at
   * most 2 calls, never a Scan. With text: the search's own word read, counted in memory. With a price range: the
   * `all` shelf's price index between the bounds. Otherwise: the province × group × stars counters, one Query.
   */
  export const facets = fn(FacetQuery, async (query): Promise<Facets> => {
    const today = vietnamDay();
    const terms = query.q ? words(query.q) : [];
    if (terms.length > 0) {
      const lookup = terms.reduce((a, b) => (b.length > a.length ? b : a));
      const { data, cursor } = await WordEntity.query
        .byToken({ initial: lookup.charAt(0) })
        .begins({ token: lookup })
        .where(({ validUntil }, { gte }) => gte(validUntil, today))
        .go({ pages: 2 });
      const matched = new Map<string, Counted>();
      for (const item of data) {
        const itemWords = item.text.split(" ");
        if (terms.every((t) => itemWords.some((w) => w.startsWith(t)))) matched.set(item.productId, item);
      }
      return countFacets(matched.values(), query, !cursor);
    }
    if (query.minPrice !== undefined || query.maxPrice !== undefined) {
      // Price keys are the padded price then the product: up to (not including) max + 1 takes every product at max.
      const { data, cursor } = await ListingEntity.query
        .price({ shelf: "all" })
        .between({ priceVnd: query.minPrice ?? 0 }, { priceVnd: (query.maxPrice ?? MAX_VND) + 1 })
        .where(({ validUntil }, { gte }) => gte(validUntil, today))
        .go({ pages: 2 });
      return countFacets(data, query, !cursor);
    }
    const { data, cursor } = await CounterEntity.query
      .byScope({ scope: "storefront" })
      .begins({ key: FACET_KEY_PREFIX })
      .go({ pages: 2 });
    return countFacets(fromCounters(data), query, !cursor);
  });

  /** Product page: the product (its certificate is on it) and its producer — two reads. */
  export async function product(productId: string) {
    const item = await Product.get(productId).catch(() => undefined);
    if (!item || !isListed(item)) throw notFound({ vi: "sản phẩm", en: "Product" });
    const producer = await Producer.get(item.producerId);
    const cert = item.certificate;
    if (!cert) throw notFound({ vi: "sản phẩm", en: "Product" });
    const p = province(item.provinceCode);
    return {
      productId: item.productId,
      name: item.name,
      group: item.group,
      provinceCode: item.provinceCode,
      region: p?.region ?? null,
      formerProvince: item.formerProvince ?? null,
      priceVnd: item.priceVnd,
      unit: item.unit,
      weightGrams: item.weightGrams,
      inStock: item.stock > 0,
      stock: item.stock,
      images: (item.images ?? []).map((key) => toCard({ ...storedCard(item, producer), image: key }).image ?? ""),
      story: item.story ?? "",
      tags: item.tags ?? [],
      label: labelLines(item.group, item.label),
      certificate: {
        stars: cert.stars,
        score: cert.score?.a !== undefined ? { a: cert.score.a, b: cert.score.b ?? 0, c: cert.score.c ?? 0 } : null,
        decisionNumber: cert.decisionNumber,
        decisionDate: cert.decisionDate,
        issuer: cert.issuer,
        level: cert.level,
        validUntil: cert.validUntil,
      },
      producer: Producer.toPublic(producer),
    };
  }
  export type ProductPage = Awaited<ReturnType<typeof product>>;

  /** Producer page: the producer and their listed products — two reads. */
  export async function producer(producerId: string, limit = MAX_LIMIT) {
    const item = await Producer.get(producerId);
    const today = vietnamDay();
    const { data } = await ListingEntity.query
      .newest({ shelf: `m-${producerId}` })
      .where(({ validUntil }, { gte }) => gte(validUntil, today))
      .go({ order: "desc", limit });
    return { producer: Producer.toPublic(item), products: data.map(toCard) };
  }

  export interface Counts {
    all: number;
    province: Record<string, number>;
    group: Record<string, number>;
    region: Record<string, number>;
    stars: Record<string, number>;
    producers: Record<string, number>;
  }

  function countsFrom(rows: Array<{ key: string; count: number }>): Counts {
    const counts: Counts = { all: 0, province: {}, group: {}, region: {}, stars: {}, producers: {} };
    for (const { key, count } of rows) {
      if (key === "all") counts.all = count;
      const [kind, ...rest] = key.split("-");
      const id = rest.join("-");
      if (kind === "province" || kind === "group" || kind === "region" || kind === "stars" || kind === "producers") {
        counts[kind][id] = count;
      }
    }
    return counts;
  }

  export async function counts(): Promise<Counts> {
    return (await storefrontItems()).counts;
  }

  async function storefrontItems() {
    const { data } = await StorefrontService.collections.storefront({ scope: "storefront" }).go({ pages: "all" });
    return { counts: countsFrom(data.counter), collections: data.collection };
  }

  /** The 34 provinces with their region and listed-product counts — one read. */
  export async function provinces() {
    const { counts } = await storefrontItems();
    return PROVINCES.map((p) => ({
      code: p.code,
      name: p.name,
      short: p.short,
      region: p.region,
      formerly: p.formerly,
      products: counts.province[p.code] ?? 0,
    }));
  }

  export async function groups() {
    const { counts } = await storefrontItems();
    return GROUPS.map((g) => ({ id: g.id, vi: g.vi, en: g.en, products: counts.group[g.id] ?? 0 }));
  }

  /** Home: curated collections with their cards, and the counts to browse by — two reads. */
  export async function home() {
    const { counts, collections } = await storefrontItems();
    const ordered = [...collections].sort((a, b) => a.position - b.position);
    const ids = [...new Set(ordered.flatMap((c) => c.productIds))];
    const today = vietnamDay();
    const cards = new Map<string, Card>();
    if (ids.length > 0) {
      const { data } = await ListingEntity.get(ids.map((productId) => ({ productId, shelf: "all" }))).go();
      for (const item of data) if (item.validUntil >= today) cards.set(item.productId, toCard(item));
    }
    return {
      collections: ordered.map((c) => ({
        id: c.collectionId,
        title: { vi: c.titleVi, en: c.titleEn },
        products: c.productIds.flatMap((id) => cards.get(id) ?? []),
      })),
      regions: REGIONS.map((r) => ({ ...r, products: counts.region[r.id] ?? 0 })),
      groups: GROUPS.map((g) => ({ id: g.id, vi: g.vi, en: g.en, products: counts.group[g.id] ?? 0 })),
      stars: [3, 4, 5].map((s) => ({ stars: s, products: counts.stars[String(s)] ?? 0 })),
      total: counts.all,
    };
  }

  /**
   * Takes products whose certificate has run out off the storefront and marks them expired.
   * Readers already hide them (validity is checked at read time); this keeps statuses and counts true.
   */
  export async function sweepExpired(today = vietnamDay()): Promise<string[]> {
    const { data } = await Product.entity.query
      .byExpiry({ status: "approved" })
      .lt({ validUntil: today })
      .go({ pages: "all" });
    const expired: string[] = [];
    for (const item of data) {
      await sync(item.productId, {}, () => [], today);
      expired.push(item.productId);
    }
    await backfillFacetCounters();
    return expired;
  }

  /**
   * A storefront listed before the province × group × stars counters existed has none (their sum is not the `all`
   * count): they are counted once from the `all` shelf — in this job, never in a request — and `sync` keeps them.
   */
  async function backfillFacetCounters() {
    const { data: counters } = await CounterEntity.query.byScope({ scope: "storefront" }).go({ pages: "all" });
    const all = counters.find((c) => c.key === "all")?.count ?? 0;
    const facetTotal = counters.filter((c) => c.key.startsWith(FACET_KEY_PREFIX)).reduce((n, c) => n + c.count, 0);
    if (facetTotal === all) return;
    const { data: listed } = await ListingEntity.query.newest({ shelf: "all" }).go({ pages: "all" });
    const wanted = new Map<string, number>();
    for (const c of counters) if (c.key.startsWith(FACET_KEY_PREFIX)) wanted.set(c.key, 0);
    for (const l of listed) wanted.set(facetKey(l), (wanted.get(facetKey(l)) ?? 0) + 1);
    for (const [key, n] of wanted) {
      const diff = n - (counters.find((c) => c.key === key)?.count ?? 0);
      if (diff !== 0) await CounterEntity.update({ scope: "storefront", key }).add({ count: diff }).go();
    }
  }
}
