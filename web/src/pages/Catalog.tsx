import { useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from "solid-js";
import { type Card, storefrontApi } from "../api/storefront";
import { CrossIcon } from "../components/CrossIcon";
import { CardGrid, CardSkeletons } from "../components/ProductCard";
import { SearchBox } from "../components/SearchBox";
import { EmptyState, ErrorState } from "../components/States";
import { type Key, locale, t } from "../i18n";
import {
  activeFilters,
  catalogHref,
  type Filters,
  filtersToSearch,
  parseFilters,
  SORTS,
  type Sort,
  type Stars,
  toApiQuery,
  toFacetQuery,
  withFilter,
} from "../lib/filters";
import { formatVnd } from "../lib/format";
import { GROUPS, groupName, provinceShort, provincesByRegion, REGIONS, regionName } from "../lib/geo";
import { useTitle } from "../lib/title";

const PAGE_SIZE = 24;

type Status = "loading" | "ready" | "error" | "more" | "moreError";

/** Turns an input's text ("150.000", "150000") into đồng, or undefined when blank. */
function readPrice(value: string): number | undefined {
  const digits = value.replace(/\D/g, "");
  return digits ? Number(digits) : undefined;
}

export default function Catalog() {
  const location = useLocation();
  const navigate = useNavigate();
  const filters = createMemo(() => parseFilters(location.search), undefined, {
    equals: (a, b) => filtersToSearch(a) === filtersToSearch(b),
  });

  // Counts beside each province and group under the search text and the other filters (each facet leaving its own
  // choice out), as on Shopee; the filters work without them if the call fails, and uncertain counts are not shown.
  const facetQuery = createMemo(() => toFacetQuery(filters()), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const [facets] = createResource(facetQuery, (query) => storefrontApi.facets(query));
  const count = (counts: Record<string, number> | undefined, id: string) =>
    counts === undefined ? "" : ` (${counts[id] ?? 0})`;
  const shown = () => (facets.state === "ready" && facets().complete ? facets() : undefined);
  const provinceCount = (code: string) => count(shown()?.province, code);
  const groupCount = (id: string) => count(shown()?.group, id);

  const [items, setItems] = createSignal<Card[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<Status>("loading");
  const [error, setError] = createSignal<unknown>();
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  let list!: HTMLDivElement;
  let toggle!: HTMLButtonElement;
  let results!: HTMLDivElement;
  let request = 0;

  async function load(f: Filters, after?: string) {
    const id = ++request;
    setStatus(after ? "more" : "loading");
    setError(undefined);
    try {
      const page = await storefrontApi.products(toApiQuery(f, after, PAGE_SIZE));
      if (id !== request) return;
      const firstNew = items().length;
      setItems(after ? [...items(), ...page.items] : page.items);
      setCursor(page.cursor);
      setStatus("ready");
      if (after) {
        // Keyboard users continue at the first card that was added, not at the bottom of the page.
        list.querySelectorAll<HTMLAnchorElement>(".card")[firstNew]?.focus();
      }
    } catch (cause) {
      if (id !== request) return;
      setError(cause);
      setStatus(after ? "moreError" : "error");
    }
  }

  createEffect(on(filters, (f) => void load(f)));

  const update = (patch: Partial<Filters>) => {
    navigate(catalogHref(withFilter(filters(), patch)), { scroll: false });
  };
  const clearAll = () => navigate(catalogHref({ q: filters().q, sort: filters().sort }), { scroll: false });

  const heading = () => (filters().q ? t("catalog.searchTitle", { q: filters().q ?? "" }) : t("catalog.title"));
  useTitle(heading);

  const sortOptions = (): Sort[] => (filters().q ? [...SORTS] : SORTS.filter((s) => s !== "relevance"));
  const currentSort = (): Sort => filters().sort ?? (filters().q ? "relevance" : "newest");

  const chipLabel = (key: keyof Filters): string => {
    const f = filters();
    switch (key) {
      case "group":
        return f.group ? t(`group.short.${f.group}` as Key) : "";
      case "region":
        return f.region ? regionName(f.region, locale()) : "";
      case "province":
        return f.province ? provinceShort(f.province) : "";
      case "minStars":
        return t("filter.starsAtLeast", { n: f.minStars ?? 3 });
      case "minPrice":
        return t("filter.priceFrom", { price: formatVnd(f.minPrice ?? 0) });
      case "maxPrice":
        return t("filter.priceTo", { price: formatVnd(f.maxPrice ?? 0) });
      default:
        return "";
    }
  };

  const applyPrice = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    update({
      minPrice: readPrice(String(data.get("minPrice") ?? "")),
      maxPrice: readPrice(String(data.get("maxPrice") ?? "")),
    });
  };

  /** Phone: close the filter panel and bring the results into view. */
  const showResults = () => {
    setFiltersOpen(false);
    toggle.focus({ preventScroll: true });
    results.scrollIntoView({ block: "start" });
  };

  const visibleRegions = () => {
    const region = filters().region;
    return provincesByRegion().filter((r) => !region || r.region === region);
  };

  return (
    <div class="wrap catalog">
      <div class="catalog__head">
        <h1>{heading()}</h1>
        <SearchBox value={filters().q} onSearch={(q) => update({ q: q || undefined, sort: undefined })} />
      </div>

      <div class="catalog__layout">
        <div class="catalog__side">
          <button
            ref={toggle}
            type="button"
            class="button button--ghost filters-toggle"
            aria-expanded={filtersOpen()}
            aria-controls="filters"
            onClick={() => setFiltersOpen(!filtersOpen())}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 6h18M7 12h10M10 18h4" />
            </svg>
            {t("filter.toggle")}
            <Show when={activeFilters(filters()).length > 0}>
              <span class="badge">{activeFilters(filters()).length}</span>
            </Show>
          </button>

          <section id="filters" class="filters" classList={{ "is-open": filtersOpen() }} aria-label={t("filter.title")}>
            <h2 class="filters__title">{t("filter.title")}</h2>

            <div class="field">
              <label for="f-group">{t("filter.group")}</label>
              <select
                id="f-group"
                value={filters().group ?? ""}
                onChange={(e) => update({ group: (e.currentTarget.value || undefined) as Filters["group"] })}
              >
                <option value="">{t("filter.allGroups")}</option>
                <For each={GROUPS}>
                  {(g) => (
                    <option value={g.id} selected={filters().group === g.id}>
                      {groupName(g.id, locale())}
                      {groupCount(g.id)}
                    </option>
                  )}
                </For>
              </select>
            </div>

            <div class="field">
              <label for="f-region">{t("filter.region")}</label>
              <select
                id="f-region"
                value={filters().region ?? ""}
                onChange={(e) => update({ region: (e.currentTarget.value || undefined) as Filters["region"] })}
              >
                <option value="">{t("filter.allRegions")}</option>
                <For each={REGIONS}>
                  {(r) => (
                    <option value={r.id} selected={filters().region === r.id}>
                      {r[locale()]}
                    </option>
                  )}
                </For>
              </select>
            </div>

            <div class="field">
              <label for="f-province">{t("filter.province")}</label>
              <select
                id="f-province"
                value={filters().province ?? ""}
                onChange={(e) => update({ province: e.currentTarget.value || undefined })}
              >
                <option value="">{t("filter.allProvinces")}</option>
                <For each={visibleRegions()}>
                  {(group) => (
                    <optgroup label={regionName(group.region, locale())}>
                      <For each={group.provinces}>
                        {(p) => (
                          <option value={p.code} selected={filters().province === p.code}>
                            {p.short}
                            {provinceCount(p.code)}
                          </option>
                        )}
                      </For>
                    </optgroup>
                  )}
                </For>
              </select>
            </div>

            <fieldset class="field stars-filter">
              <legend>{t("filter.stars")}</legend>
              <div class="pills">
                <For each={[undefined, 3, 4, 5] as Array<Stars | undefined>}>
                  {(n) => (
                    <label class="pill">
                      <input
                        type="radio"
                        name="minStars"
                        value={n ?? ""}
                        checked={filters().minStars === n}
                        onChange={() => update({ minStars: n })}
                      />
                      <span>{n ? t("filter.starsAtLeast", { n }) : t("filter.anyStars")}</span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>

            <form class="field price-filter" onSubmit={applyPrice}>
              <fieldset>
                <legend>{t("filter.price")}</legend>
                <div class="price-filter__row">
                  <label>
                    <span class="price-filter__label">{t("filter.minPrice")}</span>
                    <input
                      name="minPrice"
                      inputmode="numeric"
                      autocomplete="off"
                      placeholder="0"
                      value={filters().minPrice ?? ""}
                    />
                  </label>
                  <label>
                    <span class="price-filter__label">{t("filter.maxPrice")}</span>
                    <input
                      name="maxPrice"
                      inputmode="numeric"
                      autocomplete="off"
                      placeholder="1000000"
                      value={filters().maxPrice ?? ""}
                    />
                  </label>
                </div>
                <button type="submit" class="button button--small">
                  {t("filter.apply")}
                </button>
              </fieldset>
            </form>

            <Show when={activeFilters(filters()).length > 0}>
              <button type="button" class="link-button" onClick={clearAll}>
                {t("filter.clear")}
              </button>
            </Show>
            <button type="button" class="button filters__done" onClick={showResults}>
              {t("filter.showResults")}
            </button>
          </section>
        </div>

        <div class="catalog__main" ref={results}>
          <div class="results-bar">
            <p class="results-bar__count" aria-live="polite">
              <Show when={status() !== "loading" && status() !== "error"} fallback={<span>{t("common.loading")}</span>}>
                {cursor() ? t("catalog.countMore", { n: items().length }) : t("catalog.count", { n: items().length })}
              </Show>
            </p>
            <div class="results-bar__sort">
              <label for="f-sort">{t("filter.sort")}</label>
              <select
                id="f-sort"
                value={currentSort()}
                onChange={(e) => update({ sort: e.currentTarget.value as Sort })}
              >
                <For each={sortOptions()}>
                  {(s) => (
                    <option value={s} selected={currentSort() === s}>
                      {t(`sort.${s}` as Key)}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </div>

          <Show when={activeFilters(filters()).length > 0}>
            <ul class="chips" aria-label={t("filter.active")}>
              <For each={activeFilters(filters())}>
                {(key) => (
                  <li>
                    <button
                      type="button"
                      class="chip"
                      aria-label={t("filter.remove", { label: chipLabel(key) })}
                      onClick={() => update({ [key]: undefined })}
                    >
                      {chipLabel(key)}
                      <CrossIcon />
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>

          <div ref={list} class="results" aria-busy={status() === "loading" || status() === "more"}>
            <Show when={status() !== "loading"} fallback={<CardSkeletons count={8} />}>
              <Show when={status() !== "error"} fallback={<ErrorState error={error()} retry={() => load(filters())} />}>
                <Show
                  when={items().length > 0}
                  fallback={
                    <EmptyState title={t("catalog.empty.title")}>
                      <p>{t("catalog.empty.hint")}</p>
                      <Show when={activeFilters(filters()).length > 0 || filters().q}>
                        <button type="button" class="button" onClick={() => navigate("/san-pham")}>
                          {t("filter.clear")}
                        </button>
                      </Show>
                    </EmptyState>
                  }
                >
                  <CardGrid cards={items()} label={t("catalog.results")} />
                </Show>
              </Show>
            </Show>
          </div>

          <Show when={status() === "moreError"}>
            <ErrorState error={error()} retry={() => load(filters(), cursor() ?? undefined)} />
          </Show>
          <Show when={cursor() && (status() === "ready" || status() === "more")}>
            <p class="load-more">
              <button
                type="button"
                class="button button--ghost"
                disabled={status() === "more"}
                onClick={() => load(filters(), cursor() ?? undefined)}
              >
                {status() === "more" ? t("catalog.loadingMore") : t("catalog.more")}
              </button>
            </p>
          </Show>
        </div>
      </div>
    </div>
  );
}
