import { A, useNavigate } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/portal/Field";
import { RequireSignIn } from "../../components/RequireSignIn";
import { EmptyState, ErrorState, errorMessage } from "../../components/States";
import { Amounts, minus, money, shippingValue } from "../../components/shop/bits";
import { ProvinceSelect } from "../../components/shop/ProvinceSelect";
import { type ShopKey, ts } from "../../i18n/shop";
import { rememberCart } from "../../lib/cart-count";
import { type CartView, type PaymentMethod, shopApi } from "../../lib/commerce";
import { formatVnd } from "../../lib/format";
import { formatPhone, isVnMobile, normalizePhone } from "../../lib/ocop";
import { settled } from "../../lib/resource";
import { displayName, type Me } from "../../lib/session";
import { rememberShipTo, shipTo } from "../../lib/ship-to";
import { formatWeight, newIdempotencyKey, parcelContents, shippingShown } from "../../lib/shopping";
import { useTitle } from "../../lib/title";
import { wardsOf } from "../../lib/wards";
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
  const contents = () => parcelContents(props.cart.lines, ts("cart.customTitle"));
  return (
    <ol class="parcels">
      <For each={props.cart.fulfilments}>
        {(f, i) => (
          <li class="parcel" data-testid="parcel">
            <h3 class="parcel__title">{ts("checkout.parcel", { n: i() + 1, producer: f.producerName })}</h3>
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
                {(box) => <li class="muted">{ts("checkout.boxWith", { box: box.name })}</li>}
              </For>
            </ul>
            <p class="parcel__meta">
              <span>{ts("checkout.weight", { weight: formatWeight(f.weightGrams) })}</span>
              <span data-testid="parcel-shipping">
                {ts("checkout.shipping")}:{" "}
                {f.shippingVnd === null
                  ? ts("checkout.shippingAfter")
                  : f.shippingVnd === 0
                    ? ts("cart.free")
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
  const [ward, setWard] = createSignal("");
  const [method, setMethod] = createSignal<PaymentMethod>("cod");
  const [busy, setBusy] = createSignal(false);
  const errors = createErrors();
  const [cart, { refetch }] = createResource(
    () => province() || "none",
    (code) => shopApi.cart(code === "none" ? undefined : code),
  );
  const [options, { refetch: retryOptions }] = createResource(shopApi.checkoutOptions);
  const [wards, { refetch: retryWards }] = createResource(
    () => province() || false,
    (code) => wardsOf(code),
  );
  let form: HTMLFormElement | undefined;
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();
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

  const chooseProvince = (code: string) => {
    setProvince(code);
    setWard("");
    rememberShipTo(code);
    errors.set("provinceCode", undefined);
  };

  function validate() {
    errors.clear();
    const name = value("name");
    const phone = value("phone");
    const street = value("street");
    if (name.length < 2) errors.set("name", () => ts("checkout.nameMissing"));
    if (!isVnMobile(phone)) errors.set("phone", () => ts("checkout.phoneMissing"));
    if (!province()) errors.set("provinceCode", () => ts("checkout.provinceMissing"));
    else if (!ward()) errors.set("wardCode", () => ts("checkout.wardMissing"));
    if (street.length < 2) errors.set("street", () => ts("checkout.streetMissing"));
    if (errors.any()) return undefined;
    const note = value("note");
    return {
      name,
      phone: normalizePhone(phone),
      provinceCode: province() as never,
      wardCode: ward(),
      street,
      ...(note ? { note } : {}),
    };
  }

  const place = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    const address = validate();
    if (!address) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      const { order } = await shopApi.place(attemptKey(), { address, paymentMethod: method() });
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
    <Switch
      fallback={
        <div aria-busy="true">
          <span class="sr-only">{ts("shop.loading")}</span>
          <span class="skeleton skeleton--block" />
        </div>
      }
    >
      <Match when={cart.state === "errored" && !shown()}>
        <ErrorState error={cart.error} retry={refetch} />
      </Match>
      <Match when={shown()?.lines.length === 0}>
        <EmptyState title={ts("checkout.empty")}>
          <p class="state__links">
            <A href="/qua-tang" class="button">
              {ts("cart.gifts")}
            </A>
            <A href="/san-pham" class="button button--ghost">
              {ts("cart.browse")}
            </A>
          </p>
        </EmptyState>
      </Match>
      <Match when={ready()}>
        {(c) => (
          <form ref={form} class="pform checkout" onSubmit={place} novalidate>
            <p class="muted small checkout__who">{ts("checkout.signedInAs", { name: displayName(props.user) })}</p>
            <section class="panel-shop checkout__address" aria-labelledby="address-title">
              <h2 id="address-title">{ts("checkout.address")}</h2>
              <Field id="co-name" label={ts("checkout.name")} error={errors.of("name")}>
                <input
                  id="co-name"
                  name="name"
                  autocomplete="name"
                  maxLength={80}
                  value={props.user.name ?? ""}
                  aria-invalid={Boolean(errors.of("name"))}
                  aria-describedby={describedBy("co-name", { error: errors.of("name") })}
                />
              </Field>
              <Field
                id="co-phone"
                label={ts("checkout.phone")}
                error={errors.of("phone")}
                hint={ts("checkout.phoneHint")}
              >
                <input
                  id="co-phone"
                  name="phone"
                  type="tel"
                  inputmode="tel"
                  autocomplete="tel-national"
                  maxLength={20}
                  placeholder="0912 345 678"
                  value={props.user.phone ? formatPhone(props.user.phone) : ""}
                  aria-invalid={Boolean(errors.of("phone"))}
                  aria-describedby={describedBy("co-phone", { hint: true, error: errors.of("phone") })}
                />
              </Field>
              <Field id="co-province" label={ts("checkout.province")} error={errors.of("provinceCode")}>
                <ProvinceSelect
                  id="co-province"
                  name="provinceCode"
                  autocomplete="address-level1"
                  value={province()}
                  placeholder={ts("checkout.chooseProvince")}
                  invalid={Boolean(errors.of("provinceCode"))}
                  describedBy={describedBy("co-province", { error: errors.of("provinceCode") })}
                  onPick={chooseProvince}
                />
              </Field>
              <Field
                id="co-ward"
                label={ts("checkout.ward")}
                error={errors.of("wardCode")}
                hint={wards.loading ? ts("checkout.wardsLoading") : undefined}
              >
                <select
                  id="co-ward"
                  name="wardCode"
                  autocomplete="address-level2"
                  value={ward()}
                  disabled={!province() || wards.loading || wards.state === "errored"}
                  aria-busy={wards.loading}
                  aria-invalid={Boolean(errors.of("wardCode"))}
                  aria-describedby={describedBy("co-ward", { hint: wards.loading, error: errors.of("wardCode") })}
                  onChange={(e) => {
                    setWard(e.currentTarget.value);
                    errors.set("wardCode", undefined);
                  }}
                >
                  <Switch>
                    <Match when={!province()}>
                      <option value="">{ts("checkout.chooseProvinceFirst")}</option>
                    </Match>
                    <Match when={wards.loading}>
                      <option value="">{ts("checkout.wardsLoading")}</option>
                    </Match>
                    <Match when={wards.state === "ready"}>
                      <option value="">{ts("checkout.chooseWard", { n: wards()?.length ?? 0 })}</option>
                      <For each={wards()}>
                        {(w) => (
                          <option value={w.code} selected={ward() === w.code}>
                            {w.name}
                          </option>
                        )}
                      </For>
                    </Match>
                  </Switch>
                </select>
                <Show when={wards.state === "errored"}>
                  <p class="pfield__error" role="alert">
                    {ts("checkout.wardsFailed")}{" "}
                    <button type="button" class="link-button" onClick={() => retryWards()}>
                      {ts("shop.retry")}
                    </button>
                  </p>
                </Show>
              </Field>
              <Field id="co-street" label={ts("checkout.street")} error={errors.of("street")}>
                <input
                  id="co-street"
                  name="street"
                  autocomplete="address-line1"
                  maxLength={200}
                  aria-invalid={Boolean(errors.of("street"))}
                  aria-describedby={describedBy("co-street", { error: errors.of("street") })}
                />
              </Field>
              <Field
                id="co-note"
                label={ts("checkout.note")}
                error={errors.of("note")}
                hint={ts("checkout.noteHint")}
                optional
              >
                <textarea
                  id="co-note"
                  name="note"
                  rows="2"
                  maxLength={300}
                  aria-invalid={Boolean(errors.of("note"))}
                  aria-describedby={describedBy("co-note", { hint: true, error: errors.of("note") })}
                />
              </Field>
            </section>

            <section class="panel-shop checkout__parcels" aria-labelledby="parcels-title">
              <h2 id="parcels-title">{ts("checkout.parcels")}</h2>
              <p class="muted small">{ts("checkout.parcelsLead")}</p>
              <Parcels cart={c()} />
              <Show when={cart.state === "errored"}>
                <p class="note-error" role="alert">
                  {errorMessage(cart.error)}{" "}
                  <button type="button" class="link-button" onClick={() => refetch()}>
                    {ts("shop.retry")}
                  </button>
                </p>
              </Show>
              <Show when={c().problems.length > 0}>
                <p class="note-error" role="alert">
                  {ts("checkout.fixCart")} <A href="/gio-hang">{ts("checkout.toCart")}</A>
                </p>
              </Show>
              <Show when={errors.of("cart")}>
                <p class="pfield__error" role="alert" data-testid="cart-error">
                  {errors.of("cart")} <A href="/gio-hang">{ts("checkout.toCart")}</A>
                </p>
              </Show>
            </section>

            <fieldset
              class="panel-shop checkout__payment"
              aria-describedby={errors.of("paymentMethod") ? "co-pay-error" : undefined}
            >
              <legend>{ts("checkout.payment")}</legend>
              <Switch>
                <Match when={options.state === "errored"}>
                  <p class="pfield__error" role="alert">
                    {ts("checkout.methodsFailed")}{" "}
                    <button type="button" class="link-button" onClick={() => retryOptions()}>
                      {ts("shop.retry")}
                    </button>
                  </p>
                </Match>
                <Match when={settled(options)}>
                  {(o) => (
                    <div class="methods">
                      <For each={o().methods}>
                        {(m) => (
                          <label class="method">
                            <input
                              type="radio"
                              name="paymentMethod"
                              value={m}
                              checked={method() === m}
                              onChange={() => {
                                setMethod(m);
                                errors.set("paymentMethod", undefined);
                              }}
                            />
                            <span class="method__body">
                              <span class="method__name">{ts(`checkout.method.${m}` as ShopKey)}</span>
                              <span class="method__hint">{ts(`checkout.method.${m}Hint` as ShopKey)}</span>
                            </span>
                          </label>
                        )}
                      </For>
                    </div>
                  )}
                </Match>
                <Match when={true}>
                  <p class="muted">{ts("shop.loading")}</p>
                </Match>
              </Switch>
              <Show when={errors.of("paymentMethod")}>
                <p class="pfield__error" id="co-pay-error" role="alert">
                  {errors.of("paymentMethod")}
                </p>
              </Show>
            </fieldset>

            <section class="panel-shop checkout__summary" aria-labelledby="summary-title">
              <h2 id="summary-title">{ts("checkout.summary")}</h2>
              <Amounts
                rows={[
                  { label: ts("cart.goods"), value: money(c().totals.goodsVnd) },
                  ...(c().totals.discountVnd > 0
                    ? [{ label: ts("cart.discount"), value: minus(c().totals.discountVnd), tone: "discount" as const }]
                    : []),
                  {
                    label: ts("cart.shipping"),
                    value: shippingValue(shippingShown(c().totals)),
                    testId: "checkout-shipping",
                  },
                  {
                    label: shippingShown(c().totals) === "unknown" ? ts("cart.subtotal") : ts("cart.total"),
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
                {busy() ? ts("checkout.placing") : ts("checkout.place", { price: formatVnd(c().totals.totalVnd) })}
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
  useTitle(() => ts("checkout.title"));
  return (
    <div class="wrap shop">
      <header class="shop-head">
        <h1>{ts("checkout.title")}</h1>
      </header>
      <RequireSignIn>{(user) => <CheckoutForm user={user()} />}</RequireSignIn>
    </div>
  );
}
