import { For, type JSX, Show } from "solid-js";

/**
 * A list of grey placeholders in the shape of the cards to come (picture, then lines of text), so the page does not
 * move when they arrive. `lines` are each line's skeleton modifiers ("skeleton--line skeleton--short").
 */
export function Skeletons(props: {
  count: number;
  list: string;
  card: string;
  media: string;
  body: string;
  lines: string[];
  /** Said to screen readers while loading; without it the placeholders are hidden from them. */
  label?: JSX.Element;
}) {
  return (
    <ul class={props.list} aria-hidden={props.label ? undefined : "true"} aria-busy={props.label ? "true" : undefined}>
      <Show when={props.label}>
        <span class="sr-only">{props.label}</span>
      </Show>
      <For each={Array.from({ length: props.count })}>
        {() => (
          <li>
            <span class={props.card}>
              <span class={`${props.media} skeleton`} />
              <span class={props.body}>
                <For each={props.lines}>{(line) => <span class={`skeleton ${line}`} />}</For>
              </span>
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
