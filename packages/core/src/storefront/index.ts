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
import { words } from "../util/fold";
import { MAX_VND } from "../util/money";
import { type Card, type StoredCard, storedCard, toCard } from "./card";
import { decodeCursor, encodeCursor, invalidCursor } from "./cursor";
import { ListingEntity, StorefrontService, WordEntity } from "./entities";
import { countFacets, FACET_KEY_PREFIX, type Facets, facetKey, fromCounters } from "./facets";
import { byRelevance, relevanceKey, terms as searchTerms, type Terms } from "./relevance";
import { type CardFilters, completions, matchedSet, relevancePage, wordCounter, wordsToRead } from "./search";

export { Card } from "./card";
export type { Facets } from "./facets";

export namespace Storefront {
  export const Sort = z.enum(["relevance", "newest", "price_asc", "price_desc", "stars"]);
  export type Sort = z.infer<typeof Sort>;

  export const MAX_LIMIT = 48;
  /**
   * Words a product is findable by; more would crowd its transaction (DynamoDB allows 100 items). The worst change,
   * a listed product moved to another province, group and stars with every word new: 1 product + 9 shelves put and
   * 8 taken down + 10 counters + 30 words put and 30 taken down = 88, leaving 12 for the caller's own writes.
   */
  export const MAX_WORDS = 30;

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
  /** The stars a "n stars and up" shelf is kept for (every listed product has 3 or more). */
  const STAR_SHELVES = [4, 5] as const;
  /** The shelves a listed product stands on (the bench's synthetic catalogue writes the same). */
  export const shelves = (c: StoredCard): Shelf[] => [
    "all",
    `p-${c.provinceCode}`,
    `g-${c.group}`,
    `r-${c.region}`,
    `m-${c.producerId}`,
    ...STAR_SHELVES.filter((k) => c.stars >= k).flatMap((k) => [`s${k}`, `r-${c.region}-s${k}`]),
  ];

  export function searchWords(product: Product.Record, producer: Producer.Record): string[] {
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
    return (await write(productId, patch, extra, today, "change")).record;
  }

