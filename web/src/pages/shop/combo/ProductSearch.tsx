import { isBoxable } from "@cho-ocop/core/group/index";
import { createEffect, createResource, createSignal, createUniqueId, For, Match, on, Show, Switch } from "solid-js";
import { type Card, type ProductQuery, storefrontApi } from "../../../api/storefront";
import { Photo } from "../../../components/Photo";
import { locale, t } from "../../../i18n";
import { formatVnd } from "../../../lib/format";
import { provinceShort, REGIONS, regionName } from "../../../lib/geo";
import { settled } from "../../../lib/resource";

const PAGE = "12";

/** Search the storefront (without diacritics, by region) and add what it finds. */
export function ProductSearch(props: { has: (id: string) => boolean; full: boolean; onPick: (card: Card) => void }) {
  const id = createUniqueId();
  const [query, setQuery] = createSignal<{ q: string; region: string }>({ q: "", region: "" });
  const [more, setMore] = createSignal<{ items: Card[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const ask = (extra: { cursor?: string } = {}) => {
    const { q, region } = query();
    return storefrontApi.products({
      ...(q ? { q } : {}),
      ...(region ? { region: region as ProductQuery["region"] } : {}),
      limit: PAGE,
      ...extra,
    });
  };
  const [page, { refetch }] = createResource(query, () => ask());
  createEffect(on(query, () => setMore(undefined), { defer: true }));
  const found = () => [...(settled(page)?.items ?? []), ...(more()?.items ?? [])];
  // Live plants and animals, tours and homestays are OCOP products too, but not goods a box can hold.
  const items = () => found().filter((card) => isBoxable(card.group));
  const leftOut = () => found().length > items().length;
  const cursor = () => (more() ? more()?.cursor : settled(page)?.cursor) ?? null;
  let input: HTMLInputElement | undefined;

  const loadMore = async () => {
    const next = cursor();
    if (!next || loadingMore()) return;
    setLoadingMore(true);
    try {
      const got = await ask({ cursor: next });
      setMore({ items: [...(more()?.items ?? []), ...got.items], cursor: got.cursor });
    } catch {
      // the button stays: another tap tries again
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section class="builder__search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("gifts.builder.step.products")}</h2>
      <search>
        <form
          class="builder__query"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ ...query(), q: input?.value.trim() ?? "" });
          }}
        >
          <div class="field builder__q">
            <label for={`${id}-q`}>{t("gifts.builder.search")}</label>
            <div class="builder__q-row">
              <input
                ref={input}
                id={`${id}-q`}
                type="search"
                enterkeyhint="search"
                autocomplete="off"
                maxLength={100}
                placeholder={t("gifts.builder.searchPlaceholder")}
              />
              <button type="submit" class="button button--small">
                {t("gifts.builder.find")}
              </button>
            </div>
          </div>
          <div class="field">
            <label for={`${id}-region`}>{t("gifts.builder.region")}</label>
            <select
              id={`${id}-region`}
              value={query().region}
              onChange={(e) => setQuery({ q: input?.value.trim() ?? "", region: e.currentTarget.value })}
            >
              <option value="">{t("gifts.builder.allRegions")}</option>
              <For each={REGIONS}>{(r) => <option value={r.id}>{regionName(r.id, locale())}</option>}</For>
            </select>
          </div>
        </form>
      </search>
      <Show when={settled(page) && leftOut()}>
        <p class="muted small" data-testid="not-boxable">
          {t("gifts.builder.notBoxable")}
        </p>
      </Show>
      <Switch>
        <Match when={page.state === "errored"}>
          <p class="note-error" role="alert">
            {t("gifts.builder.searchFailed")}{" "}
            <button type="button" class="link-button" onClick={() => refetch()}>
              {t("shop.retry")}
            </button>
          </p>
        </Match>
        <Match when={!settled(page)}>
          <p class="muted" aria-busy="true">
            {t("shop.loading")}
          </p>
        </Match>
        <Match when={items().length === 0 && !leftOut()}>
          <p class="muted">{t("gifts.builder.noResults")}</p>
        </Match>
        <Match when={true}>
          <ul class="pick-list" aria-label={t("gifts.builder.results")} aria-busy={page.loading}>
            <For each={items()}>
              {(card) => (
                <li class="pick">
                  <Photo src={card.image} alt="" width={80} height={60} sizes="64px" class="pick__img" />
                  <span class="pick__text">
                    <span class="pick__name">{card.name}</span>
                    <span class="pick__meta">
                      {card.producerName} · {provinceShort(card.provinceCode)}
                    </span>
                    <strong class="pick__price">{formatVnd(card.priceVnd)}</strong>
                  </span>
                  <button
                    type="button"
                    class="button button--small"
                    classList={{ "button--ghost": props.has(card.productId) }}
                    disabled={props.has(card.productId) || props.full}
                    aria-label={
                      props.has(card.productId)
                        ? t("gifts.builder.picked")
                        : t("gifts.builder.pickName", { name: card.name })
                    }
                    onClick={() => props.onPick(card)}
                  >
                    {props.has(card.productId) ? t("gifts.builder.picked") : t("gifts.builder.pick")}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <Show when={cursor()}>
            <button type="button" class="button button--ghost load-more" disabled={loadingMore()} onClick={loadMore}>
              {loadingMore() ? t("shop.loading") : t("gifts.builder.more")}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}
