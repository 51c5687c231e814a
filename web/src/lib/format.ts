import { type Locale, locale } from "../i18n";

/**
 * Numbers follow the UI language: Vietnamese writes "450.000 ₫", "0,8%"; English writes "₫450,000", "0.8%" — the sign
 * before the amount, as Intl (and English-language shops) put it. Money is integer đồng either way.
 */
const TAG: Record<Locale, string> = { vi: "vi-VN", en: "en-US" };

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(TAG[lang], options);
    formatters.set(key, found);
  }
  return found;
}

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** "450.000 ₫" in Vietnamese, "₫450,000" in English. Read inside JSX, it follows the language switch. */
export function formatVnd(amount: number, lang: Locale = locale()): string {
  return numberFormat(lang, { style: "currency", currency: "VND" }).format(amount);
}

/** "1.234" / "1,234". */
export function formatCount(n: number, lang: Locale = locale()): string {
  return numberFormat(lang).format(n);
}

/** A decimal with at most `digits` fraction digits: "1,5" / "1.5". */
export function formatDecimal(n: number, digits = 1, lang: Locale = locale()): string {
  return numberFormat(lang, { maximumFractionDigits: digits }).format(n);
}

/** A fraction as a percentage with at most one decimal: 0.008 → "0,8%" / "0.8%". */
export function formatPercent(fraction: number, lang: Locale = locale()): string {
  return numberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(fraction);
}

const dateFormatter = new Intl.DateTimeFormat("vi-VN", {
  timeZone: VIETNAM_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "15/03/2027". A bare calendar day (certificate dates) is already a Vietnamese day and is read at Vietnam
 * midnight; an instant (2027-03-14T18:30:00Z) is shown as the day it is in Vietnam.
 */
export function formatDate(value: string): string {
  const at = CALENDAR_DAY.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return dateFormatter.format(at);
}

const dayKey = new Intl.DateTimeFormat("en-CA", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day (YYYY-MM-DD) in Vietnam at an instant: certificates run out by Vietnamese days. */
export function vietnamDay(at: Date = new Date()): string {
  return dayKey.format(at);
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Certificates run 36 months; in the last 90 days the shopper is told it is about to run out. */
export const EXPIRING_WITHIN_DAYS = 90;

export type Validity =
  | { state: "valid"; daysLeft: number }
  | { state: "expiring"; daysLeft: number }
  | { state: "expired"; daysLeft: number };

/** A certificate is valid through its last day (`validUntil`, inclusive), judged on Vietnam's calendar. */
export function validity(validUntil: string, today: string = vietnamDay()): Validity {
  const daysLeft = daysBetween(today, validUntil);
  if (daysLeft < 0) return { state: "expired", daysLeft };
  if (daysLeft <= EXPIRING_WITHIN_DAYS) return { state: "expiring", daysLeft };
  return { state: "valid", daysLeft };
}

const dateTimeFormatter = new Intl.DateTimeFormat("vi-VN", {
  timeZone: VIETNAM_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "14:05 15/03/2027": an instant as the time it was in Vietnam (audit log, review history). */
export function formatDateTime(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const parts = Object.fromEntries(dateTimeFormatter.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}
