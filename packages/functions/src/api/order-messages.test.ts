import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { Order } from "@cho-ocop/core/order/index";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

/**
 * The SMS an order sends carry the link to act on: the shopper's order page on the site, as the request reached it
 * (the host CloudFront forwards on AWS; a job outside any request uses PUBLIC_URL), and once a parcel ships the
 * carrier's tracking page; a new order's message to the producer links to the seller's orders.
 */

interface Placed {
  order: { orderId: string; code: string; totalVnd: number };
}

let seller = "";
let productId = "";

beforeAll(async () => {
  const central = await tokenFor({ role: "staff", staffScope: "central" });
  seller = await tokenFor();
  await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), "HTX Tin Nhắn") });
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: { ...productInput("Chè tin nhắn"), stock: 50, priceVnd: 120_000 },
  });
  productId = created.body.productId;
  await call("POST", `/api/seller/products/${productId}/submit`, {
    token: seller,
    body: { certificate: certificateInput(4) },
  });
  await call("POST", `/api/admin/products/${productId}/approve`, { token: central });
});

async function buy(paymentMethod: "cod" | "vietqr", headers: Record<string, string> = {}) {
  const shopper = await tokenFor();
  const number = phone();
  await call("POST", "/api/cart/items", { token: shopper, body: { productId } });
  const { wardsOf } = await import("@cho-ocop/core/geo/ward");
  const placed = await call<Placed>("POST", "/api/orders", {
    token: shopper,
    headers: { "idempotency-key": `msg-${Date.now()}-${Math.random().toString(36).slice(2)}`, ...headers },
    body: {
      address: {
        name: "Lê Thị Tin",
        phone: number,
        provinceCode: "79",
        wardCode: wardsOf("79")[0]?.code ?? "",
        street: "3 Hai Bà Trưng",
      },
      paymentMethod,
    },
  });
  expect(placed.status).toBe(201);
  return { shopper, number, order: placed.body.order };
}

/** The texts sent to a number, oldest first. */
async function textsTo(number: string) {
  const recent = await OutboxMessenger.recent(2_000);
  return recent
    .filter((m) => m.to === `+84${number.slice(1)}`)
    .map((m) => m.text)
    .reverse();
}

describe("order messages", () => {
  it("link every step to the order's page, the new order to the seller's orders, and the shipped parcel to its carrier", async () => {
    const { number, order } = await buy("vietqr");
    const page = `http://localhost/don-hang/${order.orderId}`;
    const [placed] = await textsTo(number);
    expect(placed).toContain(`đã nhận đơn ${order.code}`);
    expect(placed).toContain(`nội dung ${order.code}`);
    expect(placed).toMatch(new RegExp(`Xem đơn: ${page}$`));

    const producerSms = (await OutboxMessenger.recent(2_000)).find(
      (m) => m.to === "+84912345678" && m.text.includes(`đơn mới ${order.code}`),
    );
    expect(producerSms?.text).toContain("http://localhost/ban-hang/don-hang");

    const path = `/api/seller/fulfilments/${order.orderId}`;
    expect((await call("POST", `/api/orders/${order.orderId}/confirm-transfer`, { token: seller })).status).toBe(200);
    expect((await call("POST", `${path}/pack`, { token: seller })).status).toBe(200);
    const shipped = await call("POST", `${path}/ship`, {
      token: seller,
      body: { carrier: "Giao Hàng Nhanh (GHN)", trackingNumber: "GHNMSG12345" },
    });
    expect(shipped.status).toBe(200);
    expect((await call("POST", `${path}/deliver`, { token: seller })).status).toBe(200);

    const [, paid, onItsWay, delivered] = await textsTo(number);
    expect(paid).toContain(`đơn ${order.code} đã được thanh toán`);
    expect(paid).toMatch(new RegExp(`Xem đơn: ${page}$`));
    expect(onItsWay).toBe(
      `Chợ OCOP: phần hàng của đơn ${order.code} đã được HTX Tin Nhắn gửi qua Giao Hàng Nhanh (GHN), mã vận đơn GHNMSG12345. ` +
        `Theo dõi: https://donhang.ghn.vn/?order_code=GHNMSG12345 Xem đơn: ${page}`,
    );
    expect(delivered).toContain("đã được giao");
    expect(delivered).toMatch(new RegExp(`Xem đơn: ${page}$`));
  });

  it("name the site by the host CloudFront forwarded, and leave the tracking link out for a carrier it does not know", async () => {
    const { number, order } = await buy("cod", { "x-forwarded-host": "cho-ocop.example.vn" });
    const page = `https://cho-ocop.example.vn/don-hang/${order.orderId}`;
    expect((await textsTo(number))[0]).toMatch(new RegExp(`Xem đơn: ${page}$`));

    const path = `/api/seller/fulfilments/${order.orderId}`;
    await call("POST", `${path}/pack`, { token: seller });
    await call("POST", `${path}/ship`, {
      token: seller,
      body: { carrier: "Xe khách Hoàng Long", trackingNumber: "HL-778899" },
    });
    const onItsWay = (await textsTo(number))[1];
    expect(onItsWay).toContain("gửi qua Xe khách Hoàng Long, mã vận đơn HL-778899.");
    expect(onItsWay).not.toContain("Theo dõi");
    expect(onItsWay).toContain("Xem đơn: http://localhost/don-hang/");
  });

  it("link a cancelled order, also when the expiry job cancels it outside any request (PUBLIC_URL)", async () => {
    const mine = await buy("cod");
    expect((await call("POST", `/api/orders/${mine.order.orderId}/cancel`, { token: mine.shopper })).status).toBe(200);
    const cancelled = (await textsTo(mine.number)).at(-1);
    expect(cancelled).toBe(
      `Chợ OCOP: đơn ${mine.order.code} đã được huỷ. Xem đơn: http://localhost/don-hang/${mine.order.orderId}`,
    );

    // Placed three hours back, so its 30 minutes to pay are over when the job runs now.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 3 * 3_600_000 });
    const late = await buy("vietqr").finally(() => vi.useRealTimers());
    const before = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = "https://cho-ocop.example.vn/";
    try {
      await Order.expireUnpaid();
    } finally {
      if (before === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = before;
    }
    expect((await textsTo(late.number)).at(-1)).toBe(
      `Chợ OCOP: đơn ${late.order.code} đã được huỷ vì quá hạn thanh toán. Xem đơn: https://cho-ocop.example.vn/don-hang/${late.order.orderId}`,
    );
  });
});
