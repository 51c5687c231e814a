import { Show } from "solid-js";
import { formatVnd } from "../../lib/format";

/** A live product's price: the deal's while it runs, the regular one struck through beside it. */
export function LivePrice(props: { priceVnd: number; deal: { priceVnd: number } | null; dealClass?: string }) {
  return (
    <Show when={props.deal} fallback={formatVnd(props.priceVnd)}>
      {(d) => (
        <>
          <strong class={props.dealClass}>{formatVnd(d().priceVnd)}</strong> <s>{formatVnd(props.priceVnd)}</s>
        </>
      )}
    </Show>
  );
}

/** The back chevron of the live pages' top bar. */
export function BackIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M15 5l-7 7 7 7" />
    </svg>
  );
}
