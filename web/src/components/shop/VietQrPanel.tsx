import { createSignal, onCleanup, Show } from "solid-js";
import { type ShopKey, ts } from "../../i18n/shop";
import { vietQrImage } from "../../lib/commerce";
import { formatVnd } from "../../lib/format";
import { formatCountdown, secondsLeft, vietnamTime } from "../../lib/tracking";
import { CopyButton } from "./bits";

/** "Hãy chuyển trước 14:35 (còn 29:05)", ticking every second, or that the time is up. */
export function Deadline(props: { payBy: string | null; messageKey: ShopKey }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const left = () => secondsLeft(props.payBy, now());
  return (
    <Show when={props.payBy}>
      {(payBy) => (
        <Show when={left() > 0} fallback={<p class="deadline deadline--over">{ts("vietqr.expired")}</p>}>
          <p class="deadline" data-testid="deadline">
            {ts(props.messageKey, { time: vietnamTime(payBy()), left: formatCountdown(left()) })}
          </p>
        </Show>
      )}
    </Show>
  );
}

export interface VietQrPayment {
  bankName: string;
  accountNumber: string;
  accountName: string;
  amountVnd: number;
  content: string;
  payBy: string | null;
}

/** How to pay an order by bank transfer: the QR, and every detail with a copy button for those who type it. */
export function VietQrPanel(props: { orderId: string; code: string; payment: VietQrPayment }) {
  const p = () => props.payment;
  return (
    <section class="panel-shop vietqr" aria-labelledby="vietqr-title" data-testid="vietqr">
      <h2 id="vietqr-title">{ts("vietqr.title")}</h2>
      <p class="muted">{ts("vietqr.lead")}</p>
      <div class="vietqr__grid">
        <img
          class="vietqr__qr"
          src={vietQrImage(props.orderId)}
          alt={ts("vietqr.qrAlt", { amount: formatVnd(p().amountVnd), code: props.code })}
          width="240"
          height="240"
          data-testid="vietqr-image"
        />
        <dl class="vietqr__facts">
          <div>
            <dt>{ts("vietqr.bank")}</dt>
            <dd data-testid="vietqr-bank">{p().bankName}</dd>
          </div>
          <div>
            <dt>{ts("vietqr.account")}</dt>
            <dd>
              <span class="vietqr__value" data-testid="vietqr-account">
                {p().accountNumber}
              </span>
              <CopyButton value={p().accountNumber} what={ts("vietqr.what.account")} />
            </dd>
          </div>
          <div>
            <dt>{ts("vietqr.accountName")}</dt>
            <dd data-testid="vietqr-name">{p().accountName}</dd>
          </div>
          <div>
            <dt>{ts("vietqr.amount")}</dt>
            <dd>
              <span class="vietqr__value vietqr__amount" data-testid="vietqr-amount">
                {formatVnd(p().amountVnd)}
              </span>
              <CopyButton value={String(p().amountVnd)} what={ts("vietqr.what.amount")} />
            </dd>
          </div>
          <div>
            <dt>{ts("vietqr.content")}</dt>
            <dd>
              <span class="vietqr__value vietqr__content" data-testid="vietqr-content">
                {p().content}
              </span>
              <CopyButton value={p().content} what={ts("vietqr.what.content")} />
            </dd>
          </div>
        </dl>
      </div>
      <Deadline payBy={p().payBy} messageKey="vietqr.deadline" />
      <p class="muted small">{ts("vietqr.after")}</p>
    </section>
  );
}
