/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ/Đ → d.
 * "Nước mắm Phú Quốc" → "nuoc mam phu quoc".
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The distinct folded words of a text, in order of first appearance. */
export function words(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  return [...new Set(folded.split(" "))];
}

/** A URL slug: "Mật ong bạc hà" → "mat-ong-bac-ha". */
export function slugify(text: string): string {
  return fold(text).replace(/ /g, "-");
}
