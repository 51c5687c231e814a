import { LocalStorage } from "@cho-ocop/core/storage/index";
import { addDays, vietnamDay } from "@cho-ocop/core/util/date";
import { beforeAll, describe, expect, it } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { localApp } from "../local/server";

interface ProductRecord {
  productId: string;
  status: string;
  statusReason?: string;
  priceVnd: number;
  images?: string[];
  version: number;
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode("%PDF-1.7\n% test scan\n");

let seller: string;
let central: string;
let province: string;
let otherProvince: string;
const server = localApp({ webDist: "/nonexistent", storage: new LocalStorage(process.env.UPLOAD_DIR ?? "") });

/** Uploads like the browser does: presign, then POST the form to the returned URL. */
async function upload(token: string, purpose: string, contentType: string, bytes: Uint8Array, declared = contentType) {
  const ticket = await call<{ key: string; url: string; fields: Record<string, string> }>(
    "POST",
    "/api/seller/uploads",
    {
      token,
      body: { purpose, contentType: declared, size: bytes.length },
    },
  );
  expect(ticket.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: contentType }), "upload");
  const res = await server.request(ticket.body.url, { method: "POST", body: form });
  return { key: ticket.body.key, status: res.status };
}

beforeAll(async () => {
  seller = await tokenFor();
  central = await tokenFor({ role: "staff", staffScope: "central" });
  province = await tokenFor({ role: "staff", staffScope: SON_LA });
  otherProvince = await tokenFor({ role: "staff", staffScope: "01" });
  const registered = await call("POST", "/api/seller/producer", {
    token: seller,
    body: producerInput(await sonLaWard()),
  });
  expect(registered.status).toBe(201);
});

