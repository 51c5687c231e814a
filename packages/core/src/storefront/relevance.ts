import { fold } from "../util/fold";

/**
 * How search ranks and matches, as pure functions: the word index stores each product under each of its words in
 * this order, so a page of one word is one Query that reads only that page.
 *
 * The order shown (best first): the word is in the product's name; more stars; a higher evaluation score; listed
 * more recently; then the product id, so that the order is total and pages neither repeat nor skip.
 */

/** What ranking needs of a card. */
export interface Ranked {
  productId: string;
  name: string;
  stars: number;
  score: number;
  listedAt: string;
}

const pad = (n: number, width: number) => String(Math.max(0, Math.round(n))).padStart(width, "0");

/** Whether a folded word is one of the words of a product's name. */
export function inName(name: string, word: string): boolean {
  return fold(name).split(" ").includes(word);
}

/**
 * The sort key of a product under one word (or under any of several words: in the name if one of them is). Keys
 * compare as strings: a greater key ranks first, so the index is read in descending order.
 */
export function relevanceKey(card: Ranked, words: string | string[]): string {
  const list = typeof words === "string" ? [words] : words;
  const named = list.some((w) => inName(card.name, w)) ? 1 : 0;
  return [named, pad(card.stars, 1), pad(card.score, 3), card.listedAt, card.productId].join("#");
}

/** Best first, as the index reads them. */
export function byRelevance<T extends Ranked>(words: string | string[]) {
  return (a: T, b: T) => {
    const ka = relevanceKey(a, words);
    const kb = relevanceKey(b, words);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  };
}

/**
 * A search's words: every word but the last is taken whole ("nuoc" in "nuoc mam"), the last is the one being
 * typed and matches as a prefix ("nuoc ma" finds "nước mắm").
 */
export interface Terms {
  whole: string[];
  last: string;
}

export function terms(folded: string[]): Terms | undefined {
  const last = folded.at(-1);
  if (last === undefined) return undefined;
  return { whole: [...new Set(folded.slice(0, -1))].filter((w) => w !== last), last };
}

/** Whether a product (its folded search words, space-separated) has every whole word and a word starting with the last. */
export function matches(t: Terms, text: string): boolean {
  const own = text.split(" ");
  return t.whole.every((w) => own.includes(w)) && own.some((w) => w.startsWith(t.last));
}

/**
 * The word whose index entries a search reads: the rarest whole word, counts from the per-word counters (a word
 * not counted has no listed product, so reading it is cheap and rightly finds nothing). A single word reads itself.
 */
export function driver(t: Terms, counts: ReadonlyMap<string, number>): string {
  if (t.whole.length === 0) return t.last;
  return t.whole.reduce((best, w) => ((counts.get(w) ?? 0) < (counts.get(best) ?? 0) ? w : best));
}
