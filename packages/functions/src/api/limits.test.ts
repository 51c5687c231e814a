import { Account } from "@cho-ocop/core/account/index";
import { Cart } from "@cho-ocop/core/cart/index";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { Product } from "@cho-ocop/core/product/index";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { SESSION_COOKIE } from "./actor";

const SAME_SITE = { "sec-fetch-site": "same-origin" };

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock (Date only: timers and the database stay real). */
function clockAt(ms: number) {
  vi.useFakeTimers({ toFake: ["Date"], now: ms });
}

describe("sessions", () => {
  it("refuses a session token past its expiry, as a bearer token and as the cookie", async () => {
    const user = await Account.findOrCreate({ phone: phone() });
    const { token } = await Account.createSession(user.userId);
    expect((await call("GET", "/api/me", { token })).status).toBe(200);

    clockAt(Date.now() + (Account.SESSION_DAYS * 86_400 + 60) * 1000);
    const bearer = await call("GET", "/api/me", { token });
    expect(bearer.status).toBe(401);
    expect(bearer.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    const cookie = await call("GET", "/api/me", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    expect(cookie.status).toBe(401);
  });
});

describe("sign-in codes per hour", () => {
  async function askEvery31s(login: { phone: string } | { email: string }, times: number, from: number) {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      clockAt(from + i * 31_000);
      statuses.push((await call("POST", "/api/auth/code", { body: login })).status);
    }
    return statuses;
  }

  it("sends at most 5 codes an hour to one number, then again the next hour", async () => {
    const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 60_000;
    const login = { phone: phone() };
    expect(await askEvery31s(login, 6, start)).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await call("POST", "/api/auth/code", { body: login });
    expect(refused.body).toMatchObject({ error: { code: "rate_limited" } });
    clockAt(start + 3_600_000);
    expect((await call("POST", "/api/auth/code", { body: login })).status).toBe(202);
  });

  it("sends at most 5 codes an hour to one e-mail address", async () => {
    const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 120_000;
    const login = { email: `gioi-han-${Date.now()}@example.vn` };
    expect(await askEvery31s(login, 6, start)).toEqual([202, 202, 202, 202, 202, 429]);
    // Another address is not concerned.
    clockAt(start + 6 * 31_000);
    expect((await call("POST", "/api/auth/code", { body: { email: `khac-${Date.now()}@example.vn` } })).status).toBe(
      202,
    );
  });
});

describe("cart limits", () => {
  let productId = "";
  let other = "";
  let seller = "";
  let central = "";

  beforeAll(async () => {
    seller = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), "HTX Giới Hạn"),
    });
    central = await tokenFor({ role: "staff", staffScope: "central" });
    productId = await approved("Mật ong giới hạn");
    other = await approved("Chè giới hạn");
  });

  async function approved(name: string) {
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput(name), stock: 500 },
    });
    const id = created.body.productId;
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    const res = await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    expect(res.status).toBe(200);
    return id;
  }

  async function addCombos(token: string | undefined, times: number, headers?: Record<string, string>) {
    let last = 0;
    for (let i = 0; i < times; i++) {
      last = (await call("POST", "/api/cart/combos", { token, headers, body: { comboId: "tra-banh-co-do" } })).status;
    }
    return last;
  }

  it(`holds ${Cart.MAX_LINES} lines, and at most ${Cart.MAX_QUANTITY} of one line`, async () => {
    const shopper = await tokenFor();
    expect(await addCombos(shopper, Cart.MAX_LINES)).toBe(201);
    const full = await call("POST", "/api/cart/items", { token: shopper, body: { productId } });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: { code: "cart_full" } });

    const buyer = await tokenFor();
    await call("POST", "/api/cart/items", { token: buyer, body: { productId, quantity: 99 } });
    const more = await call<{ lines: Array<{ lineId: string; quantity: number }> }>("POST", "/api/cart/items", {
      token: buyer,
      body: { productId, quantity: 5 },
    });
    expect(more.body.lines.map((l) => l.quantity)).toEqual([99]);
    const lineId = more.body.lines[0]?.lineId;
    const over = await call("PATCH", `/api/cart/items/${lineId}`, { token: buyer, body: { quantity: 100 } });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error: { field: expect.stringContaining("quantity") } });
  });

  it("merges an anonymous cart into the account's within the limits", async () => {
    const anonymous = await call("POST", "/api/cart/items", { body: { productId, quantity: 60 } });
    const cookie = anonymous.headers.get("set-cookie")?.split(";")[0] ?? "";
    const headers = { cookie, ...SAME_SITE };
    await addCombos(undefined, 20, headers);

    const number = phone();
    const account = await tokenFor(undefined, { phone: number });
    await call("POST", "/api/cart/items", { token: account, body: { productId, quantity: 60 } });
    await addCombos(account, 15);

    await call("POST", "/api/auth/code", { body: { phone: number } });
    const code = (await OutboxMessenger.recent(300))
      .find((m) => m.to === `+84${number.slice(1)}`)
      ?.text.match(/\b(\d{6})\b/)?.[1];
    const signedIn = await call<{ token: string }>("POST", "/api/auth/verify", {
      body: { phone: number, code },
      headers,
    });
    expect(signedIn.status).toBe(200);
    const cart = await call<{ lines: Array<{ kind: string; quantity: number }> }>("GET", "/api/cart", {
      token: signedIn.body.token,
    });
    expect(cart.body.lines).toHaveLength(Cart.MAX_LINES);
    expect(cart.body.lines.filter((l) => l.kind === "product").map((l) => l.quantity)).toEqual([99]);
  });

  it("refuses at checkout a product suspended after it went into the cart, naming it, and takes no stock", async () => {
    const shopper = await tokenFor();
    const suspended = await approved("Miến dong tạm ngừng");
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: other, quantity: 2 } });
    await call("POST", "/api/cart/items", { token: shopper, body: { productId: suspended, quantity: 1 } });
    await call("POST", `/api/admin/products/${suspended}/suspend`, {
      token: central,
      body: { reason: "Kiểm tra lại chứng nhận." },
    });
    const stockBefore = (await Product.get(other)).stock;

    const res = await call<{ error: { message: string } }>("POST", "/api/orders", {
      token: shopper,
      headers: { "idempotency-key": `tam-ngung-${Date.now()}` },
      body: {
        address: {
          name: "Trần Văn Bình",
          phone: "0912345678",
          provinceCode: SON_LA,
          wardCode: await sonLaWard(),
          street: "Số 2 Tô Hiệu",
        },
        paymentMethod: "cod",
      },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.message).toContain("Miến dong tạm ngừng");
    expect((await Product.get(other)).stock).toBe(stockBefore);
    expect((await call<unknown[]>("GET", "/api/orders", { token: shopper })).body).toHaveLength(0);
  });
});
