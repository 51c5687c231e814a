import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { type CouncilView, councilAdminApi, type DecisionView, type SittingView } from "../../api/council";
import { ErrorState, errorMessage } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/council";
import { formatDate, vietnamDay } from "../../lib/format";
import { currentUser } from "../../lib/session";
import { useTitle } from "../../lib/title";
import "../../styles/council.css";

/** "Name, phone" lines into people; a line without a comma is refused by the API with the field named. */
function people(lines: string) {
  return lines
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = "", phone = ""] = l.split(",").map((x) => x.trim());
      return { name, phone: phone.replace(/\s/g, "") };
    });
}

/**
 * Province (or central) staff: the councils of their scope; forming one; its sittings, each with its agenda, its
 * scorers, the result of each dossier and the decision that recognises them.
 */
export default function Councils() {
  useTitle(() => t("council.admin.title"));
  const [search, setSearch] = useSearchParams();
  const [list, { refetch }] = createResource(() => councilAdminApi.list());
  const open = () => (typeof search.id === "string" ? search.id : undefined);
  return (
    <main class="council">
      <h1>{t("council.admin.title")}</h1>
      <p class="muted small">{t("council.admin.lead")}</p>
      <Show
        when={open()}
        fallback={<Index list={list()} error={list.error} retry={refetch} open={(id) => setSearch({ id })} />}
      >
        {(id) => <CouncilDesk councilId={id()} />}
      </Show>
    </main>
  );
}

