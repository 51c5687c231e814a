import { createSignal } from "solid-js";
import { ApiError } from "../../api/client";
import { hasKey, type Key, t } from "../../i18n";
import "../../i18n/portal";

/** The last named part of an API field: "certificate.decisionNumber" → "decisionNumber", "images.0" → "images". */
export function fieldLeaf(field: string): string {
  const parts = field.split(".").filter((p) => !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? field;
}

/**
 * What to tell the person about a failed call, in their language. Validation errors (`invalid_input`) carry a
 * technical English detail, so the field's own message from the dictionary is shown instead; every other error
 * already comes in the language the request asked for.
 */
export function messageOf(error: unknown, field?: string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t("error.network");
    if (error.code === "invalid_input") {
      const leaf = field ?? (error.field ? fieldLeaf(error.field) : "");
      const key = `portal.invalid.${leaf}`;
      return hasKey(key) ? t(key as Key) : t("portal.invalid.generic");
    }
    return error.message || t("portal.error.generic");
  }
  if (error instanceof Error && error.message) return error.message;
  return t("portal.error.generic");
}

/** A message, or a function giving it: messages written here follow the language switch while they are shown. */
export type Message = string | (() => string);
export const text = (m: Message | undefined) => (typeof m === "function" ? m() : m);

/**
 * Errors of one form: by field, and one general message for what names no field of this form.
 * `fromApi` puts an API error next to the field it names (`error.field`), through `alias` when the API's
 * name differs from the form's ("certificate.score" → "score", "key" → "scan").
 */
export function createErrors() {
  const [fields, setFields] = createSignal<Record<string, Message>>({});
  const [general, setGeneral] = createSignal<Message>();
  const set = (name: string, message: Message | undefined) => {
    const next = { ...fields() };
    if (message) next[name] = message;
    else delete next[name];
    setFields(next);
  };
  return {
    of: (name: string) => text(fields()[name]),
    general: () => text(general()),
    any: () => Boolean(general()) || Object.keys(fields()).length > 0,
    set,
    setGeneral: (message: Message | undefined) => setGeneral(() => message),
    /** Puts any error at one field: for errors that name none but are about it (a rate limit on this number). */
    at(name: string, error: unknown) {
      set(name, () => messageOf(error));
    },
    clear() {
      setFields({});
      setGeneral(undefined);
    },
    /** Returns the form field the error was put on, or undefined when it went to the general message. */
    fromApi(error: unknown, known: readonly string[], alias: Record<string, string> = {}): string | undefined {
      const apiField = error instanceof ApiError ? error.field : undefined;
      if (apiField) {
        const candidates = [apiField, fieldLeaf(apiField), apiField.split(".")[0] ?? ""];
        for (const candidate of candidates) {
          const name = alias[candidate] ?? candidate;
          if (known.includes(name)) {
            set(name, () => messageOf(error, fieldLeaf(apiField)));
            return name;
          }
        }
      }
      setGeneral(() => () => messageOf(error));
      return undefined;
    },
  };
}
export type FormErrors = ReturnType<typeof createErrors>;

/** Moves focus to the first control of a form that shows an error, so a phone user sees what to fix. */
export function focusFirstError(form: HTMLElement | undefined) {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
  target?.scrollIntoView({ block: "center" });
}
