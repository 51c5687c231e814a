import { For, Show } from "solid-js";
import type { DossierSummary } from "../../api/dossier";
import { type Key, t } from "../../i18n";
import "../../i18n/dossier";

const STEPS = ["draft", "commune_check", "province_council", "central_council", "decided"] as const;

/**
 * Where a dossier stands: draft → commune check → province council → central council → decision. A returned
 * dossier shows on the step that returned it, with the reasons.
 */
export function DossierStepper(props: { dossier: Pick<DossierSummary, "state" | "lastReturn" | "outcome"> }) {
  const at = () => {
    const d = props.dossier;
    if (d.state !== "returned") return STEPS.indexOf(d.state);
    const by = d.lastReturn?.party;
    return by === "central" ? 3 : by === "province" ? 2 : 1;
  };
  return (
    <div class="dossier-progress">
      <ol class="stepper" aria-label={t("dossier.steps")}>
        <For each={STEPS}>
          {(step, i) => (
            <li
              class="stepper__step"
              classList={{
                "is-done": i() < at() || props.dossier.state === "decided",
                "is-current": i() === at() && props.dossier.state !== "decided",
                "is-returned": i() === at() && props.dossier.state === "returned",
              }}
              aria-current={i() === at() ? "step" : undefined}
            >
              <span class="stepper__dot" aria-hidden="true" />
              <span class="stepper__label">{t(`dossier.state.${step}` as Key)}</span>
            </li>
          )}
        </For>
      </ol>
      <Show
        when={props.dossier.state === "returned" || props.dossier.lastReturn ? props.dossier.lastReturn : undefined}
      >
        {(back) => (
          <div class="dossier-return" role="note" data-testid="dossier-return">
            <p>{t("dossier.returned", { by: t(`dossier.party.${back().party}` as Key) })}</p>
            <ul>
              <For each={back().reasons}>{(r) => <li>{r}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
      <Show when={props.dossier.outcome}>
        {(o) => <p class="dossier-outcome">{t("dossier.outcome", { stars: o().stars, total: o().total })}</p>}
      </Show>
    </div>
  );
}
