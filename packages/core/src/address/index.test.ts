import { describe, expect, it } from "vitest";
import { wardsOf } from "../geo/ward";
import { DomainError } from "../util/error";
import { AddressBook } from "./index";

const HA_NOI = "01";
const SON_LA = "14";
const wardOf = (province: string) => wardsOf(province)[0]?.code ?? "";

const address = (street: string, provinceCode = HA_NOI): AddressBook.Fields => ({
  name: "Nguyễn Thị Lan",
  phone: "0912345678",
  provinceCode: provinceCode as AddressBook.Fields["provinceCode"],
  wardCode: wardOf(provinceCode),
  street,
});

function bookOf(...streets: string[]) {
  return streets.reduce((book, street, i) => AddressBook.add(book, address(street), `a${i}`), AddressBook.EMPTY);
}
const defaultOf = (book: AddressBook.Book) => AddressBook.view(book).addresses.filter((a) => a.isDefault);
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (err) {
    return err instanceof DomainError ? { status: err.status, code: err.code } : err;
  }
  return undefined;
};

describe("an address book", () => {
  it("makes the first address the default, and keeps it when more are added", () => {
    const book = bookOf("Số 1 Tô Hiệu", "Số 2 Chu Văn An");
    expect(defaultOf(book).map((a) => a.street)).toEqual(["Số 1 Tô Hiệu"]);
  });

  it("has exactly one default, listed first, when another is made the default", () => {
    const book = AddressBook.add(bookOf("Số 1", "Số 2"), address("Số 3"), "a2", true);
    const shown = AddressBook.view(book).addresses;
    expect(shown.map((a) => [a.street, a.isDefault])).toEqual([
      ["Số 3", true],
      ["Số 1", false],
      ["Số 2", false],
    ]);
    const again = AddressBook.update(book, "a1", { isDefault: true });
    expect(defaultOf(again).map((a) => a.addressId)).toEqual(["a1"]);
  });

  it("holds at most 10 addresses", () => {
    const ten = bookOf(...Array.from({ length: AddressBook.MAX }, (_, i) => `Số ${i + 1}`));
    expect(ten.addresses).toHaveLength(10);
    expect(refusal(() => AddressBook.add(ten, address("Số 11"), "a10"))).toEqual({
      status: 409,
      code: "address_book_full",
    });
  });

  it("promotes the earliest remaining address when the default is deleted, and has none once empty", () => {
    const book = AddressBook.update(bookOf("Số 1", "Số 2", "Số 3"), "a1", { isDefault: true });
    const after = AddressBook.remove(book, "a1");
    expect(defaultOf(after).map((a) => a.street)).toEqual(["Số 1"]);
    const kept = AddressBook.remove(after, "a2");
    expect(defaultOf(kept).map((a) => a.street)).toEqual(["Số 1"]);
    const empty = AddressBook.remove(kept, "a0");
    expect(empty.defaultId).toBeUndefined();
    expect(AddressBook.view(empty).addresses).toEqual([]);
  });

  it("edits an address as a whole: a ward of another province is refused", () => {
    const book = bookOf("Số 1");
    const moved = AddressBook.update(book, "a0", { provinceCode: SON_LA, wardCode: wardOf(SON_LA), street: "Bản Áng" });
    expect(moved.addresses[0]).toMatchObject({ provinceCode: SON_LA, street: "Bản Áng", name: "Nguyễn Thị Lan" });
    expect(() => AddressBook.update(book, "a0", { provinceCode: SON_LA })).toThrow(
      /ward is not in the chosen province/,
    );
  });

  it("refuses to edit or delete an address that is not in the book", () => {
    const book = bookOf("Số 1");
    expect(refusal(() => AddressBook.update(book, "nope", { street: "Số 9" }))).toEqual({
      status: 404,
      code: "not_found",
    });
    expect(refusal(() => AddressBook.remove(book, "nope"))).toEqual({ status: 404, code: "not_found" });
  });

  it("remembers an order's address only when the book is empty, as the default", () => {
    const first = AddressBook.remember(AddressBook.EMPTY, address("Số 5"), "o1");
    expect(defaultOf(first).map((a) => a.street)).toEqual(["Số 5"]);
    const book = bookOf("Số 1");
    expect(AddressBook.remember(book, address("Số 5"), "o2")).toBe(book);
  });
});
