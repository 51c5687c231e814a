import { A, useParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { type CouncilSummary, councilApi, type Reading } from "../../api/council";
import { RequireSignIn } from "../../components/RequireSignIn";
import { ErrorState, errorMessage } from "../../components/States";
import { locale, t } from "../../i18n";
import "../../i18n/council";
import { formatDateTime, formatDecimal } from "../../lib/format";
import { useTitle } from "../../lib/title";
import "../../styles/portal.css";
import "../../styles/council.css";

const MAX = { A: 40, B: 25, C: 35 } as const;
const REGISTRATION = [
  "productName",
  "representative",
  "phone",
  "rawMaterialOrigin",
  "workers",
  "localWorkers",
  "annualOutput",
  "description",
] as const;
type Part = keyof typeof MAX;
const text = (x: { vi: string; en: string }) => (locale() === "en" ? x.en : x.vi);

/**
 * The scoring screen (desktop): the dossier's registration and evidence beside the sub-group's sheet; one option and
 * a note per criterion, running totals per part. Once the member has submitted (or for the secretary and staff),
 * the sitting's result: every sheet, the average, the mandatory check and the stars.
 */
export default function Scoring() {
  const params = useParams<{ sittingId: string; dossierId: string }>();
  return (
    <RequireSignIn>
      {() => {
        const [reading, { refetch }] = createResource(() => councilApi.read(params.sittingId, params.dossierId));
        useTitle(() => t("council.score.title", { product: reading()?.dossier.productName ?? "" }));
        return (
          <main class="wrap council">
            <p>
              <A href="/hoi-dong">← {t("council.mine.title")}</A>
            </p>
            <Show when={!reading.error} fallback={<ErrorState error={reading.error} retry={refetch} />}>
              <Show when={reading()}>
                {(r) => (
                  <Show
                    when={r().mine && !r().mine?.submittedAt}
                    fallback={<Summary sittingId={params.sittingId} dossierId={params.dossierId} reading={r()} />}
                  >
                    <Sheet sittingId={params.sittingId} dossierId={params.dossierId} reading={r()} done={refetch} />
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

function Sheet(props: { sittingId: string; dossierId: string; reading: Reading; done: () => void }) {
  const sheet = () => props.reading.sheet;
  const [answers, setAnswers] = createStore<Record<string, string>>({ ...(props.reading.mine?.answers ?? {}) });
  const [notes, setNotes] = createStore<Record<string, string>>({ ...(props.reading.mine?.notes ?? {}) });
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const criteria = createMemo(() => sheet().parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)));
  const pointsOf = (id: string) => {
    const c = criteria().find((x) => x.id === id);
    return c?.options.find((o) => o.id === answers[id])?.points ?? 0;
  };
  const partTotal = (code: Part) =>
    criteria().reduce((sum, c) => sum + (c.id.startsWith(code) ? pointsOf(c.id) : 0), 0);
  const total = () => partTotal("A") + partTotal("B") + partTotal("C");
  const unanswered = () => criteria().filter((c) => !answers[c.id]).length;
  const body = () => ({
    answers: { ...answers },
    notes: Object.fromEntries(Object.entries(notes).filter(([, v]) => v.trim())),
  });
  const evidenceFor = (id: string) => props.reading.dossier.evidence.filter((e) => e.criterionIds.includes(id));
  const self = props.reading.dossier.selfAssessment as Record<string, string> | undefined;

  const save = async () => {
    setBusy(true);
    try {
      await councilApi.save(props.sittingId, props.dossierId, body());
      setMessage(t("council.score.saved"));
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    if (!confirm(t("council.score.confirm"))) return;
    setBusy(true);
    try {
      await councilApi.submit(props.sittingId, props.dossierId, body());
      props.done();
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t("council.score.title", { product: props.reading.dossier.productName ?? "" })}</h1>
      <p class="muted small">
        {props.reading.dossier.producerName} · {text(sheet().title)} ({sheet().sheetId}) ·{" "}
        {t("council.score.independent")}
      </p>
      <div class="council__scoring">
        <aside class="council__dossier" aria-label={t("council.score.evidence")}>
          <h2>{t("council.score.registration")}</h2>
          <dl class="council__registration">
            <For each={REGISTRATION.filter((k) => props.reading.dossier.registration[k] !== undefined)}>
              {(k) => (
                <>
                  <dt>{t(`council.reg.${k}`)}</dt>
                  <dd>{String(props.reading.dossier.registration[k])}</dd>
                </>
              )}
            </For>
          </dl>
          <h2>{t("council.score.evidence")}</h2>
          <ul class="council__evidence">
            <For each={props.reading.dossier.evidence}>
              {(e) => (
                <li>
                  <a href={e.url} target="_blank" rel="noopener">
                    {e.fileName}
                  </a>{" "}
                  <span class="muted small">{e.criterionIds.join(", ")}</span>
                </li>
              )}
            </For>
          </ul>
        </aside>
        <form class="council__sheet" onSubmit={(ev) => ev.preventDefault()}>
          <For each={sheet().parts}>
            {(part) => (
              <fieldset class="council__part" data-testid={`part-${part.code}`}>
                <legend>
                  {part.code}. {text(part.title)}{" "}
                  <span class="council__running" data-testid={`running-${part.code}`}>
                    {t("council.score.part", {
                      code: part.code,
                      points: partTotal(part.code as Part),
                      max: MAX[part.code as Part],
                    })}
                  </span>
                </legend>
                <For each={part.sections}>
                  {(section) => (
                    <section>
                      <h3>
                        {section.id}. {text(section.title)}
                      </h3>
                      <For each={section.criteria}>
                        {(c) => (
                          <div class="council__criterion" data-testid={`criterion-${c.id}`}>
                            <p class="council__criterion-title">
                              <strong>{c.id}</strong> {text(c.text)}{" "}
                              <For each={c.mandatory}>
                                {(m) => <span class="badge">{t("council.score.mandatory", { stars: m.stars })}</span>}
                              </For>
                            </p>
                            <div class="council__options" role="radiogroup" aria-label={`${c.id} ${text(c.text)}`}>
                              <For each={c.options}>
                                {(o) => (
                                  <label class="council__option">
                                    <input
                                      type="radio"
                                      name={c.id}
                                      value={o.id}
                                      checked={answers[c.id] === o.id}
                                      onChange={() => setAnswers(c.id, o.id)}
                                    />
                                    {text(o.text)} <span class="muted">({o.points})</span>
                                  </label>
                                )}
                              </For>
                            </div>
                            <Show when={self?.[c.id]}>
                              {(opt) => <p class="muted small">{t("council.score.selfAssessed", { option: opt() })}</p>}
                            </Show>
                            <Show when={evidenceFor(c.id).length}>
                              <p class="small">
                                <For each={evidenceFor(c.id)}>
                                  {(e) => (
                                    <a href={e.url} target="_blank" rel="noopener" class="council__evidence-link">
                                      {e.fileName}
                                    </a>
                                  )}
                                </For>
                              </p>
                            </Show>
                            <label class="council__note">
                              <span class="small">{t("council.score.note")}</span>
                              <textarea
                                rows={1}
                                aria-label={`${t("council.score.note")} ${c.id}`}
                                value={notes[c.id] ?? ""}
                                onInput={(ev) => setNotes(c.id, ev.currentTarget.value)}
                              />
                            </label>
                          </div>
                        )}
                      </For>
                    </section>
                  )}
                </For>
              </fieldset>
            )}
          </For>
          <div class="council__bar">
            <strong data-testid="running-total">{t("council.score.total", { points: total() })}</strong>
            <Show when={unanswered()}>
              <span class="muted">{t("council.score.unanswered", { n: unanswered() })}</span>
            </Show>
            <span role="status">{message()}</span>
            <button type="button" class="button button--ghost" disabled={busy()} onClick={save}>
              {t("council.score.save")}
            </button>
            <button type="button" class="button" disabled={busy() || unanswered() > 0} onClick={submit}>
              {t("council.score.submit")}
            </button>
          </div>
        </form>
      </div>
    </>
  );
}

export function Summary(props: { sittingId: string; dossierId: string; reading?: Reading }) {
  const [sum, { refetch }] = createResource(() => councilApi.summary(props.sittingId, props.dossierId));
  return (
    <Show when={!sum.error} fallback={<ErrorState error={sum.error} retry={refetch} />}>
      <Show when={sum()}>
        {(s) => <SummaryView summary={s()} submittedAt={props.reading?.mine?.submittedAt ?? null} />}
      </Show>
    </Show>
  );
}

function SummaryView(props: { summary: CouncilSummary; submittedAt: string | null }) {
  const s = () => props.summary;
  return (
    <section class="council__summary" data-testid="council-summary">
      <h1>{t("council.summary.title", { product: s().productName })}</h1>
      <Show when={props.submittedAt}>
        {(at) => <p class="muted">{t("council.score.submitted", { at: formatDateTime(at()) })}</p>}
      </Show>
      <p>{t("council.summary.submitted", { submitted: s().submitted, scorers: s().scorers })}</p>
      <Show when={!s().complete}>
        <p class="muted">{t("council.summary.waiting")}</p>
      </Show>
      <table class="council__table">
        <thead>
          <tr>
            <th>{t("council.summary.member")}</th>
            <th>A /40</th>
            <th>B /25</th>
            <th>C /35</th>
            <th>/100</th>
          </tr>
        </thead>
        <tbody>
          <For each={s().members}>
            {(m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.parts.A}</td>
                <td>{m.parts.B}</td>
                <td>{m.parts.C}</td>
                <td>{m.total}</td>
              </tr>
            )}
          </For>
        </tbody>
        <Show when={s().average}>
          {(avg) => (
            <tfoot>
              <tr data-testid="council-average">
                <th>{t("council.summary.average")}</th>
                <td>{formatDecimal(avg().parts.A)}</td>
                <td>{formatDecimal(avg().parts.B)}</td>
                <td>{formatDecimal(avg().parts.C)}</td>
                <td>
                  <strong>{formatDecimal(avg().total)}</strong>
                </td>
              </tr>
            </tfoot>
          )}
        </Show>
      </table>
      <Show when={s().average}>
        {(avg) => (
          <>
            <p class="council__stars" data-testid="council-stars">
              <strong>{t("council.summary.stars", { stars: avg().stars })}</strong>{" "}
              <span class="muted">{t("council.summary.band", { stars: avg().band })}</span>
            </p>
            <Show when={avg().failed.length} fallback={<p>{t("council.summary.allMet")}</p>}>
              <h2>{t("council.summary.failed")}</h2>
              <ul data-testid="council-failed">
                <For each={avg().failed}>
                  {(f) => (
                    <li>
                      {t("council.summary.failedRow", {
                        id: f.criterionId,
                        points: formatDecimal(f.points),
                        atLeast: f.atLeast,
                        stars: f.stars,
                      })}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
