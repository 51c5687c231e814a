import { onMount } from "solid-js";
import { cartApi } from "../api/cart";
import { cartCount, itemsIn, rememberCart } from "../lib/cart-count";

let asked = false;

/** Asks the server what the cart holds now (another tab, another device, a sign-in may have changed it). */
export function refreshCart(): Promise<void> {
  return cartApi
    .cart()
    .then((cart) => rememberCart(itemsIn(cart)))
    .catch(() => undefined);
}

/** The number on the header's cart: shown at once from memory, then checked with the server once per visit. */
export default function CartBadge() {
  onMount(() => {
    if (asked) return;
    asked = true;
    void refreshCart();
  });
  return (
    <span class="cart-link__count" aria-hidden="true" data-testid="cart-count">
      {cartCount() > 99 ? "99+" : cartCount()}
    </span>
  );
}
