import { createRoot, createSignal } from "solid-js";
import type { Key } from "./dict";
import { isLocale, type Locale, type Params, translate } from "./translate";

export type { Key, Locale };

export const STORAGE_KEY = "cho-ocop.lang";

function stored(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : "vi";
  } catch {
    return "vi";
  }
}

const [current, setCurrent] = createRoot(() => createSignal<Locale>(stored()));

/** The UI language: Vietnamese unless the shopper chose English (remembered in localStorage). */
export const locale = current;

export function setLocale(next: Locale) {
  setCurrent(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this visit only
  }
  applyLang(next);
}

export function applyLang(value: Locale = current()) {
  if (typeof document !== "undefined") document.documentElement.lang = value === "vi" ? "vi" : "en";
}

/** Reactive: read inside JSX or an effect, it follows the language switch. */
export function t(key: Key, params?: Params): string {
  return translate(current(), key, params);
}
