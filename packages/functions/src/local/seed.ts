import { createHash } from "node:crypto";
import { SYSTEM } from "@cho-ocop/core/account/actor";
import { Account } from "@cho-ocop/core/account/index";
import { Combo } from "@cho-ocop/core/combo/index";
import { Curation } from "@cho-ocop/core/curation/index";
import { Producer } from "@cho-ocop/core/producer/index";
import { Product } from "@cho-ocop/core/product/index";
import { Review } from "@cho-ocop/core/review/index";
import { SellerVerification } from "@cho-ocop/core/seller/verification/index";
import { storage } from "@cho-ocop/core/storage/index";
import { Storefront } from "@cho-ocop/core/storefront/index";
import { addMonths, vietnamDay } from "@cho-ocop/core/util/date";
import { seedDemoCouncil } from "./demo/councils";
import { seedDemoDossiers } from "./demo/dossiers";
import { producerImage, productImage } from "./demo/images";
import { demoLabel } from "./demo/labels";
import { DEMO_LIVES, demoLiveStart } from "./demo/lives";
import { PRODUCERS } from "./demo/producers";
import { PRODUCTS } from "./demo/products";
import { seedDemoRegistry } from "./demo/registry";

/** Demo programme staff: central (two), and Sơn La province. */
export const DEMO_STAFF = [
  { phone: "0900000001", scope: "central", name: "Cán bộ Văn phòng Điều phối OCOP Trung ương" },
  // A second central officer, on live duty: moderation is a shift of its own, and each phone gets 5 codes an hour.
  { phone: "0900000002", scope: "central", name: "Cán bộ trực live, Văn phòng Điều phối OCOP Trung ương" },
  { phone: "0900000014", scope: "14", name: "Cán bộ OCOP tỉnh Sơn La" },
  // Cần Thơ's OCOP officer, the secretary of the council in the evaluation cycle's story (e2e/ocop-cycle.spec.ts).
  { phone: "0900000151", scope: "92", name: "Cán bộ OCOP thành phố Cần Thơ" },
  // Central statistics, who read the programme dashboard (e2e), and Sơn La's officer who decides producer claims.
  { phone: "0900000165", scope: "central", name: "Cán bộ thống kê, Văn phòng Điều phối OCOP Trung ương" },
  { phone: "0900000170", scope: "14", name: "Cán bộ tiếp nhận hồ sơ OCOP tỉnh Sơn La" },
];

/** Gift boxes staff offer for combos. */
export const DEMO_BOXES = {
  "hop-giay-kraft": {
    nameVi: "Hộp giấy kraft in hoa văn",
    nameEn: "Patterned kraft box",
    priceVnd: 35_000,
    capacityGrams: 3_000,
    weightGrams: 250,
  },
  "gio-may-tre": {
    nameVi: "Giỏ mây tre đan",
    nameEn: "Woven rattan basket",
    priceVnd: 60_000,
    capacityGrams: 6_000,
    weightGrams: 600,
  },
  "hop-go-son-mai": {
    nameVi: "Hộp gỗ sơn mài",
    nameEn: "Lacquered wooden box",
    priceVnd: 150_000,
    capacityGrams: 4_000,
    weightGrams: 900,
  },
};

