import { EVIDENCE_KINDS } from "@cho-ocop/core/dossier/evidence";
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { communeApi, type DossierView } from "../../api/dossier";
import { DossierStepper } from "../../components/dossier/Stepper";
import { Refusal, RequireSignIn } from "../../components/portal/bits";
import { ErrorState, errorMessage } from "../../components/States";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/dossier";
import "../../i18n/portal";
import "../../styles/portal.css";
import "../../styles/dossier.css";
import { formatDateTime } from "../../lib/format";
import { useTitle } from "../../lib/title";

/**
 * Commune staff (the commune or ward's People's Committee, Decision 1489/QĐ-TTg): the dossiers of their commune's
 * producers waiting for the pre-check; one opened beside its registration and evidence, passed to the province with
 * the three checks confirmed, or returned with reasons the producer reads.
 */
export default function CommuneDossiers() {
  useTitle(() => t("dossier.commune.title"));
  return (
    <RequireSignIn>
      {(user) => (
        <Show
          when={user().role === "commune"}
          fallback={
            <div class="wrap">
              <Refusal title={t("dossier.commune.only")} />
            </div>
          }
        >
          <Desk ward={user().staffScope ?? ""} />
        </Show>
      )}
    </RequireSignIn>
  );
}

function Desk(props: { ward: string }) {
  const [search, setSearch] = useSearchParams();
  const open = () => (typeof search.id === "string" ? search.id : undefined);
  const [queue, { refetch }] = createResource(() => communeApi.queue());
  const ward = () => queue()?.[0]?.wardName;
  return (
    <main class="wrap commune">
      <h1>{t("dossier.commune.title")}</h1>
      <p class="muted">{t("dossier.commune.ward", { name: ward() ?? props.ward })}</p>
      <Show
        when={open()}
        fallback={
          <>
            <p class="muted small">{t("dossier.commune.lead")}</p>
            <Show when={!queue.error} fallback={<ErrorState error={queue.error} retry={refetch} />}>
              <Show when={queue()} fallback={<p class="muted">{t("portal.common.loading")}</p>}>
                {(items) => (
                  <Show when={items().length} fallback={<p class="muted">{t("dossier.commune.empty")}</p>}>
                    <ul class="dossier-list">
                      <For each={items()}>
                        {(d) => (
                          <li class="dossier-card" data-testid="commune-dossier">
                            <h2 class="dossier-card__title">{d.productName ?? t("dossier.list.untitled")}</h2>
                            <p class="muted small">
                              {d.producerName} · {formatDateTime(d.submittedAt ?? d.updatedAt)}
                            </p>
                            <button type="button" class="button" onClick={() => setSearch({ id: d.dossierId })}>
                              {t("dossier.commune.open")}
                            </button>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                )}
              </Show>
            </Show>
          </>
        }
      >
        {(id) => (
          <Check
            id={id()}
            onBack={() => {
              setSearch({ id: undefined });
              refetch();
            }}
          />
        )}
      </Show>
    </main>
  );
}

function Check(props: { id: string; onBack: () => void }) {
  const [dossier, { mutate, refetch }] = createResource(() => props.id, communeApi.get);
  const [checks, setChecks] = createSignal({ productOrigin: false, rawMaterialOrigin: false, localLabour: false });
  const [note, setNote] = createSignal("");
  const [reasons, setReasons] = createSignal("");
  const [error, setError] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const text = (v: { vi: string; en: string }) => (locale() === "en" ? v.en : v.vi);

  const act = async (run: () => Promise<DossierView>, message: string) => {
    setError(undefined);
    setBusy(true);
    try {
      mutate(await run());
      setDone(message);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  const pass = () => {
    const c = checks();
    if (!c.productOrigin || !c.rawMaterialOrigin || !c.localLabour) {
      setError(t("dossier.commune.checksMissing"));
      return;
    }
    void act(
      () =>
        communeApi.pass(props.id, {
          checks: { productOrigin: true, rawMaterialOrigin: true, localLabour: true },
          ...(note().trim() ? { note: note().trim() } : {}),
        }),
      t("dossier.commune.passed"),
    );
  };
  const giveBack = () => {
    const list = reasons()
      .split("\n")
      .map((r) => r.trim())
      .filter(Boolean);
    if (!list.length || list.some((r) => r.length < 5)) {
      setError(t("dossier.commune.reasonsMissing"));
      return;
    }
    void act(() => communeApi.giveBack(props.id, list), t("dossier.commune.returnedDone"));
  };

  return (
    <section class="commune-check">
      <p class="back-link">
        <A
          href="/quan-tri/ho-so-xa"
          onClick={(e) => {
            e.preventDefault();
            props.onBack();
          }}
        >
          <span aria-hidden="true">← </span>
          {t("dossier.commune.back")}
        </A>
      </p>
      <Show when={!dossier.error} fallback={<ErrorState error={dossier.error} retry={refetch} />}>
        <Show when={dossier()} fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          {(d) => (
            <>
              <h2>{d().registration.productName}</h2>
              <p class="muted">{d().producerName}</p>
              <DossierStepper dossier={d()} />
              <dl class="commune-facts">
                <dt>{t("dossier.rawMaterialOrigin")}</dt>
                <dd>{d().registration.rawMaterialOrigin}</dd>
                <dt>{t("dossier.workers")}</dt>
                <dd>{d().registration.workers}</dd>
                <dt>{t("dossier.localWorkers")}</dt>
                <dd>{d().registration.localWorkers}</dd>
                <dt>{t("dossier.representative")}</dt>
                <dd>
                  {d().registration.representative} · {d().registration.phone}
                </dd>
                <dt>{t("dossier.plan.summary")}</dt>
                <dd>{d().businessPlan.summary}</dd>
              </dl>
              <h3>{t("dossier.step.evidence")}</h3>
              <ul class="dossier-files">
                <For each={d().evidence}>
                  {(e) => (
                    <li class="dossier-file">
                      <a href={e.url} target="_blank" rel="noopener">
                        {e.fileName}
                      </a>{" "}
                      <span class="muted small">
                        {text(EVIDENCE_KINDS.find((k) => k.id === e.kind) ?? { vi: e.kind, en: e.kind })}{" "}
                        {e.criterionIds.join(", ")}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={done()}>
                <p class="note-ok" role="status">
                  {done()}
                </p>
              </Show>
              <Show when={d().moves.length > 0}>
                <fieldset class="commune-checks">
                  <legend>{t("dossier.commune.checks")}</legend>
                  <For each={["productOrigin", "rawMaterialOrigin", "localLabour"] as const}>
                    {(k) => (
                      <label class="dossier-option">
                        <input
                          type="checkbox"
                          checked={checks()[k]}
                          onChange={(e) => setChecks({ ...checks(), [k]: e.currentTarget.checked })}
                        />
                        <span>{t(`dossier.commune.${k}` as Key)}</span>
                      </label>
                    )}
                  </For>
                  <div class="pfield">
                    <label class="pfield__label" for="commune-note">
                      {t("dossier.commune.note")}
                    </label>
                    <textarea
                      id="commune-note"
                      class="input"
                      rows="2"
                      value={note()}
                      onInput={(e) => setNote(e.currentTarget.value)}
                    />
                  </div>
                  <button type="button" class="button" disabled={busy()} onClick={pass}>
                    {t("dossier.commune.pass")}
                  </button>
                </fieldset>
                <div class="pfield">
                  <label class="pfield__label" for="commune-reasons">
                    {t("dossier.commune.reasons")}
                  </label>
                  <textarea
                    id="commune-reasons"
                    class="input"
                    rows="3"
                    value={reasons()}
                    onInput={(e) => setReasons(e.currentTarget.value)}
                  />
                </div>
                <button type="button" class="button button--ghost" disabled={busy()} onClick={giveBack}>
                  {t("dossier.commune.return")}
                </button>
              </Show>
              <Show when={error()}>
                <p class="note-error" role="alert">
                  {error()}
                </p>
              </Show>
              <Show when={d().sheet}>
                {(s) => (
                  <details class="dossier-part">
                    <summary>{t("dossier.step.self")}</summary>
                    <ul>
                      <For each={s().parts.flatMap((p) => p.sections.flatMap((sec) => sec.criteria))}>
                        {(c) => (
                          <li class="small">
                            <strong>{c.id}</strong> {text(c.text)}:{" "}
                            {text(
                              c.options.find((o) => o.id === d().selfAssessment[c.id])?.text ?? { vi: "—", en: "—" },
                            )}
                          </li>
                        )}
                      </For>
                    </ul>
                  </details>
                )}
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