function Index(props: { list?: CouncilView[]; error: unknown; retry: () => void; open: (id: string) => void }) {
  const [error, setError] = createSignal("");
  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    const [chair] = people(String(f.get("chair")));
    const [secretary] = people(String(f.get("secretary")));
    try {
      const made = await councilAdminApi.create({
        level: "province",
        provinceCode: currentUser()?.staffScope ?? "",
        name: String(f.get("name")),
        chair: chair ?? { name: "", phone: "" },
        secretary: secretary ?? { name: "", phone: "" },
        members: people(String(f.get("members"))),
        advisors: people(String(f.get("advisors"))).map((p) => ({ name: p.name, unit: p.phone })),
      } as never);
      props.open(made.councilId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Show when={!props.error} fallback={<ErrorState error={props.error} retry={props.retry} />}>
        <Show when={props.list?.length} fallback={<p class="muted">{t("council.admin.empty")}</p>}>
          <ul class="council__list">
            <For each={props.list}>
              {(c) => (
                <li>
                  <button type="button" class="button button--ghost" onClick={() => props.open(c.councilId)}>
                    {c.name}
                  </button>{" "}
                  <span class="muted small">{c.people.length}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <form class="council__form" onSubmit={submit} data-testid="council-form">
        <h2>{t("council.admin.new")}</h2>
        <label>
          {t("council.field.name")}
          <input name="name" required />
        </label>
        <label>
          {t("council.field.chair")}
          <input name="chair" required />
        </label>
        <label>
          {t("council.field.secretary")}
          <input name="secretary" required />
        </label>
        <label>
          {t("council.field.members")}
          <textarea name="members" rows={4} required />
        </label>
        <label>
          {t("council.field.advisors")}
          <textarea name="advisors" rows={2} />
        </label>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="button">
          {t("council.create")}
        </button>
      </form>
    </>
  );
}

function CouncilDesk(props: { councilId: string }) {
  const [data, { refetch }] = createResource(() => councilAdminApi.get(props.councilId));
  const [error, setError] = createSignal("");
  const schedule = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    try {
      await councilAdminApi.schedule(props.councilId, { date: String(f.get("date")), place: String(f.get("place")) });
      refetch();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Show when={!data.error} fallback={<ErrorState error={data.error} retry={refetch} />}>
      <Show when={data()}>
        {(d) => (
          <>
            <p>
              <A href="/quan-tri/hoi-dong">← {t("council.admin.title")}</A>
            </p>
            <h2>{d().council.name}</h2>
            <h3>{t("council.people")}</h3>
            <ul class="council__people">
              <For each={d().council.people}>
                {(p) => (
                  <li>
                    {p.name} — {t(`council.duty.${p.duty}`)}
                  </li>
                )}
              </For>
            </ul>
            <h3>{t("council.sittings")}</h3>
            <For each={d().sittings}>{(s) => <SittingDesk sitting={s} council={d().council} />}</For>
            <form class="council__form council__form--row" onSubmit={schedule}>
              <label>
                {t("council.sitting.date")}
                <input type="date" name="date" required value={vietnamDay()} />
              </label>
              <label>
                {t("council.sitting.place")}
                <input name="place" required />
              </label>
              <button type="submit" class="button">
                {t("council.sitting.schedule")}
              </button>
              <Show when={error()}>
                <p class="error" role="alert">
                  {error()}
                </p>
              </Show>
            </form>
          </>
        )}
      </Show>
    </Show>
  );
}

function SittingDesk(props: { sitting: SittingView; council: CouncilView }) {
  const [sitting, setSitting] = createSignal(props.sitting);
  const [cands, { refetch }] = createResource(() => councilAdminApi.candidates(props.sitting.sittingId));
  const [message, setMessage] = createSignal("");
  const [decided, setDecided] = createSignal<DecisionView>();
  const act = async (run: () => Promise<unknown>) => {
    setMessage("");
    try {
      await run();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const pick = (form: HTMLFormElement, name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
  const scorable = () => props.council.people.filter((p) => p.duty !== "secretary");
  return (
    <section class="council__card" data-testid="sitting">
      <h4>{t("council.sitting.title", { date: formatDate(sitting().date), place: sitting().place })}</h4>
      <h5>{t("council.sitting.agenda")}</h5>
      <Show when={sitting().dossiers.length} fallback={<p class="muted small">{t("council.sitting.noAgenda")}</p>}>
        <ul>
          <For each={sitting().dossiers}>
            {(d) => (
              <li data-testid="agenda-dossier">
                {d.productName} <span class="muted small">{d.producerName}</span>{" "}
                <A href={`/hoi-dong/${sitting().sittingId}/${d.dossierId}`}>{t("council.sitting.summary")}</A>{" "}
                <Show when={d.decisionNumber}>
                  {(n) => <span class="badge">{t("council.sitting.decided", { number: n() })}</span>}
                </Show>
                <Show when={d.forwardedAt}>
                  <span class="badge">{t("council.sitting.forwarded")}</span>
                </Show>
                <Show when={!d.decisionNumber && !d.forwardedAt && sitting().level === "province"}>
                  <button
                    type="button"
                    class="button button--ghost"
                    onClick={() =>
                      act(async () => {
                        await councilAdminApi.forward(sitting().sittingId, d.dossierId);
                        setSitting({
                          ...sitting(),
                          dossiers: sitting().dossiers.map((x) =>
                            x.dossierId === d.dossierId ? { ...x, forwardedAt: "now" } : x,
                          ),
                        });
                      })
                    }
                  >
                    {t("council.sitting.forward")}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          const ids = pick(ev.currentTarget, "dossier");
          act(async () => {
            setSitting(await councilAdminApi.agenda(sitting().sittingId, ids));
            refetch();
          });
        }}
      >
        <h5>{t("council.sitting.candidates")}</h5>
        <Show when={cands()?.length} fallback={<p class="muted small">{t("council.sitting.noCandidates")}</p>}>
          <For each={cands()}>
            {(c) => (
              <label class="council__check">
                <input type="checkbox" name="dossier" value={c.dossierId} /> {c.productName} ·{" "}
                <span class="muted small">{c.producerName}</span>
              </label>
            )}
          </For>
          <button type="submit" class="button">
            {t("council.sitting.addDossiers")}
          </button>
        </Show>
      </form>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          const ids = pick(ev.currentTarget, "scorer");
          act(async () => setSitting(await councilAdminApi.scorers(sitting().sittingId, ids)));
        }}
      >
        <h5>{t("council.sitting.scorers")}</h5>
        <For each={scorable()}>
          {(p) => (
            <label class="council__check">
              <input
                type="checkbox"
                name="scorer"
                value={p.userId}
                checked={sitting().scorers.some((s) => s.userId === p.userId)}
              />{" "}
              {p.name} ({t(`council.duty.${p.duty}`)})
            </label>
          )}
        </For>
        <button type="submit" class="button">
          {t("council.sitting.saveScorers")}
        </button>
      </form>
      <form
        class="council__form"
        data-testid="decision-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          const form = ev.currentTarget;
          const f = new FormData(form);
          act(async () => {
            const made = await councilAdminApi.decide(sitting().sittingId, {
              number: String(f.get("number")),
              date: String(f.get("date")),
              signer: String(f.get("signer")),
              issuer: String(f.get("issuer")),
              dossierIds: pick(form, "decide"),
            });
            setDecided(made);
            const inIt = new Set(made.entries.map((e) => e.dossierId));
            setSitting({
              ...sitting(),
              dossiers: sitting().dossiers.map((x) =>
                inIt.has(x.dossierId) ? { ...x, decisionNumber: made.number } : x,
              ),
            });
          });
        }}
      >
        <h5>{t("council.decision.title")}</h5>
        <label>
          {t("council.decision.number")}
          <input name="number" required />
        </label>
        <label>
          {t("council.decision.date")}
          <input type="date" name="date" required value={vietnamDay()} />
        </label>
        <label>
          {t("council.decision.signer")}
          <input name="signer" required />
        </label>
        <label>
          {t("council.decision.issuer")}
          <input name="issuer" required />
        </label>
        <fieldset>
          <legend>{t("council.decision.pick")}</legend>
          <For each={sitting().dossiers.filter((d) => !d.decisionNumber && !d.forwardedAt)}>
            {(d) => (
              <label class="council__check">
                <input type="checkbox" name="decide" value={d.dossierId} checked /> {d.productName}
              </label>
            )}
          </For>
        </fieldset>
        <button type="submit" class="button">
          {t("council.decision.issue")}
        </button>
      </form>
      <Show when={message()}>
        <p class="error" role="alert">
          {message()}
        </p>
      </Show>
      <Show when={decided()}>
        {(dec) => (
          <div class="council__decided" role="status" data-testid="decision-done">
            <p>
              <strong>{t("council.decision.done", { number: dec().number })}</strong>
            </p>
            <ul>
              <For each={dec().entries}>
                {(e) => (
                  <li>
                    {e.productName}: {e.stars}★, {e.total} —{" "}
                    <Show when={e.certificateNumber} fallback={t("council.decision.noCertificate")}>
                      {(n) => <A href={`/chung-nhan/${n()}`}>{t("council.decision.certificate", { number: n() })}</A>}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
    </section>
  );
}
