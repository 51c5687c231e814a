import type { AddressBook as AddressBookDomain } from "@cho-ocop/core/address/index";
import type { Cart as CartDomain } from "@cho-ocop/core/cart/index";
import type { Combo } from "@cho-ocop/core/combo/index";
import type { Order as OrderDomain } from "@cho-ocop/core/order/index";
import type { comboView } from "@cho-ocop/core/order/quote";
import type { Settings } from "@cho-ocop/core/settings/index";
import type { InferRequestType } from "hono/client";
import { client } from "../api/client";
import { send } from "./portal-api";

/*
 * The commerce routes answer with open JSON objects in their OpenAPI schemas; their exact shapes are the domain's
 * own return types, read here as types only (no server code reaches the browser).
 */
export type CartView = Awaited<ReturnType<typeof CartDomain.view>> & { cartId: string | null };
export type CartLine = CartView["lines"][number];
export type ProductLine = Extract<CartLine, { kind: "product" }>;
export type ComboLine = Extract<CartLine, { kind: "combo" }>;
export type ComboPart = ComboLine["parts"][number];
export type LineProblem = NonNullable<CartLine["problem"]>;
export type Parcel = CartView["fulfilments"][number];
export type Totals = CartView["totals"];
export type ComboView = Awaited<ReturnType<typeof comboView>>;
export type GiftBox = Combo.Box;
export type OrderView = Awaited<ReturnType<typeof OrderDomain.mine>>;
export type OrderSummary = Awaited<ReturnType<typeof OrderDomain.list>>[number];
export type Fulfilment = Awaited<ReturnType<typeof OrderDomain.fulfilments>>[number];
export type StaffOrder = Awaited<ReturnType<typeof OrderDomain.byStatus>>[number];
export type OrderStatus = OrderView["status"];
export type FulfilmentStatus = Fulfilment["status"];
export type PaymentMethod = OrderView["paymentMethod"];
export type PaymentStatus = OrderView["paymentStatus"];
export type Address = OrderView["address"];
export type Pricing = Settings.Pricing;
export type BoxInput = InferRequestType<(typeof client.api.admin)["gift-boxes"][":id"]["$put"]>["json"];
export type TemplateInput = InferRequestType<(typeof client.api.admin)["combo-templates"][":id"]["$put"]>["json"];
export type NewCombo = InferRequestType<typeof client.api.combos.$post>["json"];
export type PlaceInput = InferRequestType<typeof client.api.orders.$post>["json"];
export type FulfilmentMove = "pack" | "ship" | "deliver" | "cod-collected";
export type AddressBookView = AddressBookDomain.View;
export type SavedAddress = AddressBookView["addresses"][number];
export type AddressInput = InferRequestType<typeof client.api.me.addresses.$post>["json"];
export type AddressPatch = InferRequestType<(typeof client.api.me.addresses)[":id"]["$patch"]>["json"];
type ProvinceCode = NonNullable<InferRequestType<typeof client.api.cart.$get>["query"]["province"]>;

const cart = client.api.cart;
const cast =
  <T>() =>
  (value: unknown) =>
    value as T;

export const shopApi = {
  cart: (province?: string) =>
    send(cart.$get({ query: province ? { province: province as ProvinceCode } : {} })).then(cast<CartView>()),
  /** The cart as it would be with this product added, with shipping to `province`: nothing is changed. */
  preview: (productId: string, quantity: number, dealId?: string, province?: string) =>
    send(
      cart.preview.$get({
        query: {
          productId,
          quantity: String(quantity),
          ...(dealId ? { dealId } : {}),
          ...(province ? { province: province as ProvinceCode } : {}),
        },
      }),
    ).then(cast<CartView>()),
  addProduct: (productId: string, quantity: number, dealId?: string) =>
    send(cart.items.$post({ json: { productId, quantity, ...(dealId ? { dealId } : {}) } })).then(cast<CartView>()),
  addCombo: (comboId: string, quantity = 1) =>
    send(cart.combos.$post({ json: { comboId, quantity } })).then(cast<CartView>()),
  setQuantity: (lineId: string, quantity: number) =>
    send(cart.items[":lineId"].$patch({ param: { lineId }, json: { quantity } })).then(cast<CartView>()),
  remove: (lineId: string) => send(cart.items[":lineId"].$delete({ param: { lineId } })).then(cast<CartView>()),
  boxes: () => send(client.api["gift-boxes"].$get()).then(cast<GiftBox[]>()),
  templates: () => send(client.api.combos.$get()).then(cast<ComboView[]>()),
  combo: (id: string) => send(client.api.combos[":id"].$get({ param: { id } })).then(cast<ComboView>()),
  saveCombo: (input: NewCombo) => send(client.api.combos.$post({ json: input })).then(cast<ComboView>()),
  checkoutOptions: () => send(client.api.checkout.options.$get()),
  place: (idempotencyKey: string, input: PlaceInput) =>
    send(client.api.orders.$post({ header: { "idempotency-key": idempotencyKey }, json: input })).then(
      cast<{ order: OrderView; clientSecret: string | null }>(),
    ),
  orders: () => send(client.api.orders.$get()).then(cast<OrderSummary[]>()),
  order: (id: string) => send(client.api.orders[":id"].$get({ param: { id } })).then(cast<OrderView>()),
  cancel: (id: string) => send(client.api.orders[":id"].cancel.$post({ param: { id } })).then(cast<OrderView>()),
  cardSecret: (id: string) => send(client.api.orders[":id"].card.$post({ param: { id } })),
  confirmTransfer: (id: string) =>
    send(client.api.orders[":id"]["confirm-transfer"].$post({ param: { id } })).then(cast<OrderView>()),
};

/** The QR image of an unpaid VietQR order (an SVG the API draws from the NAPAS payload). */
export function vietQrImage(orderId: string): string {
  return client.api.orders[":id"]["vietqr.svg"].$url({ param: { id: orderId } }).pathname;
}

const book = client.api.me.addresses;

/** The signed-in person's address book; every call answers with the whole book, the default first. */
export const addressApi = {
  list: () => send(book.$get()),
  add: (input: AddressInput) => send(book.$post({ json: input })),
  edit: (id: string, patch: AddressPatch) => send(book[":id"].$patch({ param: { id }, json: patch })),
  remove: (id: string) => send(book[":id"].$delete({ param: { id } })),
};

/** A saved address as an order's delivery address. */
export function deliveryOf(saved: SavedAddress): Address {
  const { addressId: _, isDefault: __, ...address } = saved;
  return address;
}

const fulfilments = client.api.seller.fulfilments;

export const sellerOrdersApi = {
  list: () => send(fulfilments.$get()).then(cast<Fulfilment[]>()),
  move: (orderId: string, move: FulfilmentMove, shipping?: { carrier: string; trackingNumber: string }) =>
    send(fulfilments[":orderId"][":move"].$post({ param: { orderId, move }, json: shipping ?? {} })).then(
      cast<Fulfilment>(),
    ),
};

const admin = client.api.admin;

export const commerceAdminApi = {
  orders: (status: OrderStatus) => send(admin.orders.$get({ query: { status } })).then(cast<StaffOrder[]>()),
  putBox: (id: string, input: BoxInput) =>
    send(admin["gift-boxes"][":id"].$put({ param: { id }, json: input })).then(cast<GiftBox>()),
  putTemplate: (id: string, input: TemplateInput) =>
    send(admin["combo-templates"][":id"].$put({ param: { id }, json: input })),
  pricing: () => send(admin.pricing.$get()),
  putPricing: (input: Pricing) => send(admin.pricing.$put({ json: input })),
};
