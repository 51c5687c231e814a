import { A } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, on, Show } from "solid-js";
import { t } from "../../i18n";
import { createErrors, FormMessage, focusFirstError } from "../form";
import { AddressChooser, type AddressControl } from "../shop/AddressChooser";
import { PaymentMethods } from "../shop/AddressFields";
import { shippingValue } from "../shop/bits";
import "../../i18n/buy";
import "../../i18n/live";
import "../../i18n/shop";
import { type CartView, cartApi } from "../../api/cart";
import type { LiveProduct } from "../../api/live";
import { ordersApi, type PaymentMethod, type PlacedOrder } from "../../api/orders";
import { rememberCart } from "../../lib/cart-count";
import { formatVnd } from "../../lib/format";
import type { HubDeal } from "../../lib/live";
import { settled } from "../../lib/resource";
import { currentUser, loadMe, type Me } from "../../lib/session";
import { rememberShipTo } from "../../lib/ship-to";
import { newIdempotencyKey, shippingShown } from "../../lib/shopping";
import "../../styles/portal.css";
import "../../styles/shop.css";
import { Sheet } from "./Sheet";

const FIELDS = ["name", "phone", "provinceCode", "wardCode", "street", "note", "paymentMethod", "quantity", "cart"];
/** Without a deal, how many one sheet orders at most (the cart's own limit is higher). */
const MAX_QUANTITY = 20;

function lineOf(cart: CartView, productId: string, dealId: string | undefined) {
  return cart.lines.find(
    (l) => l.kind === "product" && l.productId === productId && (l.deal?.dealId ?? undefined) === dealId,
  );
}

