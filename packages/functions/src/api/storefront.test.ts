import { Certificate } from "@cho-ocop/core/certificate/index";
import { province } from "@cho-ocop/core/geo/province";
import { addMonths, vietnamDay } from "@cho-ocop/core/util/date";
import { fold } from "@cho-ocop/core/util/fold";
import { describe, expect, it } from "vitest";
import { PRODUCERS } from "../local/demo/producers";
import { PRODUCTS } from "../local/demo/products";
import { demoId } from "../local/seed";
import { app } from "./app";

interface Card {
  productId: string;
  name: string;
  group: string;
  provinceCode: string;
  region: string;
  stars: number;
  priceVnd: number;
  producerId: string;
  validUntil: string;
}
interface Page {
  items: Card[];
  cursor: string | null;
}

const today = vietnamDay();
const expiredKeys = PRODUCTS.filter((p) => p.status === "approved" && p.certificate.monthsAgo >= 36).map((p) => p.key);
const pendingKeys = PRODUCTS.filter((p) => p.status === "pending").map((p) => p.key);
const listed = PRODUCTS.filter((p) => p.status === "approved" && p.certificate.monthsAgo < 36);
const listedIds = new Set(listed.map((p) => demoId("product", p.key)));

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as never, calls: Number(res.headers.get("x-db-calls")) };
}

