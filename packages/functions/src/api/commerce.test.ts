import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { Order } from "@cho-ocop/core/order/index";
import { VietQr } from "@cho-ocop/core/payment/vietqr";
import { Product } from "@cho-ocop/core/product/index";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

interface CartView {
  cartId: string | null;
  lines: Array<{ lineId: string; kind: string; unitPriceVnd: number; subtotalVnd: number; problem: string | null }>;
  fulfilments: Array<{ producerId: string; shippingVnd: number | null; totalVnd: number }>;
  totals: {
    goodsVnd: number;
    discountVnd: number;
    shippingVnd: number | null;
    totalVnd: number;
    freeShipping: boolean;
  };
  problems: Array<{ problem: string }>;
}
interface OrderView {
  orderId: string;
  code: string;
  status: string;
  paymentStatus: string;
  totalVnd: number;
  shippingVnd: number;
  discountVnd: number;
  fulfilments: Array<{
    producerId: string;
    status: string;
    totalVnd: number;
    carrier?: string;
    trackingNumber?: string;
    codCollected?: boolean;
    boxes: Array<{ greeting: string | null }>;
  }>;
  payment: null | { method: string; payload?: string; amountVnd?: number; content?: string };
}

let central: string;
/** Two producers of our own (Sơn La and Hà Nội) with products only these tests buy, so stock is ours to count. */
const mine: { sellerA: string; sellerB: string; a1: string; a2: string; b1: string } = {
  sellerA: "",
  sellerB: "",
  a1: "",
  a2: "",
  b1: "",
};

async function listedProduct(seller: string, name: string, stock: number, priceVnd: number) {
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: { ...productInput(name), stock, priceVnd, weightGrams: 400 },
  });
  const id = created.body.productId;
  await call("POST", `/api/seller/products/${id}/submit`, {
    token: seller,
    body: { certificate: certificateInput(4) },
  });
  await call("POST", `/api/admin/products/${id}/approve`, { token: central });
  return id;
}

async function hanoiWard() {
  const { wardsOf } = await import("@cho-ocop/core/geo/ward");
  return wardsOf("01")[0]?.code ?? "";
}

const address = async () => ({
  name: "Trần Văn Minh",
  phone: "0987654321",
  provinceCode: "79",
  wardCode: (await import("@cho-ocop/core/geo/ward")).wardsOf("79")[0]?.code ?? "",
  street: "12 Lê Lợi",
  note: "Gọi trước khi giao",
});

const key = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;

async function place(token: string, paymentMethod = "cod", idempotencyKey = key()) {
  return call<{ order: OrderView }>("POST", "/api/orders", {
    token,
    headers: { "idempotency-key": idempotencyKey },
    body: { address: await address(), paymentMethod },
  });
}

beforeAll(async () => {
  central = await tokenFor({ role: "staff", staffScope: "central" });
  mine.sellerA = await tokenFor();
  await call("POST", "/api/seller/producer", {
    token: mine.sellerA,
    body: producerInput(await sonLaWard(), "HTX Quà Sơn La"),
  });
  mine.sellerB = await tokenFor();
  await call("POST", "/api/seller/producer", {
    token: mine.sellerB,
    body: {
      ...producerInput(await hanoiWard(), "Công ty Quà Hà Nội", "01"),
      kind: "enterprise",
      taxCode: "0101234567",
    },
  });
  mine.a1 = await listedProduct(mine.sellerA, "Trà shan quà biếu", 50, 200_000);
  mine.a2 = await listedProduct(mine.sellerA, "Mật ong quà biếu", 50, 150_000);
  mine.b1 = await listedProduct(mine.sellerB, "Ô mai quà biếu", 50, 100_000);
});

