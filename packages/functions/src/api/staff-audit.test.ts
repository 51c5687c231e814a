import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Settings } from "@cho-ocop/core/settings/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";
import { type LocalLive, startLocalLive } from "../local/live/index";

interface Entry {
  action: string;
  targetId: string;
  actorId: string;
  before: string;
  after: string;
}

/** Staff writes that the review and order tests do not already follow into the audit log. */
describe("every staff write is audited", () => {
  let central = "";
  let centralId = "";
  let live: LocalLive | undefined;

  beforeAll(async () => {
    central = await tokenFor({ role: "staff", staffScope: "central" });
    centralId = (await call<{ user: { userId: string } }>("GET", "/api/me", { token: central })).body.user.userId;
    live = await startLocalLive({
      dataDir: await mkdtemp(join(tmpdir(), "cho-ocop-audit-")),
      host: "127.0.0.1",
      rtmpPort: 0,
    });
  });

  afterAll(async () => {
    await live?.stop();
  });

  async function entriesFor(targetId: string) {
    const audit = await call<Entry[]>("GET", "/api/admin/audit", { token: central });
    return audit.body.filter((a) => a.targetId === targetId && a.actorId === centralId);
  }

  it("collections: put and delete", async () => {
    const id = `kiem-toan-${Date.now().toString(36)}`;
    const body = { titleVi: "Kiểm toán", titleEn: "Audit", productIds: [] };
    expect((await call("PUT", `/api/admin/collections/${id}`, { token: central, body })).status).toBe(200);
    expect((await call("DELETE", `/api/admin/collections/${id}`, { token: central })).status).toBeLessThan(300);
    expect((await entriesFor(id)).map((e) => e.action).sort()).toEqual(["collection.delete", "collection.put"]);
  });

  it("gift boxes, with what they were before", async () => {
    const id = `hop-kt-${Date.now().toString(36)}`;
    const box = {
      nameVi: "Hộp kiểm toán",
      nameEn: "Audit box",
      priceVnd: 20_000,
      capacityGrams: 2_000,
      weightGrams: 200,
    };
    await call("PUT", `/api/admin/gift-boxes/${id}`, { token: central, body: box });
    const res = await call("PUT", `/api/admin/gift-boxes/${id}`, {
      token: central,
      body: { ...box, priceVnd: 25_000 },
    });
    expect(res.status).toBe(200);
    const [latest] = await entriesFor(id);
    expect(latest?.action).toBe("giftbox.put");
    expect(JSON.parse(latest?.before ?? "null")).toMatchObject({ priceVnd: 20_000 });
    expect(JSON.parse(latest?.after ?? "null")).toMatchObject({ priceVnd: 25_000 });
  });

  it("combo templates", async () => {
    const id = `mau-kt-${Date.now().toString(36)}`;
    const products = await call<{ items: Array<{ productId: string }> }>("GET", "/api/products?limit=2&sort=price_asc");
    const res = await call("PUT", `/api/admin/combo-templates/${id}`, {
      token: central,
      body: {
        titleVi: "Mẫu kiểm toán",
        titleEn: "Audit template",
        productIds: products.body.items.map((p) => p.productId),
        boxId: "gio-may-tre",
        fixedPriceVnd: 300_000,
        active: false,
      },
    });
    expect(res.status).toBe(200);
    expect((await entriesFor(id)).map((e) => e.action)).toEqual(["template.put"]);
  });

  it("pricing", async () => {
    const next = { ...Settings.DEFAULT_PRICING, freeShippingOverVnd: 600_000 };
    expect((await call("PUT", "/api/admin/pricing", { token: central, body: next })).status).toBe(200);
    await call("PUT", "/api/admin/pricing", { token: central, body: Settings.DEFAULT_PRICING });
    const [restored, changed] = await entriesFor("pricing");
    expect(restored?.action).toBe("pricing.put");
    expect(JSON.parse(changed?.after ?? "null")).toMatchObject({ freeShippingOverVnd: 600_000 });
    expect(JSON.parse(restored?.before ?? "null")).toMatchObject({ freeShippingOverVnd: 600_000 });
  });

  it("live moderation by staff: mute and cancelling a scheduled live, with its reason", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), "HTX Kiểm Toán"),
    });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: productInput(),
    });
    const productId = created.body.productId;
    await call("POST", `/api/seller/products/${productId}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${productId}/approve`, { token: central });
    const scheduled = await call<{ sessionId: string }>("POST", "/api/seller/live", {
      token: seller,
      body: {
        title: "Live kiểm toán",
        startAt: new Date(Date.now() + 3_600_000).toISOString(),
        productIds: [productId],
      },
    });
    const sessionId = scheduled.body.sessionId;
    const viewer = (await call<{ user: { userId: string } }>("GET", "/api/me", { token: await tokenFor() })).body.user;
    const muted = await call("POST", `/api/live/${sessionId}/chat/mute`, {
      token: central,
      body: { userId: viewer.userId },
    });
    expect(muted.status).toBeLessThan(300);
    const reason = "Sản phẩm trong buổi live chưa khớp hồ sơ";
    expect((await call("POST", `/api/live/${sessionId}/cancel`, { token: central, body: { reason } })).status).toBe(
      200,
    );
    const entries = await entriesFor(sessionId);
    expect(entries.map((e) => e.action).sort()).toEqual(["live.cancel", "live.chat.mute"]);
    expect(JSON.stringify(entries.find((e) => e.action === "live.cancel"))).toContain(reason);
  });
});
