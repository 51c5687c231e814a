import { createResource, createSignal, For, type JSX, Match, Switch } from "solid-js";
import { type Card, storefrontApi } from "../../api/storefront";

/**
 * Staff search the storefront (eight cards at a time, from two letters) and add what they find to what they curate.
 * `messages` gives the lines for a failed search, one under way and none found; without them only results show.
 */
export function ProductSearch(props: {
  id: string;
  label: string;
  find: string;
  placeholder?: string;
  has: (productId: string) => boolean;
  full?: boolean;
  addLabel: (added: boolean) => string;
  item: (card: Card) => JSX.Element;
  messages?: { failed: string; loading: string; none: string; results: string };
  onAdd: (card: Card) => void;
}) {
  const [query, setQuery] = createSignal<string>();
  const [results] = createResource(query, (q) => storefrontApi.products({ q, limit: "8" }));
  let input: HTMLInputElement | undefined;
  const search = () => {
    const q = input?.value.trim() ?? "";
    setQuery(q.length >= 2 ? q : undefined);
  };
  const messages = () => props.messages;
  return (
    <div class="coll-search">
      <label for={props.id} class="pfield__label">
        {props.label}
      </label>
      <div class="coll-search__row">
        <input
          ref={input}
          id={props.id}
          type="search"
          autocomplete="off"
          placeholder={props.placeholder}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              search();
            }
          }}
        />
        <button type="button" class="button button--small" onClick={search}>
          {props.find}
        </button>
      </div>
      <Switch>
        <Match when={messages() && results.state === "errored"}>
          <p class="pfield__error">{messages()?.failed}</p>
        </Match>
        <Match when={messages() && results.loading}>
          <p class="muted">{messages()?.loading}</p>
        </Match>
        <Match when={messages() && query() && results.latest?.items.length === 0}>
          <p class="muted">{messages()?.none}</p>
        </Match>
        <Match
          when={query() && (results.state === "ready" || results.state === "refreshing") ? results.latest : undefined}
        >
          {(page) => (
            <ul class="coll-results" aria-label={messages()?.results}>
              <For each={page().items}>
                {(card) => (
                  <li>
                    {props.item(card)}
                    <button
                      type="button"
                      class="button button--small button--ghost"
                      disabled={props.has(card.productId) || props.full}
                      onClick={() => props.onAdd(card)}
                    >
                      {props.addLabel(props.has(card.productId))}
                      <span class="sr-only">: {card.name}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </div>
  );
}