describe("gift combos", () => {
  it("lists the staff-curated templates with their price and box", async () => {
    const res = await call<Array<{ comboId: string; priceVnd: number; available: boolean; box: { name: string } }>>(
      "GET",
      "/api/combos",
    );
    expect(res.status).toBe(200);
    expect(res.body.map((t) => t.comboId)).toEqual(["qua-tet-tay-bac", "huong-vi-mien-tay", "tra-banh-co-do"]);
    const hue = res.body.find((t) => t.comboId === "tra-banh-co-do");
    expect(hue?.priceVnd).toBe(295_000);
    expect(hue?.available).toBe(true);
  });

  it("builds a combo of 3 products from two producers with the 5% tier, a box and a greeting, and shares it", async () => {
    const created = await call<{
      comboId: string;
      priceVnd: number;
      discountVnd: number;
      percent: number;
      greeting: string;
      parts: unknown[];
    }>("POST", "/api/combos", {
      body: { productIds: [mine.a1, mine.a2, mine.b1], boxId: "hop-giay-kraft", greeting: "Chúc Tết an khang!" },
    });
    expect(created.status).toBe(201);
    expect(created.body.percent).toBe(5);
    expect(created.body.discountVnd).toBe(22_500);
    expect(created.body.priceVnd).toBe(450_000 - 22_500 + 35_000);
    const shared = await call<typeof created.body>("GET", `/api/combos/${created.body.comboId}`);
    expect(shared.body).toMatchObject({ priceVnd: created.body.priceVnd, greeting: "Chúc Tết an khang!" });
    expect(shared.body.parts).toHaveLength(3);
  });

  it.each([
    [{ productIds: ["01aaaaaaaaaaaaaaaaaaaaaaaa"], boxId: "hop-giay-kraft" }, "productIds"],
    [
      { productIds: Array.from({ length: 9 }, (_, i) => `01aaaaaaaaaaaaaaaaaaaaaaa${i}`), boxId: "hop-giay-kraft" },
      "productIds",
    ],
    [
      { productIds: ["01aaaaaaaaaaaaaaaaaaaaaaaa", "01aaaaaaaaaaaaaaaaaaaaaaaa"], boxId: "hop-giay-kraft" },
      "productIds",
    ],
  ])("refuses a combo of fewer than 2, more than 8 or repeated products", async (body, field) => {
    const res = await call("POST", "/api/combos", { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { field } });
  });

  it("refuses a greeting over 300 characters and products that do not fit the box", async () => {
    const long = await call("POST", "/api/combos", {
      body: { productIds: [mine.a1, mine.b1], boxId: "hop-giay-kraft", greeting: "x".repeat(301) },
    });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ error: { field: "greeting" } });
    const heavy = (await call<{ items: Array<{ productId: string }> }>("GET", "/api/products?q=gao%20st25")).body.items;
    const res = await call("POST", "/api/combos", {
      body: { productIds: heavy.slice(0, 2).map((p) => p.productId), boxId: "hop-giay-kraft" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "does_not_fit", field: "boxId" } });
  });
});

describe("the cart", () => {
  it("prices from the catalog, never from what the client sends", async () => {
    const shopper = await tokenFor();
    const res = await call<CartView>("POST", "/api/cart/items", {
      token: shopper,
      body: { productId: mine.a1, quantity: 2, priceVnd: 1, unitPriceVnd: 1 },
    });
    expect(res.status).toBe(201);
    expect(res.body.lines[0]).toMatchObject({ unitPriceVnd: 200_000, subtotalVnd: 400_000 });
  });

  it("shows a stock problem as it arises, and refuses to order it", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.b1, quantity: 99 } });
    const cart = await call<CartView>("GET", "/api/cart", { token: shopper });
    expect(cart.body.lines[0]?.problem).toBe("insufficient_stock");
    const res = await place(shopper);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: "out_of_stock" } });
  });

  it("keeps an anonymous cart in a cookie and carries it over on sign-in", async () => {
    const added = await call<CartView>("POST", "/api/cart/items", { body: { productId: mine.a2, quantity: 3 } });
    const cookie = added.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^ocop_cart=/);
    const again = await call<CartView>("GET", "/api/cart", { headers: { cookie } });
    expect(again.body.lines).toHaveLength(1);

    const number = phone();
    await call("POST", "/api/auth/code", { body: { phone: number } });
    const messages = await OutboxMessenger.recent(300);
    const code = messages.find((m) => m.to === `+84${number.slice(1)}`)?.text.match(/\b(\d{6})\b/)?.[1];
    const signedIn = await call<{ token: string }>("POST", "/api/auth/verify", {
      body: { phone: number, code },
      // From the site's own page, as the browser sends it (src/api/cross-site.ts).
      headers: { cookie, origin: "http://localhost" },
    });
    expect(signedIn.status).toBe(200);
    const cart = await call<CartView>("GET", "/api/cart", { token: signedIn.body.token });
    expect(cart.body.lines).toEqual([expect.objectContaining({ quantity: 3, unitPriceVnd: 150_000 })]);
    const anonymous = await call<CartView>("GET", "/api/cart", { headers: { cookie } });
    expect(anonymous.body.lines).toHaveLength(0);
  });

  it("quotes shipping by zone and weight, free above the threshold", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.b1, quantity: 1 } });
    const near = await call<CartView>("GET", "/api/cart?province=01", { token: shopper });
    const far = await call<CartView>("GET", "/api/cart?province=79", { token: shopper });
    expect(near.body.totals.shippingVnd).toBe(18_000);
    expect(far.body.totals.shippingVnd).toBe(35_000);
    await call("PATCH", `/api/cart/items/${near.body.lines[0]?.lineId}`, { token: shopper, body: { quantity: 5 } });
    const free = await call<CartView>("GET", "/api/cart?province=79", { token: shopper });
    expect(free.body.totals).toMatchObject({ freeShipping: true, shippingVnd: 0, totalVnd: 500_000 });
  });
});

