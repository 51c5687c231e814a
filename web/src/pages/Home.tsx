import { A } from "@solidjs/router";
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { type LiveCard, liveApi } from "../api/live";
import { type Home as HomeData, storefrontApi } from "../api/storefront";
import { LiveStrip } from "../components/LiveStrip";
import { OcopStars } from "../components/OcopStars";
import { CardGrid, CardSkeletons } from "../components/ProductCard";
import { SearchBox } from "../components/SearchBox";
import { EmptyState, Loaded } from "../components/States";
import { type Key, locale, t } from "../i18n";
import { catalogHref } from "../lib/filters";
import { formatPercent } from "../lib/format";
import { useTitle } from "../lib/title";

function Check() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" class="trust__icon">
      <path d="M4 10.5l4 4 8-9" />
    </svg>
  );
}

function StarsBar(props: { stars: HomeData["stars"] }) {
  const total = () => props.stars.reduce((sum, s) => sum + s.products, 0) || 1;
  const sorted = () => [...props.stars].sort((a, b) => b.stars - a.stars);
  return (
    <div class="stars-bar">
      <div class="stars-bar__track" aria-hidden="true">
        <For each={sorted()}>
          {(s) => <span class={`stars-bar__part stars-bar__part--${s.stars}`} style={{ "flex-grow": s.products }} />}
        </For>
      </div>
      <ul class="stars-bar__legend">
        <For each={sorted()}>
          {(s) => (
            <li>
              <span class={`stars-bar__dot stars-bar__part--${s.stars}`} aria-hidden="true" />
              <OcopStars stars={s.stars} />
              <span>
                {t("common.products", { n: s.products })}{" "}
                <span class="muted">({formatPercent(s.products / total())})</span>
              </span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

/** The shelves' place while they load: as tall as what replaces it, so the footer does not jump into view. */
function HomeSkeleton() {
  return (
    <div class="wrap home-skeleton" aria-busy="true">
      <span class="sr-only">{t("common.loading")}</span>
      <span class="skeleton skeleton--line home-skeleton__lead" />
      <section class="section">
        <span class="skeleton skeleton--heading" />
        <CardSkeletons count={3} row />
      </section>
    </div>
  );
}

/**
 * The home page's data and its lives, fetched together and shown together: the live strip sits above the shelves,
 * and arriving after them it would push them down under the shopper's eyes. A failing live list shows no strip.
 */
async function homeData(): Promise<{ home: HomeData; lives: LiveCard[] }> {
  const [home, lives] = await Promise.all([storefrontApi.home(), liveApi.list().catch(() => [])]);
  return { home, lives };
}

/**
 * How many of the parts below the fold to show: none until the browser has painted what is above it, then one more
 * per task, so a slow phone is never blocked by one long task that builds the whole page.
 */
function usePartsAfterPaint(parts: number) {
  const [shown, setShown] = createSignal(0);
  const next = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        setShown((n) => n + 1);
        if (shown() < parts) next();
      }),
    );
  onMount(next);
  return shown;
}

export default function Home() {
  const [page, { refetch }] = createResource(homeData);
  useTitle(() => undefined);
  return (
    <>
      <section class="hero">
        <div class="wrap hero__inner">
          <p class="hero__kicker">{t("app.tagline")}</p>
          <h1 class="hero__title">{t("home.title")}</h1>
          <SearchBox size="lg" />
          <ul class="trust">
            <li>
              <Check />
              {t("home.trust.stars")}
            </li>
            <li>
              <Check />
              {t("home.trust.valid")}
            </li>
            <li>
              <Check />
              {t("home.trust.direct")}
            </li>
          </ul>
        </div>
      </section>
      <Loaded data={page} retry={refetch} loading={<HomeSkeleton />}>
        {({ home: data, lives }) => {
          const [first, ...rest] = data.collections.filter((c) => c.products.length > 0);
          const shown = usePartsAfterPaint(4);
          return (
            <div class="wrap">
              <Show when={data.total > 0} fallback={<EmptyState title={t("home.empty")} />}>
                <p class="home-lead">{t("home.lead", { n: data.total })}</p>
              </Show>
              <LiveStrip sessions={lives} />
              <Show when={first}>{(collection) => <Shelf collection={collection()} />}</Show>
              <div class={shown() < 4 ? "home-later" : undefined} aria-busy={shown() < 4}>
                <Show when={shown() >= 1}>
                  <For each={rest}>{(collection) => <Shelf collection={collection} />}</For>
                </Show>
                <Show when={shown() >= 2}>
                  <p class="section__more">
                    <A href="/san-pham" class="button button--ghost">
                      {t("home.allProducts")}
                    </A>
                  </p>

                  <section class="section promo" aria-labelledby="gifts">
                    <div>
                      <h2 id="gifts">{t("home.gifts")}</h2>
                      <p>{t("home.giftsText")}</p>
                    </div>
                    <A href="/qua-tang" class="button">
                      {t("home.giftsCta")}
                    </A>
                  </section>
                </Show>

                <Show when={shown() >= 3}>
                  <section class="section" aria-labelledby="by-region">
                    <h2 id="by-region">{t("home.byRegion")}</h2>
                    <ul class="tiles">
                      <For each={data.regions}>
                        {(region) => (
                          <li>
                            <A href={catalogHref({ region: region.id })} class={`tile tile--region tile--${region.id}`}>
                              <span class="tile__name">{region[locale()]}</span>
                              <span class="tile__count">{t("common.products", { n: region.products })}</span>
                            </A>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>

                  <section class="section" aria-labelledby="by-group">
                    <h2 id="by-group">{t("home.byGroup")}</h2>
                    <ul class="tiles">
                      <For each={data.groups}>
                        {(group) => (
                          <li>
                            <A href={catalogHref({ group: group.id })} class="tile tile--group" title={group[locale()]}>
                              <span class="tile__name">{t(`group.short.${group.id}` as Key)}</span>
                              <span class="tile__count">{t("common.products", { n: group.products })}</span>
                            </A>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                </Show>

                <Show when={shown() >= 4}>
                  <section class="section" aria-labelledby="by-stars">
                    <h2 id="by-stars">{t("home.byStars")}</h2>
                    <StarsBar stars={data.stars} />
                  </section>
                </Show>
              </div>
            </div>
          );
        }}
      </Loaded>
    </>
  );
}

function Shelf(props: { collection: HomeData["collections"][number] }) {
  return (
    <section class="section" aria-labelledby={`c-${props.collection.id}`}>
      <div class="section__head">
        <h2 id={`c-${props.collection.id}`}>{props.collection.title[locale()]}</h2>
      </div>
      <CardGrid cards={props.collection.products} row />
    </section>
  );
}
