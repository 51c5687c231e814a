/** A product's search tags as the API takes them: 2–40 characters each, at most 10, no repeats. */
export const TAG_LIMITS = { count: 10, min: 2, max: 40 } as const;

/** Why a typed tag did not become a chip: kept in the field so nothing typed is lost. */
export type TagProblem = "short" | "long" | "full" | "duplicate";

export interface TagEdit {
  tags: string[];
  /** What stays in the field, still being typed. */
  draft: string;
  problem?: TagProblem;
}

/** What a seller would separate tags with: a comma (also the full-width one of some keyboards), a semicolon, a new line. */
const SEPARATOR = /[,;，、\n]/;

/** A tag as kept: trimmed, one space between words, without a leading "#". */
export function cleanTag(raw: string): string {
  return raw.trim().replace(/^#+/, "").replace(/\s+/g, " ").trim();
}

/** Adds one finished tag: a repeat is dropped (said once), a tag that cannot be added stays in the field. */
export function addTag(tags: readonly string[], raw: string): TagEdit {
  const tag = cleanTag(raw);
  if (!tag) return { tags: [...tags], draft: "" };
  if (tags.some((t) => t.toLocaleLowerCase("vi") === tag.toLocaleLowerCase("vi"))) {
    return { tags: [...tags], draft: "", problem: "duplicate" };
  }
  if (tags.length >= TAG_LIMITS.count) return { tags: [...tags], draft: tag, problem: "full" };
  if (tag.length < TAG_LIMITS.min) return { tags: [...tags], draft: tag, problem: "short" };
  if (tag.length > TAG_LIMITS.max) return { tags: [...tags], draft: tag, problem: "long" };
  return { tags: [...tags, tag], draft: "" };
}

/**
 * The field's text after a keystroke or a paste: every part before a separator becomes a chip, the last part stays
 * in the field. A part that cannot be a chip stops there and stays in the field with what follows it.
 */
export function typeTags(tags: readonly string[], text: string): TagEdit {
  let edit: TagEdit = { tags: [...tags], draft: "" };
  let rest = text;
  for (let at = rest.search(SEPARATOR); at >= 0; at = rest.search(SEPARATOR)) {
    const next = addTag(edit.tags, rest.slice(0, at));
    if (next.draft) return { ...next, draft: rest.trimStart() };
    edit = { tags: next.tags, draft: "", problem: next.problem ?? edit.problem };
    rest = rest.slice(at + 1);
  }
  return { ...edit, draft: rest === text ? rest : rest.trimStart() };
}

/** Enter, or leaving the field or saving: what is being typed becomes a chip when it can. */
export function finishTag(tags: readonly string[], draft: string): TagEdit {
  return addTag(tags, draft);
}

/** Backspace in an empty field takes the last chip away. */
export function removeLastTag(tags: readonly string[]): string[] {
  return tags.slice(0, -1);
}
