import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { createForm, Form, FormMessage, TextArea } from "../../components/form";
import { List } from "../../components/list";
import { EmptyState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/live";
import { type LiveOwnCard, liveApi } from "../../api/live";
import { LiveReports } from "../../components/live/LiveReports";
import { LiveSummaryFigures, StatusLabel } from "../../components/live/LiveSummary";
import { formatDateTime } from "../../lib/format";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";
import "../../styles/portal.css";

const REASON_MAX = 300;

/**
 * Ending a live on air, or cancelling one coming up, with the reason the seller is sent (5–300 characters,
 * checked here and by the API).
 */
function CloseForm(props: { session: LiveOwnCard; onDone: (text: string) => void; onBack: () => void }) {
  const cancelling = () => props.session.status === "scheduled";
  const form = createForm({
    id: `close-${props.session.sessionId}`,
    fields: ["reason"],
    read: ({ value, errors }) => {
      const reason = value("reason");
      if (reason.length >= 5 && reason.length <= REASON_MAX) return reason;
      errors.set("reason", () => t(reason.length < 5 ? "live.admin.reasonShort" : "live.admin.reasonLong"));
      return undefined;
    },
    send: async (reason) => {
      const { sessionId, title } = props.session;
      if (cancelling()) {
        await liveApi.cancel(sessionId, reason);
        props.onDone(t("live.admin.cancelledDone", { title }));
      } else {
        await liveApi.end(sessionId, reason);
        props.onDone(t("live.admin.endedWhy", { title }));
      }
    },
  });
  return (
    <Form of={form} class="pform action-form live-close">
      <TextArea
        ref={(el) => queueMicrotask(() => el.focus())}
        name="reason"
        label={t("live.admin.reason")}
        hint={t("live.admin.reasonHint")}
        rows="3"
        maxLength={REASON_MAX + 20}
      />
      <p class="seller-live__actions">
        <button type="submit" class="button button--danger" disabled={form.busy()}>
          {cancelling() ? t("live.admin.confirmCancel") : t("live.admin.confirmEnd")}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onBack()}>
          {t("live.admin.keep")}
        </button>
      </p>
      <FormMessage error={form.errors.general()} />
    </Form>
  );
}

/** One session in the staff's list: its status, title, producer and time, the close reason, its figures. */
function StaffLive(props: {
  session: LiveOwnCard;
  closing: boolean;
  onClose: () => void;
  onDone: (text: string) => void;
  onBack: () => void;
}) {
  const s = () => props.session;
  return (
    <li class="seller-live" data-testid="staff-live">
      <div class="seller-live__head">
        <Show when={s().cancelled} fallback={<StatusLabel status={s().status} />}>
          <span class="live-status live-status--ended">{t("live.cancelled")}</span>
        </Show>
        <h2 class="seller-live__title">
          <A href={s().status === "ended" ? `/live/${s().sessionId}/replay` : `/live/${s().sessionId}`}>{s().title}</A>
        </h2>
        <p class="muted small">
          {t("live.admin.producer")}: {s().producerName} · {t("live.startsAt", { when: formatDateTime(s().startAt) })}
        </p>
        <Show when={s().endReason}>
          {(reason) => <p class="live-reason">{t("live.staffClosed", { reason: reason() })}</p>}
        </Show>
      </div>
      <Show when={s().status !== "ended"}>
        <Show
          when={props.closing}
          fallback={
            <p class="seller-live__actions">
              <button
                type="button"
                class="button button--danger button--small"
                aria-label={t(s().status === "scheduled" ? "live.admin.cancelLabel" : "live.admin.endLabel", {
                  title: s().title,
                })}
                onClick={() => props.onClose()}
              >
                {s().status === "scheduled" ? t("live.admin.cancel") : t("live.admin.end")}
              </button>
            </p>
          }
        >
          <CloseForm session={s()} onDone={props.onDone} onBack={props.onBack} />
        </Show>
      </Show>
      <Show when={s().status !== "scheduled" && !s().cancelled}>
        <LiveReports sessionId={s().sessionId} live={s().status === "live"} />
        <LiveSummaryFigures sessionId={s().sessionId} />
      </Show>
    </li>
  );
}

/**
 * `/quan-tri/live`: every session for staff, with its viewers' reports and its figures; a live on air can be ended
 * and one coming up cancelled, each with a reason the seller is told.
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
      <List
        data={sessions}
        retry={refetch}
        loading={<span class="skeleton skeleton--block" />}
        empty={<EmptyState title={t("live.admin.empty")} />}
      >
        {(rows) => (
          <ul class="seller-lives">
            <For each={rows()}>
              {(s) => (
                <StaffLive
                  session={s}
                  closing={closing() === s.sessionId}
                  onClose={() => {
                    setMessage(undefined);
                    setClosing(s.sessionId);
                  }}
                  onDone={(text) => void done(text)}
                  onBack={() => setClosing(undefined)}
                />
              )}
            </For>
          </ul>
        )}
      </List>
    </section>
  );
}
