import { A } from "@solidjs/router";
import {
  createEffect,
  createResource,
  createSignal,
  createUniqueId,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
} from "solid-js";
import { Photo } from "../../components/Photo";
import { EmptyState, ErrorState, errorMessage } from "../../components/States";
import { BrowseLinks } from "../../components/shop/BrowseLinks";
import { Amounts, minus, money, Stepper, shippingValue } from "../../components/shop/bits";
import { Loading } from "../../components/shop/Loading";
import { ProvinceSelect } from "../../components/shop/ProvinceSelect";
import { ShopPage } from "../../components/shop/ShopPage";
import { t } from "../../i18n";
import "../../i18n/shop";
import { type CartLine, type CartView, type ComboLine, cartApi, type ProductLine } from "../../api/cart";
import { itemsIn, rememberCart } from "../../lib/cart-count";
import { formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import { rememberShipTo, shipTo } from "../../lib/ship-to";
import { fillPercent, freeShippingGap, shippingShown } from "../../lib/shopping";
import "../../styles/shop.css";

type Change = (line: CartLine, quantity: number | null) => Promise<void>;

function problemText(line: CartLine): string | undefined {
  if (!line.problem) return undefined;
  if (line.kind === "combo") {
    return line.problem === "unavailable" ? t("shop.cart.problem.comboUnavailable") : t("shop.cart.problem.comboStock");
  }
  return line.problem === "unavailable"
    ? t("shop.cart.problem.unavailable")
    : t("shop.cart.problem.insufficient_stock", { n: line.stock });
}

function RemoveButton(props: { name: string; busy: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      class="icon-btn"
      aria-label={t("shop.remove", { name: props.name })}
      disabled={props.busy}
      onClick={() => props.onClick()}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <path d="M4 6h12M8 6V4h4v2M6 6l.8 10h6.4L14 6" />
      </svg>
    </button>
  );
}

function LineState(props: { line: CartLine; error?: string }) {
  return (
    <>
      <Show when={problemText(props.line)}>
        {(text) => (
          <p class="line__problem" role="alert" data-testid="line-problem">
            {text()}
          </p>
        )}
      </Show>
      <Show when={props.error}>
        <p class="line__problem" role="alert">
          {props.error}
        </p>
      </Show>
    </>
  );
}

function ProductRow(props: { line: ProductLine; busy: boolean; error?: string; change: Change }) {
  const l = () => props.line;
  return (
    <li class="line" classList={{ "line--problem": Boolean(l().problem) }} data-testid="cart-line">
      <Photo src={l().image} alt="" width={120} height={90} sizes="88px" class="line__img" />
      <div class="line__body">
        <A href={`/san-pham/${l().productId}`} class="line__name">
          {l().name}
        </A>
        <span class="line__meta">{l().producerName}</span>
        <span class="line__unit">
          {formatVnd(l().unitPriceVnd)}
          <Show when={l().deal}>
            <span class="line__deal">{t("shop.cart.deal")}</span>
          </Show>
        </span>
        <Show when={l().dealEnded}>
          <span class="line__meta">{t("shop.cart.dealEnded")}</span>
        </Show>
        <Show when={l().available && l().stock > 0 && l().stock < 10 && !l().problem}>
          <span class="line__meta">{t("shop.cart.stockLeft", { n: l().stock })}</span>
        </Show>
        <LineState line={l()} error={props.error} />
      </div>
      <div class="line__side">
        <Stepper label={l().name} value={l().quantity} busy={props.busy} onChange={(q) => void props.change(l(), q)} />
        <strong class="line__total">{formatVnd(l().subtotalVnd)}</strong>
        <RemoveButton name={l().name} busy={props.busy} onClick={() => void props.change(l(), null)} />
      </div>
    </li>
  );
}

function ComboRow(props: { line: ComboLine; busy: boolean; error?: string; change: Change }) {
  const l = () => props.line;
  const title = () => l().title ?? t("shop.cart.customTitle");
  return (
    <li class="line line--combo" classList={{ "line--problem": Boolean(l().problem) }} data-testid="cart-line">
      <span class="line__gift">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <rect x="3.5" y="9" width="17" height="11.5" rx="1.5" />
          <path d="M2.5 6.5h19V9h-19zM12 6.5v14M12 6.5C10 3 6.5 3 6.5 5s3.5 1.5 5.5 1.5M12 6.5C14 3 17.5 3 17.5 5S14 6.5 12 6.5" />
        </svg>
      </span>
      <div class="line__body">
        <span class="line__kind">{t("shop.cart.combo")}</span>
        <span class="line__name">{title()}</span>
        <span class="line__meta">{t("shop.cart.comboBox", { name: l().box.name })}</span>
        <ul class="line__parts" aria-label={t("shop.cart.comboParts")}>
          <For each={l().parts}>
            {(part) => (
              <li classList={{ "is-unavailable": !part.available }}>
                {part.name} <span class="muted">· {part.producerName}</span>
                <Show when={!part.available}>
                  <span class="gift__out"> ({t("shop.cart.partUnavailable")})</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={l().greeting}>
          <span class="line__greeting">{t("shop.cart.comboGreeting", { text: l().greeting ?? "" })}</span>
        </Show>
        <span class="line__unit">
          {formatVnd(l().unitPriceVnd)}
          <Show when={l().discountVnd > 0}>
            <span class="line__deal">
              {l().percent > 0
                ? t("shop.cart.comboDiscount", { price: formatVnd(l().discountVnd), percent: l().percent })
                : t("shop.cart.comboSaving", { price: formatVnd(l().discountVnd) })}
            </span>
          </Show>
        </span>
        <LineState line={l()} error={props.error} />
      </div>
      <div class="line__side">
        <Stepper label={title()} value={l().quantity} busy={props.busy} onChange={(q) => void props.change(l(), q)} />
        <strong class="line__total">{formatVnd(l().subtotalVnd)}</strong>
        <RemoveButton name={title()} busy={props.busy} onClick={() => void props.change(l(), null)} />
      </div>
    </li>
  );
}

function Summary(props: { cart: CartView; province: string; onProvince: (code: string) => void }) {
  const id = createUniqueId();
  const totals = () => props.cart.totals;
  const gap = () => freeShippingGap(totals(), props.cart.freeShippingOverVnd);
  const goodsAfter = () => totals().goodsVnd - totals().discountVnd;
  const shipping = () => shippingShown(totals());
  return (
    <aside class="panel-shop cart-summary" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("shop.cart.totals")}</h2>
      <div class="field">
        <label for={`${id}-province`}>{t("shop.cart.shipTo")}</label>
        <ProvinceSelect
          id={`${id}-province`}
          value={props.province}
          placeholder={t("shop.cart.chooseProvince")}
          describedBy={`${id}-province-hint`}
          onPick={props.onProvince}
        />
        <p class="field__hint" id={`${id}-province-hint`}>
          {t("shop.cart.shipToHint")}
        </p>
      </div>
      <Amounts
        rows={[
          { label: t("shop.cart.goods"), value: money(totals().goodsVnd) },
          ...(totals().discountVnd > 0
            ? [{ label: t("shop.cart.discount"), value: minus(totals().discountVnd), tone: "discount" as const }]
            : []),
          {
            label: t("shop.cart.shipping"),
            value: shippingValue(shipping()),
            testId: "cart-shipping",
          },
          {
            label: shipping() === "unknown" ? t("shop.cart.subtotal") : t("shop.cart.total"),
            value: money(totals().totalVnd),
            tone: "total",
            testId: "cart-total",
          },
        ]}
      />
      <Show
        when={gap() > 0}
        fallback={
          <Show when={totals().freeShipping}>
            <p class="free-ship free-ship--done">{t("shop.cart.freeReached")}</p>
          </Show>
        }
      >
        <div class="free-ship" data-testid="free-shipping">
          <p>{t("shop.cart.freeHint", { price: formatVnd(gap()) })}</p>
          <span class="free-ship__bar" aria-hidden="true">
            <span style={{ width: `${fillPercent(goodsAfter(), props.cart.freeShippingOverVnd)}%` }} />
          </span>
        </div>
      </Show>
      <p class="muted small">{t("shop.cart.parcels", { n: props.cart.fulfilments.length })}</p>
      <Show
        when={props.cart.problems.length === 0}
        fallback={
          <>
            <button type="button" class="button button--buy button--block" disabled>
              {t("shop.cart.checkout")}
            </button>
            <p class="note-error">{t("shop.cart.fixFirst")}</p>
          </>
        }
      >
        <A href="/thanh-toan" class="button button--buy button--block">
          {t("shop.cart.checkout")}
        </A>
      </Show>
    </aside>
  );
}

/** `/gio-hang`: products and gift combos with their parts, quantities, stock problems as they arise, and totals. */
export default function Cart() {
  const [province, setProvince] = createSignal(shipTo());
  const [cart, { refetch, mutate }] = createResource(
    () => province() || "none",
    (code) => cartApi.cart(code === "none" ? undefined : code),
  );
  const [busy, setBusy] = createSignal<string>();
  const [lineErrors, setLineErrors] = createSignal<Record<string, string>>({});

  createEffect(() => {
    if (cart.state === "ready") rememberCart(itemsIn(cart()));
  });
  // Stock moves while the page sits in a background tab: coming back to it shows each line's problems as they are.
  const onVisible = () => {
    if (document.visibilityState === "visible" && !busy() && !cart.loading) void refetch();
  };
  document.addEventListener("visibilitychange", onVisible);
  onCleanup(() => document.removeEventListener("visibilitychange", onVisible));

  const chooseProvince = (code: string) => {
    rememberShipTo(code);
    setProvince(code);
  };

  const change: Change = async (line, quantity) => {
    if (busy()) return;
    setBusy(line.lineId);
    setLineErrors({});
    try {
      const next =
        quantity === null ? await cartApi.remove(line.lineId) : await cartApi.setQuantity(line.lineId, quantity);
      // Changing a line answers without shipping: ask again for the chosen province's.
      if (province()) await refetch();
      else mutate(next);
    } catch (error) {
      setLineErrors({ [line.lineId]: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <ShopPage title={t("shop.cart.title")}>
      <Switch fallback={<Loading />}>
        <Match when={cart.state === "errored"}>
          <ErrorState error={cart.error} retry={refetch} />
        </Match>
        <Match when={settled(cart)?.lines.length === 0}>
          <EmptyState title={t("shop.cart.empty")}>
            <p>{t("shop.cart.emptyText")}</p>
            <BrowseLinks />
          </EmptyState>
        </Match>
        <Match when={settled(cart)}>
          {(c) => (
            <div class="cart">
              {/* Keyed by line id, not by object: a changed quantity keeps its row (and the keyboard's focus). */}
              <ul class="lines" aria-label={t("shop.cart.lines")} aria-busy={cart.loading}>
                <For each={c().lines.map((l) => l.lineId)}>
                  {(lineId) => {
                    const line = () => c().lines.find((l) => l.lineId === lineId);
                    return (
                      <Switch>
                        <Match when={line()?.kind === "product"}>
                          <ProductRow
                            line={line() as ProductLine}
                            busy={busy() === lineId}
                            error={lineErrors()[lineId]}
                            change={change}
                          />
                        </Match>
                        <Match when={line()?.kind === "combo"}>
                          <ComboRow
                            line={line() as ComboLine}
                            busy={busy() === lineId}
                            error={lineErrors()[lineId]}
                            change={change}
                          />
                        </Match>
                      </Switch>
                    );
                  }}
                </For>
              </ul>
              <Summary cart={c()} province={province()} onProvince={chooseProvince} />
            </div>
          )}
        </Match>
      </Switch>
    </ShopPage>
  );
}
