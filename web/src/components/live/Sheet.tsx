import { type JSX, onCleanup, onMount } from "solid-js";
import { CrossIcon } from "../CrossIcon";

/**
 * A bottom sheet over the live (buying, the live's products, a report): a backdrop that closes it, a dialog panel
 * that takes the focus, its title and a close button. Escape closes it, and the focus goes back to what opened it.
 */
export function Sheet(props: {
  testId: string;
  titleId: string;
  title: JSX.Element;
  closeLabel: string;
  onClose: () => void;
  children: JSX.Element;
}) {
  let panel: HTMLDivElement | undefined;
  const opener = document.activeElement as HTMLElement | null;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") props.onClose();
  };
  onMount(() => {
    document.addEventListener("keydown", onKey);
    panel?.focus();
  });
  onCleanup(() => {
    document.removeEventListener("keydown", onKey);
    opener?.focus?.();
  });
  return (
    <div class="sheet" data-testid={props.testId}>
      <button
        type="button"
        class="sheet__backdrop"
        tabindex="-1"
        aria-label={props.closeLabel}
        onClick={() => props.onClose()}
      />
      <div
        class="sheet__panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.titleId}
        tabindex="-1"
        ref={panel}
      >
        <header class="sheet__head">
          <h2 id={props.titleId}>{props.title}</h2>
          <button
            type="button"
            class="icon-button sheet__close"
            aria-label={props.closeLabel}
            onClick={() => props.onClose()}
          >
            <CrossIcon />
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}
