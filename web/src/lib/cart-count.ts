import { createRoot, createSignal } from "solid-js";

/**
 * How many items the visitor's cart holds, as last seen. Remembered in localStorage so that the header shows the
 * badge at once and asks the server for the cart only when there is one: a visitor who never added anything sends
 * no cart request at all.
 */
export const CART_KEY = "cho-ocop.cart";

function stored(): number {
  try {
    const n = Number(globalThis.localStorage?.getItem(CART_KEY) ?? "0");
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

const [count, setCount] = createRoot(() => createSignal(stored()));

/** Items in the cart (quantities added up); 0 when there is none or it is not known. */
export const cartCount = count;

export function rememberCart(items: number) {
  const n = Number.isInteger(items) && items > 0 ? items : 0;
  setCount(n);
  try {
    if (n > 0) localStorage.setItem(CART_KEY, String(n));
    else localStorage.removeItem(CART_KEY);
  } catch {
    // private mode: the badge lasts for this visit only
  }
}

/** The items of a cart: every line's quantity (a combo counts as one per quantity). */
export function itemsIn(cart: { lines: ReadonlyArray<{ quantity: number }> }): number {
  return cart.lines.reduce((n, line) => n + line.quantity, 0);
}
