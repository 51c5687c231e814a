import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { type ComboView, cartApi } from "../../api/cart";
import { ErrorState, isNotFound, NotFoundState } from "../../components/States";
import { comboTitle, GiftCard } from "../../components/shop/GiftCard";
import { t } from "../../i18n";
import "../../i18n/gifts";
import "../../i18n/shop";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";
import { Builder } from "./combo/Builder";

function BackToGifts() {
  return (
    <p class="back">
      <A href="/qua-tang">
        <span aria-hidden="true">← </span>
        {t("gifts.builder.back")}
      </A>
    </p>
  );
}

function BuilderPage(props: { initial?: ComboView }) {
  useTitle(() => (props.initial ? t("gifts.builder.sharedTitle") : t("gifts.builder.title")));
  return (
    <div class="wrap shop">
      <BackToGifts />
      <header class="shop-head">
        <h1>{props.initial ? t("gifts.builder.sharedTitle") : t("gifts.builder.title")}</h1>
        <p class="muted">{t("gifts.builder.lead")}</p>
      </header>
      <Builder initial={props.initial} />
    </div>
  );
}

/** A curated combo on its own page: add it as it is, or start building from it. */
function TemplatePage(props: { combo: ComboView }) {
  const [building, setBuilding] = createSignal(false);
  useTitle(() => comboTitle(props.combo));
  return (
    <Show when={!building()} fallback={<BuilderPage initial={props.combo} />}>
      <div class="wrap shop">
        <BackToGifts />
        <GiftCard combo={props.combo} headingLevel={1} />
        <p>
          <button type="button" class="button button--ghost" onClick={() => setBuilding(true)}>
            {t("gifts.customize")}
          </button>
        </p>
      </div>
    </Show>
  );
}

/** `/qua-tang/tu-chon` builds a combo; `/qua-tang/:comboId` re-opens a saved (shared) one, or shows a template. */
export default function ComboBuilder() {
  const params = useParams();
  const [combo, { refetch }] = createResource(() => params.comboId || false, cartApi.combo);
  return (
    <Switch
      fallback={
        <div class="wrap" aria-busy="true">
          <span class="sr-only">{t("shop.loading")}</span>
          <span class="skeleton skeleton--title" />
          <span class="skeleton skeleton--block" />
        </div>
      }
    >
      <Match when={!params.comboId}>
        <BuilderPage />
      </Match>
      <Match when={combo.state === "errored" && isNotFound(combo.error)}>
        <div class="wrap">
          <NotFoundState title={t("gifts.builder.notFound")} text={t("gifts.builder.notFoundText")} />
        </div>
      </Match>
      <Match when={combo.state === "errored"}>
        <div class="wrap">
          <ErrorState error={combo.error} retry={refetch} />
        </div>
      </Match>
      <Match when={combo.state === "ready" ? combo() : undefined}>
        {(c) => (c().kind === "template" ? <TemplatePage combo={c()} /> : <BuilderPage initial={c()} />)}
      </Match>
    </Switch>
  );
}
