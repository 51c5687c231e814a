import { Show } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/shop";

/** A shopping page's content while it loads: skeleton blocks, and the word for screen readers. */
export function Loading(props: { title?: boolean }) {
  return (
    <div aria-busy="true">
      <span class="sr-only">{t("shop.loading")}</span>
      <Show when={props.title}>
        <span class="skeleton skeleton--title" />
      </Show>
      <span class="skeleton skeleton--block" />
    </div>
  );
}
