import type { InferRequestType } from "hono/client";
import { client, ok } from "./client";
import type { Address } from "./orders";

const book = client.api.me.addresses;

export type AddressInput = InferRequestType<typeof book.$post>["json"];
export type AddressPatch = InferRequestType<(typeof book)[":id"]["$patch"]>["json"];

/** The signed-in person's address book; every call answers with the whole book, the default first. */
export const addressApi = {
  list: () => ok(book.$get()),
  add: (input: AddressInput) => ok(book.$post({ json: input })),
  edit: (id: string, patch: AddressPatch) => ok(book[":id"].$patch({ param: { id }, json: patch })),
  remove: (id: string) => ok(book[":id"].$delete({ param: { id } })),
};

export type AddressBookView = Awaited<ReturnType<typeof addressApi.list>>;
export type SavedAddress = AddressBookView["addresses"][number];

/** A saved address as an order's delivery address. */
export function deliveryOf(saved: SavedAddress): Address {
  const { addressId: _, isDefault: __, ...address } = saved;
  return address;
}
