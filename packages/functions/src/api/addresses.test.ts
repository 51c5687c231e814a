import { wardsOf } from "@cho-ocop/core/geo/ward";
import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";

interface Saved {
  addressId: string;
  name: string;
  phone: string;
  provinceCode: string;
  wardCode: string;
  street: string;
  isDefault: boolean;
}
interface Book {
  addresses: Saved[];
  max: number;
}
const HA_NOI = "01";

const address = (street: string, provinceCode = HA_NOI) => ({
  name: "Trần Văn Minh",
  phone: "0987 654 321",
  provinceCode,
  wardCode: wardsOf(provinceCode)[0]?.code ?? "",
  street,
});
const book = async (token: string) => (await call<Book>("GET", "/api/me/addresses", { token })).body;
const save = (token: string, body: unknown) => call<Book>("POST", "/api/me/addresses", { token, body });

describe("a shopper's address book", () => {
  it("starts empty, saves addresses with the first as the default and lists the default first", async () => {
    const token = await tokenFor();
    expect(await book(token)).toEqual({ addresses: [], max: 10 });
    const first = await save(token, address("Số 1 Hàng Bài"));
    expect(first.status).toBe(201);
    expect(first.body.addresses).toMatchObject([{ street: "Số 1 Hàng Bài", phone: "0987654321", isDefault: true }]);
    const second = await save(token, { ...address("Số 2 Tô Hiệu", SON_LA), isDefault: true });
    expect(second.body.addresses.map((a) => [a.street, a.isDefault])).toEqual([
      ["Số 2 Tô Hiệu", true],
      ["Số 1 Hàng Bài", false],
    ]);
    expect((await book(token)).addresses).toEqual(second.body.addresses);
  });

  it("edits an address and changes the default; deleting the default promotes the other", async () => {
    const token = await tokenFor();
    await save(token, address("Số 1"));
    const two = await save(token, address("Số 2"));
    const [a, b] = two.body.addresses as [Saved, Saved];
    const edited = await call<Book>("PATCH", `/api/me/addresses/${b.addressId}`, {
      token,
      body: { street: "Số 22 Lý Thường Kiệt", name: "Lê Thu Hà" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.addresses[1]).toMatchObject({
      street: "Số 22 Lý Thường Kiệt",
      name: "Lê Thu Hà",
      isDefault: false,
    });
    const made = await call<Book>("PATCH", `/api/me/addresses/${b.addressId}`, { token, body: { isDefault: true } });
    expect(made.body.addresses.filter((x) => x.isDefault).map((x) => x.addressId)).toEqual([b.addressId]);
    const dropped = await call<Book>("DELETE", `/api/me/addresses/${b.addressId}`, { token });
    expect(dropped.status).toBe(200);
    expect(dropped.body.addresses).toMatchObject([{ addressId: a.addressId, isDefault: true }]);
  });

  it("refuses a bad address with the field named, and an 11th address, changing nothing", async () => {
    const token = await tokenFor();
    const wrongWard = await save(token, { ...address("Số 1"), wardCode: await sonLaWard() });
    expect(wrongWard.status).toBe(400);
    expect(wrongWard.body).toMatchObject({ error: { code: "invalid_input", field: "wardCode" } });
    const badPhone = await save(token, { ...address("Số 1"), phone: "12345" });
    expect(badPhone.body).toMatchObject({ error: { field: "phone" } });
    for (let i = 1; i <= 10; i++) expect((await save(token, address(`Số ${i}`))).status).toBe(201);
    const eleventh = await save(token, address("Số 11"));
    expect(eleventh.status).toBe(409);
    expect(eleventh.body).toMatchObject({ error: { code: "address_book_full" } });
    expect((await book(token)).addresses).toHaveLength(10);
    const cross = await call("PATCH", `/api/me/addresses/${(await book(token)).addresses[0]?.addressId}`, {
      token,
      body: { provinceCode: SON_LA },
    });
    expect(cross.body).toMatchObject({ error: { field: "wardCode" } });
  });

  it("never shows or changes another shopper's address: their id is a 404", async () => {
    const owner = await tokenFor();
    const other = await tokenFor();
    const [mine] = (await save(owner, address("Số 7 Nhà Chung"))).body.addresses as [Saved];
    expect((await book(other)).addresses).toEqual([]);
    const edit = await call("PATCH", `/api/me/addresses/${mine.addressId}`, { token: other, body: { street: "Khác" } });
    expect(edit.status).toBe(404);
    expect(edit.body).toMatchObject({ error: { code: "not_found" } });
    const drop = await call("DELETE", `/api/me/addresses/${mine.addressId}`, { token: other });
    expect(drop.status).toBe(404);
    expect((await book(owner)).addresses).toMatchObject([{ street: "Số 7 Nhà Chung", isDefault: true }]);
    expect((await call("GET", "/api/me/addresses")).status).toBe(401);
  });
});

describe("addresses and orders", () => {
  let productId = "";
  beforeAll(async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), "HTX Sổ Địa Chỉ"),
    });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput("Chè sổ địa chỉ"), stock: 50, priceVnd: 120_000, weightGrams: 500 },
    });
    productId = created.body.productId;
    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${productId}/approve`, {
      token: await tokenFor({ role: "staff", staffScope: "central" }),
    });
  });

  const order = async (token: string, street: string) => {
    await call("POST", "/api/cart/items", { token, body: { productId, quantity: 1 } });
    return call<{ order: { address: { street: string } } }>("POST", "/api/orders", {
      token,
      headers: { "idempotency-key": `addr-${Date.now()}-${Math.random().toString(36).slice(2)}` },
      body: { address: address(street), paymentMethod: "cod" },
    });
  };

  it("saves a first order's address as the default of an empty book, and leaves a book with addresses alone", async () => {
    const token = await tokenFor();
    expect((await order(token, "Số 3 Phố Huế")).status).toBe(201);
    expect((await book(token)).addresses).toMatchObject([{ street: "Số 3 Phố Huế", isDefault: true }]);
    expect((await order(token, "Số 4 Phố Huế")).status).toBe(201);
    expect((await book(token)).addresses.map((a) => a.street)).toEqual(["Số 3 Phố Huế"]);
  });

  it("prices a product added to the cart, with shipping to the province, before anything is ordered", async () => {
    const token = await tokenFor();
    const toHaNoi = await call<{
      lines: Array<{ productId: string; quantity: number }>;
      totals: { goodsVnd: number; shippingVnd: number | null; totalVnd: number };
    }>("GET", `/api/cart/preview?productId=${productId}&quantity=2&province=${HA_NOI}`, { token });
    expect(toHaNoi.status).toBe(200);
    expect(toHaNoi.body.lines).toMatchObject([{ productId, quantity: 2 }]);
    expect(toHaNoi.body.totals.goodsVnd).toBe(240_000);
    expect(toHaNoi.body.totals.shippingVnd).toBeGreaterThan(0);
    expect(toHaNoi.body.totals.totalVnd).toBe(240_000 + (toHaNoi.body.totals.shippingVnd ?? 0));
    const nearby = await call<{ totals: { shippingVnd: number } }>(
      "GET",
      `/api/cart/preview?productId=${productId}&quantity=2&province=${SON_LA}`,
      { token },
    );
    expect(nearby.body.totals.shippingVnd).toBeLessThan(toHaNoi.body.totals.shippingVnd ?? 0);
    expect((await call<{ lines: unknown[] }>("GET", "/api/cart", { token })).body.lines).toEqual([]);
    // What the order then costs is what the preview said.
    const placed = await call<{ order: { totalVnd: number } }>("POST", "/api/orders", {
      token,
      headers: { "idempotency-key": `prev-${Date.now()}` },
      body: { address: address("Số 5"), paymentMethod: "cod" },
    });
    expect(placed.status).toBe(409);
    await call("POST", "/api/cart/items", { token, body: { productId, quantity: 2 } });
    const paid = await call<{ order: { totalVnd: number } }>("POST", "/api/orders", {
      token,
      headers: { "idempotency-key": `prev2-${Date.now()}` },
      body: { address: address("Số 5"), paymentMethod: "cod" },
    });
    expect(paid.body.order.totalVnd).toBe(toHaNoi.body.totals.totalVnd);
  });
});
