import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { dossierApi } from "../../api/dossier";
import { DossierStepper } from "../../components/dossier/Stepper";
import { EmptyState, ErrorState } from "../../components/States";
import { type Key, t } from "../../i18n";
import "../../i18n/dossier";
import "../../styles/dossier.css";
import { formatDateTime } from "../../lib/format";
import { useTitle } from "../../lib/title";

/** The producer's OCOP dossiers with where each stands and the reasons of a return. */
export default function Dossiers() {
  useTitle(() => t("dossier.list.title"));
  const [list, { refetch }] = createResource(() => dossierApi.mine());
  return (
    <main class="wrap dossiers">
      <h1>{t("dossier.list.title")}</h1>
      <p class="muted">{t("dossier.list.lead")}</p>
      <p>
        <A href="/ban-hang/ho-so/moi" class="button">
          {t("dossier.list.new")}
        </A>
      </p>
      <Show when={!list.error} fallback={<ErrorState error={list.error} retry={refetch} />}>
        <Show when={list()} fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          {(items) => (
            <Show when={items().length} fallback={<EmptyState title={t("dossier.list.empty")} />}>
              <ul class="dossier-list">
                <For each={items()}>
                  {(d) => (
                    <li class="dossier-card" data-testid="dossier-card">
                      <h2 class="dossier-card__title">
                        <A href={`/ban-hang/ho-so/${d.dossierId}`}>{d.productName || t("dossier.list.untitled")}</A>
                      </h2>
                      <p class="muted small">
                        <span class={`status status--dossier-${d.state}`}>{t(`dossier.state.${d.state}` as Key)}</span>{" "}
                        <Show when={d.renewsCertificateId}>{t("dossier.list.renewal")} · </Show>
                        <Show when={d.state === "draft"}>{t("dossier.list.done", { n: d.completion })} · </Show>
                        {formatDateTime(d.updatedAt)}
                      </p>
                      <DossierStepper dossier={d} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </main>
  );
}
