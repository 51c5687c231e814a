import { z } from "zod";
import { Certificate } from "../certificate";
import { Combo } from "../combo";
import { allocate, comboPrice } from "../combo/pricing";
import { type Deal, DealEntity } from "../live/deal/entities";
import { Producer } from "../producer";
import { Product } from "../product";
import { Settings } from "../settings";
import { Shipping } from "../shipping";
import { storage } from "../storage";
import { vietnamDay } from "../util/date";

export type Line =
  | { lineId: string; kind: "product"; productId: string; quantity: number; dealId?: string }
  | { lineId: string; kind: "combo"; comboId: string; quantity: number };

export const Problem = z.enum(["unavailable", "insufficient_stock"]);
export type Problem = z.infer<typeof Problem>;

/** A product as priced from the catalog: alone on a line, or as a part of a combo. */
export const PricedPart = z.object({
  productId: z.string(),
  name: z.string(),
  image: z.string().nullable(),
  producerId: z.string(),
  producerName: z.string(),
  priceVnd: z.number(),
  weightGrams: z.number(),
  available: z.boolean(),
});
export type PricedPart = z.infer<typeof PricedPart>;

export const ProductLine = PricedPart.extend({
  lineId: z.string(),
  kind: z.literal("product"),
  quantity: z.number(),
  unitPriceVnd: z.number(),
  subtotalVnd: z.number(),
  stock: z.number(),
  problem: Problem.nullable(),
  /** The live deal this line is priced under, while it runs and has enough left; null otherwise. */
  deal: z
    .object({
      dealId: z.string(),
      sessionId: z.string(),
      priceVnd: z.number(),
      endsAt: z.string(),
      perBuyer: z.number(),
    })
    .nullable(),
  /** The line was added under a deal that has ended or sold out: it is priced normally now. */
  dealEnded: z.boolean(),
});

export const GiftBoxPrice = z.object({ boxId: z.string(), name: z.string(), priceVnd: z.number() });

export const ComboLine = z.object({
  lineId: z.string(),
  kind: z.literal("combo"),
  comboId: z.string(),
  title: z.string().nullable(),
  greeting: z.string().nullable(),
  box: GiftBoxPrice,
  parts: z.array(PricedPart),
  quantity: z.number(),
  /** The combo's price for one: parts less the discount, plus the box (or the template's fixed price). */
  unitPriceVnd: z.number(),
  discountVnd: z.number(),
  percent: z.number(),
  subtotalVnd: z.number(),
  problem: Problem.nullable(),
});

export const PricedLine = z.discriminatedUnion("kind", [ProductLine, ComboLine]);
export type PricedLine = z.infer<typeof PricedLine>;

/** A product a producer ships: a line of its own or a part of a combo line. */
export const ParcelItem = z.object({
  productId: z.string(),
  name: z.string(),
  quantity: z.number(),
  unitPriceVnd: z.number(),
  comboLineId: z.string().nullable(),
});
/** A gift box (and its card) a producer packs for a combo line. */
export const ParcelBox = z.object({
  comboLineId: z.string(),
  boxName: z.string(),
  quantity: z.number(),
  greeting: z.string().nullable(),
});

export const FulfilmentQuote = z.object({
  producerId: z.string(),
  producerName: z.string(),
  fromProvince: z.string(),
  /** What this producer ships: product lines and combo parts, with their share of combo discounts. */
  items: z.array(ParcelItem),
  weightGrams: z.number(),
  goodsVnd: z.number(),
  discountVnd: z.number(),
  shippingVnd: z.number().nullable(),
  totalVnd: z.number(),
  /** The producer who packs the gift boxes and cards of combos whose first product is theirs. */
  boxes: z.array(ParcelBox),
});
export type FulfilmentQuote = z.infer<typeof FulfilmentQuote>;

export const Totals = z.object({
  goodsVnd: z.number(),
  discountVnd: z.number(),
  shippingVnd: z.number().nullable(),
  totalVnd: z.number(),
  freeShipping: z.boolean(),
});

export const QuoteProblem = z.object({ lineId: z.string(), productId: z.string().nullable(), problem: Problem });

export interface Quote {
  lines: PricedLine[];
  fulfilments: FulfilmentQuote[];
  totals: z.infer<typeof Totals>;
  /** Units each product needs from its stock (a running deal's lines need none): what placing the order reserves. */
  needs: Map<string, number>;
  /** Units taken from each live deal, with the deal as read (its limits go into the order's conditions). */
  dealNeeds: Array<{ deal: Deal; quantity: number }>;
  /** Running deals marked sold out whose lines are priced normally instead. */
  soldOut: Deal[];
  problems: Array<z.infer<typeof QuoteProblem>>;
  pricing: Settings.Pricing;
}

