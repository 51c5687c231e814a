import { createSignal, createUniqueId, For, type JSX, onCleanup, Show } from "solid-js";
import { type Key, t } from "../../i18n";
import { QuantityInput } from "./QuantityInput";
import "../../i18n/shop";
import "../../styles/copy-button.css";
import type { FulfilmentStatus, OrderStatus, PaymentStatus } from "../../api/orders";
import { formatDateTime, formatVnd } from "../../lib/format";
import { type ParcelLike, parcelSteps } from "../../lib/tracking";
import { TrackingNumber } from "./TrackingNumber";

/** A button that copies a value (an account number, an amount, a transfer content) and says so. */
export function CopyButton(props: { value: string; what: string }) {
  const [state, setState] = createSignal<"idle" | "copied" | "failed">("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setState("copied");
    } catch {
      setState("failed");
    }
    clearTimeout(timer);
    timer = setTimeout(() => setState("idle"), 2500);
  };
  return (
    <>
      <button
        type="button"
        class="copy-button"
        aria-label={t("shop.copyLabel", { what: props.what })}
        onClick={copy}
        data-state={state()}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <rect x="7" y="7" width="10" height="10" rx="2" />
          <path d="M13 4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13" />
        </svg>
        <span aria-hidden="true">{state() === "copied" ? t("shop.copied") : t("shop.copy")}</span>
      </button>
      <span class="sr-only" role="status">
        {state() === "copied" ? t("shop.copied") : state() === "failed" ? t("shop.copyFailed") : ""}
      </span>
    </>
  );
}

/** − n + for a quantity: each tap is one request, so the buttons wait while one is under way. */
export function Stepper(props: {
  label: string;
  value: number;
  max?: number;
  busy?: boolean;
  onChange: (value: number) => void;
}) {
  const id = createUniqueId();
  const max = () => props.max ?? 99;
  return (
    <div class="qty qty--small">
      <label for={id} class="sr-only">
        {t("shop.qtyOf", { name: props.label })}
      </label>
      <button
        type="button"
        class="qty__step"
        aria-label={t("shop.decrease", { name: props.label })}
        disabled={props.busy || props.value <= 1}
        onClick={() => props.onChange(props.value - 1)}
      >
        −
      </button>
      <QuantityInput
        id={id}
        value={props.value}
        max={max()}
        disabled={props.busy}
        onChange={(input) => {
          const n = Math.round(Number(input.value));
          if (Number.isFinite(n) && n >= 1 && n !== props.value) props.onChange(Math.min(max(), n));
          else input.value = String(props.value);
        }}
      />
      <button
        type="button"
        class="qty__step"
        aria-label={t("shop.increase", { name: props.label })}
        disabled={props.busy || props.value >= max()}
        onClick={() => props.onChange(props.value + 1)}
      >
        +
      </button>
    </div>
  );
}

export function OrderStatusBadge(props: { status: OrderStatus | string }) {
  return (
    <span class={`ostatus ostatus--${props.status}`} data-testid="order-status">
      {t(`shop.status.${props.status}` as Key)}
    </span>
  );
}

export function ParcelStatusBadge(props: { status: FulfilmentStatus | string }) {
  return (
    <span class={`ostatus ostatus--${props.status}`} data-testid="parcel-status">
      {t(`shop.parcel.${props.status}` as Key)}
    </span>
  );
}

export function PaymentBadge(props: { status: PaymentStatus | string }) {
  return (
    <span class={`ostatus ostatus--pay-${props.status}`} data-testid="payment-status">
      {t(`shop.payment.${props.status}` as Key)}
    </span>
  );
}

/** A parcel's way from the producer to the door, each step with its time; shipping adds the carrier and tracking. */
export function ParcelTimeline(props: {
  parcel: ParcelLike & { carrier?: string | null; trackingNumber?: string | null };
  label: string;
}) {
  return (
    <ol class="steps" aria-label={props.label}>
      <For each={parcelSteps(props.parcel)}>
        {(step) => (
          <li
            class={`steps__item steps__item--${step.state}`}
            aria-current={step.state === "current" ? "step" : undefined}
          >
            <span class="steps__dot" aria-hidden="true" />
            <span class="steps__text">
              <strong>{t(`shop.parcel.${step.status}` as Key)}</strong>
              <Show when={step.at}>{(at) => <time datetime={at()}>{formatDateTime(at())}</time>}</Show>
              <Show when={step.status === "shipped" && step.state !== "todo" && props.parcel.carrier}>
                <span class="steps__detail">{t("shop.order.carrier", { carrier: props.parcel.carrier ?? "" })}</span>
                <span class="steps__detail" data-testid="tracking-number">
                  <TrackingNumber
                    carrier={props.parcel.carrier}
                    number={props.parcel.trackingNumber}
                    sentence={(number) => t("shop.order.tracking", { number })}
                    opensLabel={t("shop.order.trackingOpens", { carrier: props.parcel.carrier ?? "" })}
                  />
                </span>
              </Show>
            </span>
          </li>
        )}
      </For>
      <Show when={props.parcel.status === "cancelled"}>
        <li class="steps__item steps__item--cancelled" aria-current="step">
          <span class="steps__dot" aria-hidden="true" />
          <span class="steps__text">
            <strong>{t("shop.parcel.cancelled")}</strong>
          </span>
        </li>
      </Show>
    </ol>
  );
}

/** Rows of amounts (label, value), the last one emphasised as the total. */
export function Amounts(props: {
  rows: Array<{ label: JSX.Element; value: JSX.Element; tone?: "discount" | "total"; testId?: string }>;
}) {
  return (
    <dl class="amounts">
      <For each={props.rows}>
        {(row) => (
          <div class={row.tone ? `amounts__row amounts__row--${row.tone}` : "amounts__row"} data-testid={row.testId}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

export const money = (vnd: number) => formatVnd(vnd);
export const minus = (vnd: number) => `−${formatVnd(vnd)}`;

/** "Miễn phí", "Chọn nơi giao" or the fee: the shipping row of the cart and of checkout. */
export function shippingValue(shown: "free" | "unknown" | number): string {
  if (shown === "free") return t("shop.cart.free");
  if (shown === "unknown") return t("shop.cart.shippingUnknown");
  return formatVnd(shown);
}
