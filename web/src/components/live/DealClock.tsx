import { Match, Switch } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/live";
import { type DealClock as Clock, dealPhase, formatClock } from "../../lib/live";

/** Where a deal stands, as viewers and the seller read it: sold out, the countdown to its start, or the time left. */
export function DealClock(props: { deal: Clock; now: number }) {
  const phase = () => dealPhase(props.deal, props.now);
  const msLeft = () => (phase() as { msLeft: number }).msLeft;
  return (
    <Switch>
      <Match when={phase().phase === "soldOut"}>{t("live.watch.dealSoldOut")}</Match>
      <Match when={phase().phase === "countdown"}>{t("live.watch.dealIn", { clock: formatClock(msLeft()) })}</Match>
      <Match when={phase().phase === "running"}>{t("live.watch.dealLeft", { clock: formatClock(msLeft()) })}</Match>
    </Switch>
  );
}
