import { type Accessor, For, type JSX, Show } from "solid-js";

/** A column heading; `hidden` ones are read by screen readers only (an action column). */
export type Column = string | { label: string; class?: string; hidden?: boolean };

/**
 * A portal table: its caption for screen readers, its headings, one row per item, and the count above it.
 * On a phone (`ptable--stack`) each cell shows its heading from `data-label`.
 */
export function Table<T>(props: {
  rows: readonly T[];
  caption: string;
  columns: Column[];
  testid?: string;
  count?: string;
  busy?: boolean;
  class?: string;
  children: (row: T, index: Accessor<number>) => JSX.Element;
}) {
  return (
    <div class="table-wrap" aria-busy={props.busy}>
      <Show when={props.count}>
        <p class="results-count" aria-live="polite">
          {props.count}
        </p>
      </Show>
      <table class={props.class ?? "ptable ptable--stack"} data-testid={props.testid}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.columns}>
              {(column) =>
                typeof column === "string" ? (
                  <th scope="col">{column}</th>
                ) : (
                  <th scope="col" class={column.class}>
                    {column.hidden ? <span class="sr-only">{column.label}</span> : column.label}
                  </th>
                )
              }
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{props.children}</For>
        </tbody>
      </table>
    </div>
  );
}
