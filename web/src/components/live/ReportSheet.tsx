import { REPORT_REASONS, REPORT_TEXT_MAX, type ReportReason } from "@cho-ocop/core/live/report-reasons";
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../api/client";
import { liveApi } from "../../api/live";
import { locale, t } from "../../i18n";
import "../../i18n/live";
import { Sheet } from "./Sheet";

/**
 * Reporting a live in two taps: "Báo cáo" opens this sheet, a reason sends it (with the words typed above, if any;
 * "Lý do khác" needs them). Someone not signed in is asked to sign in: reports need an account, as on Shopee and
 * TikTok, so that one person cannot flood staff; the seller never learns who reported.
 */
export function ReportSheet(props: { sessionId: string; signedIn: boolean; signInHref: string; onClose: () => void }) {
  const [text, setText] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [sent, setSent] = createSignal(false);

  async function send(reason: ReportReason) {
    const words = text().trim();
    if (reason === "other" && [...words].length < 5) return setError(t("live.report.needText"));
    if ([...words].length > REPORT_TEXT_MAX) return setError(t("live.report.tooLong", { max: REPORT_TEXT_MAX }));
    setBusy(true);
    setError(undefined);
    try {
      await liveApi.report(props.sessionId, { reason, text: words });
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t("live.chat.notSent"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Sheet
      testId="report-sheet"
      titleId="report-title"
      title={t("live.report.title")}
      closeLabel={t("live.report.close")}
      onClose={props.onClose}
    >
      <Show
        when={props.signedIn}
        fallback={
          <div class="report">
            <p class="muted">{t("live.report.signInLead")}</p>
            <A href={props.signInHref} class="button button--block">
              {t("live.report.signIn")}
            </A>
          </div>
        }
      >
        <Show
          when={!sent()}
          fallback={
            <p class="report__sent" role="status">
              {t("live.report.sent")}
            </p>
          }
        >
          <div class="report">
            <p class="muted small">{t("live.report.lead")}</p>
            <label class="report__label" for="report-text">
              {t("live.report.text")}
            </label>
            <textarea
              id="report-text"
              class="report__text"
              rows="2"
              maxLength={REPORT_TEXT_MAX + 20}
              aria-describedby="report-text-hint"
              value={text()}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setError(undefined);
              }}
            />
            <p class="muted small" id="report-text-hint">
              {t("live.report.textHint", { max: REPORT_TEXT_MAX })}
            </p>
            <ul class="report__reasons">
              <For each={REPORT_REASONS}>
                {(r) => (
                  <li>
                    <button type="button" class="report__reason" disabled={busy()} onClick={() => void send(r.id)}>
                      {r[locale()]}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show when={error()}>
              <p class="pfield__error" role="alert">
                {error()}
              </p>
            </Show>
          </div>
        </Show>
      </Show>
      <p class="report__rules">
        <A href="/quy-dinh-live">{t("live.rules.link")}</A>
      </p>
    </Sheet>
  );
}
