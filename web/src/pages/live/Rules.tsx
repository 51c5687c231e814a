import { A } from "@solidjs/router";
import { For } from "solid-js";
import { type Key, t } from "../../i18n";
import "../../i18n/live";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";

const SELLER_RULES = [1, 2, 3, 4, 5, 6].map((n) => `live.rules.seller${n}` as Key);
const VIEWER_RULES = [1, 2, 3, 4].map((n) => `live.rules.viewer${n}` as Key);

/** `/quy-dinh-live`: the live rules the E-commerce Law (2025) has the platform publish, linked from every viewer page. */
export default function LiveRules() {
  useTitle(() => t("live.rules.title"));
  return (
    <article class="live-rules" data-testid="live-rules">
      <h1>{t("live.rules.title")}</h1>
      <p class="lead">{t("live.rules.lead")}</p>
      <h2>{t("live.rules.sellers")}</h2>
      <ol>
        <For each={SELLER_RULES}>{(key) => <li>{t(key)}</li>}</For>
      </ol>
      <h2>{t("live.rules.viewers")}</h2>
      <ol>
        <For each={VIEWER_RULES}>{(key) => <li>{t(key)}</li>}</For>
      </ol>
      <p>
        <A href="/live">{t("live.rules.back")}</A>
      </p>
    </article>
  );
}
