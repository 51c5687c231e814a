import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { Skeletons } from "../../components/Skeletons";
import { EmptyState, Loaded } from "../../components/States";
import { GiftCard } from "../../components/shop/GiftCard";
import { t } from "../../i18n";
import "../../i18n/gifts";
import { cartApi } from "../../api/cart";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";

function GiftSkeletons() {
  return (
    <Skeletons
      count={3}
      list="gift-list"
      card="gift gift--skeleton"
      media="mosaic"
      body="gift__body"
      lines={["skeleton--title", "skeleton--line", "skeleton--line skeleton--short"]}
      label={t("gifts.loading")}
    />
  );
}

/** `/qua-tang`: the staff-curated gift combos, and the way into building one's own. */
export default function Gifts() {
  const [templates, { refetch }] = createResource(cartApi.templates);
  useTitle(() => t("gifts.title"));
  return (
    <div class="wrap shop">
      <header class="shop-head">
        <h1>{t("gifts.title")}</h1>
        <p class="muted">{t("gifts.lead")}</p>
      </header>
      <A href="/qua-tang/tu-chon" class="build-cta">
        <span class="build-cta__icon">
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <rect x="3.5" y="9" width="17" height="11.5" rx="1.5" />
            <path d="M2.5 6.5h19V9h-19zM12 6.5v14M12 6.5C10 3 6.5 3 6.5 5s3.5 1.5 5.5 1.5M12 6.5C14 3 17.5 3 17.5 5S14 6.5 12 6.5" />
          </svg>
        </span>
        <span class="build-cta__text">
          <strong class="build-cta__title">{t("gifts.build")}</strong>
          <span>{t("gifts.buildLead")}</span>
        </span>
        <span class="build-cta__go" aria-hidden="true">
          →
        </span>
      </A>
      <section class="section" aria-labelledby="templates-title">
        <h2 id="templates-title">{t("gifts.templates")}</h2>
        <Loaded data={templates} retry={refetch} loading={<GiftSkeletons />}>
          {(list) => (
            <Show when={list.length > 0} fallback={<EmptyState title={t("gifts.empty")} />}>
              <ul class="gift-list">
                <For each={list}>
                  {(combo) => (
                    <li>
                      <GiftCard combo={combo} headingLevel={3} detailsLink />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Loaded>
      </section>
    </div>
  );
}
