import { A } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import { LiveSummaryFigures, StatusLabel } from "../../components/live/LiveSummary";
import { EmptyState, ErrorState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/live";
import { type LiveOwnCard, liveApi } from "../../api/live";
import { formatDateTime } from "../../lib/format";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";

function SessionItem(props: { session: LiveOwnCard }) {
  const s = () => props.session;
  return (
    <li class="seller-live" data-testid="seller-live">
      <div class="seller-live__head">
        <Show when={s().cancelled} fallback={<StatusLabel status={s().status} />}>
          <span class="live-status live-status--ended">{t("live.cancelled")}</span>
        </Show>
        <h3 class="seller-live__title">{s().title}</h3>
        <p class="muted small">
          {t("live.startsAt", { when: formatDateTime(s().startAt) })} · {t("live.products", { n: s().products })}
        </p>
        <Show when={s().endReason}>
          {(reason) => <p class="live-reason">{t("live.staffClosed", { reason: reason() })}</p>}
        </Show>
      </div>
      <p class="seller-live__actions">
        <Show when={s().status !== "ended"}>
          <A href={`/ban-hang/live/${s().sessionId}/phat`} class="button">
            {t("live.seller.live.broadcast")}
          </A>
          <A href={`/live/${s().sessionId}`} class="button button--ghost">
            {t("live.seller.live.watchAsViewer")}
          </A>
        </Show>
        <Show when={s().status === "ended" && !s().cancelled}>
          <A href={`/live/${s().sessionId}/replay`} class="button button--ghost">
            {t("live.seller.live.replay")}
          </A>
        </Show>
      </p>
      <Show when={s().status !== "scheduled" && !s().cancelled}>
        <LiveSummaryFigures sessionId={s().sessionId} />
      </Show>
    </li>
  );
}

/** `/ban-hang/live`: the producer's sessions, newest first, with their results. */
export default function LiveSessions() {
  useTitle(() => t("live.seller.live.title"));
  const [sessions, { refetch }] = createResource(liveApi.mine);
  return (
    <div class="wrap live-page">
      <header class="live-page__head">
        <h1>{t("live.seller.live.title")}</h1>
        <p class="muted">{t("live.seller.live.lead")}</p>
        <A href="/ban-hang/live/moi" class="button button--big">
          {t("live.seller.live.new")}
        </A>
      </header>
      <Switch
        fallback={
          <div aria-busy="true">
            <span class="skeleton skeleton--block" />
          </div>
        }
      >
        <Match when={sessions.state === "errored"}>
          <ErrorState error={sessions.error} retry={refetch} />
        </Match>
        <Match when={settled(sessions)?.length === 0}>
          <EmptyState title={t("live.seller.live.empty")}>
            <p>{t("live.seller.live.emptyHint")}</p>
          </EmptyState>
        </Match>
        <Match when={settled(sessions)}>
          {(list) => (
            <ul class="seller-lives">
              <For each={list()}>{(s) => <SessionItem session={s} />}</For>
            </ul>
          )}
        </Match>
      </Switch>
    </div>
  );
}