async function all(query: string): Promise<Card[]> {
  const items: Card[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? "&" : "";
    const path = `/api/products?${query}${sep}limit=7${cursor ? `&cursor=${cursor}` : ""}`;
    const { status, body } = await get(path);
    expect(status).toBe(200);
    const page = body as Page;
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

describe("GET /api/products", () => {
  it("lists every approved product with a valid certificate, once, across pages", async () => {
    const items = await all("");
    const ids = items.map((i) => i.productId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(listedIds);
    expect(items.every((i) => i.validUntil >= today)).toBe(true);
  });

  it("never shows pending products or expired certificates", async () => {
    const ids = new Set((await all("")).map((i) => i.productId));
    expect(expiredKeys.length).toBeGreaterThan(0);
    expect(pendingKeys.length).toBeGreaterThan(0);
    for (const key of [...expiredKeys, ...pendingKeys]) expect(ids.has(demoId("product", key))).toBe(false);
  });

  it("filters by province and minimum stars together", async () => {
    const code = PRODUCERS.find((p) => listed.some((l) => l.producer === p.key))?.provinceCode ?? "";
    const items = await all(`province=${code}&minStars=4`);
    const expected = listed.filter(
      (p) => PRODUCERS.find((m) => m.key === p.producer)?.provinceCode === code && p.certificate.stars >= 4,
    );
    expect(items.map((i) => i.productId).sort()).toEqual(expected.map((p) => demoId("product", p.key)).sort());
    expect(items.every((i) => i.provinceCode === code && i.stars >= 4)).toBe(true);
  });

  it("filters by group, by region and by price range", async () => {
    const herbs = await all("group=duoc-lieu");
    expect(herbs.length).toBe(listed.filter((p) => p.group === "duoc-lieu").length);
    expect(herbs.every((i) => i.group === "duoc-lieu")).toBe(true);

    const delta = await all("region=dong-bang-song-cuu-long");
    expect(delta.length).toBeGreaterThan(0);
    expect(delta.every((i) => province(i.provinceCode)?.region === "dong-bang-song-cuu-long")).toBe(true);

    const mid = await all("minPrice=100000&maxPrice=300000");
    expect(mid.length).toBe(listed.filter((p) => p.priceVnd >= 100000 && p.priceVnd <= 300000).length);
  });

  it("sorts by price both ways and by stars", async () => {
    const asc = (await all("sort=price_asc")).map((i) => i.priceVnd);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await all("sort=price_desc")).map((i) => i.priceVnd);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const stars = (await all("sort=stars")).map((i) => i.stars);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    expect(stars[0]).toBe(5);
  });

  it("finds “nước mắm” when typed without diacritics, and by word prefix", async () => {
    const items = await all("q=nuoc%20mam");
    const expected = listed.filter((p) => fold(`${p.name} ${p.tags.join(" ")}`).includes("nuoc mam"));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    for (const p of expected) expect(items.map((i) => i.productId)).toContain(demoId("product", p.key));
    expect(fold(items[0]?.name ?? "")).toContain("nuoc mam");
    const prefix = await all("q=nuoc%20ma");
    expect(prefix.length).toBeGreaterThanOrEqual(items.length);
  });

  it("finds “đặc sản” from “dac san”", async () => {
    const items = await all("q=dac%20san");
    const expected = listed.filter((p) => fold(`${p.name} ${p.tags.join(" ")}`).includes("dac san"));
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((i) => i.productId)).toEqual(
      expect.arrayContaining(expected.map((p) => demoId("product", p.key))),
    );
  });

  it("combines search with filters", async () => {
    const items = await all("q=dac%20san&minStars=5");
    expect(items.every((i) => i.stars === 5)).toBe(true);
  });

  it("serves a list, a filtered list and a search with at most 2 DynamoDB calls", async () => {
    for (const path of [
      "/api/products",
      "/api/products?province=79&minStars=4&sort=price_asc",
      "/api/products?q=nuoc%20mam&sort=stars",
      "/api/products?group=thu-cong-my-nghe&maxPrice=500000",
    ]) {
      const { status, calls } = await get(path);
      expect(status).toBe(200);
      expect(calls).toBeGreaterThanOrEqual(1);
      expect(calls).toBeLessThanOrEqual(2);
    }
  });

  it.each([
    ["minStars=9", "minStars"],
    ["minStars=2", "minStars"],
    ["limit=1000", "limit"],
    ["sort=cheapest", "sort"],
    ["province=99", "province"],
    ["group=bia", "group"],
    ["minPrice=-5", "minPrice"],
    ["minPrice=500000&maxPrice=1000", "maxPrice"],
    ["cursor=not-a-cursor", "cursor"],
    ["cursor=eyJrIjp7InBrIjoieCJ9fQ", "cursor"],
    ["q=dac&cursor=eyJrIjp7InBrIjoieCJ9fQ", "cursor"],
  ])("rejects %s with a 400 naming %s", async (query, field) => {
    const { status, body } = await get(`/api/products?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_input", field } });
  });
});

describe("search through the word index", () => {
  const producerOf = (key: string) => PRODUCERS.find((m) => m.key === key);
  /** The folded words a demo product is found by: name, producer, province, former province, tags. */
  const wordsOf = (p: (typeof listed)[number]) =>
    fold([p.name, producerOf(p.producer)?.name ?? "", p.formerProvince ?? "", ...p.tags].join(" ")).split(" ");
  const named = (item: Card, word: string) => fold(item.name).split(" ").includes(word);

  it("finds “mật” typed as “mat”, the word in the name first, then by stars", async () => {
    const items = await all("q=mat");
    const ids = items.map((i) => i.productId);
    const expected = listed.filter((p) =>
      fold(`${p.name} ${p.tags.join(" ")}`)
        .split(" ")
        .includes("mat"),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    for (const p of expected) expect(ids).toContain(demoId("product", p.key));
    for (const p of listed.filter((l) => !wordsOf(l).includes("mat"))) {
      expect(ids).not.toContain(demoId("product", p.key));
    }
    const inName = items.filter((i) => named(i, "mat"));
    expect(items.slice(0, inName.length)).toEqual(inName);
    expect(inName.map((i) => i.stars)).toEqual([...inName.map((i) => i.stars)].sort((a, b) => b - a));
  });

  it("pages a search without repeating or skipping a product", async () => {
    for (const q of ["tra", "che", "mat%20ong"]) {
      const paged = (await all(`q=${q}`)).map((i) => i.productId);
      const { body } = await get(`/api/products?q=${q}&limit=48`);
      const whole = (body as Page).items.map((i) => i.productId);
      expect(whole.length).toBeGreaterThan(3);
      expect(paged).toEqual(whole);
    }
  });

  it("completes a word being typed: “nuo” finds what “nuoc” finds, “nuoc ma” what “nuoc mam” does and more", async () => {
    const whole = (await all("q=nuoc")).map((i) => i.productId).sort();
    expect(whole.length).toBeGreaterThanOrEqual(4);
    expect((await all("q=nuo")).map((i) => i.productId).sort()).toEqual(whole);
    const mam = (await all("q=nuoc%20mam")).map((i) => i.productId);
    const typing = (await all("q=nuoc%20ma")).map((i) => i.productId);
    for (const id of mam) expect(typing).toContain(id);
  });

  it("reads a common word's page in one DynamoDB call, a word being typed in a few", async () => {
    for (const q of ["m%E1%BA%ADt", "ch%C3%A8", "g%E1%BA%A1o", "tra", "nuoc%20mam"]) {
      const { status, calls, body } = await get(`/api/products?q=${q}`);
      expect(status).toBe(200);
      expect((body as Page).items.length).toBeGreaterThan(0);
      expect(calls).toBe(1);
    }
    const typed = await get("/api/products?q=nuo");
    expect((typed.body as Page).items.length).toBeGreaterThan(0);
    expect(typed.calls).toBeLessThanOrEqual(2 + 5);
  });

  it("refuses one search's cursor on another search", async () => {
    const { body } = await get("/api/products?q=tra&limit=2");
    const cursor = (body as Page).cursor;
    expect(cursor).not.toBeNull();
    const other = await get(`/api/products?q=mat&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ error: { code: "invalid_input", field: "cursor" } });
  });

  it("serves the filtered list (region, 4 stars and up, by price) from its own shelf in one call", async () => {
    const { status, calls, body } = await get("/api/products?region=dong-bang-song-cuu-long&minStars=4&sort=price_asc");
    expect(status).toBe(200);
    expect(calls).toBe(1);
    const items = (body as Page).items;
    const expected = listed.filter(
      (p) =>
        province(producerOf(p.producer)?.provinceCode ?? "")?.region === "dong-bang-song-cuu-long" &&
        p.certificate.stars >= 4,
    );
    expect(items.map((i) => i.productId).sort()).toEqual(expected.map((p) => demoId("product", p.key)).sort());
    expect(items.map((i) => i.priceVnd)).toEqual([...items.map((i) => i.priceVnd)].sort((a, b) => a - b));
    const five = (await all("minStars=5")).map((i) => i.productId).sort();
    expect(five).toEqual(
      listed
        .filter((p) => p.certificate.stars === 5)
        .map((p) => demoId("product", p.key))
        .sort(),
    );
  });

  it("reads a price range sorted by price as the index's range", async () => {
    const items = await all("minPrice=100000&maxPrice=300000&sort=price_desc");
    expect(items.length).toBe(listed.filter((p) => p.priceVnd >= 100000 && p.priceVnd <= 300000).length);
    expect(items.map((i) => i.priceVnd)).toEqual([...items.map((i) => i.priceVnd)].sort((a, b) => b - a));
  });
});

