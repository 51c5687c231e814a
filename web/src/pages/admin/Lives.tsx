import { A } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createErrors, describedBy, Field, FormMessage } from "../../components/form";
import { EmptyState, ErrorState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/live";
import { type LiveOwnCard, liveApi } from "../../api/live";
import { LiveSummaryFigures, StatusLabel } from "../../components/live/LiveSummary";
import { formatDateTime } from "../../lib/format";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";
import "../../styles/portal.css";

const REASON_MAX = 300;

/**
 * Ending a live on air, or cancelling one coming up, with the reason the seller is sent (5–300 characters,
 * checked here and by the API).
 */
function CloseForm(props: { session: LiveOwnCard; onDone: (text: string) => void; onBack: () => void }) {
  const errors = createErrors();
  const [busy, setBusy] = createSignal(false);
  const cancelling = () => props.session.status === "scheduled";
  const id = `close-reason-${props.session.sessionId}`;
  let input: HTMLTextAreaElement | undefined;
  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    const reason = input?.value.trim() ?? "";
    if (reason.length < 5 || reason.length > REASON_MAX) {
      errors.set("reason", () => t(reason.length < 5 ? "live.admin.reasonShort" : "live.admin.reasonLong"));
      input?.focus();
      return;
    }
    setBusy(true);
    try {
      const title = props.session.title;
      if (cancelling()) {
        await liveApi.cancel(props.session.sessionId, reason);
        props.onDone(t("live.admin.cancelledDone", { title }));
      } else {
        await liveApi.end(props.session.sessionId, reason);
        props.onDone(t("live.admin.endedWhy", { title }));
      }
    } catch (error) {
      errors.fromApi(error, ["reason"]);
      if (errors.of("reason")) input?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="pform action-form live-close" onSubmit={send} novalidate>
      <Field id={id} label={t("live.admin.reason")} error={errors.of("reason")} hint={t("live.admin.reasonHint")}>
        <textarea
          ref={(el) => {
            input = el;
            queueMicrotask(() => el.focus());
          }}
          id={id}
          name="reason"
          rows="3"
          maxLength={REASON_MAX + 20}
          aria-invalid={Boolean(errors.of("reason"))}
          aria-describedby={describedBy(id, { hint: true, error: errors.of("reason") })}
        />
      </Field>
      <p class="seller-live__actions">
        <button type="submit" class="button button--danger" disabled={busy()}>
          {cancelling() ? t("live.admin.confirmCancel") : t("live.admin.confirmEnd")}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onBack()}>
          {t("live.admin.keep")}
        </button>
      </p>
      <FormMessage error={errors.general()} />
    </form>
  );
}

/**
 * `/quan-tri/live`: every session for staff, with its figures; a live on air can be ended and one coming up
 * cancelled, each with a reason the seller is told.
 */
export default function Lives() {
  useTitle(() => t("live.admin.title"));
  const [sessions, { refetch }] = createResource(liveApi.all);
  const [message, setMessage] = createSignal<string>();
  const [closing, setClosing] = createSignal<string>();
  const done = async (text: string) => {
    setClosing(undefined);
    setMessage(text);
    await refetch();
  };
  return (
    <section aria-labelledby="lives-title">
      <h1 id="lives-title">{t("live.admin.title")}</h1>
      <p class="muted">{t("live.admin.lead")}</p>
      <Show when={message()}>
        <p class="form-message form-message--ok" role="status">
          {message()}
        </p>
      </Show>
      <Switch fallback={<span class="skeleton skeleton--block" />}>
        <Match when={sessions.state === "errored"}>
          <ErrorState error={sessions.error} retry={refetch} />
        </Match>
        <Match when={settled(sessions)?.length === 0}>
          <EmptyState title={t("live.admin.empty")} />
        </Match>
        <Match when={settled(sessions)}>
          {(list) => (
            <ul class="seller-lives">
              <For each={list()}>
                {(s) => (
                  <li class="seller-live" data-testid="staff-live">
                    <div class="seller-live__head">
                      <Show when={s.cancelled} fallback={<StatusLabel status={s.status} />}>
                        <span class="live-status live-status--ended">{t("live.cancelled")}</span>
                      </Show>
                      <h2 class="seller-live__title">
                        <A href={s.status === "ended" ? `/live/${s.sessionId}/replay` : `/live/${s.sessionId}`}>
                          {s.title}
                        </A>
                      </h2>
                      <p class="muted small">
                        {t("live.admin.producer")}: {s.producerName} ·{" "}
                        {t("live.startsAt", { when: formatDateTime(s.startAt) })}
                      </p>
                      <Show when={s.endReason}>
                        {(reason) => <p class="live-reason">{t("live.staffClosed", { reason: reason() })}</p>}
                      </Show>
                    </div>
                    <Show when={s.status !== "ended"}>
                      <Show
                        when={closing() === s.sessionId}
                        fallback={
                          <p class="seller-live__actions">
                            <button
                              type="button"
                              class="button button--danger button--small"
                              aria-label={t(
                                s.status === "scheduled" ? "live.admin.cancelLabel" : "live.admin.endLabel",
                                {
                                  title: s.title,
                                },
                              )}
                              onClick={() => {
                                setMessage(undefined);
                                setClosing(s.sessionId);
                              }}
                            >
                              {s.status === "scheduled" ? t("live.admin.cancel") : t("live.admin.end")}
                            </button>
                          </p>
                        }
                      >
                        <CloseForm
                          session={s}
                          onDone={(text) => void done(text)}
                          onBack={() => setClosing(undefined)}
                        />
                      </Show>
                    </Show>
                    <Show when={s.status !== "scheduled" && !s.cancelled}>
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