describe("a producer registers and lists a product; staff approve it", () => {
  let productId: string;

  it("registers the producer once; the account becomes its seller", async () => {
    const me = await call<{ user: { role: string; producerId: string } }>("GET", "/api/me", { token: seller });
    expect(me.body.user.role).toBe("seller");
    const again = await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard()) });
    expect(again.status).toBe(403);
  });

  it("refuses producers with a bad tax code, a ward of another province or an unknown province", async () => {
    const shopper = await tokenFor();
    const ward = await sonLaWard();
    for (const [patch, field] of [
      [{ taxCode: "12345" }, "taxCode"],
      [{ wardCode: "00004" }, "wardCode"],
      [{ provinceCode: "99" }, "provinceCode"],
      [{ phone: "0123" }, "phone"],
      [{ email: "x@" }, "email"],
    ] as const) {
      const res = await call("POST", "/api/seller/producer", {
        token: shopper,
        body: { ...producerInput(ward), ...patch },
      });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body).toMatchObject({ error: { field } });
    }
    const me = await call<{ user: { role: string } }>("GET", "/api/me", { token: shopper });
    expect(me.body.user.role).toBe("shopper");
  });

  it("uploads a photo by presigned form and creates a draft product with it", async () => {
    const photo = await upload(seller, "product-image", "image/jpeg", JPEG);
    expect(photo.status).toBe(204);
    const created = await call<ProductRecord>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput(), images: [photo.key] },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("draft");
    expect(created.body.images).toEqual([photo.key]);
    productId = created.body.productId;
  });

  it("refuses uploads of the wrong type, too large, or whose bytes lie about their type", async () => {
    const tooBig = await call("POST", "/api/seller/uploads", {
      token: seller,
      body: { purpose: "product-image", contentType: "image/jpeg", size: 6 * 1024 * 1024 },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ error: { field: "size" } });
    const gif = await call("POST", "/api/seller/uploads", {
      token: seller,
      body: { purpose: "product-image", contentType: "image/gif", size: 100 },
    });
    expect(gif.status).toBe(415);
    const pdfAsPhoto = await call("POST", "/api/seller/uploads", {
      token: seller,
      body: { purpose: "product-image", contentType: "application/pdf", size: 100 },
    });
    expect(pdfAsPhoto.status).toBe(415);

    // PNG bytes uploaded as a JPEG: the form is accepted by storage, but the product refuses the file.
    const liar = await upload(seller, "product-image", "image/jpeg", PNG_BYTES);
    expect(liar.status).toBe(204);
    const res = await call("PATCH", `/api/seller/products/${productId}`, {
      token: seller,
      body: { images: [liar.key] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "invalid_upload", field: "images.0" } });

    // A key that was never uploaded, or belongs to someone else, is refused too.
    const ghost = await call("PATCH", `/api/seller/products/${productId}`, {
      token: seller,
      body: { images: ["media/products/01aaaaaaaaaaaaaaaaaaaaaaaa/x.jpg"] },
    });
    expect(ghost.status).toBe(400);
  });

  it("the local upload endpoint checks its signature and size like S3 does", async () => {
    const ticket = await call<{ url: string; fields: Record<string, string> }>("POST", "/api/seller/uploads", {
      token: seller,
      body: { purpose: "product-image", contentType: "image/jpeg", size: 20 },
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.body.fields)) form.append(k, v);
    form.append("file", new Blob([JPEG], { type: "image/jpeg" }));
    const url = new URL(ticket.body.url, "http://local");
    url.searchParams.set("key", `${url.searchParams.get("key")}x`);
    expect((await server.request(`${url.pathname}${url.search}`, { method: "POST", body: form })).status).toBe(403);
  });

  it("submits it with its certificate and scan; it waits for review off the storefront", async () => {
    const scan = await upload(seller, "certificate-scan", "application/pdf", PDF);
    expect(scan.status).toBe(204);
    const res = await call<ProductRecord>("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4), scanKey: scan.key },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("pending");
    expect((await call("GET", `/api/products/${productId}`)).status).toBe(404);
  });

  it("refuses a certificate whose score is outside its star band, naming the field", async () => {
    const res = await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: { ...certificateInput(4), score: { a: 40, b: 25, c: 34 } } },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { field: "certificate.score" } });
  });

  it("shows the submission in the province's queue, with a link to the scan", async () => {
    const queue = await call<ProductRecord[]>("GET", "/api/admin/reviews?status=pending", { token: province });
    expect(queue.body.map((p) => p.productId)).toContain(productId);
    const other = await call<ProductRecord[]>("GET", "/api/admin/reviews?status=pending", { token: otherProvince });
    expect(other.body.map((p) => p.productId)).not.toContain(productId);

    const item = await call<{ certificates: Array<{ scanUrl: string | null; status: string }> }>(
      "GET",
      `/api/admin/products/${productId}`,
      { token: province },
    );
    expect(item.status).toBe(200);
    const scanUrl = item.body.certificates[0]?.scanUrl ?? "";
    expect(scanUrl).toMatch(/^\/local-files\/private\/certificates\//);
    const scan = await server.request(scanUrl);
    expect(scan.status).toBe(200);
    expect(scan.headers.get("content-type")).toBe("application/pdf");
    expect((await server.request(scanUrl.replace(/signature=[^&]+/, "signature=forged"))).status).toBe(403);
  });

  it("staff of another province cannot approve it; the province's staff can", async () => {
    const refused = await call("POST", `/api/admin/products/${productId}/approve`, { token: otherProvince });
    expect(refused.status).toBe(403);
    const approved = await call<ProductRecord>("POST", `/api/admin/products/${productId}/approve`, { token: province });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe("approved");

    const page = await call<{ name: string; certificate: { stars: number } }>("GET", `/api/products/${productId}`);
    expect(page.status).toBe(200);
    expect(page.body.certificate.stars).toBe(4);
    const search = await call<{ items: Array<{ productId: string }> }>(
      "GET",
      `/api/products?q=che%20shan%20tuyet%20thu%20nghiem`,
    );
    expect(search.body.items.map((i) => i.productId)).toContain(productId);
  });

  it("changing the price does not send it back to review; changing the certificate does", async () => {
    const cheaper = await call<ProductRecord>("PATCH", `/api/seller/products/${productId}`, {
      token: seller,
      body: { priceVnd: 135000, stock: 12 },
    });
    expect(cheaper.body.status).toBe("approved");
    const card = await call<{ priceVnd: number }>("GET", `/api/products/${productId}`);
    expect(card.body.priceVnd).toBe(135000);

    const renewed = await call<ProductRecord>("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    expect(renewed.body.status).toBe("pending");
    expect((await call("GET", `/api/products/${productId}`)).status).toBe(404);
    await call("POST", `/api/admin/products/${productId}/approve`, { token: province });
  });

  it("rejects with a reason the seller sees; suspends and reinstates; every action is audited", async () => {
    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(3) },
    });
    const rejected = await call<ProductRecord>("POST", `/api/admin/products/${productId}/reject`, {
      token: province,
      body: { reason: "Ảnh giấy chứng nhận bị mờ, không đọc được số quyết định." },
    });
    expect(rejected.body.status).toBe("rejected");
    const mine = await call<{ product: ProductRecord }>("GET", `/api/seller/products/${productId}`, { token: seller });
    expect(mine.body.product.statusReason).toContain("bị mờ");

    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${productId}/approve`, { token: province });
    const short = await call("POST", `/api/admin/products/${productId}/suspend`, {
      token: central,
      body: { reason: "x" },
    });
    expect(short.status).toBe(400);
    const suspended = await call<ProductRecord>("POST", `/api/admin/products/${productId}/suspend`, {
      token: central,
      body: { reason: "Kiểm tra lại nguồn gốc theo phản ánh." },
    });
    expect(suspended.body.status).toBe("suspended");
    expect((await call("GET", `/api/products/${productId}`)).status).toBe(404);
    const back = await call<ProductRecord>("POST", `/api/admin/products/${productId}/reinstate`, { token: central });
    expect(back.body.status).toBe("approved");

    const audit = await call<
      Array<{ action: string; targetId: string; actorScope: string; before: string; after: string }>
    >("GET", "/api/admin/audit", { token: central });
    const mineAudit = audit.body.filter((a) => a.targetId === productId).map((a) => a.action);
    expect(mineAudit).toEqual(expect.arrayContaining(["approve", "reject", "suspend", "reinstate"]));
    const suspend = audit.body.find((a) => a.targetId === productId && a.action === "suspend");
    expect(suspend?.actorScope).toBe("central");
    expect(JSON.parse(suspend?.before ?? "{}")).toMatchObject({ status: "approved" });
  });

  it("5★ is for central staff: province staff cannot approve it", async () => {
    const created = await call<ProductRecord>("POST", "/api/seller/products", {
      token: seller,
      body: productInput("Trà hoa vàng năm sao thử nghiệm"),
    });
    const id = created.body.productId;
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(5) },
    });
    expect((await call("POST", `/api/admin/products/${id}/approve`, { token: province })).status).toBe(403);
    expect((await call("POST", `/api/admin/products/${id}/approve`, { token: central })).status).toBe(200);
  });

  it("records batches and shows them on the public trace page with a QR code", async () => {
    const batch = await call("POST", `/api/seller/products/${productId}/batches`, {
      token: seller,
      body: { code: "LO-2026-11", productionDate: vietnamDay(), bestBefore: addDays(vietnamDay(), 365), quantity: 120 },
    });
    expect(batch.status).toBe(201);
    const bad = await call("POST", `/api/seller/products/${productId}/batches`, {
      token: seller,
      body: { code: "LO-X", productionDate: "2026-05-10", bestBefore: "2026-01-01", quantity: 10 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { field: "bestBefore" } });

    const trace = await call<{
      onSale: boolean;
      producer: { name: string };
      origin: { provinceName: string };
      certificate: { valid: boolean; validUntil: string };
      batches: Array<{ code: string; quantity: number }>;
    }>("GET", `/api/trace/${productId}`);
    expect(trace.status).toBe(200);
    expect(trace.body.onSale).toBe(true);
    expect(trace.body.origin.provinceName).toBe("Sơn La");
    expect(trace.body.certificate.valid).toBe(true);
    expect(trace.body.batches).toEqual([expect.objectContaining({ code: "LO-2026-11", quantity: 120 })]);

    const qr = await app().request(`http://shop.example/api/trace/${productId}/qr.svg`);
    expect(qr.headers.get("content-type")).toBe("image/svg+xml");
    const svg = await qr.text();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("<path");
  });

  it("drafts have no public trace page", async () => {
    const draft = await call<ProductRecord>("POST", "/api/seller/products", {
      token: seller,
      body: productInput("Bản nháp"),
    });
    expect((await call("GET", `/api/trace/${draft.body.productId}`)).status).toBe(404);
  });

  it("lists certificates expiring within 60 days, in the staff member's scope", async () => {
    const soon = await call<Array<{ productId: string; validUntil: string }>>("GET", "/api/admin/expiring?days=60", {
      token: central,
    });
    expect(soon.status).toBe(200);
    expect(soon.body.length).toBeGreaterThanOrEqual(2);
    const limit = addDays(vietnamDay(), 60);
    expect(soon.body.every((p) => p.validUntil >= vietnamDay() && p.validUntil <= limit)).toBe(true);
  });

  it("the dashboard shows listed products by stars, group and province with shares, and producers per province", async () => {
    const res = await call<{
      listed: number;
      byStars: Array<{ stars: number; products: number; share: number }>;
      byProvince: Array<{ code: string; producers: number }>;
    }>("GET", "/api/admin/dashboard", { token: province });
    expect(res.status).toBe(200);
    expect(res.body.listed).toBeGreaterThan(70);
    const sum = res.body.byStars.reduce((n, s) => n + s.products, 0);
    expect(sum).toBe(res.body.listed);
    const shares = res.body.byStars.reduce((n, s) => n + s.share, 0);
    expect(Math.round(shares)).toBe(100);
    expect(res.body.byProvince.find((p) => p.code === SON_LA)?.producers).toBeGreaterThanOrEqual(2);
  });

  it("central staff curate the home page's collections; province staff cannot", async () => {
    const body = {
      titleVi: "Đặc sản Tây Bắc",
      titleEn: "Northwest specialities",
      position: 2,
      productIds: [productId],
    };
    expect((await call("PUT", "/api/admin/collections/dac-san-tay-bac", { token: province, body })).status).toBe(403);
    expect((await call("PUT", "/api/admin/collections/dac-san-tay-bac", { token: central, body })).status).toBe(200);
    const home = await call<{ collections: Array<{ id: string; products: Array<{ productId: string }> }> }>(
      "GET",
      "/api/home",
    );
    const shown = home.body.collections.find((c) => c.id === "dac-san-tay-bac");
    expect(shown?.products.map((p) => p.productId)).toEqual([productId]);
    expect((await call("DELETE", "/api/admin/collections/dac-san-tay-bac", { token: central })).status).toBe(204);
  });

  it("adds a second seller by phone once they accept; they can edit the producer's products", async () => {
    const number = phone();
    const invited = await call<{ invitationId: string }>("POST", "/api/seller/invitations", {
      token: seller,
      body: { phone: number },
    });
    expect(invited.status).toBe(201);
    const second = await tokenFor(undefined, { phone: number });
    const accepted = await call("POST", `/api/invitations/${invited.body.invitationId}/accept`, { token: second });
    expect(accepted.status).toBe(200);
    const res = await call<ProductRecord>("PATCH", `/api/seller/products/${productId}`, {
      token: second,
      body: { stock: 9 },
    });
    expect(res.status).toBe(200);
    const members = await call<unknown[]>("GET", "/api/seller/members", { token: seller });
    expect(members.body).toHaveLength(2);
  });
});

function app() {
  return server;
}
