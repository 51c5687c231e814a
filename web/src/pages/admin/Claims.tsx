import { createResource, createSignal, For, Show } from "solid-js";
import { claimAdminApi, type StaffClaim } from "../../api/claims";
import { ErrorState, errorMessage } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/claim";
import { formatDateTime } from "../../lib/format";
import { provinceShort } from "../../lib/geo";
import { formatPhone } from "../../lib/ocop";
import { useTitle } from "../../lib/title";
import "../../styles/claim.css";

/**
 * Province staff (central: every province): the claims on imported producer records that the list's phone did not
 * prove, with the claimant's phone and the list's to call and compare; approve, or refuse with a reason.
 */
export default function Claims() {
  useTitle(() => t("claim.staff.title"));
  const [list, { refetch }] = createResource(claimAdminApi.waiting);
  const [done, setDone] = createSignal("");
  const decided = (message: string) => {
    setDone(message);
    refetch();
  };
  return (
    <main class="claim-queue">
      <h1>{t("claim.staff.title")}</h1>
      <p class="muted small">{t("claim.staff.lead")}</p>
      <Show when={done()}>
        <p class="form-message form-message--ok" role="status" data-testid="claim-decided">
          {done()}
        </p>
      </Show>
      <Show when={!list.error} fallback={<ErrorState error={list.error} retry={refetch} />}>
        <Show when={list.latest}>
          {(claims) => (
            <Show when={claims().length} fallback={<p class="muted">{t("claim.staff.empty")}</p>}>
              <ul class="claim__list">
                <For each={claims()}>{(c) => <Waiting claim={c} onDecided={decided} />}</For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </main>
  );
}

function Waiting(props: { claim: StaffClaim; onDecided: (message: string) => void }) {
  const c = () => props.claim;
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const act = async (run: () => Promise<unknown>, message: string) => {
    setError("");
    setBusy(true);
    try {
      await run();
      props.onDecided(message);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const reject = (ev: SubmitEvent) => {
    ev.preventDefault();
    if (!reason().trim()) {
      setError(t("claim.staff.reasonMissing"));
      return;
    }
    act(
      () => claimAdminApi.reject(c().claimId, reason().trim()),
      t("claim.staff.rejected", { name: c().producerName }),
    );
  };
  const reasonId = () => `claim-reason-${c().claimId}`;
  return (
    <li class="claim__item panel" data-testid="waiting-claim">
      <h2 class="claim__name">{c().producerName}</h2>
      <dl class="facts claim-queue__facts">
        <div>
          <dt>{t("claim.province")}</dt>
          <dd>{provinceShort(c().provinceCode)}</dd>
        </div>
        <Show when={c().products.length}>
          <div>
            <dt>{t("claim.staff.products")}</dt>
            <dd>{c().products.join(", ")}</dd>
          </div>
        </Show>
        <div>
          <dt>{t("claim.staff.claimantPhone")}</dt>
          <dd data-testid="claimant-phone">{formatPhone(c().claimantPhone)}</dd>
        </div>
        <div>
          <dt>{t("claim.staff.listedPhone")}</dt>
          <dd data-testid="listed-phone">
            {c().listedPhone ? formatPhone(c().listedPhone ?? "") : t("claim.staff.noListedPhone")}
          </dd>
        </div>
        <div>
          <dt>{t("claim.staff.sent")}</dt>
          <dd>{formatDateTime(c().createdAt)}</dd>
        </div>
        <Show when={c().note}>
          <div>
            <dt>{t("claim.staff.note")}</dt>
            <dd>{c().note}</dd>
          </div>
        </Show>
      </dl>
      <p>
        <button
          type="button"
          class="button"
          disabled={busy()}
          onClick={() =>
            act(() => claimAdminApi.approve(c().claimId), t("claim.staff.approved", { name: c().producerName }))
          }
        >
          {t("claim.staff.approve")}
        </button>
      </p>
      <form class="claim-queue__reject" onSubmit={reject}>
        <label for={reasonId()}>{t("claim.staff.reason")}</label>
        <textarea
          id={reasonId()}
          name="reason"
          rows="2"
          maxLength={500}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <p>
          <button type="submit" class="button button--danger-ghost" disabled={busy()}>
            {t("claim.staff.reject")}
          </button>
        </p>
      </form>
      <Show when={error()}>
        <p class="form-message form-message--error" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  );
}