/**
 * Prices lines from the catalog — never from anything a client sent — and groups them into one fulfilment per
 * producer with its shipping fee to `toProvince` (when known).
 */
export async function quote(
  lines: Line[],
  toProvince?: string,
  today = vietnamDay(),
  now = new Date(),
  /** The lines' deals when the caller has just read them. */
  readDeals?: Deal[],
): Promise<Quote> {
  // The lines' own products are read beside their deals, combos and prices (a combo's parts after it is read).
  const lineProductIds = [...new Set(lines.flatMap((l) => (l.kind === "product" ? [l.productId] : [])))];
  const lineProducts = lineProductIds.length
    ? Product.entity.get(lineProductIds.map((productId) => ({ productId }))).go()
    : Promise.resolve({ data: [] as Product.Record[] });
  lineProducts.catch(() => undefined);
  const deals = readDeals ?? (await dealsOf(lines));
  const dealById = new Map(deals.map((d) => [d.dealId, d]));
  const dealWanted = new Map<string, number>();
  for (const l of lines)
    if (l.kind === "product" && l.dealId) dealWanted.set(l.dealId, (dealWanted.get(l.dealId) ?? 0) + l.quantity);
  const stamp = now.toISOString();
  // A deal prices its line while it runs and is not marked sold out; whether units are left is the order's to find.
  const dealFor = (line: Extract<Line, { kind: "product" }>) => {
    const deal = line.dealId ? dealById.get(line.dealId) : undefined;
    const running = deal && deal.productId === line.productId && deal.startsAt <= stamp && stamp < deal.endsAt;
    return running && !deal.soldOutAt && (dealWanted.get(deal.dealId) ?? 0) <= deal.quantity ? deal : undefined;
  };
  const comboIds = [...new Set(lines.flatMap((l) => (l.kind === "combo" ? [l.comboId] : [])))];
  const [combos, pricing] = await Promise.all([
    comboIds.length ? Combo.entity.get(comboIds.map((comboId) => ({ comboId }))).go() : { data: [] },
    Settings.pricing(),
  ]);
  const comboById = new Map(combos.data.map((c) => [c.comboId, c]));
  const boxIds = [...new Set(combos.data.map((c) => c.boxId))];
  const productIds = [
    ...new Set(
      lines.flatMap((l) => (l.kind === "product" ? [l.productId] : (comboById.get(l.comboId)?.productIds ?? []))),
    ),
  ];
  const partIds = productIds.filter((id) => !lineProductIds.includes(id));
  const [boxes, own, parts] = await Promise.all([
    boxIds.length
      ? Combo.boxEntity.get(boxIds.map((boxId) => ({ scope: "giftboxes", boxId }))).go()
      : { data: [] as Combo.Box[] },
    lineProducts,
    partIds.length ? Product.entity.get(partIds.map((productId) => ({ productId }))).go() : { data: [] },
  ]);
  const products = { data: [...own.data, ...parts.data] };
  const boxById = new Map(boxes.data.map((b) => [b.boxId, b]));
  const productById = new Map(products.data.map((p) => [p.productId, p]));
  const producerIds = [...new Set(products.data.map((p) => p.producerId))];
  const producers = producerIds.length
    ? await Producer.entity.get(producerIds.map((producerId) => ({ producerId }))).go()
    : { data: [] as Producer.Record[] };
  const producerById = new Map(producers.data.map((p) => [p.producerId, p]));

  const listed = (p: Product.Record | undefined) =>
    !!p && p.status === "approved" && !!p.certificate && Certificate.isValidOn(p.certificate, today);
  const part = (productId: string): PricedPart => {
    const p = productById.get(productId);
    return {
      productId,
      name: p?.name ?? "",
      image: p?.images?.[0] ? storage().publicUrl(p.images[0]) : null,
      producerId: p?.producerId ?? "",
      producerName: producerById.get(p?.producerId ?? "")?.name ?? "",
      priceVnd: p?.priceVnd ?? 0,
      weightGrams: p?.weightGrams ?? 0,
      available: listed(p),
    };
  };

  // A deal's units were set aside from the product's stock when it opened: its lines take none of what is left.
  const needs = new Map<string, number>();
  for (const line of lines) {
    if (line.kind === "product" && dealFor(line)) continue;
    const ids = line.kind === "product" ? [line.productId] : (comboById.get(line.comboId)?.productIds ?? []);
    for (const id of ids) needs.set(id, (needs.get(id) ?? 0) + line.quantity);
  }
  const stockProblem = (productId: string): Problem | null => {
    const p = productById.get(productId);
    if (!listed(p)) return "unavailable";
    return (p?.stock ?? 0) < (needs.get(productId) ?? 0) ? "insufficient_stock" : null;
  };

  const priced: PricedLine[] = [];
  const problems: Quote["problems"] = [];
  for (const line of lines) {
    if (line.kind === "product") {
      const p = part(line.productId);
      const problem = stockProblem(line.productId);
      if (problem) problems.push({ lineId: line.lineId, productId: line.productId, problem });
      const deal = dealFor(line);
      const unit = deal ? deal.priceVnd : p.priceVnd;
      priced.push({
        ...p,
        lineId: line.lineId,
        kind: "product",
        quantity: line.quantity,
        unitPriceVnd: unit,
        subtotalVnd: unit * line.quantity,
        stock: productById.get(line.productId)?.stock ?? 0,
        problem,
        deal: deal
          ? {
              dealId: deal.dealId,
              sessionId: deal.sessionId,
              priceVnd: deal.priceVnd,
              endsAt: deal.endsAt,
              perBuyer: deal.perBuyer,
            }
          : null,
        dealEnded: !!line.dealId && !deal,
      });
      continue;
    }
    const combo = comboById.get(line.comboId);
    const giftBox = combo ? boxById.get(combo.boxId) : undefined;
    const parts = (combo?.productIds ?? []).map(part);
    const partsVnd = parts.reduce((n, p) => n + p.priceVnd, 0);
    const price = comboPrice(pricing, {
      partsVnd,
      items: parts.length,
      boxVnd: giftBox?.priceVnd ?? 0,
      fixedPriceVnd: combo?.fixedPriceVnd,
    });
    let problem: Problem | null = combo && giftBox?.active ? null : "unavailable";
    for (const p of parts) {
      const partProblem = stockProblem(p.productId);
      if (partProblem && problem !== "unavailable") problem = partProblem;
    }
    if (problem) problems.push({ lineId: line.lineId, productId: null, problem });
    priced.push({
      lineId: line.lineId,
      kind: "combo",
      comboId: line.comboId,
      title: combo?.titleVi ?? null,
      greeting: combo?.greeting ?? null,
      box: { boxId: giftBox?.boxId ?? "", name: giftBox?.nameVi ?? "", priceVnd: giftBox?.priceVnd ?? 0 },
      parts,
      quantity: line.quantity,
      unitPriceVnd: price.priceVnd,
      discountVnd: price.discountVnd,
      percent: price.percent,
      subtotalVnd: price.priceVnd * line.quantity,
      problem,
    });
  }

  // One fulfilment per producer.
  const byProducer = new Map<string, FulfilmentQuote>();
  const fulfilment = (producerId: string) => {
    let f = byProducer.get(producerId);
    if (!f) {
      const producer = producerById.get(producerId);
      f = {
        producerId,
        producerName: producer?.name ?? "",
        fromProvince: producer?.provinceCode ?? "",
        items: [],
        weightGrams: 0,
        goodsVnd: 0,
        discountVnd: 0,
        shippingVnd: null,
        totalVnd: 0,
        boxes: [],
      };
      byProducer.set(producerId, f);
    }
    return f;
  };
  for (const line of priced) {
    if (line.kind === "product") {
      const f = fulfilment(line.producerId);
      f.items.push({
        productId: line.productId,
        name: line.name,
        quantity: line.quantity,
        unitPriceVnd: line.unitPriceVnd,
        comboLineId: null,
      });
      f.weightGrams += line.weightGrams * line.quantity;
      f.goodsVnd += line.subtotalVnd;
      continue;
    }
    // The combo's discount is shared among its parts by price; the box goes with the first part's producer.
    const shares = allocate(
      line.discountVnd * line.quantity,
      line.parts.map((p) => p.priceVnd),
    );
    line.parts.forEach((p, i) => {
      const f = fulfilment(p.producerId);
      f.items.push({
        productId: p.productId,
        name: p.name,
        quantity: line.quantity,
        unitPriceVnd: p.priceVnd,
        comboLineId: line.lineId,
      });
      f.weightGrams += p.weightGrams * line.quantity;
      f.goodsVnd += p.priceVnd * line.quantity;
      f.discountVnd += shares[i] ?? 0;
    });
    const lead = line.parts[0];
    if (lead) {
      const f = fulfilment(lead.producerId);
      const giftBox = boxById.get(line.box.boxId);
      f.goodsVnd += line.box.priceVnd * line.quantity;
      f.weightGrams += (giftBox?.weightGrams ?? 0) * line.quantity;
      f.boxes.push({
        comboLineId: line.lineId,
        boxName: line.box.name,
        quantity: line.quantity,
        greeting: line.greeting,
      });
    }
  }

  const fulfilments = [...byProducer.values()];
  const goodsVnd = fulfilments.reduce((n, f) => n + f.goodsVnd, 0);
  const discountVnd = fulfilments.reduce((n, f) => n + f.discountVnd, 0);
  const freeShipping = Shipping.isFree(pricing, goodsVnd - discountVnd);
  for (const f of fulfilments) {
    f.shippingVnd = toProvince
      ? freeShipping
        ? 0
        : Shipping.fee(pricing, f.fromProvince, toProvince, f.weightGrams)
      : null;
    f.totalVnd = f.goodsVnd - f.discountVnd + (f.shippingVnd ?? 0);
  }
  const shippingVnd = toProvince ? fulfilments.reduce((n, f) => n + (f.shippingVnd ?? 0), 0) : null;
  const dealNeeds = [...dealWanted].flatMap(([dealId, quantity]) => {
    const running = priced.some((l) => l.kind === "product" && l.deal?.dealId === dealId);
    const deal = dealById.get(dealId);
    return running && deal ? [{ deal, quantity }] : [];
  });
  const soldOut = deals.filter((d) => d.soldOutAt && d.startsAt <= stamp && stamp < d.endsAt);
  return {
    lines: priced,
    dealNeeds,
    soldOut,
    fulfilments,
    totals: { goodsVnd, discountVnd, shippingVnd, totalVnd: goodsVnd - discountVnd + (shippingVnd ?? 0), freeShipping },
    needs,
    problems,
    pricing,
  };
}

