import { queryItems } from "../db/client";
import { CounterEntity } from "../producer/counter";
import { WordEntity } from "./entities";
import { driver, matches, relevanceKey, type Terms } from "./relevance";

/**
 * Search reads the word index (gsi4: the whole folded word → the relevance key, best first), so a page of a word is
 * one Query of about a page. Per-word counters (`word-<initial>` scopes, key = the word) tell the rarest of several
 * words and complete a word being typed ("nuo" → "nuoc").
 */

export type WordItem = ReturnType<typeof WordEntity.parse>["data"][number];

/** The filters a search applies to the cards it reads. */
export interface CardFilters {
  group?: string;
  province?: string;
  region?: string;
  minStars?: number;
  minPrice?: number;
  maxPrice?: number;
}

export function keeps(card: WordItem, f: CardFilters, today: string): boolean {
  if (card.validUntil < today) return false;
  if (f.group && card.group !== f.group) return false;
  if (f.province && card.provinceCode !== f.province) return false;
  if (f.region && card.region !== f.region) return false;
  if (f.minStars !== undefined && card.stars < f.minStars) return false;
  if (f.minPrice !== undefined && card.priceVnd < f.minPrice) return false;
  if (f.maxPrice !== undefined && card.priceVnd > f.maxPrice) return false;
  return true;
}

const narrows = (f: CardFilters) => Object.values(f).some((v) => v !== undefined);

/** The counter of one word: how many listed products have it. */
export const wordCounter = (word: string) => ({ scope: `word-${word.charAt(0)}`, key: word });

/** A word being typed completes to at most this many of the index's words, the commonest first. */
export const MAX_COMPLETIONS = 5;

/** The index's words that start with a prefix, commonest first (one Query of the counters). */
export async function completions(prefix: string): Promise<string[]> {
  const { data } = await CounterEntity.query
    .byScope({ scope: wordCounter(prefix).scope })
    .begins({ key: prefix })
    .go({ limit: 500 });
  return data
    .filter((c) => c.count > 0 && c.key.startsWith(prefix))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, MAX_COMPLETIONS)
    .map((c) => c.key);
}

/** The words a search reads: a single word itself, else the rarest whole word (one BatchGet of its counters). */
export async function wordsToRead(t: Terms): Promise<string[]> {
  if (t.whole.length < 2) return [t.whole[0] ?? t.last];
  const { data } = await CounterEntity.get(t.whole.map(wordCounter)).go();
  return [driver(t, new Map(data.map((c) => [c.key, c.count])))];
}

type Params = { TableName: string } & Record<string, unknown>;

async function readWord(word: string, below: string | undefined, limit: number | undefined) {
  const q = WordEntity.query.byWord({ token: word });
  const params = (below === undefined ? q : q.lt({ rank: below })).params<Params>();
  const page = await queryItems({ ...params, ScanIndexForward: false, Limit: limit });
  return { items: WordEntity.parse({ Items: page.Items ?? [] }).data, more: page.LastEvaluatedKey !== undefined };
}

export interface RelevancePage {
  items: WordItem[];
  /** The last key passed: the next page reads below it. Undefined when every word has been read to its end. */
  below: string | undefined;
  /** Index entries read: none means the word is not in the index. */
  read: number;
}

/**
 * A page in relevance order from the index entries of one or more words, merged (several when a typed word
 * completes to several): a product under two of them is taken where its key is greatest, which is the key it
 * ranks by, so pages neither repeat it nor skip it. Reads about a page per word, more only while the filters and
 * the other words drop entries, at most `maxCalls` Queries in all.
 */
export async function relevancePage(
  words: string[],
  t: Terms,
  f: CardFilters,
  today: string,
  limit: number,
  below: string | undefined,
  maxCalls = words.length + 3,
): Promise<RelevancePage> {
  const size = narrows(f) || t.whole.length > 0 || words.length > 1 ? 100 : limit + 8;
  const heads = new Map(words.map((w) => [w, { items: [] as WordItem[], more: true, after: below }]));
  let calls = 0;
  let read = 0;
  const fill = async (w: string) => {
    const head = heads.get(w);
    if (!head || head.items.length > 0 || !head.more) return;
    calls++;
    const page = await readWord(w, head.after, calls <= words.length ? size : 100);
    read += page.items.length;
    head.items.push(...page.items);
    head.more = page.more && page.items.length > 0;
    head.after = page.items.at(-1)?.rank ?? head.after;
  };
  await Promise.all(words.map(fill));

  const items: WordItem[] = [];
  let last = below;
  for (;;) {
    const pending = [...heads].filter(([, h]) => h.items.length === 0 && h.more).map(([w]) => w);
    if (pending.length > 0) {
      if (calls + pending.length > maxCalls) return { items, below: last, read };
      await Promise.all(pending.map(fill));
      continue;
    }
    let best: [string, WordItem] | undefined;
    for (const [w, h] of heads) {
      const item = h.items[0];
      if (item && (!best || item.rank > best[1].rank)) best = [w, item];
    }
    if (!best) return { items, below: undefined, read };
    const [, item] = best;
    heads.get(best[0])?.items.shift();
    last = item.rank;
    const ownKey = words.length === 1 || relevanceKey(item, words) === item.rank;
    if (ownKey && keeps(item, f, today) && matches(t, item.text)) items.push(item);
    if (items.length === limit) {
      const done = [...heads.values()].every((h) => h.items.length === 0 && !h.more);
      return { items, below: done ? undefined : last, read };
    }
  }
}

/**
 * Every product a search matches, for the counts by province and group and for the sorts other than relevance:
 * the words' whole index entries, up to two Queries (≤ 1 MB each) a word; `complete` is false when that bound
 * stopped the read.
 */
export async function matchedSet(words: string[], t: Terms, f: CardFilters, today: string) {
  const found = new Map<string, WordItem>();
  let complete = true;
  let read = 0;
  await Promise.all(
    words.map(async (w) => {
      let after: string | undefined;
      for (let call = 0; call < 2; call++) {
        const page = await readWord(w, after, undefined);
        read += page.items.length;
        for (const item of page.items) {
          if (keeps(item, f, today) && matches(t, item.text)) found.set(item.productId, item);
        }
        after = page.items.at(-1)?.rank;
        if (!page.more || after === undefined) return;
      }
      complete = false;
    }),
  );
  return { items: [...found.values()], complete, read };
}
