import { Product } from "@cho-ocop/core/product/index";
import { Storefront } from "@cho-ocop/core/storefront/index";
import { addDays, addMonths, vietnamDay } from "@cho-ocop/core/util/date";
import { describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

const CA_MAU = "96";

describe("certificates that run out", () => {
  it("the daily sweep takes the product off the storefront, marks it expired and fixes the counts", async () => {
    const seller = await tokenFor();
    // Cà Mau: no other test lists products there, so its count is this test's alone.
    const { wardsOf } = await import("@cho-ocop/core/geo/ward");
    const ward = wardsOf(CA_MAU)[0]?.code ?? "";
    await call("POST", "/api/seller/producer", { token: seller, body: producerInput(ward, "HTX Hết Hạn", CA_MAU) });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: productInput("Mận hậu sắp hết hạn"),
    });
    const id = created.body.productId;
    // Decided 36 months ago minus 3 days: valid for 3 more days.
    const decisionDate = addDays(addMonths(vietnamDay(), -36), 3);
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: { ...certificateInput(3), decisionDate } },
    });
    await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    const before = await Storefront.counts();
    expect((await call("GET", `/api/products/${id}`)).status).toBe(200);

    // Four days later it has run out…
    const later = addDays(vietnamDay(), 4);
    expect((await Product.get(id)).validUntil ?? "").toBe(addDays(vietnamDay(), 3));
    // …and the sweep, run that day, marks it and corrects the counts.
    const swept = await Storefront.sweepExpired(later);
    expect(swept).toContain(id);
    const product = await Product.get(id);
    expect(product.status).toBe("expired");
    const after = await Storefront.counts();
    expect(after.province[CA_MAU]).toBe((before.province[CA_MAU] ?? 0) - 1);
    expect((await call("GET", `/api/products/${id}`)).status).toBe(404);

    // A renewal brings it back through review.
    const renewed = await call<{ status: string }>("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(3) },
    });
    expect(renewed.body.status).toBe("pending");
    await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    expect((await call("GET", `/api/products/${id}`)).status).toBe(200);
  });

  it("a product approved with an already expired certificate never shows", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), "HTX Cũ") });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: productInput("Chè cũ"),
    });
    const id = created.body.productId;
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: { ...certificateInput(4), decisionDate: addMonths(vietnamDay(), -37) } },
    });
    const approved = await call<{ status: string }>("POST", `/api/admin/products/${id}/approve`, { token: central });
    expect(approved.body.status).toBe("expired");
    expect((await call("GET", `/api/products/${id}`)).status).toBe(404);
  });
});

describe("text from people is stored as written and never interpreted", () => {
  it("keeps a story with markup verbatim (the web renders it as text)", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), "HTX Kiểm Tra"),
    });
    const story = `<script>alert("x")</script><img src=x onerror=alert(1)> Mật ong rừng`;
    const created = await call<{ productId: string; story: string; name: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput('Mật ong <b>"rừng"</b>'), story },
    });
    expect(created.status).toBe(201);
    expect(created.body.story).toBe(story);
    expect(created.body.name).toBe('Mật ong <b>"rừng"</b>');
  });
});
