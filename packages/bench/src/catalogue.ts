import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A synthetic national catalogue for `pnpm bench load` (never the demo data): about 17,000 certified products from
 * 5,000 producers across the 34 provinces, written straight into a bench server's DynamoDB Local table as the
 * storefront keeps them (product, its shelves, its search words, the counters), in batches of 25. The words and
 * shelves follow Storefront.sync (packages/core/src/storefront/index.ts); the bench checks the result through the
 * API (the home page's total, a search that finds a synthetic product).
 */

/** Product kinds, weighted roughly as the programme's lists are: honey, tea and rice are the common words. */
const KINDS: Array<{ names: string[]; group: string; unit: string; weight: number; tags: string[] }> = [
  {
    names: ["Mật ong hoa nhãn", "Mật ong bạc hà", "Mật ong rừng", "Mật ong hoa cà phê"],
    group: "thuc-pham",
    unit: "chai",
    weight: 8,
    tags: ["mật ong"],
  },
  {
    names: ["Chè Shan tuyết", "Chè búp khô", "Chè xanh", "Chè móc câu", "Chè ướp sen"],
    group: "do-uong",
    unit: "gói",
    weight: 12,
    tags: ["chè", "trà"],
  },
  {
    names: ["Gạo ST25", "Gạo nếp cái hoa vàng", "Gạo lứt", "Gạo tám thơm", "Gạo séng cù"],
    group: "thuc-pham",
    unit: "túi",
    weight: 8,
    tags: ["gạo"],
  },
  {
    names: ["Nước mắm cá cơm", "Nước mắm truyền thống"],
    group: "thuc-pham",
    unit: "chai",
    weight: 5,
    tags: ["nước mắm"],
  },
  {
    names: ["Cà phê rang xay", "Cà phê hạt Robusta", "Cà phê Arabica"],
    group: "do-uong",
    unit: "gói",
    weight: 7,
    tags: ["cà phê"],
  },
  {
    names: ["Miến dong", "Bún khô", "Phở khô", "Bánh đa"],
    group: "thuc-pham",
    unit: "gói",
    weight: 6,
    tags: ["đặc sản"],
  },
  { names: ["Rượu ngô men lá", "Rượu nếp cẩm", "Rượu mơ"], group: "do-uong", unit: "chai", weight: 5, tags: ["rượu"] },
  {
    names: ["Hạt điều rang muối", "Lạc rang", "Hạt mắc ca"],
    group: "thuc-pham",
    unit: "hộp",
    weight: 5,
    tags: ["hạt"],
  },
  {
    names: ["Tinh dầu sả chanh", "Tinh dầu quế", "Cao dược liệu", "Trà túi lọc atiso"],
    group: "duoc-lieu",
    unit: "lọ",
    weight: 7,
    tags: ["thảo dược"],
  },
  { names: ["Nấm hương khô", "Măng khô", "Mộc nhĩ"], group: "thuc-pham", unit: "gói", weight: 6, tags: ["đặc sản"] },
  {
    names: ["Thịt trâu gác bếp", "Lạp xưởng", "Chả cá", "Khô cá lóc"],
    group: "thuc-pham",
    unit: "gói",
    weight: 6,
    tags: ["đặc sản"],
  },
  {
    names: ["Bưởi da xanh", "Xoài cát Hòa Lộc", "Cam sành", "Vải thiều sấy"],
    group: "thuc-pham",
    unit: "kg",
    weight: 8,
    tags: ["trái cây"],
  },
  {
    names: ["Giỏ mây tre đan", "Khăn thổ cẩm", "Gốm sứ", "Chiếu cói"],
    group: "thu-cong-my-nghe",
    unit: "chiếc",
    weight: 7,
    tags: ["quà tặng"],
  },
  {
    names: ["Lan hồ điệp", "Bonsai", "Cây cảnh mini"],
    group: "sinh-vat-canh",
    unit: "chậu",
    weight: 3,
    tags: ["cây cảnh"],
  },
  { names: ["Tour trải nghiệm làng nghề", "Homestay bản"], group: "du-lich", unit: "vé", weight: 2, tags: ["du lịch"] },
  {
    names: ["Kẹo dừa", "Bánh pía", "Mứt gừng", "Bánh cốm"],
    group: "thuc-pham",
    unit: "hộp",
    weight: 5,
    tags: ["quà tết"],
  },
];
const PLACES = [
  "Suối Giàng",
  "Bảo Lộc",
  "Mộc Châu",
  "Tà Xùa",
  "Phú Quốc",
  "Hòa Bình",
  "Tân Cương",
  "Sóc Trăng",
  "Bắc Hà",
  "Hà Giang",
  "Buôn Ma Thuột",
  "Ninh Thuận",
  "Hải Hậu",
  "Điện Biên",
  "Lục Ngạn",
  "Hưng Yên",
];
const PEOPLE = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Văn Cường",
  "Phạm Thị Dung",
  "Hoàng Văn Em",
  "Vũ Thị Giang",
  "Đặng Văn Hải",
  "Bùi Thị Lan",
];