/** The live deals the lines were added under, as they are now. */
export async function dealsOf(lines: Line[]): Promise<Deal[]> {
  const dealIds = [...new Set(lines.flatMap((l) => (l.kind === "product" && l.dealId ? [l.dealId] : [])))];
  return dealIds.length ? (await DealEntity.get(dealIds.map((dealId) => ({ dealId }))).go()).data : [];
}

/** A combo as a shopper sees it: its parts, box, price and whether it can be ordered now. */
export async function comboView(comboId: string): Promise<ComboView> {
  const combo = await Combo.get(comboId);
  const q = await quote([{ lineId: "view", kind: "combo", comboId, quantity: 1 }]);
  const line = q.lines[0];
  if (line?.kind !== "combo") throw new Error("combo did not price");
  return describe(combo, line);
}

/** The staff-curated templates, priced together in one quote. */
export async function templatesView(): Promise<ComboView[]> {
  const templates = await Combo.templates();
  if (templates.length === 0) return [];
  const q = await quote(
    templates.map((t) => ({ lineId: t.comboId, kind: "combo" as const, comboId: t.comboId, quantity: 1 })),
  );
  return templates.flatMap((t) => {
    const line = q.lines.find((l) => l.lineId === t.comboId);
    return line?.kind === "combo" ? [describe(t, line)] : [];
  });
}

