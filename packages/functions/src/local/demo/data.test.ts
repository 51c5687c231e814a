import { Certificate } from "@cho-ocop/core/certificate/index";
import { province } from "@cho-ocop/core/geo/province";
import { GROUP_IDS } from "@cho-ocop/core/group/index";
import { Live } from "@cho-ocop/core/live/index";
import { Producer } from "@cho-ocop/core/producer/index";
import { Product } from "@cho-ocop/core/product/index";
import { Label, missingLabel } from "@cho-ocop/core/product/label";
import { addMonths, vietnamDay } from "@cho-ocop/core/util/date";
import { fold } from "@cho-ocop/core/util/fold";
import { describe, expect, it } from "vitest";
import { DRAWN_KINDS, escapeXml, producerImage, productImage } from "./images";
import { demoLabel } from "./labels";
import { DEMO_LIVES, demoLiveStart } from "./lives";
import { PRODUCERS } from "./producers";
import { PRODUCTS } from "./products";
import type { DemoProduct } from "./types";

const producerOf = new Map(PRODUCERS.map((p) => [p.key, p]));
const today = vietnamDay();

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** How the seed turns `monthsAgo`/`daysAgo` into a decision date. */
function decisionDateOf(cert: DemoProduct["certificate"], day: string): string {
  return addDays(addMonths(day, -cert.monthsAgo), -(cert.daysAgo ?? 0));
}

function validity(p: DemoProduct, day = today) {
  const decisionDate = decisionDateOf(p.certificate, day);
  const validUntil = Certificate.validUntil(decisionDate);
  return {
    valid: Certificate.isValidOn({ decisionDate, validUntil }, day),
    daysLeft: Certificate.daysLeft({ validUntil }, day),
  };
}

function provinceOf(p: DemoProduct) {
  const producer = producerOf.get(p.producer);
  if (!producer) throw new Error(`${p.key}: unknown producer ${p.producer}`);
  return producer.provinceCode;
}

