import { useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { adminApi, type VerificationReview as Review } from "../../api/admin";
import { createErrors, describedBy, Field, FormMessage } from "../../components/form";
import { Latest } from "../../components/list";
import { BackLink } from "../../components/portal/bits";
import { type Key, t } from "../../i18n";
import "../../i18n/portal";
import "../../i18n/verify";
import "../../styles/verify.css";
import { formatDateTime } from "../../lib/format";
import { provinceName } from "../../lib/geo";
import { formatPhone } from "../../lib/ocop";
import { useTitle } from "../../lib/title";

function Paper(props: { label: string; url: string | null }) {
  return (
    <Show when={props.url}>
      {(url) => (
        <figure class="verify-paper">
          <figcaption>{props.label}</figcaption>
          <a href={url()} target="_blank" rel="noopener">
            <img src={url()} alt={props.label} loading="lazy" />
          </a>
        </figure>
      )}
    </Show>
  );
}

/** One seller's verification: the number, the name and both sides of the card, the registration; verify or reject. */
export default function VerificationReview() {
  const params = useParams();
  const [item, { refetch, mutate }] = createResource(() => params.id, adminApi.verification);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const errors = createErrors();
  let reason: HTMLTextAreaElement | undefined;
  useTitle(() =>
    item.latest ? t("verify.staff.review", { name: item.latest.fullName ?? "" }) : t("verify.staff.heading"),
  );

  const decide = async (run: () => Promise<Review>, message: Key) => {
    setBusy(true);
    setDone(undefined);
    try {
      mutate(await run());
      setDone(t(message));
    } catch (error) {
      errors.fromApi(error, ["reason"]);
    } finally {
      setBusy(false);
    }
  };
  const reject = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    const text = reason?.value.trim() ?? "";
    if (text.length < 5) {
      errors.set("reason", () => t("verify.staff.reasonMissing"));
      reason?.focus();
      return;
    }
    await decide(() => adminApi.rejectSeller(params.id ?? "", text), "verify.staff.rejected");
  };

  return (
    <>
      <BackLink href="/quan-tri/xac-minh">{t("verify.staff.back")}</BackLink>
      <div class="admin-head">
        <h1>{item.latest?.fullName ?? t("verify.staff.heading")}</h1>
      </div>
      <Latest data={item} retry={refetch}>
        {(v) => (
          <div class="verify-review">
            <section class="panel" aria-labelledby="verify-facts">
              <h2 id="verify-facts" class="sr-only">
                {t("verify.staff.heading")}
              </h2>
              <dl class="facts" data-testid="verification-facts">
                <div>
                  <dt>{t("verify.status")}</dt>
                  <dd data-testid="verification-state">{t(`verify.status.${v().status}` as Key)}</dd>
                </div>
                <div>
                  <dt>{t("verify.cccd")}</dt>
                  <dd>
                    <code>{v().cccdNumber}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t("verify.staff.producer")}</dt>
                  <dd>
                    {v().producerName} · {provinceName(v().provinceCode)}
                  </dd>
                </div>
                <div>
                  <dt>{t("verify.staff.registrationNumber")}</dt>
                  <dd>{v().registrationNumber ?? t("verify.staff.none")}</dd>
                </div>
                <div>
                  <dt>{t("verify.staff.contact")}</dt>
                  <dd>{v().phone ? formatPhone(v().phone ?? "") : (v().email ?? "")}</dd>
                </div>
                <div>
                  <dt>{t("verify.staff.submitted")}</dt>
                  <dd>
                    {v().submittedAt ? formatDateTime(v().submittedAt ?? "") : ""} · {t("verify.staff.attempts")}{" "}
                    {v().attempts}
                  </dd>
                </div>
                <Show when={v().status === "rejected" && v().reason}>
                  <div>
                    <dt>{t("portal.seller.reason")}</dt>
                    <dd>{v().reason}</dd>
                  </div>
                </Show>
              </dl>
            </section>
            <section class="verify-papers" aria-label={t("verify.papers")}>
              <For
                each={
                  [
                    [t("verify.front"), v().cardFrontUrl],
                    [t("verify.back"), v().cardBackUrl],
                  ] as const
                }
              >
                {([label, url]) => <Paper label={label} url={url} />}
              </For>
              <Show when={v().registrationUrl}>
                {(url) => (
                  <p>
                    <a href={url()} target="_blank" rel="noopener" class="button button--ghost">
                      {t("verify.registration")} · {t("verify.open")}
                    </a>
                  </p>
                )}
              </Show>
            </section>
            <Show
              when={v().status === "submitted"}
              fallback={
                <p class="note" role="status">
                  {done() ?? t("verify.staff.decided", { status: t(`verify.status.${v().status}` as Key) })}
                </p>
              }
            >
              <section class="panel verify-decision" aria-labelledby="verify-decide">
                <h2 id="verify-decide">{t("verify.staff.check")}</h2>
                <button
                  type="button"
                  class="button"
                  disabled={busy()}
                  onClick={() => void decide(() => adminApi.verifySeller(params.id ?? ""), "verify.staff.verified")}
                >
                  {t("verify.staff.verify")}
                </button>
                <form class="pform action-form" onSubmit={reject} novalidate>
                  <Field
                    id="verify-reason"
                    label={t("verify.staff.reason")}
                    hint={t("verify.staff.reasonHint")}
                    error={errors.of("reason")}
                  >
                    <textarea
                      ref={reason}
                      id="verify-reason"
                      name="reason"
                      rows="3"
                      maxLength={500}
                      onInput={() => errors.set("reason", undefined)}
                      aria-invalid={Boolean(errors.of("reason"))}
                      aria-describedby={describedBy("verify-reason", { hint: true, error: errors.of("reason") })}
                    />
                  </Field>
                  <button type="submit" class="button button--danger" disabled={busy()}>
                    {t("verify.staff.reject")}
                  </button>
                </form>
                <FormMessage error={errors.general()} />
              </section>
            </Show>
          </div>
        )}
      </Latest>
    </>
  );
}
