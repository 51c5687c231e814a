import { Account } from "@cho-ocop/core/account/index";
import { Cart } from "@cho-ocop/core/cart/index";
import { FulfilmentEntity } from "@cho-ocop/core/fulfilment/entity";
import { Product } from "@cho-ocop/core/product/index";
import { describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

/**
 * 500 shoppers check out at the same moment for the last 20 units of one product. Exactly 20 orders exist
 * afterwards, everyone else is told it is out of stock, and the stock ends at 0 — never below.
 */
describe("stock under concurrency", () => {
  it("500 concurrent checkouts for 20 units: exactly 20 orders, stock 0, the rest out of stock", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), "HTX Hàng Hiếm"),
    });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const created = await call<{ productId: string; producerId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput("Sâm hiếm 20 củ"), stock: 20 },
    });
    const { productId, producerId } = created.body;
    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${productId}/approve`, { token: central });

    // 500 shoppers, each with the product in their cart.
    const shoppers = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const user = await Account.findOrCreate({ phone: `0388${String(i).padStart(6, "0")}` });
        await Cart.addProduct(Cart.forUser(user.userId), { productId, quantity: 1 });
        return (await Account.createSession(user.userId)).token;
      }),
    );
    const address = {
      name: "Người mua",
      phone: "0912345678",
      provinceCode: "14",
      wardCode: await sonLaWard(),
      street: "Bản Mòng",
    };

    const replies = await Promise.all(
      shoppers.map((token, i) =>
        call<{ order?: { orderId: string }; error?: { code: string } }>("POST", "/api/orders", {
          token,
          headers: { "idempotency-key": `race-${i}-${productId}` },
          body: { address, paymentMethod: "cod" },
        }),
      ),
    );

    const placed = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status === 409);
    expect(placed).toHaveLength(20);
    expect(refused).toHaveLength(480);
    expect(refused.every((r) => r.body.error?.code === "out_of_stock")).toBe(true);
    expect(new Set(placed.map((r) => r.body.order?.orderId)).size).toBe(20);
    expect((await Product.get(productId)).stock).toBe(0);

    // No order lost or doubled: the producer has exactly the 20 orders that were confirmed to shoppers.
    const { data } = await FulfilmentEntity.query.byProducer({ producerId }).go({ pages: "all" });
    expect(data.map((f) => f.orderId).sort()).toEqual(placed.map((r) => r.body.order?.orderId).sort());
  }, 180_000);
});
