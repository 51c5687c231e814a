import { createResource, Match, Switch } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/live";
import { type LiveCard, liveApi } from "../../api/live";
import { formatCount, formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";

/** Peak viewers, likes, orders and revenue of a session (seller and staff). */
export function LiveSummaryFigures(props: { sessionId: string }) {
  const [summary] = createResource(() => props.sessionId, liveApi.summary);
  return (
    <Switch>
      <Match when={summary.state === "errored"}>
        <p class="muted small">{t("live.summary.failed")}</p>
      </Match>
      <Match when={settled(summary)}>
        {(s) => (
          <dl class="live-summary" data-testid="live-summary">
            <div>
              <dt>{t("live.summary.peak")}</dt>
              <dd>{formatCount(s().peakViewers)}</dd>
            </div>
            <div>
              <dt>{t("live.summary.likes")}</dt>
              <dd>{formatCount(s().likes)}</dd>
            </div>
            <div>
              <dt>{t("live.summary.orders")}</dt>
              <dd>{formatCount(s().orders)}</dd>
            </div>
            <div>
              <dt>{t("live.summary.revenue")}</dt>
              <dd>{formatVnd(s().revenueVnd)}</dd>
            </div>
          </dl>
        )}
      </Match>
    </Switch>
  );
}

export function StatusLabel(props: { status: LiveCard["status"] }) {
  return (
    <span class={`live-status live-status--${props.status}`}>
      {props.status === "live" ? t("live.onAir") : props.status === "scheduled" ? t("live.soon") : t("live.ended")}
    </span>
  );
}