/** Staff-curated gift combos with their fixed price (box included). */
export const DEMO_TEMPLATES = {
  "qua-tet-tay-bac": {
    titleVi: "Quà Tết Tây Bắc",
    titleEn: "Northwest Tết gift",
    descriptionVi: "Chè Shan Tuyết, thịt trâu gác bếp, mật ong bạc hà và cà phê Arabica Sơn La trong giỏ mây tre.",
    products: ["che-shan-tuyet-suoi-giang", "thit-trau-gac-bep", "mat-ong-bac-ha-meo-vac", "ca-phe-arabica-son-la"],
    boxId: "gio-may-tre",
    fixedPriceVnd: 1_890_000,
    position: 0,
  },
  "huong-vi-mien-tay": {
    titleVi: "Hương vị miền Tây",
    titleEn: "Flavours of the Mekong",
    descriptionVi: "Nước mắm Phú Quốc, kẹo dừa sầu riêng, trà tim sen Tháp Mười và mật ong rừng U Minh.",
    products: ["nuoc-mam-phu-quoc-40", "keo-dua-sau-rieng", "tra-tim-sen-thap-muoi", "mat-ong-rung-u-minh"],
    boxId: "hop-giay-kraft",
    fixedPriceVnd: 640_000,
    position: 1,
  },
  "tra-banh-co-do": {
    titleVi: "Trà và quà cố đô Huế",
    titleEn: "Tea and treats of Huế",
    descriptionVi: "Trà cung đình, mè xửng và mắm tôm chà — ba hương vị của Huế.",
    products: ["tra-cung-dinh-hue", "me-xung-hue", "mam-tom-cha-hue"],
    boxId: "hop-giay-kraft",
    fixedPriceVnd: 295_000,
    position: 2,
  },
};

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** A stable id for a demo record, so demo links stay the same across reseeds. */
export function demoId(kind: "producer" | "product", key: string): string {
  const digest = createHash("sha256").update(`${kind}:${key}`).digest();
  let id = "";
  for (let i = 0; i < 26; i++) id += CROCKFORD[(digest[i] ?? 0) % 32];
  return id;
}

