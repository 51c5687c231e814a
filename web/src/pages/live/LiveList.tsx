import { createResource, For, Show } from "solid-js";
import { LiveSessionCard } from "../../components/LiveStrip";
import { EmptyState, Loaded } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/live";
import { liveApi } from "../../api/live";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";

/** `/live`: sessions on air first, then those coming up, by start time. */
export default function LiveList() {
  useTitle(() => t("live.title"));
  const [sessions, { refetch }] = createResource(liveApi.list);
  return (
    <div class="wrap live-page">
      <header class="live-page__head">
        <h1>
          <span class="live-dot" aria-hidden="true" />
          {t("live.title")}
        </h1>
        <p class="muted">{t("live.lead")}</p>
      </header>
      <Loaded
        data={sessions}
        retry={refetch}
        loading={
          <div aria-busy="true">
            <span class="sr-only">{t("live.watch.connecting")}</span>
            <span class="skeleton skeleton--block" />
          </div>
        }
      >
        {(list) => (
          <Show
            when={list.length > 0}
            fallback={
              <EmptyState title={t("live.empty")}>
                <p>{t("live.emptyHint")}</p>
              </EmptyState>
            }
          >
            <ul class="live-grid">
              <For each={list}>
                {(s, i) => (
                  <li class="live-item" data-testid="live-item">
                    <LiveSessionCard session={s} eager={i() < 2} />
                    <p class="live-meta muted small">{t("live.products", { n: s.products })}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Loaded>
    </div>
  );
}
