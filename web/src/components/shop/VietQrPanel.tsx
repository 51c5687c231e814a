import { VietQrBanks } from "@cho-ocop/core/payment/vietqr-banks";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { type Key, t } from "../../i18n";
import "../../i18n/shop";
import { vietQrImage } from "../../api/orders";
import { formatVnd } from "../../lib/format";
import { formatCountdown, secondsLeft, vietnamTime } from "../../lib/tracking";
import { saveQrCard } from "../../lib/vietqr-image";
import { CopyButton } from "./bits";
import "../../styles/pay.css";

/** "Hãy chuyển trước 14:35 (còn 29:05)", ticking every second, or that the time is up. */
export function Deadline(props: { payBy: string | null; messageKey: Key }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const left = () => secondsLeft(props.payBy, now());
  return (
    <Show when={props.payBy}>
      {(payBy) => (
        <Show when={left() > 0} fallback={<p class="deadline deadline--over">{t("shop.vietqr.expired")}</p>}>
          <p class="deadline" data-testid="deadline">
            {t(props.messageKey, { time: vietnamTime(payBy()), left: formatCountdown(left()) })}
          </p>
        </Show>
      )}
    </Show>
  );
}

export interface VietQrPayment {
  bankBin?: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  amountVnd: number;
  content: string;
  payBy: string | null;
}

/** Below this width the page is on the phone that pays: the bank apps lead and the QR is to save, not to scan. */
const PHONE_QUERY = "(max-width: 719px)";

/** The shopper's bank apps, opened with the transfer filled in (VietQR.io deep links); the most used first. */
function BankApps(props: { orderId: string; payment: VietQrPayment }) {
  const [all, setAll] = createSignal(false);
  const links = () =>
    VietQrBanks.links({
      bankBin: props.payment.bankBin ?? "",
      accountNumber: props.payment.accountNumber,
      accountName: props.payment.accountName,
      amountVnd: props.payment.amountVnd,
      content: props.payment.content,
      returnUrl: `${location.origin}/don-hang/${props.orderId}`,
    });
  const shown = () => (all() ? links() : links().slice(0, VietQrBanks.FIRST));
  const onPhone = typeof matchMedia === "function" && matchMedia(PHONE_QUERY).matches;
  return (
    <Show when={links().length > 0}>
      <details class="vq-apps" open={onPhone} data-testid="bank-apps">
        <summary class="vq-apps__summary">
          <span class="vq-apps__phone">{t("shop.vietqr.apps")}</span>
          <span class="vq-apps__desktop">{t("shop.vietqr.appsDesktop")}</span>
        </summary>
        <ul class="vq-apps__list">
          <For each={shown()}>
            {(app) => (
              <li>
                <a
                  class="vq-app"
                  href={app.href}
                  rel="noopener noreferrer"
                  aria-label={t("shop.vietqr.app", { app: app.name })}
                  data-testid="bank-app"
                  data-app={app.appId}
                >
                  {app.name}
                </a>
              </li>
            )}
          </For>
        </ul>
        <Show when={links().length > VietQrBanks.FIRST}>
          <button type="button" class="vq-apps__more" aria-expanded={all()} onClick={() => setAll(!all())}>
            {all() ? t("shop.vietqr.fewerApps") : t("shop.vietqr.moreApps", { n: links().length - VietQrBanks.FIRST })}
          </button>
        </Show>
        <p class="muted small vq-apps__hint">{t("shop.vietqr.appsHint")}</p>
      </details>
    </Show>
  );
}

