import { REPORT_REASONS } from "@cho-ocop/core/live/report-reasons";
import { createResource, For, onCleanup, onMount, Show } from "solid-js";
import { liveApi } from "../../api/live";
import { locale, t } from "../../i18n";
import "../../i18n/live";
import { formatDateTime } from "../../lib/format";
import { formatClock } from "../../lib/live";

/** How often staff's page asks for new reports while the live is on air. */
const POLL_MS = 4000;

/**
 * A live's reports for staff, newest first, each with its moment in the stream and the time: read again every few
 * seconds while the live is on air, so a report shows up as it comes. No reporter: the API does not say.
 */
export function LiveReports(props: { sessionId: string; live: boolean }) {
  const [reports, { refetch }] = createResource(() => props.sessionId, liveApi.reports);
  onMount(() => {
    const timer = setInterval(() => {
      if (props.live) void refetch();
    }, POLL_MS);
    onCleanup(() => clearInterval(timer));
  });
  const reasonName = (id: string) => REPORT_REASONS.find((r) => r.id === id)?.[locale()] ?? id;
  return (
    <section class="live-reports" aria-labelledby={`reports-${props.sessionId}`} data-testid="live-reports">
      <h3 id={`reports-${props.sessionId}`}>{t("live.admin.reports", { n: reports.latest?.length ?? 0 })}</h3>
      <Show when={reports.latest}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted small">{t("live.admin.reportsEmpty")}</p>}>
            <ol class="live-reports__list" aria-live="polite">
              <For each={list()}>
                {(r) => (
                  <li class="live-report" data-testid="live-report">
                    <span class="live-report__reason">{reasonName(r.reason)}</span>
                    <span class="live-report__at">
                      {t("live.admin.reportAt", {
                        moment: formatClock(r.streamSeconds * 1000),
                        time: formatDateTime(r.at),
                      })}
                    </span>
                    <Show when={r.text}>
                      <span class="live-report__text">{r.text}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}
