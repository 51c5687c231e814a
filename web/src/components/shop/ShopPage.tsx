import { type JSX, Show } from "solid-js";
import { useTitle } from "../../lib/title";

/** A shopping page's frame: its heading (also the tab's title), an optional lead line, then the page itself. */
export function ShopPage(props: { title: string; lead?: string; narrow?: boolean; children: JSX.Element }) {
  useTitle(() => props.title);
  return (
    <div class="wrap shop" classList={{ "shop--narrow": Boolean(props.narrow) }}>
      <header class="shop-head">
        <h1>{props.title}</h1>
        <Show when={props.lead}>
          <p>{props.lead}</p>
        </Show>
      </header>
      {props.children}
    </div>
  );
}