/** The QR as a picture for the gallery ("scan from photos" in the banking app). */
function SaveQr(props: { orderId: string; code: string; payment: VietQrPayment }) {
  const [state, setState] = createSignal<"idle" | "saving" | "saved" | "failed">("idle");
  const save = async () => {
    setState("saving");
    try {
      await saveQrCard(
        {
          svgUrl: vietQrImage(props.orderId),
          title: t("shop.vietqr.image.title", { code: props.code }),
          lines: [
            t("shop.vietqr.image.amount", { amount: formatVnd(props.payment.amountVnd) }),
            t("shop.vietqr.image.content", { content: props.payment.content }),
            `${props.payment.bankName} · ${props.payment.accountNumber}`,
          ],
        },
        `VietQR-${props.code}.png`,
      );
      setState("saved");
    } catch (error) {
      // The share sheet closed without saving is not a failure.
      setState(error instanceof DOMException && error.name === "AbortError" ? "idle" : "failed");
    }
  };
  return (
    <>
      <button
        type="button"
        class="button button--ghost vq-save"
        onClick={save}
        disabled={state() === "saving"}
        data-testid="save-qr"
      >
        {state() === "saving" ? t("shop.vietqr.saving") : t("shop.vietqr.save")}
      </button>
      <p class="small vq-save__note" role="status">
        {state() === "saved" ? t("shop.vietqr.saved") : state() === "failed" ? t("shop.vietqr.saveFailed") : ""}
      </p>
    </>
  );
}

/**
 * How to pay an order by bank transfer. On a phone (the one that pays) the amount and the content come first with
 * copy buttons, then the bank apps that open with both filled in, then the QR to save for "scan from gallery". On a
 * desktop the QR is big, to scan with the phone, and the bank apps fold away.
 */
export function VietQrPanel(props: { orderId: string; code: string; payment: VietQrPayment }) {
  const p = () => props.payment;
  return (
    <section class="panel-shop vq" aria-labelledby="vietqr-title" data-testid="vietqr">
      <div class="vq__head">
        <h2 id="vietqr-title">{t("shop.vietqr.title")}</h2>
        <p class="muted small">{t("shop.vietqr.lead")}</p>
      </div>
      <div class="vq__deadline">
        <Deadline payBy={p().payBy} messageKey="shop.vietqr.deadline" />
      </div>
      <dl class="vq__pay">
        <div class="vq__row">
          <dt>{t("shop.vietqr.amount")}</dt>
          <dd>
            <span class="vq__amount" data-testid="vietqr-amount">
              {formatVnd(p().amountVnd)}
            </span>
            <CopyButton value={String(p().amountVnd)} what={t("shop.vietqr.what.amount")} />
          </dd>
        </div>
        <div class="vq__row">
          <dt>{t("shop.vietqr.content")}</dt>
          <dd>
            <span class="vq__content" data-testid="vietqr-content">
              {p().content}
            </span>
            <CopyButton value={p().content} what={t("shop.vietqr.what.content")} />
          </dd>
          <dd class="vq__hint muted small">{t("shop.vietqr.contentHint")}</dd>
        </div>
      </dl>
      <div class="vq__apps">
        <BankApps orderId={props.orderId} payment={p()} />
      </div>
      <figure class="vq__qr">
        <img
          class="vq__img"
          src={vietQrImage(props.orderId)}
          alt={t("shop.vietqr.qrAlt", { amount: formatVnd(p().amountVnd), code: props.code })}
          width="240"
          height="240"
          data-testid="vietqr-image"
        />
        <figcaption class="muted small vq__scan">{t("shop.vietqr.scan")}</figcaption>
        <SaveQr orderId={props.orderId} code={props.code} payment={p()} />
        <p class="muted small vq__save-hint">{t("shop.vietqr.saveHint")}</p>
      </figure>
      <dl class="vq__account">
        <div class="vq__row">
          <dt>{t("shop.vietqr.bank")}</dt>
          <dd data-testid="vietqr-bank">{p().bankName}</dd>
        </div>
        <div class="vq__row">
          <dt>{t("shop.vietqr.account")}</dt>
          <dd>
            <span class="vq__value" data-testid="vietqr-account">
              {p().accountNumber}
            </span>
            <CopyButton value={p().accountNumber} what={t("shop.vietqr.what.account")} />
          </dd>
        </div>
        <div class="vq__row">
          <dt>{t("shop.vietqr.accountName")}</dt>
          <dd data-testid="vietqr-name">{p().accountName}</dd>
        </div>
      </dl>
      <p class="muted small vq__after">{t("shop.vietqr.after")}</p>
    </section>
  );
}