/** A gift combo as a shopper sees it: its parts, box, price now and whether it can be ordered. */
export const ComboView = z.object({
  comboId: z.string(),
  kind: z.enum(["template", "custom"]),
  templateId: z.string().nullable(),
  title: z.object({ vi: z.string().nullable(), en: z.string().nullable() }),
  description: z.string().nullable(),
  greeting: z.string().nullable(),
  parts: z.array(PricedPart),
  box: GiftBoxPrice,
  priceVnd: z.number(),
  discountVnd: z.number(),
  percent: z.number(),
  weightGrams: z.number(),
  available: z.boolean(),
  problem: Problem.nullable(),
});
export type ComboView = z.infer<typeof ComboView>;

function describe(combo: Combo.Record, line: z.infer<typeof ComboLine>): ComboView {
  return {
    comboId: combo.comboId,
    kind: combo.kind,
    templateId: combo.templateId ?? null,
    title: { vi: combo.titleVi ?? null, en: combo.titleEn ?? null },
    description: combo.descriptionVi ?? null,
    greeting: combo.greeting ?? null,
    parts: line.parts,
    box: line.box,
    priceVnd: line.unitPriceVnd,
    discountVnd: line.discountVnd,
    percent: line.percent,
    weightGrams: line.parts.reduce((n, p) => n + p.weightGrams, 0),
    available: line.problem === null,
    problem: line.problem,
  };
}