export interface Catalogue {
  producers: number;
  products: number;
  ms: number;
}

/** Deterministic ids of the API's shape (26 of [0-9a-z]). */
const id = (kind: "m" | "p", n: number) => `${kind}bench${String(n).padStart(20, "0")}`;

export async function seedCatalogue(
  dataDir: string,
  counts = { producers: 5000, products: 17_000 },
  log: (line: string) => void = () => {},
): Promise<Catalogue> {
  const started = Date.now();
  const endpoint = (await readFile(join(dataDir, "dynamodb.endpoint"), "utf8")).trim();
  Object.assign(process.env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: "cho-ocop-local", AWS_REGION: "local" });
  const { DynamoDBClient } = await import("@aws-sdk/client-dynamodb");
  const { BatchWriteCommand, DynamoDBDocumentClient, UpdateCommand } = await import("@aws-sdk/lib-dynamodb");
  const { PROVINCES } = await import("@cho-ocop/core/geo/province");
  const { Producer } = await import("@cho-ocop/core/producer/index");
  const { Product } = await import("@cho-ocop/core/product/index");
  const { CounterEntity } = await import("@cho-ocop/core/producer/counter");
  const { ListingEntity, WordEntity } = await import("@cho-ocop/core/storefront/entities");
  const { storedCard } = await import("@cho-ocop/core/storefront/card");
  const { facetKey } = await import("@cho-ocop/core/storefront/facets");
  const { relevanceKey } = await import("@cho-ocop/core/storefront/relevance");
  const { wordCounter } = await import("@cho-ocop/core/storefront/search");
  const { Storefront } = await import("@cho-ocop/core/storefront/index");
  const { wardsOf } = await import("@cho-ocop/core/geo/ward");
  const { addMonths, vietnamDay } = await import("@cho-ocop/core/util/date");

  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const table = "cho-ocop-local";
  const today = vietnamDay();
  const now = new Date().toISOString();
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;

  const pending: Array<Record<string, unknown>> = [];
  const counters = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  const flush = async (all = false) => {
    while (pending.length >= (all ? 1 : 25 * 8)) {
      const batches = [];
      while (pending.length && batches.length < 8) batches.push(pending.splice(0, 25));
      await Promise.all(
        batches.map(async (batch) => {
          let items = batch.map((Item) => ({ PutRequest: { Item } }));
          while (items.length) {
            const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: items } }));
            items = (out.UnprocessedItems?.[table] ?? []) as typeof items;
          }
        }),
      );
    }
  };
  const put = (params: { Item?: Record<string, unknown> }) => {
    if (params.Item) pending.push(params.Item);
  };

  const producers: Array<Parameters<typeof storedCard>[1]> = [];
  for (let m = 0; m < counts.producers; m++) {
    const p = PROVINCES[m % PROVINCES.length] ?? PROVINCES[0];
    if (!p) throw new Error("no provinces");
    const place = pick(PLACES);
    const kind = pick(["cooperative", "enterprise", "household"] as const);
    const name =
      kind === "cooperative"
        ? `HTX ${pick(["Nông nghiệp", "Dịch vụ", "Sản xuất"])} ${place} ${m}`
        : kind === "enterprise"
          ? `Công ty TNHH ${place} ${m}`
          : `Hộ kinh doanh ${pick(PEOPLE)} ${m}`;
    const record = {
      producerId: id("m", m),
      name,
      kind,
      provinceCode: p.code,
      wardCode: wardsOf(p.code)[0]?.code ?? "",
      street: "",
      phone: `09${String(10_000_000 + m).slice(-8)}`,
      story: "",
      photos: [],
      createdAt: now,
      updatedAt: now,
    };
    producers.push(record as never);
    put(Producer.entity.put(record).params());
    await flush();
  }

  const weights = KINDS.flatMap((k, i) => Array.from({ length: k.weight }, () => i));
  for (let n = 0; n < counts.products; n++) {
    const producer = producers[n % producers.length] as (typeof producers)[number];
    const kind = KINDS[pick(weights)] ?? KINDS[0];
    if (!kind) throw new Error("no kinds");
    const stars = pick([3, 3, 3, 4, 4, 5]);
    const validUntil = addMonths(today, 1 + Math.floor(rand() * 30));
    const listedAt = new Date(Date.now() - Math.floor(rand() * 400 * 86_400_000)).toISOString();
    const product = {
      productId: id("p", n),
      producerId: producer.producerId,
      name: `${pick(kind.names)} ${pick(PLACES)}`,
      group: kind.group,
      provinceCode: producer.provinceCode,
      priceVnd: 20_000 + Math.floor(rand() * 100) * 5_000,
      unit: kind.unit,
      weightGrams: 500,
      stock: 10 + Math.floor(rand() * 200),
      images: [],
      story: "",
      tags: kind.tags,
      status: "approved",
      certificate: {
        certificateId: id("p", n),
        stars,
        score: { a: 30 + stars * 5, b: 20, c: 10 },
        decisionNumber: `${n}/QĐ-UBND`,
        decisionDate: addMonths(validUntil, -36),
        issuer: "UBND tỉnh",
        level: stars === 5 ? "central" : "province",
        validUntil,
      },
      stars,
      validUntil,
      listedAt,
      createdAt: listedAt,
      updatedAt: listedAt,
      version: 1,
    } as const;
    put(Product.entity.put(product as never).params());
    const card = storedCard(product as never, producer);
    // As Storefront.sync lists a product: its shelves, its words (name, producer, province, tags), its counters.
    for (const shelf of Storefront.shelves(card)) put(ListingEntity.put({ ...card, shelf } as never).params());
    const tokens = Storefront.searchWords(product as never, producer).slice(0, Storefront.MAX_WORDS);
    const text = tokens.join(" ");
    for (const token of tokens) {
      put(WordEntity.put({ ...card, token, text, rank: relevanceKey(card, token) } as never).params());
      wordCounts.set(token, (wordCounts.get(token) ?? 0) + 1);
    }
    for (const key of [
      "all",
      `province-${card.provinceCode}`,
      `group-${card.group}`,
      `region-${card.region}`,
      `stars-${card.stars}`,
      facetKey(card),
    ])
      counters.set(key, (counters.get(key) ?? 0) + 1);
    await flush();
    if ((n + 1) % 2000 === 0) log(`  synthetic catalogue: ${n + 1} products written (${Date.now() - started} ms)`);
  }
  await flush(true);
  const keys = [
    ...[...counters].map(([key, count]) => ({ scope: "storefront", key, count })),
    ...[...wordCounts].map(([word, count]) => ({ ...wordCounter(word), count })),
  ];
  for (let i = 0; i < keys.length; i += 16) {
    await Promise.all(
      keys.slice(i, i + 16).map(({ scope, key, count }) => {
        const params = CounterEntity.update({ scope, key }).add({ count }).params();
        return db.send(new UpdateCommand({ ...(params as object), TableName: table } as never));
      }),
    );
  }
  return { producers: counts.producers, products: counts.products, ms: Date.now() - started };
}
