import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireStaff } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { isBoxable } from "../group";
import { Product } from "../product";
import { DomainError, notFound } from "../util/error";
import { Vnd } from "../util/money";
import * as limits from "./limits";

const config = { client: lazyClient, table: tableName() };

/** Gift combos: staff-defined gift boxes, staff-curated templates, and the combos shoppers build and share. */
export namespace Combo {
  export const MIN_ITEMS = limits.MIN_ITEMS;
  export const MAX_ITEMS = limits.MAX_ITEMS;
  export const GREETING_MAX = limits.GREETING_MAX;
  /** A shared combo link keeps working for a year. */
  const CUSTOM_TTL_SECONDS = 365 * 86_400;

  export const boxEntity = entityOnFirstUse(
    {
      model: { entity: "giftbox", version: "1", service: SERVICE },
      attributes: {
        scope: { type: "string", required: true, default: "giftboxes" },
        boxId: { type: "string", required: true },
        nameVi: { type: "string", required: true },
        nameEn: { type: "string", required: true },
        priceVnd: { type: "number", required: true },
        capacityGrams: { type: "number", required: true },
        weightGrams: { type: "number", required: true },
        active: { type: "boolean", required: true, default: true },
      },
      indexes: { byScope: { pk: { field: "pk", composite: ["scope"] }, sk: { field: "sk", composite: ["boxId"] } } },
    },
    config,
  );
  /** A gift box type: its price and how much it holds by weight. */
  export const GiftBox = z.object({
    scope: z.string(),
    boxId: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    priceVnd: z.number(),
    capacityGrams: z.number(),
    weightGrams: z.number(),
    active: z.boolean(),
  });
  export type Box = z.infer<typeof GiftBox>;
  const boxView = (b: EntityItem<typeof boxEntity>): Box => ({
    scope: b.scope,
    boxId: b.boxId,
    nameVi: b.nameVi,
    nameEn: b.nameEn,
    priceVnd: b.priceVnd,
    capacityGrams: b.capacityGrams,
    weightGrams: b.weightGrams,
    active: b.active,
  });

  export const entity = entityOnFirstUse(
    {
      model: { entity: "combo", version: "1", service: SERVICE },
      attributes: {
        comboId: { type: "string", required: true },
        kind: { type: ["template", "custom"] as const, required: true },
        productIds: { type: "list", items: { type: "string" }, required: true },
        boxId: { type: "string", required: true },
        greeting: { type: "string" },
        titleVi: { type: "string" },
        titleEn: { type: "string" },
        descriptionVi: { type: "string" },
        /** Templates only: the price of the whole combo, box included. */
        fixedPriceVnd: { type: "number" },
        /** A custom combo started from a template keeps its fixed price. */
        templateId: { type: "string" },
        active: { type: "boolean", default: true },
        position: { type: "number", required: true, default: 0 },
        createdAt: { type: "string", required: true },
        expiresAt: { type: "number" },
      },
      indexes: {
        byId: { pk: { field: "pk", composite: ["comboId"] }, sk: { field: "sk", composite: [] } },
        byKind: {
          index: "gsi1",
          pk: { field: "gsi1pk", composite: ["kind"] },
          sk: { field: "gsi1sk", composite: ["position", "comboId"] },
        },
      },
    },
    config,
  );
  export type Record = EntityItem<typeof entity>;
  /** Boxes and templates are written with their audit entry. */
  const AuditedService = serviceOnFirstUse({ box: boxEntity, combo: entity, audit: AuditEntity }, config);

  export const Id = z.string().regex(/^[0-9a-z-]{2,40}$/, "expected a combo id");

  const Parts = z
    .array(Product.Id)
    .min(MIN_ITEMS, `a combo has ${MIN_ITEMS} to ${MAX_ITEMS} products`)
    .max(MAX_ITEMS, `a combo has ${MIN_ITEMS} to ${MAX_ITEMS} products`)
    .refine((ids) => new Set(ids).size === ids.length, "each product once");

  export const NewCombo = z.union([
    z.object({
      productIds: Parts,
      boxId: Id,
      greeting: z.string().trim().max(GREETING_MAX).optional(),
    }),
    z.object({ templateId: Id, greeting: z.string().trim().max(GREETING_MAX).optional() }),
  ]);

  export async function box(boxId: string): Promise<Box> {
    const { data } = await boxEntity.get({ scope: "giftboxes", boxId }).go();
    if (!data) throw notFound({ vi: "hộp quà", en: "Gift box" });
    return boxView(data);
  }

  export async function boxes(): Promise<Box[]> {
    const { data } = await boxEntity.query.byScope({ scope: "giftboxes" }).go({ pages: "all" });
    return data
      .filter((b) => b.active)
      .sort((a, b) => a.priceVnd - b.priceVnd)
      .map(boxView);
  }

  export async function get(comboId: string): Promise<Record> {
    const { data } = await entity.get({ comboId }).go();
    if (!data || (data.kind === "template" && data.active === false)) throw notFound({ vi: "hộp quà", en: "Combo" });
    return data;
  }

  export async function templates(): Promise<Record[]> {
    const { data } = await entity.query.byKind({ kind: "template" }).go({ pages: "all" });
    return data.filter((t) => t.active !== false);
  }

  const wontFit = () =>
    new DomainError(
      400,
      "does_not_fit",
      { vi: "Các sản phẩm này không vừa hộp quà đã chọn.", en: "These products do not fit the chosen gift box." },
      "boxId",
    );