describe("demo producers", () => {
  it("has at least 15 producers of all three kinds", () => {
    expect(PRODUCERS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(PRODUCERS.map((p) => p.kind))).toEqual(new Set(Producer.Kind.options));
  });

  it("keys are unique and short", () => {
    const keys = PRODUCERS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(PRODUCERS.map((p) => [p.key, p] as const))("%s passes Producer.Input (real ward of its province)", (_, p) => {
    const parsed = Producer.Input.safeParse(p);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("every producer sells at least one product", () => {
    const used = new Set(PRODUCTS.map((p) => p.producer));
    expect(PRODUCERS.filter((p) => !used.has(p.key)).map((p) => p.key)).toEqual([]);
  });
});

describe("demo products", () => {
  it("has at least 60 products from at least 20 provinces", () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PRODUCTS.map(provinceOf)).size).toBeGreaterThanOrEqual(20);
  });

  it("covers all six groups, at least 3 products each", () => {
    for (const group of GROUP_IDS) {
      expect(PRODUCTS.filter((p) => p.group === group).length, group).toBeGreaterThanOrEqual(3);
    }
  });

  it("has 3★, 4★ and 5★ products, at least 5 of them 5★", () => {
    const stars = PRODUCTS.map((p) => p.certificate.stars);
    expect(new Set(stars)).toEqual(new Set([3, 4, 5]));
    expect(stars.filter((s) => s === 5).length).toBeGreaterThanOrEqual(5);
  });

  it("keys are unique and every producer key exists", () => {
    const keys = PRODUCTS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PRODUCTS.filter((p) => !producerOf.has(p.producer)).map((p) => p.key)).toEqual([]);
  });

  it.each(PRODUCTS.map((p) => [p.key, p] as const))("%s passes Product.Fields and Certificate.Input", (_, p) => {
    const { key, producer, featured, certificate, status, kind, ...fields } = p;
    const product = Product.Fields.safeParse({ ...fields, producerId: "0".repeat(26), provinceCode: provinceOf(p) });
    expect(product.error?.issues ?? []).toEqual([]);

    const { monthsAgo, daysAgo, ...cert } = certificate;
    const parsed = Certificate.Input.safeParse({ ...cert, decisionDate: "2025-03-14" });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(PRODUCTS.map((p) => [p.key, p] as const))("%s is certified by the right body", (_, p) => {
    const c = p.certificate;
    if (c.level === "central") {
      expect(c.issuer).toBe("Bộ Nông nghiệp và Môi trường");
    } else {
      const name = province(provinceOf(p))?.name ?? "";
      const expected = name.startsWith("Thành phố ") ? `UBND thành phố ${name.slice(10)}` : `UBND tỉnh ${name}`;
      expect(c.issuer).toBe(expected);
    }
  });

  it("a former province is one merged into the producer's province", () => {
    for (const p of PRODUCTS.filter((p) => p.formerProvince)) {
      expect(province(provinceOf(p))?.formerly, p.key).toContain(p.formerProvince);
    }
  });

  it("prices are whole thousands of đồng; services weigh nothing", () => {
    for (const p of PRODUCTS) {
      expect(p.priceVnd % 1000, p.key).toBe(0);
      expect(p.stock, p.key).toBeLessThanOrEqual(500);
      if (p.group === "du-lich") expect(p.weightGrams, p.key).toBe(0);
      else expect(p.weightGrams, p.key).toBeGreaterThan(0);
    }
  });

  it("offers words shoppers search for without diacritics", () => {
    expect(PRODUCTS.filter((p) => fold(p.name).includes("nuoc mam")).length).toBeGreaterThanOrEqual(2);
    const tagged = (t: string) => PRODUCTS.filter((p) => p.tags.some((tag) => fold(tag).includes(t))).length;
    expect(tagged("dac san")).toBeGreaterThanOrEqual(5);
    expect(tagged("qua tet")).toBeGreaterThanOrEqual(3);
    expect(tagged("qua bieu")).toBeGreaterThanOrEqual(3);
  });
});

describe("demo labels", () => {
  it("every product's label has what its group must show, with a parsed net quantity for food", () => {
    for (const p of PRODUCTS) {
      const label = demoLabel(p);
      expect(missingLabel(p.group, label), p.key).toEqual([]);
      expect(Label.safeParse(label).success, p.key).toBe(true);
    }
    const gift = PRODUCTS.find((p) => p.key === "hop-qua-nuoc-mam-phu-quoc");
    expect(gift && demoLabel(gift).netContent).toBe("2 × 500 ml");
    const tea = PRODUCTS.find((p) => p.key === "che-shan-tuyet-suoi-giang");
    expect(tea && demoLabel(tea)).toMatchObject({ netContent: "200 g", ingredients: "Búp chè tươi 100%" });
  });
});

describe("certificate validity and review state", () => {
  const approved = PRODUCTS.filter((p) => p.status === "approved");
  const pending = PRODUCTS.filter((p) => p.status === "pending");

  it("exactly 4 approved products have an expired certificate", () => {
    expect(approved.filter((p) => !validity(p).valid).length).toBe(4);
  });

  it("at least 2 approved products expire within the next 60 days (10 to 50 days ahead)", () => {
    const expiring = approved.filter((p) => validity(p).valid && validity(p).daysLeft <= 60);
    expect(expiring.length).toBeGreaterThanOrEqual(2);
    for (const p of expiring) {
      expect(validity(p).daysLeft, p.key).toBeGreaterThanOrEqual(10);
      expect(validity(p).daysLeft, p.key).toBeLessThanOrEqual(50);
    }
  });

  it("stays the same on any seeding day", () => {
    for (const day of ["2026-01-31", "2026-02-28", "2027-03-31", "2028-02-29", "2030-12-01"]) {
      expect(approved.filter((p) => !validity(p, day).valid).length, day).toBe(4);
      const expiring = approved.filter((p) => validity(p, day).valid && validity(p, day).daysLeft <= 60);
      expect(expiring.length, day).toBe(3);
      for (const p of expiring) expect(validity(p, day).daysLeft, `${day} ${p.key}`).toBeGreaterThanOrEqual(10);
    }
  });

  it("exactly 4 products wait for review, all with valid certificates", () => {
    expect(pending.length).toBe(4);
    for (const p of pending) expect(validity(p).valid, p.key).toBe(true);
  });

  it("featured products are approved, valid, not about to expire, numbered 1..n", () => {
    const featured = PRODUCTS.filter((p) => p.featured !== undefined).sort((a, b) => a.featured! - b.featured!);
    expect(featured.length).toBeGreaterThanOrEqual(8);
    expect(featured.map((p) => p.featured)).toEqual(featured.map((_, i) => i + 1));
    for (const p of featured) {
      expect(p.status, p.key).toBe("approved");
      expect(validity(p).valid, p.key).toBe(true);
      expect(validity(p).daysLeft, p.key).toBeGreaterThan(60);
    }
    expect(new Set(featured.map((p) => p.group)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(featured.map(provinceOf)).size).toBeGreaterThanOrEqual(8);
  });
});

describe("placeholder images", () => {
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
  /** The drawing itself: every shape's geometry, without the seed's position, tint and background spots. */
  const shapes = (svg: string) =>
    (svg.match(/ (d|cx|cy|rx|ry|width|height)="[^"]*"/g) ?? []).filter((a) => !/"(800|600)"/.test(a)).join("");
  const art = (svg: string) => shapes(svg.slice(svg.indexOf("<g ")));

  it("productImage returns a small, well-formed SVG naming the product", () => {
    const name = `Nước mắm "Cá & Muối" <40 độ đạm> của O' Lan, chai thủy tinh quà biếu Tết`;
    for (const kind of DRAWN_KINDS) {
      for (const index of [0, 1]) {
        const svg = productImage({ name, kind, seed: "nuoc-mam-test", index });
        expect(svg.startsWith("<svg")).toBe(true);
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(svg).toContain('viewBox="0 0 800 600"');
        expect(svg).toContain("<title>Nước mắm &quot;Cá &amp; Muối&quot; &lt;40 độ đạm&gt; của O&apos; Lan");
        expect(svg).toContain(`data-kind="${kind}"`);
        expect(svg).not.toMatch(entity);
        expect(svg).not.toContain("<40");
        expect(new TextEncoder().encode(svg).length).toBeLessThan(4096);
      }
    }
  });

  it("each kind has its own drawing, different from every other kind's", () => {
    const drawings = new Map(
      DRAWN_KINDS.map((kind) => [kind, art(productImage({ name: "x", kind, seed: "s", index: 0 }))]),
    );
    for (const [kind, drawing] of drawings) expect(drawing.length, kind).toBeGreaterThan(100);
    expect(new Set(drawings.values()).size).toBe(DRAWN_KINDS.length);
    // The same kind is the same drawing whatever the seed: placed, tinted and mirrored differently.
    for (const kind of DRAWN_KINDS) {
      expect(art(productImage({ name: "y", kind, seed: "another", index: 1 })), kind).toBe(drawings.get(kind));
    }
  });

  it("every demo product is drawn as what it is", () => {
    const kindOf = new Map(PRODUCTS.map((p) => [p.key, p.kind]));
    const expectKind = (pattern: RegExp, kind: string) => {
      const matching = PRODUCTS.filter((p) => pattern.test(fold(p.name)));
      expect(matching.length, String(pattern)).toBeGreaterThan(0);
      for (const p of matching) expect(kindOf.get(p.key), p.name).toBe(kind);
    };
    expectKind(/^(che |hong tra|tra cung dinh)/, "tea");
    expectKind(/^ca phe/, "coffee");
    expectKind(/^ruou/, "liquor");
    expectKind(/^(mat ong|hop qua mat ong)/, "honey");
    expectKind(/nuoc mam/, "fish-sauce");
    expectKind(/^gao/, "rice");
    expectKind(/^tinh dau/, "oil");
    expectKind(/^(lan |kieng)/, "flower");
    expectKind(/bonsai/, "bonsai");
    expectKind(/^non /, "hat");
    expectKind(/^ca koi/, "koi");
    expectKind(/^(to yen|nuoc yen)/, "bird-nest");
    expectKind(/^(buoi)/, "fruit");
    for (const p of PRODUCTS) {
      expect(DRAWN_KINDS, p.key).toContain(p.kind);
      if (p.group === "du-lich") expect(["tour", "stay"], p.key).toContain(p.kind);
      if (p.group === "sinh-vat-canh") expect(["bonsai", "flower", "koi"], p.key).toContain(p.kind);
      if (p.group === "thu-cong-my-nghe") expect(["ceramics", "weaving", "textile", "hat"], p.key).toContain(p.kind);
      const svg = productImage({ name: p.name, kind: p.kind, seed: p.key, index: 0 });
      expect(svg).toContain(`data-kind="${p.kind}"`);
    }
    // A market, not one drawing: the 89 products show at least 25 kinds.
    expect(new Set(PRODUCTS.map((p) => p.kind)).size).toBeGreaterThanOrEqual(25);
  });

  it("every demo product and producer gets an image under 4 KB, varying with seed and index", () => {
    const seen = new Set<string>();
    for (const p of PRODUCTS) {
      for (const index of [0, 1]) {
        const svg = productImage({ name: p.name, kind: p.kind, seed: p.key, index });
        expect(svg).toContain(`<title>${escapeXml(p.name)}</title>`);
        expect(svg).not.toMatch(entity);
        expect(new TextEncoder().encode(svg).length, p.key).toBeLessThan(4096);
        seen.add(svg);
      }
      expect(productImage({ name: p.name, kind: p.kind, seed: p.key, index: 0 })).toBe(
        productImage({ name: p.name, kind: p.kind, seed: p.key, index: 0 }),
      );
    }
    expect(seen.size).toBe(PRODUCTS.length * 2);
    for (const p of PRODUCERS) {
      const svg = producerImage({ name: p.name, seed: p.key });
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toMatch(entity);
      expect(new TextEncoder().encode(svg).length, p.key).toBeLessThan(4096);
    }
  });
});

describe("demo live sessions", () => {
  const productOf = new Map(PRODUCTS.map((p) => [p.key, p]));

  it("has at least two, by different producers", () => {
    expect(DEMO_LIVES.length).toBeGreaterThanOrEqual(2);
    expect(new Set(DEMO_LIVES.map((l) => l.producer)).size).toBe(DEMO_LIVES.length);
  });

  it.each(DEMO_LIVES.map((l) => [l.title, l] as const))("%s features its own producer's approved products", (_, l) => {
    expect(producerOf.has(l.producer)).toBe(true);
    for (const key of l.products) {
      const product = productOf.get(key);
      expect(product?.producer, key).toBe(l.producer);
      expect(product?.status, key).toBe("approved");
      expect(validity(product as DemoProduct).valid, key).toBe(true);
    }
  });

  it.each(DEMO_LIVES.map((l) => [l.title, l] as const))("%s passes Live.ScheduleInput", (_, l) => {
    const parsed = Live.ScheduleInput.safeParse({
      title: l.title,
      startAt: demoLiveStart(l),
      productIds: l.products.map((_, i) => `${"0".repeat(25)}${i}`),
    });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("starts in the coming days, in the evening in Vietnam, within the 60 days a live may be scheduled", () => {
    const now = new Date("2026-03-10T18:00:00Z"); // 01:00 on 11 March in Vietnam
    expect(demoLiveStart({ daysAhead: 1, hour: 19, minute: 30 }, now)).toBe("2026-03-12T19:30:00+07:00");
    for (const l of DEMO_LIVES) {
      const at = Date.parse(demoLiveStart(l));
      expect(at).toBeGreaterThan(Date.now());
      expect(at).toBeLessThan(Date.now() + 60 * 86_400_000);
    }
  });
});
