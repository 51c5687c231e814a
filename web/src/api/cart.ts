import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";

export type NewCombo = InferRequestType<typeof client.api.combos.$post>["json"];
type ProvinceCode = NonNullable<InferRequestType<typeof client.api.cart.$get>["query"]["province"]>;

const cart = client.api.cart;
/** The shopper's cart (every change answers with the whole cart, priced) and the gift combos that go in it. */
export const cartApi = {
  cart: (province?: string) => ok(cart.$get({ query: province ? { province: province as ProvinceCode } : {} })),
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
    ),
  addProduct: (productId: string, quantity: number, dealId?: string) =>
    ok(cart.items.$post({ json: { productId, quantity, ...(dealId ? { dealId } : {}) } })),
  addCombo: (comboId: string, quantity = 1) => ok(cart.combos.$post({ json: { comboId, quantity } })),
  setQuantity: (lineId: string, quantity: number) =>
    ok(cart.items[":lineId"].$patch({ param: { lineId }, json: { quantity } })),
  remove: (lineId: string) => ok(cart.items[":lineId"].$delete({ param: { lineId } })),
  boxes: () => ok(client.api["gift-boxes"].$get()),
  templates: () => ok(client.api.combos.$get()),
  combo: (id: string) => ok(client.api.combos[":id"].$get({ param: { id } })),
  saveCombo: (input: NewCombo) => ok(client.api.combos.$post({ json: input })),
};

export type CartView = Awaited<ReturnType<typeof cartApi.cart>>;
export type CartLine = CartView["lines"][number];
export type ProductLine = Extract<CartLine, { kind: "product" }>;
export type ComboLine = Extract<CartLine, { kind: "combo" }>;
export type ComboPart = ComboLine["parts"][number];
export type LineProblem = NonNullable<CartLine["problem"]>;
export type Parcel = CartView["fulfilments"][number];
export type Totals = CartView["totals"];
export type ComboView = Awaited<ReturnType<typeof cartApi.combo>>;
export type GiftBox = Awaited<ReturnType<typeof cartApi.boxes>>[number];