  /**
   * `sync`'s work; "reindex" rewrites a listed product's storefront items as they are now made without changing
   * the product (its version is checked, not bumped), for the re-index job.
   */
  async function write(
    productId: string,
    patch: ProductPatch,
    extra: (tx: TxEntities) => unknown[],
    today: string,
    mode: "change" | "reindex",
  ): Promise<{ record: Product.Record; words: string[] }> {
    for (let attempt = 0; ; attempt++) {
      const product = await Product.get(productId);
      const reindexing = mode === "reindex" && isListed(product, today);
      const next: Product.Record = reindexing
        ? product
        : { ...product, ...patch, version: product.version + 1, updatedAt: new Date().toISOString() };
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
      if (reindexing && card && current(card, oldListings, newShelves, oldWords, newWords)) {
        return { record: product, words: newWords };
      }
      const wordDelta = new Map<string, number>();
      for (const w of oldWords) wordDelta.set(w.token, (wordDelta.get(w.token) ?? 0) - 1);
      for (const w of newWords) wordDelta.set(w, (wordDelta.get(w) ?? 0) + 1);

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
          reindexing
            ? tx.product
                .check({ productId })
                .where(({ version }, { eq }) => eq(version, product.version))
                .commit()
            : (removed.length
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
            ? newWords.map((token) => tx.word.put({ ...card, token, text, rank: relevanceKey(card, token) }).commit())
            : []),
          ...[...delta]
            .filter(([, n]) => n !== 0)
            .map(([key, n]) => tx.counter.update({ scope: "storefront", key }).add({ count: n }).commit()),
          ...(extra(tx) as never[]),
        ])
        .go();
      if (!result.canceled) {
        await countWords(wordDelta);
        return { record: reindexing ? product : next, words: newWords };
      }
      // Changed meanwhile: that change wrote the items as they are made now.
      if (mode === "reindex") return { record: product, words: newWords };
      if (attempt >= 3) {
        throw new DomainError(409, "conflict", {
          vi: "Sản phẩm vừa được thay đổi ở nơi khác, hãy thử lại.",
          en: "The product was changed elsewhere; try again.",
        });
      }
    }
  }
  /** Whether a listed product's stored items are already what `sync` makes now (the re-index job skips it). */
  function current(
    card: StoredCard,
    listings: Array<Record<string, unknown> & { shelf: string }>,
    wanted: Shelf[],
    stored: Array<Record<string, unknown> & { token: string; rank?: string; text?: string }>,
    words: string[],
  ): boolean {
    const same = (item: Record<string, unknown>) =>
      (Object.keys(card) as Array<keyof StoredCard>).every((k) => item[k] === card[k]);
    const text = words.join(" ");
    return (
      listings.length === wanted.length &&
      listings.every((l) => wanted.includes(l.shelf) && same(l)) &&
      stored.length === words.length &&
      stored.every(
        (w) => words.includes(w.token) && w.text === text && w.rank === relevanceKey(card, w.token) && same(w),
      )
    );
  }

  export type TxEntities = Parameters<Parameters<typeof StorefrontService.transaction.write>[0]>[0];

  /**
   * The per-word counters follow a committed change, outside its transaction (which has no room for them): they
   * only choose the rarest word of a search and complete a typed one, so a count left off by a crash between the
   * two costs a less good choice until the re-index job counts them again.
   */
  async function countWords(delta: Map<string, number>) {
    await Promise.all(
      [...delta]
        .filter(([, n]) => n !== 0)
        .map(([word, n]) => CounterEntity.update(wordCounter(word)).add({ count: n }).go()),
    );
  }

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

    const stars = starShelf(query.minStars);
    const shelf = query.province
      ? `p-${query.province}`
      : query.group
        ? `g-${query.group}`
        : query.region
          ? `r-${query.region}${stars}`
          : stars
            ? stars.slice(1)
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
    const pageSize = filtersOf(query, shelf, index).length > 0 ? undefined : query.limit + 8;
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

  /** The suffix of the "n stars and up" shelf for a minimum, if one is kept for it. */
  function starShelf(minStars: number | undefined): string {
    const k = STAR_SHELVES.find((s) => s === minStars);
    return k ? `-s${k}` : "";
  }

  const onStarShelf = (shelf: string) => /(^|-)s[45]$/.test(shelf);
  const pricedByKey = (index: string, query: Filters) =>
    index === "price" && (query.minPrice !== undefined || query.maxPrice !== undefined);

  function shelfQueryParams(index: "newest" | "price" | "stars", shelf: string, today: string, query: Filters) {
    type Params = { TableName: string; ExpressionAttributeValues: Record<string, unknown> } & Record<string, unknown>;
    // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute and operation types
    const where = (a: any, op: any) =>
      [op.gte(a.validUntil, today), filterExpression(a, op, query, shelf, index)].filter(Boolean).join(" AND ");
    switch (index) {
      case "newest":
        return ListingEntity.query.newest({ shelf }).where(where).params<Params>();
      case "price":
        // A price range on the price order is the key's range: only the products in it are read.
        return pricedByKey(index, query)
          ? ListingEntity.query
              .price({ shelf })
              .between({ priceVnd: query.minPrice ?? 0 }, { priceVnd: (query.maxPrice ?? MAX_VND) + 1 })
              .where(where)
              .params<Params>()
          : ListingEntity.query.price({ shelf }).where(where).params<Params>();
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
  function filtersOf(
    query: Filters,
    shelf: string,
    index?: string,
  ): Array<["gte" | "lte" | "eq", string, string | number]> {
    const out: Array<["gte" | "lte" | "eq", string, string | number]> = [];
    if (query.minStars !== undefined && query.minStars > 3 && !onStarShelf(shelf)) {
      out.push(["gte", "stars", query.minStars]);
    }
    if (!pricedByKey(index ?? "", query)) {
      if (query.minPrice !== undefined) out.push(["gte", "priceVnd", query.minPrice]);
      if (query.maxPrice !== undefined) out.push(["lte", "priceVnd", query.maxPrice]);
    }
    if (query.group && !shelf.startsWith("g-")) out.push(["eq", "group", query.group]);
    if (query.province && !shelf.startsWith("p-")) out.push(["eq", "provinceCode", query.province]);
    if (query.region && !shelf.startsWith("r-")) out.push(["eq", "region", query.region]);
    return out;
  }

  // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute and operation types
  function filterExpression(a: any, op: any, query: Filters, shelf: string, index?: string): string {
    return filtersOf(query, shelf, index)
      .map(([operation, attribute, value]) => op[operation](a[attribute], value))
      .join(" AND ");
  }

  /**
   * Search reads the word index of one word, a page at a time in the order shown (storefront/relevance.ts): a
   * single word reads itself; several read the rarest whole word and keep the products that have the others (the
   * last one as a prefix, being typed). A single word the index does not have is one being typed: it completes to
   * the index's commonest words that start so (storefront/search.ts), read together. Sorts other than relevance
   * read the whole match (two Queries a word at most) and sort it in memory; their cursor is an offset.
   */
  async function search(query: Filters, folded: string[], today: string): Promise<Page> {
    const t = searchTerms(folded) as Terms;
    const sort = query.sort ?? "relevance";
    const cursor = decodeCursor(query.cursor);
    if (sort !== "relevance") {
      if (cursor && !("o" in cursor)) throw invalidCursor();
      const offset = cursor?.o ?? 0;
      const { items } = await matches(t, query, today);
      const found = items.sort((x, y) => {
        switch (sort) {
          case "price_asc":
            return x.priceVnd - y.priceVnd || x.productId.localeCompare(y.productId);
          case "price_desc":
            return y.priceVnd - x.priceVnd || x.productId.localeCompare(y.productId);
          case "newest":
            return y.listedAt.localeCompare(x.listedAt) || x.productId.localeCompare(y.productId);
          default:
            return y.stars - x.stars || y.score - x.score || byRelevance(t.last)(x, y);
        }
      });
      const page = found.slice(offset, offset + query.limit);
      const more = offset + query.limit < found.length;
      return { items: page.map(toCard), cursor: more ? encodeCursor({ o: offset + query.limit }) : null };
    }

    if (cursor && !("w" in cursor)) throw invalidCursor();
    let read = cursor?.w;
    if (read && !read.every((w) => t.whole.includes(w) || w.startsWith(t.last))) throw invalidCursor();
    read ??= await wordsToRead(t);
    let page = await relevancePage(read, t, query, today, query.limit, cursor?.r);
    if (!cursor && page.read === 0 && t.whole.length === 0) {
      read = (await completions(t.last)).filter((w) => w !== t.last);
      if (read.length > 0) page = await relevancePage(read, t, query, today, query.limit, undefined);
    }
    return {
      items: page.items.map(toCard),
      cursor: page.below === undefined ? null : encodeCursor({ w: read, r: page.below }),
    };
  }

  /** Every product a search matches (bounded: `complete` says whether the read got to the end). */
  async function matches(t: Terms, query: CardFilters, today: string) {
    const read = await wordsToRead(t);
    const found = await matchedSet(read, t, query, today);
    if (found.read > 0 || t.whole.length > 0) return found;
    const completed = (await completions(t.last)).filter((w) => w !== t.last);
    return completed.length > 0 ? matchedSet(completed, t, query, today) : found;
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
      // Every match, unfiltered: each facet applies the other filters itself.
      const { items, complete } = await matches(searchTerms(terms) as Terms, {}, today);
      return countFacets(items, query, complete);
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
    await reindexIfStale(today);
    return expired;
  }

  /** Bumped whenever the storefront's items change shape; the re-index job brings a table up to it once. */
  const INDEX_VERSION = 2;
  const INDEX_MARKER = { scope: "storefront-index", key: "version" };

  /**
   * The re-index job: rewrites every listed product's shelves and search words as `sync` makes them now (version 2:
   * words under the whole word in relevance order, the "4 and 5 stars and up" shelves), then sets the per-word
   * counters to what it wrote. Changes no product. Idempotent; safe beside live traffic (a product changed meanwhile
   * is written by its own change).
   */
  export async function reindex(today = vietnamDay()): Promise<{ products: number; words: number }> {
    const { data: listed } = await ListingEntity.query.newest({ shelf: "all" }).go({ pages: "all" });
    const wanted = new Map<string, number>();
    for (let i = 0; i < listed.length; i += 16) {
      const done = await Promise.all(
        listed.slice(i, i + 16).map((l) => write(l.productId, {}, () => [], today, "reindex")),
      );
      for (const { words } of done) for (const w of words) wanted.set(w, (wanted.get(w) ?? 0) + 1);
    }
    const initials = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
    const counted = new Map<string, number>();
    for (const c of initials) {
      const { data } = await CounterEntity.query.byScope({ scope: wordCounter(c).scope }).go({ pages: "all" });
      for (const row of data) counted.set(row.key, row.count);
    }
    const diffs = [...new Set([...wanted.keys(), ...counted.keys()])]
      .map((w) => [w, (wanted.get(w) ?? 0) - (counted.get(w) ?? 0)] as const)
      .filter(([, n]) => n !== 0);
    for (let i = 0; i < diffs.length; i += 16) {
      await countWords(new Map(diffs.slice(i, i + 16)));
    }
    return { products: listed.length, words: wanted.size };
  }

  /**
   * Runs the re-index job once per INDEX_VERSION: the seed and the expiry sweep call it (so `pnpm start`, and on
   * AWS the daily job or one invocation of it after a deploy). Returns what it re-indexed, or null when current.
   */
  export async function reindexIfStale(today = vietnamDay()) {
    const { data } = await CounterEntity.get(INDEX_MARKER).go();
    const at = data?.count ?? 0;
    if (at >= INDEX_VERSION) return null;
    const result = await reindex(today);
    await CounterEntity.update(INDEX_MARKER)
      .add({ count: INDEX_VERSION - at })
      .go();
    return result;
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
