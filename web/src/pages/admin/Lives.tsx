import { A } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { messageOf } from "../../components/portal/Field";
import { EmptyState, ErrorState } from "../../components/States";
import { tl } from "../../i18n/live";
import { formatDateTime } from "../../lib/format";
import { type LiveCard, liveApi } from "../../lib/live-api";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import { LiveSummaryFigures, StatusLabel } from "../seller/LiveSessions";
import "../../styles/live.css";

/** `/quan-tri/live`: every session for staff, with its figures and an "End" button for moderation. */
export default function Lives() {
  useTitle(() => tl("admin.live.title"));
  const [sessions, { refetch }] = createResource(liveApi.all);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [busy, setBusy] = createSignal<string>();
  const end = async (s: LiveCard) => {
    if (!window.confirm(tl("admin.live.endAsk", { title: s.title }))) return;
    setBusy(s.sessionId);
    try {
      await liveApi.end(s.sessionId);
      setMessage({ ok: true, text: tl("admin.live.endedDone", { title: s.title }) });
      await refetch();
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="lives-title">
      <h1 id="lives-title">{tl("admin.live.title")}</h1>
      <p class="muted">{tl("admin.live.lead")}</p>
      <Show when={message()}>
        {(m) => (
          <p class={`form-message ${m().ok ? "form-message--ok" : "form-message--error"}`} role="status">
            {m().text}
          </p>
        )}
      </Show>
      <Switch fallback={<span class="skeleton skeleton--block" />}>
        <Match when={sessions.state === "errored"}>
          <ErrorState error={sessions.error} retry={refetch} />
        </Match>
        <Match when={settled(sessions)?.length === 0}>
          <EmptyState title={tl("admin.live.empty")} />
        </Match>
        <Match when={settled(sessions)}>
          {(list) => (
            <ul class="seller-lives">
              <For each={list()}>
                {(s) => (
                  <li class="seller-live" data-testid="staff-live">
                    <div class="seller-live__head">
                      <StatusLabel status={s.status} />
                      <h2 class="seller-live__title">
                        <A href={s.status === "ended" ? `/live/${s.sessionId}/replay` : `/live/${s.sessionId}`}>
                          {s.title}
                        </A>
                      </h2>
                      <p class="muted small">
                        {tl("admin.live.producer")}: {s.producerName} ·{" "}
                        {tl("live.startsAt", { when: formatDateTime(s.startAt) })}
                      </p>
                    </div>
                    <Show when={s.status !== "ended"}>
                      <p class="seller-live__actions">
                        <button
                          type="button"
                          class="button button--danger button--small"
                          aria-label={tl("admin.live.endLabel", { title: s.title })}
                          disabled={busy() === s.sessionId}
                          onClick={() => void end(s)}
                        >
                          {tl("admin.live.end")}
                        </button>
                      </p>
                    </Show>
                    <Show when={s.status !== "scheduled"}>
                      <LiveSummaryFigures sessionId={s.sessionId} />
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}
