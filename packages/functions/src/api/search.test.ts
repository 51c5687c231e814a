import { Product } from "@cho-ocop/core/product/index";
import { WordEntity } from "@cho-ocop/core/storefront/entities";
import { Storefront } from "@cho-ocop/core/storefront/index";
import { addDays, addMonths, vietnamDay } from "@cho-ocop/core/util/date";
import { describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

interface Page {
  items: Array<{ productId: string; name: string }>;
  cursor: string | null;
}

const found = async (q: string) =>
  (await call<Page>("GET", `/api/products?q=${encodeURIComponent(q)}&limit=48`)).body.items.map((i) => i.productId);

// Words no other test lists, so that what a search finds is this test's alone.
describe("the word index follows a product's changes", () => {
  it("drops an edited product's old words, a renamed product while in review, and an expired one", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), "HTX Qwzthu") });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput("Mứt qwzgừng"), tags: ["qwztết"] },
    });
    const id = created.body.productId;
    // Valid for 3 more days.
    const decisionDate = addDays(addMonths(vietnamDay(), -36), 3);
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: { ...certificateInput(4), decisionDate } },
    });
    await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    expect(await found("qwzgừng")).toEqual([id]);
    expect(await found("qwztet")).toEqual([id]);
    expect(await found("mut qwzgung")).toEqual([id]);

    const retagged = await call("PATCH", `/api/seller/products/${id}`, { token: seller, body: { tags: ["qwzxuân"] } });
    expect(retagged.status).toBe(200);
    expect(await found("qwztet")).toEqual([]);
    expect(await found("qwzxuan")).toEqual([id]);
    // Typed in part, the word completes from the per-word counters.
    expect(await found("qwzxu")).toEqual([id]);

    const renamed = await call("PATCH", `/api/seller/products/${id}`, {
      token: seller,
      body: { name: "Mứt qwzgừng đỏ qwzmới" },
    });
    expect(renamed.status).toBe(200);
    expect(await found("qwzgung")).toEqual([]);
    await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    expect(await found("qwzmoi")).toEqual([id]);
    expect(await found("qwzgung do")).toEqual([id]);

    // Four days later the certificate has run out: the sweep's sync of that day takes every word down.
    await Storefront.sync(id, {}, () => [], addDays(vietnamDay(), 4));
    const { data: words } = await WordEntity.query.byProduct({ productId: id }).go();
    expect(words).toEqual([]);
    expect(await found("qwzmoi")).toEqual([]);
    expect(await found("qwzxu")).toEqual([]);
  });

  it("fits the worst change in its one transaction: every word new, another province, group and stars", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), "HTX Qwzbon") });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const tags = (p: string) => Array.from({ length: 10 }, (_, i) => `${p}${i}a ${p}${i}b ${p}${i}c`);
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: { ...productInput("Bánh qwzmot"), tags: tags("qwa") },
    });
    const id = created.body.productId;
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    const { data: before } = await WordEntity.query.byProduct({ productId: id }).go();
    expect(before.length).toBe(Storefront.MAX_WORDS);

    const product = await Product.get(id);
    const certificate = product.certificate;
    if (!certificate) throw new Error("no certificate");
    await Storefront.sync(id, {
      tags: tags("qwb"),
      group: "thuc-pham",
      provinceCode: "96",
      certificate: { ...certificate, stars: 5, level: "central" },
    });
    expect(await found("qwb0a")).toEqual([id]);
    expect(await found("qwa0a")).toEqual([]);
    const page = await call<Page>("GET", "/api/products?region=dong-bang-song-cuu-long&minStars=5&limit=48");
    expect(page.body.items.map((i) => i.productId)).toContain(id);
    const { data: after } = await WordEntity.query.byProduct({ productId: id }).go();
    expect(after.length).toBe(Storefront.MAX_WORDS);
  });

  it("the re-index job rewrites listed products' words as they are made now, and is idempotent", async () => {
    const seller = await tokenFor();
    await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), "HTX Qwzlai") });
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: productInput("Trà qwzsen"),
    });
    const id = created.body.productId;
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: seller,
      body: { certificate: certificateInput(4) },
    });
    await call("POST", `/api/admin/products/${id}/approve`, { token: central });
    // As a word item of before the index was reshaped: no relevance key, so the word index does not have it.
    const { data: before } = await WordEntity.query.byProduct({ productId: id }).go();
    const word = before.find((w) => w.token === "qwzsen");
    if (!word) throw new Error("no word item");
    await WordEntity.delete({ productId: id, token: "qwzsen" }).go();
    expect(await found("qwzsen")).toEqual([]);

    const { version } = await Product.get(id);
    const first = await Storefront.reindex();
    expect(first.products).toBeGreaterThan(0);
    expect(await found("qwzsen")).toEqual([id]);
    const again = await Storefront.reindex();
    expect(again.words).toBe(first.words);
    expect(await found("qwzsen")).toEqual([id]);
    // The job changes no product.
    expect((await Product.get(id)).version).toBe(version);
  }, 180_000);
});
