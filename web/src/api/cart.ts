import type { Cart } from "@cho-ocop/core/cart/index";
import type { Combo } from "@cho-ocop/core/combo/index";
import type { comboView } from "@cho-ocop/core/order/quote";
import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

// The cart and combo routes still answer with open objects; their shapes are the domain's own return types (types only).
export type CartView = Awaited<ReturnType<typeof Cart.view>> & { cartId: string | null };
export type CartLine = CartView["lines"][number];
export type ProductLine = Extract<CartLine, { kind: "product" }>;
export type ComboLine = Extract<CartLine, { kind: "combo" }>;
export type ComboPart = ComboLine["parts"][number];
export type LineProblem = NonNullable<CartLine["problem"]>;
export type Parcel = CartView["fulfilments"][number];
export type Totals = CartView["totals"];
export type ComboView = Awaited<ReturnType<typeof comboView>>;
export type GiftBox = Combo.Box;
export type NewCombo = InferRequestType<typeof client.api.combos.$post>["json"];
type ProvinceCode = NonNullable<InferRequestType<typeof client.api.cart.$get>["query"]["province"]>;

const cart = client.api.cart;
const as =
  <T>() =>
  (value: unknown) =>
    value as T;

/** The shopper's cart (every change answers with the whole cart, priced) and the gift combos that go in it. */
export const cartApi = {
  cart: (province?: string) =>
    ok(cart.$get({ query: province ? { province: province as ProvinceCode } : {} })).then(as<CartView>()),
  /** The cart as it would be with this product added, with shipping to `province`: nothing is changed. */
  preview: (productId: string, quantity: number, dealId?: string, province?: string) =>
    ok(
      cart.preview.$get({
        query: {
          productId,
          quantity: String(quantity),
          ...(dealId ? { dealId } : {}),
          ...(province ? { province: province as ProvinceCode } : {}),
        },
      }),
    ).then(as<CartView>()),
  addProduct: (productId: string, quantity: number, dealId?: string) =>
    ok(cart.items.$post({ json: { productId, quantity, ...(dealId ? { dealId } : {}) } })).then(as<CartView>()),
  addCombo: (comboId: string, quantity = 1) =>
    ok(cart.combos.$post({ json: { comboId, quantity } })).then(as<CartView>()),
  setQuantity: (lineId: string, quantity: number) =>
    ok(cart.items[":lineId"].$patch({ param: { lineId }, json: { quantity } })).then(as<CartView>()),
  remove: (lineId: string) => ok(cart.items[":lineId"].$delete({ param: { lineId } })).then(as<CartView>()),
  boxes: () => ok(client.api["gift-boxes"].$get()).then(as<GiftBox[]>()),
  templates: () => ok(client.api.combos.$get()).then(as<ComboView[]>()),
  combo: (id: string) => ok(client.api.combos[":id"].$get({ param: { id } })).then(as<ComboView>()),
  saveCombo: (input: NewCombo) => ok(client.api.combos.$post({ json: input })).then(as<ComboView>()),
};