function SheetForm(props: {
  user: Me;
  sessionId: string;
  product: LiveProduct;
  deal: HubDeal | null;
  onPlaced: (order: PlacedOrder) => void;
}) {
  const errors = createErrors();
  const [province, setProvince] = createSignal("");
  const [quantity, setQuantity] = createSignal(1);
  const [method, setMethod] = createSignal<PaymentMethod>("cod");
  const [busy, setBusy] = createSignal(false);
  // The deal as it was when the sheet opened: if it ends meanwhile, the buyer is told the price changed.
  const [hadDeal] = createSignal(Boolean(props.deal));
  const [options] = createResource(ordersApi.checkoutOptions);
  // What the order will cost, priced by the server before the tap: the cart with this line, shipped to the province.
  // The room hands a new deal object with every message (units left, viewers): price again only when the deal changes.
  const dealId = createMemo(() => props.deal?.dealId);
  const [priced] = createResource(
    () => ({ quantity: quantity(), province: province(), dealId: dealId() }),
    (q) => cartApi.preview(props.product.productId, q.quantity, q.dealId, q.province || undefined),
  );
  const key = newIdempotencyKey();
  let tried = false;
  let added: { lineId: string } | undefined;
  let form: HTMLFormElement | undefined;
  let address: AddressControl | undefined;

  // Cards need the checkout's Stripe step: the sheet offers the ways to pay that finish here (COD, VietQR).
  const methods = () => (settled(options)?.methods ?? ["cod"]).filter((m) => m !== "card");
  const limit = () => (props.deal ? Math.max(1, Math.min(props.deal.perBuyer, props.deal.remaining)) : MAX_QUANTITY);
  createEffect(
    on(limit, (max) => {
      if (quantity() > max) setQuantity(max);
    }),
  );
  const unit = () => props.deal?.priceVnd ?? props.product.priceVnd;
  const others = () =>
    (settled(priced)?.lines ?? []).filter((l) => !(l.kind === "product" && l.productId === props.product.productId))
      .length;
  const totals = () => settled(priced)?.totals;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    errors.clear();
    setBusy(true);
    try {
      const to = await address?.read();
      if (!to) {
        queueMicrotask(() => focusFirstError(form));
        return;
      }
      const dealId = props.deal?.dealId;
      // Into the cart (with the deal, which prices the line), then the order: a retry sets the same line again.
      const view = added
        ? await cartApi.setQuantity(added.lineId, quantity())
        : await cartApi.addProduct(props.product.productId, quantity(), dealId);
      const line = lineOf(view, props.product.productId, dealId);
      if (line) added = { lineId: line.lineId };
      // The deal is named on the key's first attempt only (a sold-out deal is then refused at once); a retry whose
      // first answer was lost gets back the order that attempt may have placed.
      const first = !tried;
      tried = true;
      const { order } = await ordersApi.place(key, {
        address: to,
        paymentMethod: method(),
        liveSessionId: props.sessionId,
        ...(first && dealId ? { dealId } : {}),
      });
      rememberCart(0);
      rememberShipTo(to.provinceCode);
      props.onPlaced(order);
    } catch (error) {
      errors.fromApi(error, FIELDS);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform sheet__form" onSubmit={submit} novalidate>
      <div class="sheet__product">
        <span class="sheet__price">
          <Show when={props.deal} fallback={<span data-testid="sheet-unit">{formatVnd(unit())}</span>}>
            <span class="sheet__deal-label">{t("live.sheet.dealPrice")}</span>{" "}
            <strong class="deal-text" data-testid="sheet-unit">
              {formatVnd(unit())}
            </strong>{" "}
            <s>{formatVnd(props.product.priceVnd)}</s>
          </Show>{" "}
          / {props.product.unit}
        </span>
        <Show when={hadDeal() && !props.deal}>
          <p class="note-error" role="alert">
            {t("live.sheet.dealEnded")}
          </p>
        </Show>
      </div>

      <fieldset class="pfield sheet__qty">
        <legend class="pfield__label">{t("live.sheet.quantity")}</legend>
        <div class="qty">
          <button
            type="button"
            class="qty__step"
            aria-label={t("live.sheet.fewer")}
            disabled={quantity() <= 1}
            onClick={() => setQuantity(quantity() - 1)}
          >
            −
          </button>
          <output class="qty__value" aria-live="polite" data-testid="sheet-quantity">
            {quantity()}
          </output>
          <button
            type="button"
            class="qty__step"
            aria-label={t("live.sheet.more")}
            disabled={quantity() >= limit()}
            onClick={() => setQuantity(quantity() + 1)}
          >
            +
          </button>
        </div>
        <Show when={props.deal}>
          <p class="pfield__hint">{t("live.sheet.limit", { n: limit() })}</p>
        </Show>
        <Show when={errors.of("quantity")}>
          <p class="pfield__error" role="alert">
            {errors.of("quantity")}
          </p>
        </Show>
      </fieldset>

      <fieldset class="sheet__group">
        <legend>{t("shop.checkout.address")}</legend>
        <AddressChooser
          idPrefix="lv"
          user={props.user}
          errors={errors}
          onProvince={setProvince}
          control={(c) => {
            address = c;
          }}
        />
      </fieldset>

      <fieldset class="sheet__group">
        <legend>{t("shop.checkout.payment")}</legend>
        <PaymentMethods
          compact
          methods={methods()}
          value={method()}
          onChange={(m) => {
            setMethod(m as PaymentMethod);
            errors.set("paymentMethod", undefined);
          }}
        />
        <Show when={errors.of("paymentMethod")}>
          <p class="pfield__error" role="alert">
            {errors.of("paymentMethod")}
          </p>
        </Show>
      </fieldset>

      <Show when={others() > 0}>
        <p class="note muted small">{t("live.sheet.otherLines", { n: others() })}</p>
      </Show>
      <Show when={errors.of("cart")}>
        <p class="pfield__error" role="alert">
          {errors.of("cart")}
        </p>
      </Show>
      <div class="sheet__foot" data-testid="sheet-foot">
        <Show
          when={totals()}
          fallback={
            <p class="muted small" aria-busy={priced.loading}>
              {priced.state === "errored" ? t("buy.addr.pricingFailed") : t("buy.addr.pricing")}
            </p>
          }
        >
          {(sum) => (
            <dl class="sheet__amounts">
              <div>
                <dt>{t("shop.cart.goods")}</dt>
                <dd data-testid="sheet-subtotal">{formatVnd(sum().goodsVnd)}</dd>
              </div>
              <Show when={sum().discountVnd > 0}>
                <div>
                  <dt>{t("shop.cart.discount")}</dt>
                  <dd>−{formatVnd(sum().discountVnd)}</dd>
                </div>
              </Show>
              <div>
                <dt>{t("shop.cart.shipping")}</dt>
                <dd data-testid="sheet-shipping">{shippingValue(shippingShown(sum()))}</dd>
              </div>
              <div class="sheet__total">
                <dt>{shippingShown(sum()) === "unknown" ? t("shop.cart.subtotal") : t("shop.cart.total")}</dt>
                <dd>
                  <strong data-testid="sheet-total">{formatVnd(sum().totalVnd)}</strong>
                </dd>
              </div>
            </dl>
          )}
        </Show>
        <button type="submit" class="button button--buy button--block" disabled={busy()}>
          {busy() ? t("live.sheet.placing") : t("live.sheet.place")}
        </button>
        <FormMessage error={errors.general()} />
      </div>
    </form>
  );
}

