import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, labelInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

/** E-commerce Law 2025, Decree 85/2021: a product page carries the label's mandatory content (Decree 43/2017, 111/2021). */
let seller = "";
let central = "";
const tag = Date.now().toString(36);

beforeAll(async () => {
  seller = await tokenFor();
  central = await tokenFor({ role: "staff", staffScope: "central" });
  const registered = await call("POST", "/api/seller/producer", {
    token: seller,
    body: producerInput(await sonLaWard(), `HTX Nhãn Hàng ${tag}`),
  });
  expect(registered.status).toBe(201);
});

describe("product label", () => {
  it("does not send a food product to review until its label says what the law asks, and changes nothing", async () => {
    const { label: _, ...bare } = productInput(`Mật ong nhãn ${tag}`);
    const created = await call<{ productId: string; label?: unknown }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...bare, group: "thuc-pham", label: { netContent: "500 g" } },
    });
    expect(created.status).toBe(201);
    const id = created.body.productId;
    const refused = await call<{ error: { code: string; field: string; message: string } }>(
      "POST",
      `/api/seller/products/${id}/submit`,
      { token: seller, body: { certificate: certificateInput(4) } },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "label_incomplete", field: "label.ingredients" });
    expect(refused.body.error.message).toMatch(/Thành phần.*Giấy chứng nhận ATTP/);
    const still = await call<{ product: { status: string } }>("GET", `/api/seller/products/${id}`, { token: seller });
    expect(still.body.product.status).toBe("draft");

    const filled = await call<{ label: Record<string, string>; tags: string[] }>(
      "PATCH",
      `/api/seller/products/${id}`,
      {
        token: seller,
        body: { label: { ...labelInput(), ingredients: "Mật ong hoa bạc hà 100%", netContent: "500 g" } },
      },
    );
    expect(filled.status).toBe(200);
    expect(filled.body.label.ingredients).toBe("Mật ong hoa bạc hà 100%");
    // Only the label changed: the tags and the rest stay as they were.
    expect(filled.body).toMatchObject({ tags: ["đặc sản"], unit: "hộp 200g" });
    const sent = await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    expect(sent.status).toBe(200);
    expect((await call("POST", `/api/admin/products/${id}/approve`, { token: central })).status).toBe(200);

    const page = await call<{ label: { field: string; text: string }[] }>("GET", `/api/products/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.label.map((l) => l.field)).toEqual([
      "ingredients",
      "netContent",
      "dates",
      "shelfLife",
      "storage",
      "foodSafetyCertificate",
    ]);
    expect(page.body.label[0]).toEqual({ field: "ingredients", text: "Mật ong hoa bạc hà 100%" });
    expect(page.body.label[5]?.text).toBe("45/2025/ATTP-CNĐK");
  });

  it("asks a handicraft only for its material", async () => {
    const { label: _, ...bare } = productInput(`Giỏ mây nhãn ${tag}`);
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...bare, group: "thu-cong-my-nghe" },
    });
    const id = created.body.productId;
    const refused = await call<{ error: { field: string } }>("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    expect(refused.body.error.field).toBe("label.material");
    await call("PATCH", `/api/seller/products/${id}`, { token: seller, body: { label: { material: "Mây tre" } } });
    const sent = await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    expect(sent.status).toBe(200);
  });

  it("refuses a label field longer than it may be, naming it", async () => {
    const res = await call<{ error: { code: string; field: string } }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput(`Quá dài ${tag}`), label: { netContent: "x".repeat(61) } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("label.netContent");
  });
});
