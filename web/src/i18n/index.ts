import { createRoot, createSignal } from "solid-js";
import type { AdminKey } from "./admin";
import type { BuyKey } from "./buy";
import type { ClaimKey } from "./claim";
import type { CouncilKey } from "./council";
import type { BaseKey } from "./dict";
import type { DossierKey } from "./dossier";
import type { GiftsKey } from "./gifts";
import type { LiveKey } from "./live";
import type { PortalKey } from "./portal";
import type { RegistryKey } from "./registry";
import type { SalesKey } from "./sales";
import type { ShopKey } from "./shop";
import type { TraceKey } from "./trace";
import { isLoadedKey, isLocale, type Locale, type Params, translate } from "./translate";
import type { VerifyKey } from "./verify";

export type { Locale };

/**
 * Every string's key. The base ones ("nav.home") are always loaded; a lazy namespace's keys start with its name
 * ("admin.queue.title") and are there once a page has imported its module ("../i18n/admin").
 */
export type Key =
  | BaseKey
  | AdminKey
  | BuyKey
  | ClaimKey
  | CouncilKey
  | DossierKey
  | GiftsKey
  | LiveKey
  | PortalKey
  | RegistryKey
  | SalesKey
  | ShopKey
  | TraceKey
  | VerifyKey;

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

/** Whether a key built at run time (a field's `portal.invalid.<field>`) has a string among those loaded. */
export function hasKey(key: string): key is Key {
  return isLoadedKey(key);
}