describe("GET /api/facets", () => {
  interface Facets {
    province: Record<string, number>;
    group: Record<string, number>;
    complete: boolean;
  }
  const countBy = (items: Card[], key: "provinceCode" | "group") => {
    const out: Record<string, number> = {};
    for (const i of items) out[i[key]] = (out[i[key]] ?? 0) + 1;
    return out;
  };
  const without = (query: string, name: string) =>
    query
      .split("&")
      .filter((part) => part && !part.startsWith(`${name}=`))
      .join("&");

  // What the list itself shows, counted: each facet with its own choice left out, the others applied.
  it.each([
    ["q=mat%20ong"],
    ["q=tra&group=do-uong"],
    ["q=nuoc%20mam&minStars=4"],
    ["group=do-uong&minStars=4"],
    ["province=14&region=trung-du-mien-nui-phia-bac"],
    ["minPrice=100000&maxPrice=300000&group=thuc-pham"],
    ["maxPrice=150000&province=91"],
    [""],
  ])("counts %s as the list does, in at most 2 DynamoDB calls", async (query) => {
    const { status, body, calls } = await get(`/api/facets?${query}`);
    expect(status).toBe(200);
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
    const facets = body as Facets;
    expect(facets.complete).toBe(true);
    expect(facets.province).toEqual(countBy(await all(without(query, "province")), "provinceCode"));
    expect(facets.group).toEqual(countBy(await all(without(query, "group")), "group"));
  });

  it("follows the search text: a word narrows the provinces", async () => {
    const everything = (await get("/api/facets")).body as Facets;
    const honey = (await get("/api/facets?q=mat%20ong")).body as Facets;
    const total = (f: Facets) => Object.values(f.province).reduce((a, b) => a + b, 0);
    expect(total(everything)).toBe(listed.length);
    expect(total(honey)).toBeGreaterThan(0);
    expect(total(honey)).toBeLessThan(total(everything));
  });

  it.each([
    ["minStars=2", "minStars"],
    ["province=99", "province"],
    ["minPrice=500000&maxPrice=1000", "maxPrice"],
  ])("rejects %s with a 400 naming %s", async (query, field) => {
    const { status, body } = await get(`/api/facets?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_input", field } });
  });
});

describe("GET /api/products/:id", () => {
  const product = listed.find((p) => p.certificate.score) ?? listed[0];
  it("shows the product with its certificate, validity and producer", async () => {
    if (!product) throw new Error("no demo product");
    const { status, body, calls } = await get(`/api/products/${demoId("product", product.key)}`);
    expect(status).toBe(200);
    const decisionDate = (body as { certificate: { decisionDate: string } }).certificate.decisionDate;
    expect(body).toMatchObject({
      name: product.name,
      priceVnd: product.priceVnd,
      certificate: {
        stars: product.certificate.stars,
        decisionNumber: product.certificate.decisionNumber,
        level: product.certificate.level,
        validUntil: Certificate.validUntil(decisionDate),
      },
      producer: { name: PRODUCERS.find((p) => p.key === product.producer)?.name },
    });
    expect(decisionDate <= addMonths(today, -product.certificate.monthsAgo)).toBe(true);
    expect(calls).toBeLessThanOrEqual(2);
  });

  it("answers 404 for pending and expired products", async () => {
    for (const key of [pendingKeys[0], expiredKeys[0]]) {
      const { status, body } = await get(`/api/products/${demoId("product", key ?? "")}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    expect((await get("/api/products/..%2F..%2Fetc")).status).toBe(400);
    expect((await get(`/api/products/${"z".repeat(26)}`)).status).toBe(404);
  });
});

describe("GET /api/producers/:id", () => {
  it("shows the producer and only their listed products", async () => {
    const producer = PRODUCERS.find((p) => listed.some((l) => l.producer === p.key));
    if (!producer) throw new Error("no demo producer");
    const { status, body, calls } = await get(`/api/producers/${demoId("producer", producer.key)}`);
    expect(status).toBe(200);
    const page = body as { producer: { name: string; photos: string[] }; products: Card[] };
    expect(page.producer.name).toBe(producer.name);
    expect(page.producer).not.toHaveProperty("phone");
    expect(page.products.map((p) => p.productId).sort()).toEqual(
      listed
        .filter((p) => p.producer === producer.key)
        .map((p) => demoId("product", p.key))
        .sort(),
    );
    expect(calls).toBeLessThanOrEqual(2);
  });
});

describe("catalog", () => {
  it("lists the 34 provinces with counts that add up to the storefront", async () => {
    const { body, calls } = await get("/api/provinces");
    const provinces = body as Array<{ code: string; products: number }>;
    expect(provinces).toHaveLength(34);
    expect(provinces.reduce((n, p) => n + p.products, 0)).toBe(listed.length);
    expect(provinces.filter((p) => p.products > 0).length).toBeGreaterThanOrEqual(20);
    expect(calls).toBe(1);
  });

  it("lists the six groups", async () => {
    const { body } = await get("/api/groups");
    expect((body as unknown[]).length).toBe(6);
  });

  it("serves the home page's collections and counts in at most 2 calls", async () => {
    const { body, calls } = await get("/api/home");
    const home = body as { collections: Array<{ id: string; products: Card[] }>; total: number };
    const featured = PRODUCTS.filter((p) => p.featured !== undefined).sort(
      (a, b) => (a.featured ?? 0) - (b.featured ?? 0),
    );
    expect(home.collections[0]?.products.map((p) => p.productId)).toEqual(
      featured.map((p) => demoId("product", p.key)),
    );
    expect(home.total).toBe(listed.length);
    expect(calls).toBeLessThanOrEqual(2);
  });
});

describe("the API's edges", () => {
  it("answers unknown routes with 404 in the one error shape", async () => {
    const { status, body } = await get("/api/nothing-here");
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("speaks English when asked", async () => {
    const vi = await get("/api/products?minStars=9");
    const en = await get("/api/products?minStars=9", { "accept-language": "en-US,en;q=0.9" });
    expect((vi.body as { error: { message: string } }).error.message).toMatch(/không hợp lệ/);
    expect((en.body as { error: { message: string } }).error.message).toMatch(/^Invalid/);
  });

  it("publishes its OpenAPI document and a readable reference", async () => {
    const doc = (await get("/api/openapi.json")).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/products", "/api/products/{id}", "/api/producers/{id}", "/api/provinces"]),
    );
    const res = await app.request("/api/docs");
    const page = await res.text();
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(page).toContain("/api/products/{id}");
    expect(page).toContain("minStars");
  });

  it("reports health", async () => {
    expect((await get("/api/health")).body).toMatchObject({ status: "ok" });
  });
});
