import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { councilApi } from "../../api/council";
import { RequireSignIn } from "../../components/RequireSignIn";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/council";
import { formatDate } from "../../lib/format";
import { useTitle } from "../../lib/title";
import "../../styles/portal.css";
import "../../styles/council.css";

/** A council member's sittings and the dossiers on each, to score. */
export default function Sittings() {
  useTitle(() => t("council.mine.title"));
  return (
    <RequireSignIn>
      {() => {
        const [mine, { refetch }] = createResource(() => councilApi.mine());
        return (
          <main class="wrap council">
            <h1>{t("council.mine.title")}</h1>
            <p class="muted small">{t("council.score.independent")}</p>
            <Show when={!mine.error} fallback={<ErrorState error={mine.error} retry={refetch} />}>
              <Show when={mine()}>
                {(list) => (
                  <Show when={list().length} fallback={<p class="muted">{t("council.mine.empty")}</p>}>
                    <For each={list()}>
                      {(s) => (
                        <section class="council__card" data-testid="my-sitting">
                          <h2>{s.councilName}</h2>
                          <p class="muted">
                            {t("council.sitting.title", { date: formatDate(s.date), place: s.place })}
                          </p>
                          <ul>
                            <For each={s.dossiers}>
                              {(d) => (
                                <li>
                                  <A href={`/hoi-dong/${s.sittingId}/${d.dossierId}`}>{d.productName}</A>{" "}
                                  <span class="muted small">{d.producerName}</span>
                                </li>
                              )}
                            </For>
                          </ul>
                        </section>
                      )}
                    </For>
                  </Show>
                )}
              </Show>
            </Show>
          </main>
        );
      }}
    </RequireSignIn>
  );
}
