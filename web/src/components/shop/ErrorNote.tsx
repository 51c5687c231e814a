import { Show } from "solid-js";

/** A red line beside what went wrong, announced when it appears; nothing while there is no error. */
export function ErrorNote(props: { error?: string; id?: string }) {
  return (
    <Show when={props.error}>
      <p class="note-error" id={props.id} role="alert">
        {props.error}
      </p>
    </Show>
  );
}
