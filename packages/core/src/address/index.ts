import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireUser } from "../account/actor";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { DomainError } from "../util/error";
import { addressProperties, DeliveryAddress } from "./delivery";

/**
 * A shopper's address book: the delivery addresses they saved, one of them the default that the checkout and a
 * live's "buy now" sheet start from. An address is exactly an order's delivery address (same fields, same checks).
 * The book is one item per shopper, written whole under a version check, so the rules below hold under concurrent
 * edits from two tabs.
 */
export namespace AddressBook {
  export const MAX = 10;

  /** What a saved address holds: an order's delivery address. */
  export const Fields = DeliveryAddress;
  export type Fields = z.output<typeof Fields>;

  /** A new address; the ward-in-province check runs when it is added to the book. */
  export const Input = z.object({ ...DeliveryAddress.shape, isDefault: z.boolean().optional() });
  /** An edit: any of the fields (the result is checked as a whole), or only `isDefault: true`. */
  export const Patch = z
    .object(DeliveryAddress.shape)
    .partial()
    .extend({ isDefault: z.literal(true).optional() });

  export const Id = z.string().regex(/^[0-9a-z]{26}$/, "expected an address id");

  export const Saved = z.object({ addressId: z.string(), ...DeliveryAddress.shape, isDefault: z.boolean() });
  export type Saved = z.infer<typeof Saved>;
  export const View = z.object({ addresses: z.array(Saved), max: z.number().int() });
  export type View = z.infer<typeof View>;

  export const entity = entityOnFirstUse(
    {
      model: { entity: "addressbook", version: "1", service: SERVICE },
      attributes: {
        userId: { type: "string", required: true },
        addresses: {
          type: "list",
          required: true,
          items: {
            type: "map",
            properties: {
              addressId: { type: "string", required: true },
              ...addressProperties,
            },
          },
        },
        defaultId: { type: "string" },
        version: { type: "number", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: { byUser: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: [] } } },
    },
    { client: lazyClient, table: tableName() },
  );
  type Item = EntityItem<typeof entity>;

  /** The book as its rules see it: addresses in the order they were added, and which one is the default. */
  export interface Book {
    addresses: Array<Fields & { addressId: string }>;
    defaultId: string | undefined;
  }
  export const EMPTY: Book = { addresses: [], defaultId: undefined };

  const full = () =>
    new DomainError(409, "address_book_full", {
      vi: `Sổ địa chỉ có tối đa ${MAX} địa chỉ. Hãy xoá bớt một địa chỉ trước.`,
      en: `An address book holds at most ${MAX} addresses. Delete one first.`,
    });
  const noAddress = () =>
    new DomainError(
      404,
      "not_found",
      { vi: "Không có địa chỉ này trong sổ của bạn.", en: "No such address in your book." },
      "id",
    );

  const strip = <T extends { isDefault?: unknown }>({ isDefault: _, ...rest }: T) => rest;

  /** The first address is the default; asking for it makes a new one the default. At most `MAX`. */
  export function add(book: Book, address: Fields, addressId: string, makeDefault = false): Book {
    if (book.addresses.length >= MAX) throw full();
    return {
      addresses: [...book.addresses, { ...address, addressId }],
      defaultId: makeDefault || !book.defaultId ? addressId : book.defaultId,
    };
  }

  export function update(book: Book, addressId: string, patch: z.output<typeof Patch>): Book {
    const current = book.addresses.find((a) => a.addressId === addressId);
    if (!current) throw noAddress();
    const { addressId: _, ...fields } = current;
    const next = Fields.parse({ ...fields, ...strip(patch) });
    return {
      addresses: book.addresses.map((a) => (a.addressId === addressId ? { ...next, addressId } : a)),
      defaultId: patch.isDefault ? addressId : book.defaultId,
    };
  }

  /** Deleting the default makes the earliest remaining address the default. */
  export function remove(book: Book, addressId: string): Book {
    if (!book.addresses.some((a) => a.addressId === addressId)) throw noAddress();
    const addresses = book.addresses.filter((a) => a.addressId !== addressId);
    return {
      addresses,
      defaultId: book.defaultId === addressId || !book.defaultId ? addresses[0]?.addressId : book.defaultId,
    };
  }

  /** An order's address joins a book only when the book is empty, as its default. */
  export function remember(book: Book, address: Fields, addressId: string): Book {
    return book.addresses.length === 0 ? add(book, address, addressId, true) : book;
  }

  /** The default first, then the others as they were added; exactly one is marked default when any exist. */
  export function view(book: Book): View {
    const defaultId = book.addresses.some((a) => a.addressId === book.defaultId)
      ? book.defaultId
      : book.addresses[0]?.addressId;
    const marked = book.addresses.map((a) => ({ ...a, isDefault: a.addressId === defaultId }));
    return { addresses: [...marked.filter((a) => a.isDefault), ...marked.filter((a) => !a.isDefault)], max: MAX };
  }

  async function read(userId: string): Promise<{ book: Book; version: number }> {
    const { data } = await entity.get({ userId }).go({ consistent: true });
    if (!data) return { book: EMPTY, version: 0 };
    return {
      book: {
        addresses: data.addresses.map((a) => ({ ...a, provinceCode: a.provinceCode as Fields["provinceCode"] })),
        defaultId: data.defaultId,
      },
      version: data.version,
    };
  }

  /** Reads, applies a rule and writes the book back unless someone else wrote it meanwhile (then tries again). */
  async function change(userId: string, rule: (book: Book) => Book): Promise<Book> {
    for (let attempt = 0; ; attempt++) {
      const { book, version } = await read(userId);
      const next = rule(book);
      if (next === book) return book;
      const item: Item = {
        userId,
        addresses: next.addresses,
        defaultId: next.defaultId,
        version: version + 1,
        updatedAt: new Date().toISOString(),
      };
      try {
        if (version === 0) await entity.create(item).go();
        else
          await entity
            .put(item)
            .where(({ version: v }, { eq }) => eq(v, version))
            .go();
        return next;
      } catch (err) {
        const conditional = (err as { cause?: { name?: string } }).cause?.name === "ConditionalCheckFailedException";
        if (!conditional || attempt >= 4) throw err;
      }
    }
  }

  const newId = () => ulid().toLowerCase();

  export async function list(actor: Actor): Promise<View> {
    return view((await read(requireUser(actor).userId)).book);
  }

  export async function create(actor: Actor, input: z.input<typeof Input>): Promise<View> {
    const user = requireUser(actor);
    const parsed = Input.parse(input);
    const id = newId();
    return view(await change(user.userId, (book) => add(book, Fields.parse(strip(parsed)), id, parsed.isDefault)));
  }

  export async function edit(actor: Actor, addressId: string, patch: z.input<typeof Patch>): Promise<View> {
    const user = requireUser(actor);
    const parsed = Patch.parse(patch);
    return view(await change(user.userId, (book) => update(book, addressId, parsed)));
  }

  export async function drop(actor: Actor, addressId: string): Promise<View> {
    const user = requireUser(actor);
    return view(await change(user.userId, (book) => remove(book, addressId)));
  }

  /** After an order: its address becomes the shopper's default when their book is empty. */
  export async function rememberFirst(actor: Actor, address: z.input<typeof Fields>): Promise<void> {
    const user = requireUser(actor);
    const fields = Fields.parse(address);
    const id = newId();
    await change(user.userId, (book) => remember(book, fields, id));
  }
}
