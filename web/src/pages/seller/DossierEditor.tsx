import { useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { ApiError } from "../../api/client";
import {
  type DossierSave,
  type DossierView,
  dossierApi,
  type EvidenceInput,
  type EvidenceKind,
} from "../../api/dossier";
import { sellerApi } from "../../api/seller";
import { DossierStepper } from "../../components/dossier/Stepper";
import { BackLink } from "../../components/portal/bits";
import { ErrorState, errorMessage } from "../../components/States";
import { locale, t } from "../../i18n";
import "../../i18n/dossier";
import "../../i18n/portal";
import "../../styles/dossier.css";
import { formatDateTime } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { uploadFile } from "../../lib/upload";

type Form = {
  registration: NonNullable<DossierSave["registration"]>;
  businessPlan: NonNullable<DossierSave["businessPlan"]>;
  selfAssessment: NonNullable<DossierSave["selfAssessment"]>;
  threeYearReview?: string;
};
type Kind = EvidenceInput["kind"];
/** What is kept on the phone: the form as typed and the server version it was typed over. */
interface LocalDraft {
  version: number;
  form: Form;
  unsaved: boolean;
}
const localKey = (id: string) => `cho-ocop.dossier.${id}`;
const readLocal = (id: string): LocalDraft | undefined => {
  try {
    return JSON.parse(localStorage.getItem(localKey(id)) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
};
const formOf = (d: DossierView): Form => ({
  registration: { ...d.registration },
  businessPlan: { ...d.businessPlan },
  selfAssessment: { ...d.selfAssessment },
  ...(d.threeYearReview !== null ? { threeYearReview: d.threeYearReview } : {}),
});
const text = (v: { vi: string; en: string }) => (locale() === "en" ? v.en : v.vi);

/** /ban-hang/ho-so/moi: opens a draft (a renewal with ?renew=<certificate>) and goes to it. */
export function NewDossier() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = createSignal<unknown>();
  const open = async () => {
    setError(undefined);
    try {
      const renew = typeof search.renew === "string" ? search.renew : undefined;
      const d = await dossierApi.create(renew);
      navigate(`/ban-hang/ho-so/${d.dossierId}`, { replace: true });
    } catch (cause) {
      setError(cause);
    }
  };
  onMount(open);
  return (
    <main class="wrap">
      <Show when={error()} fallback={<p class="muted">{t("portal.common.loading")}</p>}>
        <ErrorState error={error()} retry={open} />
      </Show>
    </main>
  );
}

/** An upload as the seller sees it: going, failed (with a retry), done. One file at a time, each retried alone. */
interface Upload {
  id: number;
  file: File;
  kind: Kind;
  criterionId: string;
  state: "uploading" | "failed";
  progress: number;
  error?: string;
}

/**
 * The guided dossier on a phone: the sub-group (its sheet follows), the registration, the business plan, the
 * self-assessment one option per criterion, evidence per kind from the camera or as PDFs, then submit. Every change
 * is kept in localStorage at once and saved to the server a moment later, so nothing typed is lost on a reload or a
 * dropped connection.
 */
export default function DossierEditor() {
  const params = useParams<{ id: string }>();
  const [dossier, { mutate, refetch }] = createResource(() => params.id, dossierApi.get);
  const [subGroups] = createResource(() => dossierApi.subGroups());
  const [kinds] = createResource(() => dossierApi.kinds());
  const [products] = createResource(() => sellerApi.products().catch(() => []));
  const [form, setForm] = createStore<Form>({ registration: {}, businessPlan: {}, selfAssessment: {} });
  const [version, setVersion] = createSignal(0);
  const [save, setSave] = createSignal<"idle" | "saving" | "saved" | "offline" | "conflict">("idle");
  const [savedAt, setSavedAt] = createSignal<string>();
  const [uploads, setUploads] = createSignal<Upload[]>([]);
  const [submitError, setSubmitError] = createSignal<string>();
  const [submitting, setSubmitting] = createSignal(false);
  useTitle(() => form.registration.productName || t("dossier.edit.title"));

  const editable = () => ["draft", "returned"].includes(dossier()?.state ?? "");

  let loadedFor = "";
  const adopt = (d: DossierView) => {
    mutate(d);
    if (loadedFor === d.dossierId) return;
    loadedFor = d.dossierId;
    const local = readLocal(d.dossierId);
    // What was typed on this phone and not yet saved wins, unless the server moved on meanwhile.
    const start = local?.unsaved && local.version === d.version ? local.form : formOf(d);
    setForm(reconcile(structuredClone(start)));
    setVersion((v) => Math.max(v, d.version));
    if (local?.unsaved && local.version === d.version) schedule();
  };
  createMemo(() => {
    const d = dossier();
    if (d) adopt(d);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  onCleanup(() => clearTimeout(timer));
  const keepLocal = (unsaved: boolean) =>
    localStorage.setItem(
      localKey(params.id),
      JSON.stringify({ version: version(), form: unwrap(form), unsaved } satisfies LocalDraft),
    );
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(flush, 800);
  }
  async function flush() {
    if (inFlight || !editable()) return;
    inFlight = true;
    setSave("saving");
    try {
      const body = structuredClone(unwrap(form)) as Form;
      const saved = await dossierApi.save(params.id, { ...body, version: version() });
      setVersion(saved.version);
      mutate(saved);
      const same = JSON.stringify(unwrap(form)) === JSON.stringify(body);
      keepLocal(!same);
      setSave("saved");
      setSavedAt(new Date().toISOString());
      if (!same) schedule();
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) setSave("conflict");
      else if (cause instanceof ApiError && cause.status === 0) {
        setSave("offline");
        timer = setTimeout(flush, 5000);
      } else {
        setSave("idle");
        setSubmitError(errorMessage(cause));
      }
    } finally {
      inFlight = false;
    }
  }
  const online = () => save() === "offline" && flush();
  window.addEventListener("online", online);
  onCleanup(() => window.removeEventListener("online", online));

  const change = (apply: () => void) => {
    apply();
    keepLocal(true);
    schedule();
  };
  const setReg = (field: string, value: unknown) =>
    change(() => setForm("registration", field as never, (value === "" ? undefined : value) as never));
  const setPlan = (field: string, value: unknown) =>
    change(() => setForm("businessPlan", field as never, (value === "" ? undefined : value) as never));
  const pickProduct = (productId: string) =>
    change(() => {
      const picked = products()?.find((p) => p.productId === productId);
      setForm("registration", "productId", picked?.productId);
      if (picked) setForm("registration", "productName", picked.name);
    });
  const pickSubGroup = (code: string) =>
    change(() => {
      setForm("registration", "subGroup", code || undefined);
      setForm("selfAssessment", reconcile({}));
    });
  const answer = (criterionId: string, option: string) => change(() => setForm("selfAssessment", criterionId, option));

  const sheet = () => {
    const d = dossier();
    return d?.sheet && d.registration.subGroup === form.registration.subGroup ? d.sheet : undefined;
  };
  const selfTotal = () =>
    (sheet()?.parts ?? [])
      .flatMap((p) => p.sections.flatMap((s) => s.criteria))
      .reduce((sum, c) => sum + (c.options.find((o) => o.id === form.selfAssessment[c.id])?.points ?? 0), 0);
  const criteria = () => (sheet()?.parts ?? []).flatMap((p) => p.sections.flatMap((s) => s.criteria));
  const groupOfForm = () => subGroups()?.find((s) => s.code === form.registration.subGroup)?.group;
  const required = (k: EvidenceKind) =>
    k.requiredFor === "all" || Boolean(groupOfForm() && k.requiredFor.includes(groupOfForm() ?? ""));

  let nextUpload = 1;
  const [criterionFor, setCriterionFor] = createStore<Record<string, string>>({});
  async function send(u: Upload) {
    setUploads((all) =>
      all.map((x) => (x.id === u.id ? { ...x, state: "uploading", progress: 0, error: undefined } : x)),
    );
    try {
      const key = await uploadFile(u.file, "dossier-evidence", (p) =>
        setUploads((all) => all.map((x) => (x.id === u.id ? { ...x, progress: p } : x))),
      );
      // A save in flight must not be overwritten by the evidence's version: save first, then attach.
      if (save() === "saving" || timer) await flush();
      const d = await dossierApi.attach(params.id, {
        kind: u.kind,
        key,
        fileName: u.file.name || `${u.kind}.jpg`,
        criterionIds: u.criterionId ? [u.criterionId] : [],
      });
      setVersion((v) => Math.max(v, d.version));
      mutate(d);
      keepLocal(false);
      setUploads((all) => all.filter((x) => x.id !== u.id));
    } catch (cause) {
      setUploads((all) => all.map((x) => (x.id === u.id ? { ...x, state: "failed", error: errorMessage(cause) } : x)));
    }
  }
  const picked = (kind: Kind, input: HTMLInputElement) => {
    for (const file of Array.from(input.files ?? [])) {
      const u: Upload = {
        id: nextUpload++,
        file,
        kind,
        criterionId: criterionFor[kind] ?? "",
        state: "uploading",
        progress: 0,
      };
      setUploads((all) => [...all, u]);
      void send(u);
    }
    input.value = "";
  };
  const remove = async (evidenceId: string) => {
    try {
      const d = await dossierApi.detach(params.id, evidenceId);
      setVersion((v) => Math.max(v, d.version));
      mutate(d);
    } catch (cause) {
      setSubmitError(errorMessage(cause));
    }
  };
  const submit = async () => {
    setSubmitError(undefined);
    setSubmitting(true);
    try {
      clearTimeout(timer);
      await flush();
      const d = await dossierApi.submit(params.id);
      mutate(d);
      localStorage.removeItem(localKey(params.id));
    } catch (cause) {
      setSubmitError(errorMessage(cause));
      refetch();
    } finally {
      setSubmitting(false);
    }
  };

  const input = (field: string, label: string, opts: { type?: string; inputmode?: "numeric" | "tel" } = {}) => (
    <div class="pfield">
      <label class="pfield__label" for={`dz-${field}`}>
        {label}
      </label>
      <input
        id={`dz-${field}`}
        class="input"
        type={opts.type ?? "text"}
        inputmode={opts.inputmode}
        disabled={!editable()}
        value={String((form.registration as Record<string, unknown>)[field] ?? "")}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setReg(field, opts.type === "number" ? (v === "" ? undefined : Math.max(0, Math.trunc(Number(v)))) : v);
        }}
      />
    </div>
  );

  return (
    <main class="wrap dossier-editor">
      <BackLink href="/ban-hang/ho-so">{t("dossier.edit.back")}</BackLink>
      <Show when={!dossier.error} fallback={<ErrorState error={dossier.error} retry={refetch} />}>
        <Show when={dossier()} fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          {(d) => (
            <>
              <h1>{form.registration.productName || t("dossier.edit.title")}</h1>
              <DossierStepper dossier={d()} />
              <p class="dossier-save small" role="status" data-testid="dossier-save">
                {save() === "saving"
                  ? t("dossier.edit.saving")
                  : save() === "saved"
                    ? t("dossier.edit.saved", { at: formatDateTime(savedAt() ?? "") })
                    : save() === "offline"
                      ? t("dossier.edit.offline")
                      : ""}
              </p>
              <Show when={save() === "conflict"}>
                <p class="note-error" role="alert">
                  {t("dossier.edit.conflict")}{" "}
                  <button
                    type="button"
                    class="button button--ghost"
                    onClick={() => {
                      localStorage.removeItem(localKey(params.id));
                      loadedFor = "";
                      setSave("idle");
                      refetch();
                    }}
                  >
                    {t("dossier.edit.reload")}
                  </button>
                </p>
              </Show>
              <Show when={!editable()}>
                <p class="muted">{t("dossier.edit.readonly")}</p>
              </Show>

              <section class="dossier-step" aria-labelledby="dz-s1">
                <h2 id="dz-s1">{t("dossier.step.subGroup")}</h2>
                <div class="pfield">
                  <label class="pfield__label" for="dz-subGroup">
                    {t("dossier.subGroup")}
                  </label>
                  <select
                    id="dz-subGroup"
                    class="input"
                    disabled={!editable()}
                    value={form.registration.subGroup ?? ""}
                    onChange={(e) => pickSubGroup(e.currentTarget.value)}
                    aria-describedby="dz-subGroup-hint"
                  >
                    <option value="">{t("dossier.subGroup.pick")}</option>
                    <For each={subGroups() ?? []}>
                      {(s) => (
                        // The sub-groups may arrive after the form: each option says whether it is the one chosen.
                        <option value={s.code} selected={form.registration.subGroup === s.code}>
                          {s.code} · {text(s.category.name)} — {text(s.name)}
                        </option>
                      )}
                    </For>
                  </select>
                  <p class="pfield__hint" id="dz-subGroup-hint">
                    {t("dossier.subGroup.changed")}
                  </p>
                </div>
              </section>

              <section class="dossier-step" aria-labelledby="dz-s2">
                <h2 id="dz-s2">{t("dossier.step.registration")}</h2>
                <div class="pfield">
                  <label class="pfield__label" for="dz-productId">
                    {t("dossier.product")}
                  </label>
                  <select
                    id="dz-productId"
                    class="input"
                    disabled={!editable()}
                    onChange={(e) => pickProduct(e.currentTarget.value)}
                    aria-describedby="dz-productId-hint"
                  >
                    <option value="">{t("dossier.product.none")}</option>
                    <For each={products() ?? []}>
                      {(p) => (
                        <option value={p.productId} selected={form.registration.productId === p.productId}>
                          {p.name}
                        </option>
                      )}
                    </For>
                  </select>
                  <p class="pfield__hint" id="dz-productId-hint">
                    {t("dossier.product.hint")}
                  </p>
                </div>
                {input("productName", t("dossier.productName"))}
                {input("representative", t("dossier.representative"))}
                {input("phone", t("dossier.phone"), { type: "tel", inputmode: "tel" })}
                <div class="pfield">
                  <label class="pfield__label" for="dz-rawMaterialOrigin">
                    {t("dossier.rawMaterialOrigin")}
                  </label>
                  <textarea
                    id="dz-rawMaterialOrigin"
                    class="input"
                    rows="3"
                    disabled={!editable()}
                    value={form.registration.rawMaterialOrigin ?? ""}
                    onInput={(e) => setReg("rawMaterialOrigin", e.currentTarget.value)}
                  />
                </div>
                <div class="dossier-pair">
                  {input("workers", t("dossier.workers"), { type: "number", inputmode: "numeric" })}
                  {input("localWorkers", t("dossier.localWorkers"), { type: "number", inputmode: "numeric" })}
                </div>
                {input("annualOutput", t("dossier.annualOutput"))}
              </section>

              <section class="dossier-step" aria-labelledby="dz-s3">
                <h2 id="dz-s3">{t("dossier.step.plan")}</h2>
                <div class="pfield">
                  <label class="pfield__label" for="dz-summary">
                    {t("dossier.plan.summary")}
                  </label>
                  <textarea
                    id="dz-summary"
                    class="input"
                    rows="4"
                    disabled={!editable()}
                    value={form.businessPlan.summary ?? ""}
                    onInput={(e) => setPlan("summary", e.currentTarget.value)}
                  />
                </div>
                <div class="pfield">
                  <label class="pfield__label" for="dz-markets">
                    {t("dossier.plan.markets")}
                  </label>
                  <input
                    id="dz-markets"
                    class="input"
                    disabled={!editable()}
                    value={form.businessPlan.markets ?? ""}
                    onInput={(e) => setPlan("markets", e.currentTarget.value)}
                  />
                </div>
                <Show when={d().renewsCertificateId}>
                  <div class="pfield">
                    <label class="pfield__label" for="dz-review">
                      {t("dossier.step.review")}
                    </label>
                    <textarea
                      id="dz-review"
                      class="input"
                      rows="4"
                      disabled={!editable()}
                      value={form.threeYearReview ?? ""}
                      onInput={(e) => change(() => setForm("threeYearReview", e.currentTarget.value))}
                    />
                  </div>
                </Show>
              </section>

              <section class="dossier-step" aria-labelledby="dz-s4">
                <h2 id="dz-s4">{t("dossier.step.self")}</h2>
                <Show when={sheet()} fallback={<p class="muted">{t("dossier.self.pickFirst")}</p>}>
                  {(s) => (
                    <>
                      <p class="dossier-total" data-testid="self-total">
                        {t("dossier.self.total", { points: selfTotal() })}
                      </p>
                      <For each={s().parts}>
                        {(part) => (
                          <details class="dossier-part" open>
                            <summary>{t("dossier.self.part", { code: part.code, title: text(part.title) })}</summary>
                            <For each={part.sections.flatMap((sec) => sec.criteria)}>
                              {(c) => (
                                <fieldset class="dossier-criterion" data-criterion={c.id}>
                                  <legend>
                                    <strong>{c.id}</strong> {text(c.text)}
                                    <For each={c.mandatory}>
                                      {(m) => (
                                        <span class="dossier-mandatory">
                                          {" "}
                                          · {t("dossier.self.mandatory", { stars: m.stars })}
                                        </span>
                                      )}
                                    </For>
                                  </legend>
                                  <For each={c.options}>
                                    {(o) => (
                                      <label class="dossier-option">
                                        <input
                                          type="radio"
                                          name={`dz-${c.id}`}
                                          value={o.id}
                                          disabled={!editable()}
                                          checked={form.selfAssessment[c.id] === o.id}
                                          onChange={() => answer(c.id, o.id)}
                                        />
                                        <span>
                                          {text(o.text)}{" "}
                                          <span class="muted">({t("dossier.self.points", { n: o.points })})</span>
                                        </span>
                                      </label>
                                    )}
                                  </For>
                                </fieldset>
                              )}
                            </For>
                          </details>
                        )}
                      </For>
                    </>
                  )}
                </Show>
              </section>

              <section class="dossier-step" aria-labelledby="dz-s5">
                <h2 id="dz-s5">{t("dossier.step.evidence")}</h2>
                <p class="muted small">{t("dossier.evidence.lead")}</p>
                <For each={kinds() ?? []}>
                  {(k) => (
                    <div class="dossier-kind" data-kind={k.id}>
                      <h3>
                        {text(k)}
                        <Show when={required(k)}>
                          <span class="dossier-required"> · {t("dossier.evidence.required")}</span>
                        </Show>
                      </h3>
                      <ul class="dossier-files">
                        <For each={d().evidence.filter((e) => e.kind === k.id)}>
                          {(e) => (
                            <li class="dossier-file" data-testid="evidence-file">
                              <a href={e.url} target="_blank" rel="noopener">
                                {e.fileName}
                              </a>
                              <span class="muted small">
                                {" "}
                                {e.criterionIds.join(", ")} · {t("dossier.evidence.attached")}
                              </span>
                              <Show when={editable()}>
                                <button type="button" class="button button--ghost" onClick={() => remove(e.evidenceId)}>
                                  {t("dossier.evidence.remove")}
                                </button>
                              </Show>
                            </li>
                          )}
                        </For>
                        <For each={uploads().filter((u) => u.kind === k.id)}>
                          {(u) => (
                            <li class="dossier-file" data-testid="evidence-upload">
                              <Show
                                when={u.state === "failed"}
                                fallback={
                                  <>
                                    <span>{t("dossier.evidence.uploading", { name: u.file.name })}</span>
                                    <progress class="progress" max="1" value={u.progress} />
                                  </>
                                }
                              >
                                <span class="note-error" role="alert">
                                  {t("dossier.evidence.failed", { name: u.file.name })} {u.error}
                                </span>
                                <button type="button" class="button button--ghost" onClick={() => send(u)}>
                                  {t("dossier.evidence.retry")}
                                </button>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                      <Show when={editable()}>
                        <div class="dossier-pick">
                          <Show when={criteria().length}>
                            <label class="small">
                              {t("dossier.evidence.criteria")}{" "}
                              <select
                                class="input input--small"
                                value={criterionFor[k.id] ?? ""}
                                onChange={(e) => setCriterionFor(k.id, e.currentTarget.value)}
                              >
                                <option value="">{t("dossier.evidence.criteriaNone")}</option>
                                <For each={criteria()}>{(c) => <option value={c.id}>{c.id}</option>}</For>
                              </select>
                            </label>
                          </Show>
                          <label class="button button--ghost file-button">
                            {t("dossier.evidence.camera")}
                            <input
                              class="file-input"
                              type="file"
                              accept="image/jpeg,image/png,image/webp"
                              capture="environment"
                              data-testid={`camera-${k.id}`}
                              onChange={(e) => picked(k.id as Kind, e.currentTarget)}
                            />
                          </label>
                          <label class="button button--ghost file-button">
                            {t("dossier.evidence.file")}
                            <input
                              class="file-input"
                              type="file"
                              multiple
                              accept="application/pdf,image/jpeg,image/png,image/webp"
                              data-testid={`file-${k.id}`}
                              onChange={(e) => picked(k.id as Kind, e.currentTarget)}
                            />
                          </label>
                        </div>
                      </Show>
                    </div>
                  )}
                </For>
              </section>

              <section class="dossier-step" aria-labelledby="dz-s6">
                <h2 id="dz-s6">{t("dossier.step.submit")}</h2>
                <Show
                  when={d().missing.length}
                  fallback={<p class="note-ok">{editable() ? t("dossier.complete") : t("dossier.submitted")}</p>}
                >
                  <p>{t("dossier.missing", { n: d().missing.length })}</p>
                  <ul class="dossier-missing" data-testid="dossier-missing">
                    <For each={d().missing}>{(m) => <li>{locale() === "en" ? m.en : m.vi}</li>}</For>
                  </ul>
                </Show>
                <Show when={editable()}>
                  <button
                    type="button"
                    class="button"
                    disabled={submitting() || d().missing.length > 0}
                    onClick={submit}
                  >
                    {submitting() ? t("dossier.submitting") : t("dossier.submit")}
                  </button>
                </Show>
                <Show when={submitError()}>
                  <p class="note-error" role="alert">
                    {submitError()}
                  </p>
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
    </main>
  );
}
