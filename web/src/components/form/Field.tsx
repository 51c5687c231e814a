import { type JSX, Show } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/portal";

/** The ids an input names in `aria-describedby`: its hint and, when there is one, its error. */
export function describedBy(id: string, opts: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : "", opts.error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A labelled control with its hint and its error right under it (the error is announced when it appears). */
export function Field(props: {
  id: string;
  label: JSX.Element;
  error?: string;
  hint?: JSX.Element;
  optional?: boolean;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <div class={`pfield ${props.class ?? ""}`} classList={{ "pfield--error": Boolean(props.error) }}>
      <label for={props.id} class="pfield__label">
        {props.label}
        <Show when={props.optional}>
          <span class="pfield__optional"> ({t("portal.form.optional")})</span>
        </Show>
      </label>
      {props.children}
      <Show when={props.hint}>
        <p class="pfield__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="pfield__error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** A message after a form: green for done, red for a failure that names no field. */
export function FormMessage(props: { error?: string; success?: string }) {
  return (
    <>
      <Show when={props.error}>
        <p class="form-message form-message--error" role="alert">
          {props.error}
        </p>
      </Show>
      <Show when={!props.error && props.success}>
        <p class="form-message form-message--ok" role="status">
          {props.success}
        </p>
      </Show>
    </>
  );
}

/** The error of a field that has no single control (a list of chosen items), announced when it appears. */
export function FieldError(props: { error?: string }) {
  return (
    <Show when={props.error}>
      <p class="pfield__error" role="alert">
        {props.error}
      </p>
    </Show>
  );
}