describe("checkout and orders", () => {
  it("orders a combo from two producers with cash on delivery: one fulfilment each, stock reserved, cart emptied", async () => {
    const shopper = await tokenFor();
    const combo = await call<{ comboId: string; priceVnd: number }>("POST", "/api/combos", {
      body: { productIds: [mine.a1, mine.a2, mine.b1], boxId: "hop-giay-kraft", greeting: "Mừng thọ bà" },
    });
    await call("POST", "/api/cart/combos", { token: shopper, body: { comboId: combo.body.comboId } });
    const before = await Promise.all([mine.a1, mine.a2, mine.b1].map((id) => Product.get(id)));
    const placed = await place(shopper);
    expect(placed.status).toBe(201);
    const order = placed.body.order;
    expect(order.status).toBe("confirmed");
    expect(order.paymentStatus).toBe("cod");
    expect(order.fulfilments).toHaveLength(2);
    expect(order.fulfilments.reduce((n, f) => n + f.totalVnd, 0)).toBe(order.totalVnd);
    expect(order.totalVnd).toBe(combo.body.priceVnd + order.shippingVnd);
    expect(order.fulfilments.flatMap((f) => f.boxes.map((b) => b.greeting))).toEqual(["Mừng thọ bà"]);
    const after = await Promise.all([mine.a1, mine.a2, mine.b1].map((id) => Product.get(id)));
    for (const [i, p] of after.entries()) expect(p.stock).toBe((before[i]?.stock ?? 0) - 1);
    expect((await call<CartView>("GET", "/api/cart", { token: shopper })).body.lines).toHaveLength(0);

    // Each producer sees their part; the shopper is told by SMS.
    const a = await call<Array<{ orderId: string }>>("GET", "/api/seller/fulfilments", { token: mine.sellerA });
    expect(a.body.map((f) => f.orderId)).toContain(order.orderId);
    const sms = await OutboxMessenger.recent(300);
    expect(sms.some((m) => m.text.includes(order.code) && m.to === "+84987654321")).toBe(true);
  });

  it("lets each producer move their part: packed → shipped (carrier, tracking) → delivered, COD collected", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.a1 } });
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.b1 } });
    const { order } = (await place(shopper)).body;
    const path = `/api/seller/fulfilments/${order.orderId}`;

    expect(
      (
        await call("POST", `${path}/ship`, {
          token: mine.sellerA,
          body: { carrier: "VNPost", trackingNumber: "EE123" },
        })
      ).status,
    ).toBe(409);
    expect((await call("POST", `${path}/pack`, { token: mine.sellerA })).status).toBe(200);
    const badTracking = await call("POST", `${path}/ship`, {
      token: mine.sellerA,
      body: { carrier: "VNPost", trackingNumber: "<x>" },
    });
    expect(badTracking.status).toBe(400);
    expect(
      (
        await call("POST", `${path}/ship`, {
          token: mine.sellerA,
          body: { carrier: "VNPost", trackingNumber: "EE123456789VN" },
        })
      ).status,
    ).toBe(200);

    const tracking = await call<OrderView>("GET", `/api/orders/${order.orderId}`, { token: shopper });
    const partA = tracking.body.fulfilments.find((f) => f.status === "shipped");
    expect(partA).toMatchObject({ carrier: "VNPost", trackingNumber: "EE123456789VN" });
    expect(tracking.body.fulfilments.find((f) => f !== partA)?.status).toBe("confirmed");
    const sms = await OutboxMessenger.recent(300);
    expect(sms.some((m) => m.text.includes(order.code) && m.text.includes("EE123456789VN"))).toBe(true);

    expect((await call("POST", `${path}/cod-collected`, { token: mine.sellerA })).status).toBe(409);
    expect((await call("POST", `${path}/deliver`, { token: mine.sellerA })).status).toBe(200);
    const collected = await call<{ codCollected: boolean }>("POST", `${path}/cod-collected`, { token: mine.sellerA });
    expect(collected.body.codCollected).toBe(true);

    // The order completes when every part is delivered.
    for (const move of ["pack", "ship", "deliver"]) {
      await call("POST", `${path}/${move}`, {
        token: mine.sellerB,
        body: move === "ship" ? { carrier: "GHN", trackingNumber: "GHN98765" } : undefined,
      });
    }
    const done = await call<OrderView>("GET", `/api/orders/${order.orderId}`, { token: shopper });
    expect(done.body.status).toBe("completed");
    expect((await call("POST", `/api/orders/${order.orderId}/cancel`, { token: shopper })).status).toBe(409);
  });

  it("cancels an order before it ships and gives the stock back", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.a2, quantity: 2 } });
    const before = (await Product.get(mine.a2)).stock;
    const { order } = (await place(shopper)).body;
    expect((await Product.get(mine.a2)).stock).toBe(before - 2);
    const cancelled = await call<OrderView>("POST", `/api/orders/${order.orderId}/cancel`, { token: shopper });
    expect(cancelled.body.status).toBe("cancelled");
    expect((await Product.get(mine.a2)).stock).toBe(before);
  });

  it("pays by VietQR: a payload with the account, amount and order code; staff confirm the transfer", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.b1, quantity: 2 } });
    const { order } = (await place(shopper, "vietqr")).body;
    expect(order.status).toBe("pending_payment");
    const view = await call<OrderView>("GET", `/api/orders/${order.orderId}`, { token: shopper });
    const payload = view.body.payment?.payload ?? "";
    const read = VietQr.read(payload);
    expect(read).toMatchObject({ valid: true, amount: String(order.totalVnd), purpose: order.code });
    expect(read.accountNumber).toBe(VietQr.account().accountNumber);
    const svg = await call<string>("GET", `/api/orders/${order.orderId}/vietqr.svg`, { token: shopper });
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(String(svg.body)).toMatch(/^<svg/);

    // The shopper cannot declare it paid; the producer of this single-producer order or staff can.
    expect((await call("POST", `/api/orders/${order.orderId}/confirm-transfer`, { token: shopper })).status).toBe(403);
    const paid = await call<OrderView>("POST", `/api/orders/${order.orderId}/confirm-transfer`, { token: central });
    expect(paid.body).toMatchObject({ status: "confirmed", paymentStatus: "paid" });
    expect(paid.body.fulfilments.every((f) => f.status === "confirmed")).toBe(true);
  });

  it("releases the stock of an unpaid VietQR order after 30 minutes", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.a1, quantity: 4 } });
    const before = (await Product.get(mine.a1)).stock;
    // Placed "four hours ago", and swept as of then: other test files' pending orders are younger than that
    // and stay untouched by this sweep.
    const placedAt = Date.now() - 4 * 3_600_000;
    vi.useFakeTimers({ toFake: ["Date"], now: placedAt });
    const { order } = await place(shopper, "vietqr")
      .then((r) => r.body)
      .finally(() => vi.useRealTimers());
    expect((await Product.get(mine.a1)).stock).toBe(before - 4);
    expect(await Order.expireUnpaid(new Date(placedAt + 29 * 60_000))).not.toContain(order.orderId);
    expect(await Order.expireUnpaid(new Date(placedAt + 31 * 60_000))).toContain(order.orderId);
    const view = await call<OrderView & { cancelReason: string }>("GET", `/api/orders/${order.orderId}`, {
      token: shopper,
    });
    expect(view.body).toMatchObject({ status: "cancelled", cancelReason: "expired" });
    expect((await Product.get(mine.a1)).stock).toBe(before);
  });

  it("creates one order for one Idempotency-Key sent 50 times at once", async () => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.a2, quantity: 1 } });
    const before = (await Product.get(mine.a2)).stock;
    const same = key();
    const replies = await Promise.all(Array.from({ length: 50 }, () => place(shopper, "cod", same)));
    const ids = new Set(replies.map((r) => r.body.order?.orderId));
    expect(replies.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(ids.size).toBe(1);
    expect((await Product.get(mine.a2)).stock).toBe(before - 1);
    const list = await call<Array<{ orderId: string }>>("GET", "/api/orders", { token: shopper });
    expect(list.body).toHaveLength(1);
  });

  it.each([
    [{ phone: "123" }, "address.phone"],
    [{ wardCode: "00004" }, "address.wardCode"],
    [{ provinceCode: "00" }, "address.provinceCode"],
    [{ street: "" }, "address.street"],
  ])("refuses an address with %j (400 naming the field, nothing ordered)", async (patch, field) => {
    const shopper = await tokenFor();
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: mine.a1 } });
    const before = (await Product.get(mine.a1)).stock;
    const res = await call("POST", "/api/orders", {
      token: shopper,
      headers: { "idempotency-key": key() },
      body: { address: { ...(await address()), ...patch }, paymentMethod: "cod" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { field } });
    expect((await Product.get(mine.a1)).stock).toBe(before);
  });

  it("needs an Idempotency-Key and a signed-in shopper", async () => {
    const shopper = await tokenFor();
    const noKey = await call("POST", "/api/orders", {
      token: shopper,
      body: { address: await address(), paymentMethod: "cod" },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body).toMatchObject({ error: { field: "idempotency-key" } });
    const empty = await place(shopper);
    expect(empty.status).toBe(409);
    expect(empty.body).toMatchObject({ error: { code: "cart_empty" } });
  });
});