  /** Only goods go in a box: a product of a group that is not boxable (a live koi, a homestay night) is refused by name. */
  function requireBoxable(products: Array<{ name: string; group: Product.Record["group"] }>) {
    const refused = products.find((p) => !isBoxable(p.group));
    if (!refused) return;
    throw new DomainError(
      400,
      "not_boxable",
      {
        vi: `“${refused.name}” không đóng vào hộp quà được: sinh vật cảnh và dịch vụ du lịch không phải hàng đóng hộp.`,
        en: `“${refused.name}” cannot go in a gift box: ornamental plants and animals and tourism services are not boxable goods.`,
      },
      "productIds",
    );
  }

  /** Saves a combo a shopper built (or started from a template) so that a link re-opens it. */
  export async function create(input: z.input<typeof NewCombo>) {
    const parsed = NewCombo.parse(input);
    const template = "templateId" in parsed ? await get(parsed.templateId) : undefined;
    if (template && template.kind !== "template") throw notFound({ vi: "mẫu hộp quà", en: "Combo template" });
    const productIds = template ? template.productIds : "productIds" in parsed ? parsed.productIds : [];
    const boxId = template ? template.boxId : "boxId" in parsed ? parsed.boxId : "";
    const giftBox = await box(boxId);
    const products = await Product.entity.get(productIds.map((productId) => ({ productId }))).go();
    if (products.data.length !== productIds.length) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: "Có sản phẩm không tồn tại.", en: "Unknown product." },
        "productIds",
      );
    }
    requireBoxable(products.data);
    const weight = products.data.reduce((n, p) => n + p.weightGrams, 0);
    if (weight > giftBox.capacityGrams) throw wontFit();
    const now = new Date();
    const comboId = ulid(now.getTime()).toLowerCase();
    await entity
      .create({
        comboId,
        kind: "custom",
        productIds,
        boxId,
        greeting: parsed.greeting || undefined,
        templateId: template?.comboId,
        fixedPriceVnd: template?.fixedPriceVnd,
        titleVi: template?.titleVi,
        titleEn: template?.titleEn,
        position: 0,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + CUSTOM_TTL_SECONDS,
      })
      .go();
    return get(comboId);
  }

  function requireCentral(actor: Actor) {
    if (actor.kind === "system") return;
    if (requireStaff(actor).staffScope !== "central") {
      throw new DomainError(403, "forbidden", {
        vi: "Chỉ cán bộ trung ương quản lý hộp quà.",
        en: "Only central staff manage gift boxes and combos.",
      });
    }
  }

  export const BoxInput = z.object({
    nameVi: z.string().trim().min(2).max(80),
    nameEn: z.string().trim().min(2).max(80),
    priceVnd: Vnd,
    capacityGrams: z.number().int().min(100).max(50_000),
    weightGrams: z.number().int().min(0).max(10_000),
    active: z.boolean().default(true),
  });

  export async function putBox(actor: Actor, boxId: string, input: z.input<typeof BoxInput>) {
    requireCentral(actor);
    const fields = BoxInput.parse(input);
    const id = Id.parse(boxId);
    const { data: before } = await boxEntity.get({ scope: "giftboxes", boxId: id }).go();
    const after = { ...fields, scope: "giftboxes", boxId: id };
    await AuditedService.transaction
      .write((tx) => [
        tx.box.put(after).commit(),
        tx.audit.create(Audit.entry(actor, "giftbox.put", { type: "giftbox", id }, before, after)).commit(),
      ])
      .go();
    return box(boxId);
  }

  export const TemplateInput = z.object({
    titleVi: z.string().trim().min(2).max(80),
    titleEn: z.string().trim().min(2).max(80),
    descriptionVi: z.string().trim().max(500).default(""),
    productIds: Parts,
    boxId: Id,
    fixedPriceVnd: Vnd.min(1000),
    position: z.number().int().min(0).max(1000).default(0),
    active: z.boolean().default(true),
  });

  /** A curated combo as staff saved it. */
  export const Template = z.object({
    comboId: z.string(),
    kind: z.literal("template"),
    titleVi: z.string(),
    titleEn: z.string(),
    descriptionVi: z.string(),
    productIds: z.array(z.string()),
    boxId: z.string(),
    fixedPriceVnd: z.number(),
    position: z.number(),
    active: z.boolean(),
    createdAt: z.string(),
  });
  export type Template = z.infer<typeof Template>;

  export async function putTemplate(
    actor: Actor,
    templateId: string,
    input: z.input<typeof TemplateInput>,
  ): Promise<Template> {
    requireCentral(actor);
    const fields = TemplateInput.parse(input);
    const giftBox = await box(fields.boxId);
    const products = await Product.entity.get(fields.productIds.map((productId) => ({ productId }))).go();
    requireBoxable(products.data);
    if (products.data.reduce((n, p) => n + p.weightGrams, 0) > giftBox.capacityGrams) throw wontFit();
    const record: Template = {
      comboId: Id.parse(templateId),
      titleVi: fields.titleVi,
      titleEn: fields.titleEn,
      descriptionVi: fields.descriptionVi,
      productIds: fields.productIds,
      boxId: fields.boxId,
      fixedPriceVnd: fields.fixedPriceVnd,
      position: fields.position,
      active: fields.active,
      kind: "template" as const,
      createdAt: new Date().toISOString(),
    };
    const { data: before } = await entity.get({ comboId: record.comboId }).go();
    await AuditedService.transaction
      .write((tx) => [
        tx.combo.put(record).commit(),
        tx.audit
          .create(Audit.entry(actor, "template.put", { type: "combo-template", id: record.comboId }, before, record))
          .commit(),
      ])
      .go();
    return record;
  }
}