/**
 * "Mua ngay" without leaving the stream: a bottom sheet over the page (the video keeps playing above it) with the
 * quantity, the shopper's default address (or the address fields, the first time), ways to pay, and what the order
 * costs with shipping, priced by the server before "Đặt hàng" is tapped. The line goes into the cart with the running deal, then
 * the order is placed with the live session named; the deal price shows only while the deal runs.
 */
export function BuySheet(props: {
  sessionId: string;
  product: LiveProduct;
  deal: HubDeal | null;
  signInHref: string;
  onClose: () => void;
  onPlaced: () => void;
}) {
  const [placed, setPlaced] = createSignal<PlacedOrder>();
  const [who] = createResource(loadMe);
  return (
    <Sheet
      testId="buy-sheet"
      titleId="sheet-title"
      title={t("live.sheet.title", { name: props.product.name })}
      closeLabel={t("live.sheet.close")}
      onClose={props.onClose}
    >
      <Show
        when={placed()}
        fallback={
          <Show
            when={currentUser()}
            fallback={
              <Show when={who.state === "ready" || who.state === "errored"}>
                <div class="sheet__signin">
                  <p>{t("live.sheet.signInText")}</p>
                  <A href={props.signInHref} class="button button--block">
                    {t("live.sheet.signIn")}
                  </A>
                </div>
              </Show>
            }
          >
            {(user) => (
              <SheetForm
                user={user()}
                sessionId={props.sessionId}
                product={props.product}
                deal={props.deal}
                onPlaced={(order) => {
                  setPlaced(order);
                  props.onPlaced();
                }}
              />
            )}
          </Show>
        }
      >
        {(order) => (
          <div class="sheet__done" role="status" data-testid="sheet-placed">
            <h3>{t("live.sheet.placed", { code: order().code })}</h3>
            <p>
              {t("live.sheet.total")}: <strong data-testid="order-total">{formatVnd(order().totalVnd)}</strong>
            </p>
            <p class="muted small">{t("live.sheet.placedText", { total: formatVnd(order().totalVnd) })}</p>
            <p class="sheet__links">
              <A href={`/don-hang/${order().orderId}`} class="button button--ghost">
                {t("live.sheet.viewOrder")}
              </A>
              <button type="button" class="button" onClick={() => props.onClose()}>
                {t("live.sheet.keepWatching")}
              </button>
            </p>
          </div>
        )}
      </Show>
    </Sheet>
  );
}
