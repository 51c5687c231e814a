import { en, type Key, vi } from "./dict";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type Params = Record<string, string | number>;

const dictionaries: Dictionaries = { vi, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
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
export function translate(locale: Locale, key: Key, params?: Params): string {
  return translateIn(dictionaries, locale, key, params);
}

export type Dictionaries = Record<Locale, Partial<Record<string, string>>>;

/** `translate` over another pair of dictionaries: the lazily loaded ones of the seller, staff and trace pages. */
export function translateIn(dicts: Dictionaries, locale: Locale, key: string, params?: Params): string {
  const wanted = dicts[locale] ?? dicts.vi;
  const one = params?.n === 1 ? `${key}_one` : undefined;
  const message = (one && (wanted[one] ?? dicts.vi[one])) ?? wanted[key] ?? dicts.vi[key] ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? (numbers[locale] ?? numbers.vi).format(value) : value;
  });
}
