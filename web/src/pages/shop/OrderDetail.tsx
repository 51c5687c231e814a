import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { RequireSignIn } from "../../components/RequireSignIn";
import { ErrorState, errorMessage, isNotFound, NotFoundState } from "../../components/States";
import { AddressBlock } from "../../components/shop/AddressBlock";
import {
  Amounts,
  minus,
  money,
  OrderStatusBadge,
  ParcelStatusBadge,
  ParcelTimeline,
  PaymentBadge,
} from "../../components/shop/bits";
import { CardPanel } from "../../components/shop/CardPanel";
import { Loading } from "../../components/shop/Loading";
import { VietQrPanel, type VietQrPayment } from "../../components/shop/VietQrPanel";
import { type Key, t } from "../../i18n";
import "../../i18n/shop";
import { cartApi } from "../../api/cart";
import { ordersApi, type ShownOrder } from "../../api/orders";
import { itemsIn, rememberCart } from "../../lib/cart-count";
import { formatDateTime, formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import { cancellable, linesToReorder } from "../../lib/tracking";
import "../../styles/shop.css";

/** While an order waits for its payment, the page asks every few seconds whether it has arrived. */
const POLL_MS = 4000;

function OrderPage(props: { order: ShownOrder; fresh: boolean; onChange: (order: ShownOrder) => void }) {
  const navigate = useNavigate();
  const o = () => props.order;
  const [cancelling, setCancelling] = createSignal(false);
  const [message, setMessage] = createSignal<{ ok?: string; error?: string }>({});
  const vietqr = (): VietQrPayment | undefined => {
    const p = o().payment;
    return p && p.method === "vietqr" && "accountNumber" in p ? (p as VietQrPayment) : undefined;
  };

  const cancel = async () => {
    if (cancelling() || !window.confirm(t("shop.order.cancelConfirm", { code: o().code }))) return;
    setCancelling(true);
    setMessage({});
    try {
      props.onChange(await ordersApi.cancel(o().orderId));
      setMessage({ ok: t("shop.order.cancelled") });
    } catch (error) {
      setMessage({ error: errorMessage(error) });
    } finally {
      setCancelling(false);
    }
  };

  /** Card could not be used: cancel (stock goes back), put the same lines in the cart again, and check out anew. */
  const payAnotherWay = async () => {
    const cancelled = await ordersApi.cancel(o().orderId);
    props.onChange(cancelled);
    let cart: Awaited<ReturnType<typeof cartApi.addCombo>> | undefined;
    for (const line of linesToReorder(o().lines)) {
      cart =
        line.kind === "product"
          ? await cartApi.addProduct(line.productId, line.quantity, line.dealId)
          : await cartApi.addCombo(line.comboId, line.quantity);
    }
    if (cart) rememberCart(itemsIn(cart));
    navigate("/thanh-toan");
  };

  return (
    <article class="order" aria-labelledby="order-title">
      <p class="back">
        <A href="/don-hang">
          <span aria-hidden="true">← </span>
          {t("shop.order.back")}
        </A>
      </p>
      <Show when={props.fresh}>
        <p class="banner-ok" role="status">
          {t("shop.order.placedOk", { code: o().code })}
        </p>
      </Show>
      <header class="order__head">
        <h1 id="order-title">{t("shop.order.title", { code: o().code })}</h1>
      </header>
      {/* While it waits for a transfer, how to pay comes first: at 360 px the amount and the content stay above the fold. */}
      <Show when={vietqr()}>{(p) => <VietQrPanel orderId={o().orderId} code={o().code} payment={p()} />}</Show>
      <dl class="order__facts">
        <div>
          <dt>{t("shop.order.status")}</dt>
          <dd>
            <OrderStatusBadge status={o().status} />
          </dd>
        </div>
        <div>
          <dt>{t("shop.order.payment")}</dt>
          <dd>
            <PaymentBadge status={o().paymentStatus} />
            <Show when={o().paymentMethod !== "cod"}>
              {" "}
              <span class="muted">{t(`shop.method.${o().paymentMethod}` as Key)}</span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t("shop.order.placedAt")}</dt>
          <dd>{formatDateTime(o().createdAt)}</dd>
        </div>
      </dl>

      <Show when={o().status === "pending_payment" && o().paymentMethod === "card"}>
        <CardPanel orderId={o().orderId} totalVnd={o().totalVnd} payBy={o().payBy ?? null} onSwitch={payAnotherWay} />
      </Show>
      <Show when={o().status === "pending_payment"}>
        <p class="muted small">{t("shop.order.refreshing")}</p>
      </Show>

      <section class="order__parcels" aria-labelledby="parcels-title">
        <h2 id="parcels-title">{t("shop.order.parcels")}</h2>
        <ol class="parcels">
          <For each={o().fulfilments}>
            {(f, i) => (
              <li class="parcel" data-testid="order-parcel" data-producer={f.producerName}>
                <div class="parcel__head">
                  <h3 class="parcel__title">{t("shop.order.parcel", { n: i() + 1, producer: f.producerName })}</h3>
                  <ParcelStatusBadge status={f.status} />
                </div>
                <ParcelTimeline parcel={f} label={t("shop.parcel.timeline", { n: i() + 1 })} />
                <h4 class="sr-only">{t("shop.order.items")}</h4>
                <ul class="parcel__items">
                  <For each={f.items}>
                    {(item) => (
                      <li>
                        {item.quantity} × {item.name}
                      </li>
                    )}
                  </For>
                  <For each={f.boxes}>
                    {(box) => (
                      <li class="muted">
                        {t("shop.order.box", { box: box.boxName })}
                        <Show when={box.greeting}>
                          {(text) => <span class="parcel__greeting">{t("shop.order.greeting", { text: text() })}</span>}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
                <p class="parcel__meta">
                  <span>
                    {t("shop.checkout.shipping")}:{" "}
                    {f.shippingVnd === 0 ? t("shop.cart.free") : formatVnd(f.shippingVnd)}
                  </span>
                  <strong>{formatVnd(f.totalVnd)}</strong>
                </p>
              </li>
            )}
          </For>
        </ol>
      </section>

      <div class="order__foot">
        <section class="panel-shop" aria-labelledby="ship-title">
          <h2 id="ship-title">{t("shop.order.shipTo")}</h2>
          <AddressBlock address={o().address} />
        </section>
        <section class="panel-shop" aria-labelledby="totals-title">
          <h2 id="totals-title">{t("shop.order.totals")}</h2>
          <Amounts
            rows={[
              { label: t("shop.cart.goods"), value: money(o().goodsVnd) },
              ...(o().discountVnd > 0
                ? [{ label: t("shop.cart.discount"), value: minus(o().discountVnd), tone: "discount" as const }]
                : []),
              {
                label: t("shop.cart.shipping"),
                value: o().shippingVnd === 0 ? t("shop.cart.free") : money(o().shippingVnd),
              },
              { label: t("shop.cart.total"), value: money(o().totalVnd), tone: "total", testId: "order-total" },
            ]}
          />
        </section>
      </div>

      <Show when={cancellable(o())}>
        <div class="order__cancel">
          <button
            type="button"
            class="button button--ghost button--danger-text"
            disabled={cancelling()}
            onClick={cancel}
          >
            {cancelling() ? t("shop.order.cancelling") : t("shop.order.cancel")}
          </button>
          <p class="muted small">{t("shop.order.cancelNote")}</p>
        </div>
      </Show>
      <Show when={message().ok}>
        <p class="note-ok" role="status">
          {message().ok}
        </p>
      </Show>
      <Show when={message().error}>
        <p class="note-error" role="alert">
          {message().error}
        </p>
      </Show>
    </article>
  );
}

function Tracking(props: { id: string; fresh: boolean }) {
  const [order, { refetch, mutate }] = createResource<ShownOrder, string>(() => props.id, ordersApi.order);
  useTitle(() => {
    const o = settled(order);
    return o ? t("shop.order.title", { code: o.code }) : t("shop.orders.title");
  });
  // A poll that fails leaves the page as it is; the next one tries again.
  const timer = setInterval(() => {
    const o = settled(order);
    if (o?.status !== "pending_payment" || document.visibilityState !== "visible" || order.loading) return;
    ordersApi
      .order(props.id)
      .then((next) => mutate(next))
      .catch(() => undefined);
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));
  return (
    <Switch fallback={<Loading title />}>
      <Match when={order.state === "errored" && isNotFound(order.error)}>
        <NotFoundState title={t("shop.order.notFound")} text={t("shop.order.notFoundText")} />
      </Match>
      <Match when={order.state === "errored"}>
        <ErrorState error={order.error} retry={refetch} />
      </Match>
      <Match when={settled(order)}>
        {(o) => <OrderPage order={o()} fresh={props.fresh} onChange={(next) => mutate(next)} />}
      </Match>
    </Switch>
  );
}

/** `/don-hang/:id`: tracking — the order's status, how to pay while unpaid, and each producer's parcel. */
export default function OrderDetail() {
  const params = useParams();
  const [search] = useSearchParams();
  return (
    <div class="wrap shop shop--narrow">
      <RequireSignIn>{() => <Tracking id={params.id ?? ""} fresh={search.moi === "1"} />}</RequireSignIn>
    </div>
  );
}
