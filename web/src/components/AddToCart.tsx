import { A } from "@solidjs/router";
import { createSignal, createUniqueId, Show } from "solid-js";
import { t } from "../i18n";
import "../i18n/buy";
import { cartApi } from "../api/cart";
import { itemsIn, rememberCart } from "../lib/cart-count";
import { errorMessage } from "./States";
import { QuantityInput } from "./shop/QuantityInput";

/** Quantity and "Thêm vào giỏ" on a product page: up to what is in stock (and the cart's limit of 99). */
export function AddToCart(props: { productId: string; stock: number }) {
  const id = createUniqueId();
  const [quantity, setQuantity] = createSignal(1);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<{ short?: { n: number; stock: number } }>();
  const [error, setError] = createSignal<string>();
  const max = () => Math.max(1, Math.min(props.stock, 99));
  const set = (n: number) => {
    setQuantity(Math.min(max(), Math.max(1, Math.round(Number.isFinite(n) ? n : 1))));
    setDone(undefined);
  };

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const cart = await cartApi.addProduct(props.productId, quantity());
      rememberCart(itemsIn(cart));
      const line = cart.lines.find((l) => l.kind === "product" && l.productId === props.productId);
      setDone(
        line?.kind === "product" && line.problem === "insufficient_stock"
          ? { short: { n: line.quantity, stock: line.stock } }
          : {},
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={props.stock > 0} fallback={<p class="buy__note">{t("buy.soldOut")}</p>}>
      <form class="buy" onSubmit={add} data-testid="add-to-cart">
        <div class="qty">
          <label for={id} class="sr-only">
            {t("buy.quantity")}
          </label>
          <button
            type="button"
            class="qty__step"
            aria-label={t("buy.decrease")}
            aria-controls={id}
            disabled={quantity() <= 1}
            onClick={() => set(quantity() - 1)}
          >
            −
          </button>
          <QuantityInput id={id} value={quantity()} max={max()} onChange={(input) => set(Number(input.value))} />
          <button
            type="button"
            class="qty__step"
            aria-label={t("buy.increase")}
            aria-controls={id}
            disabled={quantity() >= max()}
            onClick={() => set(quantity() + 1)}
          >
            +
          </button>
        </div>
        <button type="submit" class="button button--buy" disabled={busy()}>
          {busy() ? t("buy.adding") : t("buy.add")}
        </button>
      </form>
      <Show when={done()}>
        {(result) => (
          <p class="buy__note buy__note--ok" role="status">
            <Show when={result().short} fallback={t("buy.added")}>
              {(short) => t("buy.short", short())}
            </Show>{" "}
            <A href="/gio-hang">{t("buy.viewCart")}</A>
          </p>
        )}
      </Show>
      <Show when={error()}>
        <p class="buy__note buy__note--error" role="alert">
          {error()}
        </p>
      </Show>
    </Show>
  );
}
