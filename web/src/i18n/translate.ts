import { en, vi } from "./dict";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type Params = Record<string, string | number>;

export type Dictionaries = Record<Locale, Partial<Record<string, string>>>;

/** The base strings, and each lazy namespace's once its module has been imported (keys never clash across them). */
const loaded: Dictionaries = { vi: { ...vi }, en: { ...en } };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Adds a lazy namespace's strings. Its module calls this when imported, so the pages that import it (and are
 * themselves loaded lazily) have their strings before they render.
 */
export function register(dicts: Dictionaries) {
  Object.assign(loaded.vi, dicts.vi);
  Object.assign(loaded.en, dicts.en);
}

export function isLoadedKey(key: string): boolean {
  return key in loaded.vi;
}

/** Numbers in messages are written the way of the message's language: "1.234 sản phẩm", "1,234 products". */
const numbers: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN"),
  en: new Intl.NumberFormat("en-US"),
};

/**
 * The message for `key` in `locale`, falling back to Vietnamese and then to the key itself,
 * so that a missing translation shows Vietnamese text rather than nothing.
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  const wanted = loaded[locale] ?? loaded.vi;
  const one = params?.n === 1 ? `${key}_one` : undefined;
  const message = (one && (wanted[one] ?? loaded.vi[one])) ?? wanted[key] ?? loaded.vi[key];
  if (message === undefined) {
    if (import.meta.env.DEV) console.warn(`No string "${key}": is its namespace's module imported by this page?`);
    return key;
  }
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? (numbers[locale] ?? numbers.vi).format(value) : value;
  });
}
