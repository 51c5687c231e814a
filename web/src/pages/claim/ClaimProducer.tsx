import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { type ClaimView, claimApi, type UnclaimedProducer } from "../../api/claims";
import { storefrontApi } from "../../api/storefront";
import { Refusal, RequireSignIn } from "../../components/portal/bits";
import { ErrorState, errorMessage } from "../../components/States";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/claim";
import "../../i18n/portal";
import { formatDate } from "../../lib/format";
import { provinceShort, provincesByRegion, regionName } from "../../lib/geo";
import { loadMe, type Me } from "../../lib/session";
import { useTitle } from "../../lib/title";
import { KINDS, type ProducerKind } from "../seller/ProducerForm";
import "../../styles/portal.css";
import "../../styles/claim.css";

/**
 * A producer on a province's imported OCOP list takes over its record: it searches the list by province and name,
 * says "this is mine", and is granted at once when the list gave its signed-in phone, else waits for the province's
 * staff. Its claims, with a refusal's reason, are on the same page.
 */
export default function ClaimProducer() {
  useTitle(() => t("claim.title"));
  return (
    <RequireSignIn>
      {(user) => (
        <Show
          when={user().role === "shopper" || user().role === "seller"}
          fallback={
            <div class="wrap">
              <Refusal title={t("claim.staffRefused")}>
                <A href="/quan-tri" class="button">
                  {t("portal.seller.toAdmin")}
                </A>
              </Refusal>
            </div>
          }
        >
          <Desk user={user()} />
        </Show>
      )}
    </RequireSignIn>
  );
}

