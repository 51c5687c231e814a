import { A, useNavigate } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { createErrors, FormMessage, focusFirstError } from "../../components/form";
import { RequireSignIn } from "../../components/RequireSignIn";
import { EmptyState, ErrorState, errorMessage } from "../../components/States";
import { AddressChooser, type AddressControl } from "../../components/shop/AddressChooser";
import { PaymentMethods } from "../../components/shop/AddressFields";
import { Amounts, minus, money, shippingValue } from "../../components/shop/bits";
import { Loading } from "../../components/shop/Loading";
import { ShopPage } from "../../components/shop/ShopPage";
import { t } from "../../i18n";
import "../../i18n/shop";
import { type CartView, cartApi } from "../../api/cart";
import { ordersApi, type PaymentMethod } from "../../api/orders";
import { rememberCart } from "../../lib/cart-count";
import { formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import { displayName, type Me } from "../../lib/session";
import { rememberShipTo, shipTo } from "../../lib/ship-to";
import { formatWeight, newIdempotencyKey, parcelContents, shippingShown } from "../../lib/shopping";
import "../../styles/portal.css";
import "../../styles/shop.css";

/** The Idempotency-Key of this checkout: kept across retries and reloads until an order is placed with it. */
const KEY = "cho-ocop.checkoutKey";
function attemptKey(): string {
  try {
    const kept = sessionStorage.getItem(KEY);
    if (kept) return kept;
    const fresh = newIdempotencyKey();
    sessionStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    return newIdempotencyKey();
  }
}
function attemptDone() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

const FIELDS = ["name", "phone", "provinceCode", "wardCode", "street", "note", "paymentMethod", "cart"];

function Parcels(props: { cart: CartView }) {
  const contents = () => parcelContents(props.cart.lines, t("shop.cart.customTitle"));
  return (
    <ol class="parcels">
      <For each={props.cart.fulfilments}>
        {(f, i) => (
          <li class="parcel" data-testid="parcel">
            <h3 class="parcel__title">{t("shop.checkout.parcel", { n: i() + 1, producer: f.producerName })}</h3>
            <ul class="parcel__items">
              <For each={contents().get(f.producerId)?.items ?? []}>
                {(item) => (
                  <li>
                    {item.quantity} × {item.name}
                    <Show when={item.combo}>{(combo) => <span class="muted"> · {combo()}</span>}</Show>
                  </li>
                )}
              </For>
              <For each={contents().get(f.producerId)?.boxes ?? []}>
                {(box) => <li class="muted">{t("shop.checkout.boxWith", { box: box.name })}</li>}
              </For>
            </ul>
            <p class="parcel__meta">
              <span>{t("shop.checkout.weight", { weight: formatWeight(f.weightGrams) })}</span>
              <span data-testid="parcel-shipping">
                {t("shop.checkout.shipping")}:{" "}
                {f.shippingVnd === null
                  ? t("shop.checkout.shippingAfter")
                  : f.shippingVnd === 0
                    ? t("shop.cart.free")
                    : formatVnd(f.shippingVnd)}
              </span>
            </p>
          </li>
        )}
      </For>
    </ol>
  );
}

function CheckoutForm(props: { user: Me }) {
  const navigate = useNavigate();
  const [province, setProvince] = createSignal(shipTo());
  const [method, setMethod] = createSignal<PaymentMethod>("cod");
  const [busy, setBusy] = createSignal(false);
  const errors = createErrors();
  const [cart, { refetch }] = createResource(
    () => province() || "none",
    (code) => cartApi.cart(code === "none" ? undefined : code),
  );
  const [options, { refetch: retryOptions }] = createResource(ordersApi.checkoutOptions);
  let form: HTMLFormElement | undefined;
  // The form stays while the cart is priced again for another province, even if that fails.
  const [shown, setShown] = createSignal<CartView>();
  createEffect(() => {
    const c = settled(cart);
    if (c) setShown(c);
  });

  // A method the server no longer offers (card switched off) is not kept.
  createEffect(
    on(
      () => settled(options)?.methods,
      (methods) => {
        if (methods && !methods.includes(method())) setMethod("cod");
      },
    ),
  );

  let chooser: AddressControl | undefined;
  const chooseProvince = (code: string) => {
    setProvince(code);
    if (code) rememberShipTo(code);
  };

  const place = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    errors.clear();
    setBusy(true);
    try {
      const address = await chooser?.read();
      if (!address) {
        queueMicrotask(() => focusFirstError(form));
        return;
      }
      const { order } = await ordersApi.place(attemptKey(), { address, paymentMethod: method() });
      attemptDone();
      rememberCart(0);
      navigate(`/don-hang/${order.orderId}?moi=1`);
    } catch (error) {
      const field = errors.fromApi(error, FIELDS);
      // Stock or availability changed since the cart was shown: show each line's problem again.
      if (field === "cart") void refetch();
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  const ready = () => {
    const c = shown();
    return c && c.lines.length > 0 ? c : undefined;
  };
  return (
    <Switch fallback={<Loading />}>
      <Match when={cart.state === "errored" && !shown()}>
        <ErrorState error={cart.error} retry={refetch} />
      </Match>
      <Match when={shown()?.lines.length === 0}>
        <EmptyState title={t("shop.checkout.empty")}>
          <p class="state__links">
            <A href="/qua-tang" class="button">
              {t("shop.cart.gifts")}
            </A>
            <A href="/san-pham" class="button button--ghost">
              {t("shop.cart.browse")}
            </A>
          </p>
        </EmptyState>
      </Match>
      <Match when={ready()}>
        {(c) => (
          <form ref={form} class="pform checkout" onSubmit={place} novalidate>
            <p class="muted small checkout__who">{t("shop.checkout.signedInAs", { name: displayName(props.user) })}</p>
            <section class="panel-shop checkout__address" aria-labelledby="address-title">
              <h2 id="address-title">{t("shop.checkout.address")}</h2>
              <AddressChooser
                idPrefix="co"
                user={props.user}
                errors={errors}
                onProvince={chooseProvince}
                control={(c) => {
                  chooser = c;
                }}
                manageLink
              />
            </section>

            <section class="panel-shop checkout__parcels" aria-labelledby="parcels-title">
              <h2 id="parcels-title">{t("shop.checkout.parcels")}</h2>
              <p class="muted small">{t("shop.checkout.parcelsLead")}</p>
              <Parcels cart={c()} />
              <Show when={cart.state === "errored"}>
                <p class="note-error" role="alert">
                  {errorMessage(cart.error)}{" "}
                  <button type="button" class="link-button" onClick={() => refetch()}>
                    {t("shop.retry")}
                  </button>
                </p>
              </Show>
              <Show when={c().problems.length > 0}>
                <p class="note-error" role="alert">
                  {t("shop.checkout.fixCart")} <A href="/gio-hang">{t("shop.checkout.toCart")}</A>
                </p>
              </Show>
              <Show when={errors.of("cart")}>
                <p class="pfield__error" role="alert" data-testid="cart-error">
                  {errors.of("cart")} <A href="/gio-hang">{t("shop.checkout.toCart")}</A>
                </p>
              </Show>
            </section>

            <fieldset
              class="panel-shop checkout__payment"
              aria-describedby={errors.of("paymentMethod") ? "co-pay-error" : undefined}
            >
              <legend>{t("shop.checkout.payment")}</legend>
              <Switch>
                <Match when={options.state === "errored"}>
                  <p class="pfield__error" role="alert">
                    {t("shop.checkout.methodsFailed")}{" "}
                    <button type="button" class="link-button" onClick={() => retryOptions()}>
                      {t("shop.retry")}
                    </button>
                  </p>
                </Match>
                <Match when={settled(options)}>
                  {(o) => (
                    <PaymentMethods
                      methods={o().methods}
                      value={method()}
                      onChange={(m) => {
                        setMethod(m as PaymentMethod);
                        errors.set("paymentMethod", undefined);
                      }}
                    />
                  )}
                </Match>
                <Match when={true}>
                  <p class="muted">{t("shop.loading")}</p>
                </Match>
              </Switch>
              <Show when={errors.of("paymentMethod")}>
                <p class="pfield__error" id="co-pay-error" role="alert">
                  {errors.of("paymentMethod")}
                </p>
              </Show>
            </fieldset>

            <section class="panel-shop checkout__summary" aria-labelledby="summary-title">
              <h2 id="summary-title">{t("shop.checkout.summary")}</h2>
              <Amounts
                rows={[
                  { label: t("shop.cart.goods"), value: money(c().totals.goodsVnd) },
                  ...(c().totals.discountVnd > 0
                    ? [
                        {
                          label: t("shop.cart.discount"),
                          value: minus(c().totals.discountVnd),
                          tone: "discount" as const,
                        },
                      ]
                    : []),
                  {
                    label: t("shop.cart.shipping"),
                    value: shippingValue(shippingShown(c().totals)),
                    testId: "checkout-shipping",
                  },
                  {
                    label: shippingShown(c().totals) === "unknown" ? t("shop.cart.subtotal") : t("shop.cart.total"),
                    value: money(c().totals.totalVnd),
                    tone: "total",
                    testId: "checkout-total",
                  },
                ]}
              />
              <button
                type="submit"
                class="button button--buy button--block"
                disabled={busy() || cart.loading || c().problems.length > 0 || !settled(options)}
              >
                {busy()
                  ? t("shop.checkout.placing")
                  : t("shop.checkout.place", { price: formatVnd(c().totals.totalVnd) })}
              </button>
              <FormMessage error={errors.general()} />
            </section>
          </form>
        )}
      </Match>
    </Switch>
  );
}

/** `/thanh-toan`: signed-in only (the anonymous cart joins the account's on sign-in). */
export default function Checkout() {
  return (
    <ShopPage title={t("shop.checkout.title")}>
      <RequireSignIn>{(user) => <CheckoutForm user={user()} />}</RequireSignIn>
    </ShopPage>
  );
}