function daysBefore(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function isSeeded(): Promise<boolean> {
  const first = PRODUCERS[0];
  if (!first) return false;
  const { data } = await Producer.entity.get({ producerId: demoId("producer", first.key) }).go();
  return data !== null;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Writes the demo producers, products, certificates, images and collections. */
export async function seedDemo(today = vietnamDay()): Promise<{ producers: number; products: number }> {
  const store = storage();
  const producerIds = new Map<string, string>();
  const producerProvince = new Map<string, string>();

  await inBatches(PRODUCERS, 6, async (p) => {
    const producerId = demoId("producer", p.key);
    const photo = `media/producers/${producerId}/1.svg`;
    await store.put(photo, producerImage({ name: p.name, seed: p.key }), "image/svg+xml");
    await Producer.create({
      producerId,
      name: p.name,
      kind: p.kind,
      provinceCode: p.provinceCode,
      wardCode: p.wardCode,
      street: p.street,
      phone: p.phone,
      email: p.email,
      story: p.story,
      photos: [photo],
    });
    // Each demo producer's phone signs in as its seller (codes arrive in the local outbox), verified to go live.
    const seller = await Account.assign({ phone: p.phone }, { role: "seller", producerId });
    await SellerVerification.recordVerified(SYSTEM, {
      userId: seller.userId,
      producerId,
      provinceCode: p.provinceCode,
      fullName: seller.name ?? p.name,
    });
    producerIds.set(p.key, producerId);
    producerProvince.set(p.key, p.provinceCode);
  });

  await inBatches(PRODUCTS, 8, async (p) => {
    const productId = demoId("product", p.key);
    const producerId = producerIds.get(p.producer);
    const provinceCode = producerProvince.get(p.producer);
    if (!producerId || !provinceCode) throw new Error(`demo product ${p.key}: unknown producer ${p.producer}`);
    const images = [1, 2].map((n) => `media/products/${productId}/${n}.svg`);
    await Promise.all(
      images.map((key, index) =>
        store.put(key, productImage({ name: p.name, kind: p.kind, seed: p.key, index }), "image/svg+xml"),
      ),
    );
    await Product.create({
      productId,
      producerId,
      name: p.name,
      group: p.group,
      provinceCode,
      formerProvince: p.formerProvince,
      priceVnd: p.priceVnd,
      unit: p.unit,
      weightGrams: p.weightGrams,
      stock: p.stock,
      images,
      story: p.story,
      tags: p.tags,
      label: demoLabel(p),
    });
    const { monthsAgo, daysAgo = 0, ...certificate } = p.certificate;
    await Review.submit(SYSTEM, productId, {
      certificate: { ...certificate, decisionDate: daysBefore(addMonths(today, -monthsAgo), daysAgo) },
    });
    if (p.status === "approved") await Review.approve(SYSTEM, productId);
  });

  for (const staff of DEMO_STAFF) {
    await Account.assign({ phone: staff.phone }, { role: "staff", staffScope: staff.scope, name: staff.name });
  }
  const mocChau = PRODUCERS.find((p) => p.key === "nong-san-moc-chau");
  if (mocChau) await seedDemoDossiers(demoId("producer", mocChau.key), mocChau.wardCode, mocChau.provinceCode);
  if (mocChau) {
    const at = {
      producerId: demoId("producer", mocChau.key),
      wardCode: mocChau.wardCode,
      provinceCode: mocChau.provinceCode,
    };
    await seedDemoCouncil({ ...at, productId: demoId("product", "che-o-long-moc-chau") }, today);
  }

  const featured = PRODUCTS.filter((p) => p.featured !== undefined).sort(
    (a, b) => (a.featured ?? 0) - (b.featured ?? 0),
  );
  await Curation.put(SYSTEM, "noi-bat", {
    titleVi: "Sản phẩm nổi bật",
    titleEn: "Featured products",
    position: 0,
    productIds: featured.map((p) => demoId("product", p.key)),
  });
  const gifts = PRODUCTS.filter(
    (p) => p.status === "approved" && p.featured === undefined && p.tags.some((t) => /quà tết/i.test(t)),
  ).slice(0, 8);
  await Curation.put(SYSTEM, "qua-tet", {
    titleVi: "Quà Tết ba miền",
    titleEn: "Tết gifts from the three regions",
    position: 1,
    productIds: gifts.map((p) => demoId("product", p.key)),
  });
  for (const [boxId, box] of Object.entries(DEMO_BOXES)) await Combo.putBox(SYSTEM, boxId, box);
  for (const [templateId, t] of Object.entries(DEMO_TEMPLATES)) {
    await Combo.putTemplate(SYSTEM, templateId, { ...t, productIds: t.products.map((key) => demoId("product", key)) });
  }
  // The storefront's re-index job, as a deploy runs it: the demo is written current, so it only counts the words.
  await Storefront.reindexIfStale(today);
  // A province's existing OCOP list in the public register, one certificate of each status.
  await seedDemoRegistry(today);
  return { producers: PRODUCERS.length, products: PRODUCTS.length };
}

/**
 * Schedules the demo lives of producers that have nothing coming up (first start, or after the last demo live
 * passed), so the Live page is never empty on `pnpm start`. Needs the live runtime (its video and chat providers),
 * so `pnpm start` calls it once that runs. Returns how many it scheduled.
 */
export async function seedDemoLives(now = new Date()): Promise<number> {
  const { PRODUCERS: producers } = await import("./demo/producers");
  const { Live } = await import("@cho-ocop/core/live/index");
  let scheduled = 0;
  for (const live of DEMO_LIVES) {
    const producer = producers.find((p) => p.key === live.producer);
    if (!producer) throw new Error(`demo live: unknown producer ${live.producer}`);
    const seller = await Account.assign(
      { phone: producer.phone },
      { role: "seller", producerId: demoId("producer", producer.key) },
    );
    const actor = { kind: "user" as const, user: seller };
    // A database seeded before sellers were verified (E-commerce Law) still lets its demo sellers go live.
    if ((await SellerVerification.mine(actor)).status !== "verified") {
      await SellerVerification.recordVerified(SYSTEM, {
        userId: seller.userId,
        producerId: demoId("producer", producer.key),
        provinceCode: producer.provinceCode,
        fullName: seller.name ?? producer.name,
      });
    }
    const sessions = await Live.mine(actor);
    if (
      sessions.some((s) => s.status === "live" || (s.status === "scheduled" && Date.parse(s.startAt) > now.getTime()))
    )
      continue;
    await Live.schedule(actor, {
      title: live.title,
      startAt: demoLiveStart(live, now),
      productIds: live.products.map((key) => demoId("product", key)),
    });
    scheduled++;
  }
  return scheduled;
}