function Desk(props: { user: Me }) {
  const [params, setParams] = useSearchParams<{ province?: string; q?: string }>();
  const [province, setProvince] = createSignal(params.province ?? "");
  const [q, setQ] = createSignal(params.q ?? "");
  const query = () => (params.province ? { province: params.province, q: params.q ?? "" } : undefined);
  const [results, { refetch: research }] = createResource(query, (s) => claimApi.search(s.province, s.q));
  const [mine, { refetch: refetchMine }] = createResource(claimApi.mine);
  const [open, setOpen] = createSignal<string>();
  const [outcome, setOutcome] = createSignal<ClaimView>();

  const sent = async (claim: ClaimView) => {
    setOpen(undefined);
    setOutcome(claim);
    // A grant makes a shopper a seller: the header and the portal read the new role.
    if (claim.status === "granted") await loadMe();
    refetchMine();
    research();
  };

  return (
    <div class="wrap portal portal--narrow claim">
      <header class="portal-head">
        <p class="eyebrow">{t("claim.eyebrow")}</p>
        <h1>{t("claim.title")}</h1>
        <p class="muted">{t("claim.lead")}</p>
      </header>

      <Show when={outcome()}>
        {(c) => (
          <Switch>
            <Match when={c().status === "granted"}>
              <div class="form-message form-message--ok claim__outcome" role="status" data-testid="claim-outcome">
                <p>{t("claim.granted", { name: c().producerName })}</p>
                <A href="/ban-hang" class="button">
                  {t("claim.toPortal")}
                </A>
              </div>
            </Match>
            <Match when={c().status === "pending"}>
              <p class="form-message form-message--ok claim__outcome" role="status" data-testid="claim-outcome">
                {t("claim.waiting", { province: provinceShort(c().provinceCode) })}
              </p>
            </Match>
          </Switch>
        )}
      </Show>

      <Show when={mine.error}>
        <ErrorState error={mine.error} retry={refetchMine} />
      </Show>
      <Show when={mine.latest?.length}>
        <section class="section panel" aria-labelledby="my-claims-title" data-testid="my-claims">
          <h2 id="my-claims-title">{t("claim.my.title")}</h2>
          <ul class="claim__list">
            <For each={mine.latest}>{(c) => <MyClaim claim={c} />}</For>
          </ul>
        </section>
      </Show>

      <form
        class="section panel pform"
        aria-labelledby="claim-search-title"
        onSubmit={(e) => {
          e.preventDefault();
          setOutcome(undefined);
          setParams({ province: province(), q: q().trim() });
        }}
      >
        <h2 id="claim-search-title">{t("claim.search")}</h2>
        <label class="pfield">
          <span class="pfield__label">{t("claim.province")}</span>
          <select name="province" value={province()} onChange={(e) => setProvince(e.currentTarget.value)} required>
            <option value="">{t("claim.chooseProvince")}</option>
            <For each={provincesByRegion()}>
              {(group) => (
                <optgroup label={regionName(group.region, locale())}>
                  <For each={group.provinces}>
                    {(p) => (
                      <option value={p.code} selected={province() === p.code}>
                        {p.short}
                      </option>
                    )}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
        </label>
        <label class="pfield">
          <span class="pfield__label">{t("claim.name")}</span>
          <input name="q" value={q()} maxLength={100} onInput={(e) => setQ(e.currentTarget.value)} />
          <span class="pfield__hint">{t("claim.nameHint")}</span>
        </label>
        <button type="submit" class="button button--block">
          {t("claim.find")}
        </button>
      </form>

      <Show when={query()}>
        <Show when={!results.error} fallback={<ErrorState error={results.error} retry={research} />}>
          <Show when={results.latest}>
            {(list) => (
              <section class="section" aria-live="polite" data-testid="claim-results">
                <Show when={list().length > 0} fallback={<p class="muted">{t("claim.noResults")}</p>}>
                  <p class="muted">{t("claim.results", { n: list().length })}</p>
                  <ul class="claim__list">
                    <For each={list()}>
                      {(r) => (
                        <Record
                          record={r}
                          user={props.user}
                          open={open() === r.recordId}
                          onOpen={() => setOpen(open() === r.recordId ? undefined : r.recordId)}
                          onSent={sent}
                        />
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            )}
          </Show>
        </Show>
      </Show>
    </div>
  );
}

const statusClass: Record<ClaimView["status"], string> = {
  pending: "status status--pending",
  granted: "status status--approved",
  rejected: "status status--rejected",
};

function MyClaim(props: { claim: ClaimView }) {
  const c = () => props.claim;
  return (
    <li class="claim__item" data-testid="my-claim">
      <p class="claim__name">
        <strong>{c().producerName}</strong>{" "}
        <span class={statusClass[c().status]}>{t(`claim.status.${c().status}`)}</span>
      </p>
      <p class="muted small">
        {provinceShort(c().provinceCode)} · {t("claim.my.sent", { date: formatDate(c().createdAt) })}
      </p>
      <Show when={c().reason}>
        {(reason) => (
          <p class="claim__reason">
            <strong>{t("claim.reason")}:</strong> {reason()}
          </p>
        )}
      </Show>
      <Show when={c().status === "granted"}>
        <A href="/ban-hang">{t("claim.toPortal")}</A>
      </Show>
    </li>
  );
}

function Record(props: {
  record: UnclaimedProducer;
  user: Me;
  open: boolean;
  onOpen: () => void;
  onSent: (claim: ClaimView) => void;
}) {
  const r = () => props.record;
  return (
    <li class="claim__item panel" data-testid="unclaimed-producer">
      <h3 class="claim__name">{r().name}</h3>
      <p class="muted small">
        {r().provinceName} · {t("claim.certificates", { n: r().certificates })}
      </p>
      <Show when={r().products.length}>
        <ul class="claim__products">
          <For each={r().products}>{(p) => <li>{p}</li>}</For>
        </ul>
      </Show>
      <p class="small">{r().phoneOnFile ? t("claim.phoneOnFile") : t("claim.noPhone")}</p>
      <Show when={r().state === "open"} fallback={<p class="note small">{t("claim.pendingRecord")}</p>}>
        <Show
          when={props.open}
          fallback={
            <button type="button" class="button" onClick={() => props.onOpen()}>
              {t("claim.mine")}
            </button>
          }
        >
          <ClaimForm record={r()} user={props.user} onCancel={props.onOpen} onSent={props.onSent} />
        </Show>
      </Show>
    </li>
  );
}

function ClaimForm(props: {
  record: UnclaimedProducer;
  user: Me;
  onCancel: () => void;
  onSent: (claim: ClaimView) => void;
}) {
  const shopper = () => props.user.role === "shopper";
  const [kind, setKind] = createSignal<ProducerKind>("cooperative");
  const [ward, setWard] = createSignal("");
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [wards] = createResource(
    () => (shopper() ? props.record.provinceCode : false),
    (code) => storefrontApi.wards(code),
  );
  const id = (name: string) => `claim-${props.record.recordId}-${name}`;

  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault();
    setError("");
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    if (shopper() && !ward()) {
      setError(t("claim.form.wardMissing"));
      return;
    }
    setBusy(true);
    try {
      const claim = await claimApi.submit(props.record.recordId, {
        note: String(f.get("note") ?? ""),
        ...(shopper() ? { kind: kind(), wardCode: ward(), street: String(f.get("street") ?? "") } : {}),
      });
      props.onSent(claim);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="pform claim__form" onSubmit={submit} aria-labelledby={id("title")}>
      <h4 id={id("title")}>{t("claim.form.title", { name: props.record.name })}</h4>
      <p class="muted small">{shopper() ? t("claim.form.shopperLead") : t("claim.form.sellerLead")}</p>
      <Show when={shopper()}>
        <fieldset class="pfield">
          <legend class="pfield__label">{t("claim.form.kind")}</legend>
          <div class="choice-row">
            <For each={KINDS}>
              {(k) => (
                <label class="choice">
                  <input type="radio" name="kind" value={k} checked={kind() === k} onChange={() => setKind(k)} />
                  <span class="choice__box">{t(`portal.producer.kind.${k}` as Key)}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <label class="pfield">
          <span class="pfield__label">{t("claim.form.ward", { province: props.record.provinceName })}</span>
          <select
            name="wardCode"
            value={ward()}
            disabled={wards.loading}
            aria-busy={wards.loading}
            onChange={(e) => setWard(e.currentTarget.value)}
          >
            <option value="">{wards.loading ? t("claim.form.wardsLoading") : t("claim.form.chooseWard")}</option>
            <For each={wards()}>{(w) => <option value={w.code}>{w.name}</option>}</For>
          </select>
        </label>
        <label class="pfield">
          <span class="pfield__label">{t("claim.form.street")}</span>
          <input name="street" maxLength={200} autocomplete="address-line1" />
        </label>
      </Show>
      <label class="pfield">
        <span class="pfield__label">{t("claim.form.note")}</span>
        <textarea name="note" rows="3" maxLength={1000} />
        <span class="pfield__hint">{t("claim.form.noteHint")}</span>
      </label>
      <Show when={error()}>
        <p class="form-message form-message--error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="claim__actions">
        <button type="submit" class="button button--big" disabled={busy()}>
          {busy() ? t("claim.form.busy") : t("claim.form.submit")}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          {t("claim.form.cancel")}
        </button>
      </div>
    </form>
  );
}
