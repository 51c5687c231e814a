import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { Certificate, certificateProperties } from "../certificate";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { PROVINCE_CODES } from "../geo/province";
import { GROUP_IDS } from "../group";
import { storage } from "../storage";
import { notFound } from "../util/error";
import { fn } from "../util/fn";
import { Vnd } from "../util/money";
import { Label, labelProperties } from "./label";

export namespace Product {
  export const Id = z.string().regex(/^[0-9a-z]{26}$/, "expected a product id");

  /**
   * draft → pending (submitted with a certificate) → approved | rejected;
   * approved → suspended (staff) | expired (its certificate ran out) | pending (certificate changed).
   */
  export const Status = z.enum(["draft", "pending", "approved", "rejected", "suspended", "expired"]);
  export type Status = z.infer<typeof Status>;

  export const Fields = z.object({
    producerId: Id,
    name: z.string().trim().min(2).max(150),
    group: z.enum(GROUP_IDS),
    provinceCode: z.enum(PROVINCE_CODES),
    /** The pre-2025 province named on older packaging, e.g. "Hòa Bình" for a product now of Phú Thọ. */
    formerProvince: z.string().trim().min(2).max(60).optional(),
    priceVnd: Vnd.min(1000, "a price is at least 1.000 đ"),
    unit: z.string().trim().min(1).max(40),
    weightGrams: z.number().int().min(0).max(50_000),
    stock: z.number().int().min(0).max(1_000_000),
    images: z.array(z.string().max(200)).max(8).default([]),
    story: z.string().trim().max(5000).default(""),
    tags: z.array(z.string().trim().min(2).max(40)).max(10).default([]),
    /** What the label says that the page must repeat (label.ts: the fields by group). */
    label: Label.optional(),
  });
  export type Input = z.input<typeof Fields>;

  const certificateAttribute = { type: "map", properties: certificateProperties } as const;

  export const entity = entityOnFirstUse(
    {
      model: { entity: "product", version: "1", service: SERVICE },
      attributes: {
        productId: { type: "string", required: true },
        producerId: { type: "string", required: true },
        name: { type: "string", required: true },
        group: { type: GROUP_IDS, required: true },
        provinceCode: { type: "string", required: true },
        formerProvince: { type: "string" },
        priceVnd: { type: "number", required: true },
        unit: { type: "string", required: true },
        weightGrams: { type: "number", required: true },
        stock: { type: "number", required: true },
        images: { type: "list", items: { type: "string" }, default: [] },
        story: { type: "string", default: "" },
        tags: { type: "list", items: { type: "string" }, default: [] },
        label: { type: "map", properties: labelProperties },
        status: { type: ["draft", "pending", "approved", "rejected", "suspended", "expired"] as const, required: true },
        /** The approved certificate in force: copied here so that a product page is one read. */
        certificate: certificateAttribute,
        /** Stars of the certificate under review, or else of the one in force: for review queues. */
        stars: { type: "number" },
        /** The certificate's last valid day, on the item itself so that expiring products can be queried. */
        validUntil: { type: "string", default: "" },
        /** Why staff rejected or suspended it, shown to its sellers. */
        statusReason: { type: "string" },
        /** The certificate waiting for review, if any. */
        pendingCertificateId: { type: "string" },
        listedAt: { type: "string" },
        createdAt: { type: "string", required: true },
        updatedAt: { type: "string", required: true },
        /** Bumped by every write that changes the storefront; writes are conditional on it. */
        version: { type: "number", required: true, default: 0 },
      },
      indexes: {
        byId: { pk: { field: "pk", composite: ["productId"] }, sk: { field: "sk", composite: [] } },
        byProducer: {
          index: "gsi1",
          pk: { field: "gsi1pk", composite: ["producerId"] },
          sk: { field: "gsi1sk", composite: ["createdAt", "productId"] },
        },
        /** Staff review queues: by status, then province. */
        byStatus: {
          index: "gsi2",
          pk: { field: "gsi2pk", composite: ["status"] },
          sk: { field: "gsi2sk", composite: ["provinceCode", "updatedAt", "productId"] },
        },
        /** Certificates running out: approved products by their certificate's last valid day. */
        byExpiry: {
          index: "gsi3",
          pk: { field: "gsi3pk", composite: ["status"] },
          sk: { field: "gsi3sk", composite: ["validUntil", "productId"] },
        },
      },
    },
    { client: lazyClient, table: tableName() },
  );

  export type Record = EntityItem<typeof entity>;

  export const create = fn(Fields.extend({ productId: Id.optional() }), async (input) => {
    const now = new Date().toISOString();
    const productId = input.productId ?? ulid().toLowerCase();
    await entity.create({ ...input, productId, status: "draft", createdAt: now, updatedAt: now, version: 0 }).go();
    return productId;
  });

  /** A product as its sellers and staff see it: every field, and the images' URLs beside their storage keys. */
  export const View = z.object({
    productId: z.string(),
    producerId: z.string(),
    name: z.string(),
    group: z.enum(GROUP_IDS),
    provinceCode: z.string(),
    formerProvince: z.string().optional(),
    priceVnd: z.number(),
    unit: z.string(),
    weightGrams: z.number(),
    stock: z.number(),
    images: z.array(z.string()).optional(),
    imageUrls: z.array(z.string()).optional(),
    story: z.string().optional(),
    tags: z.array(z.string()).optional(),
    label: Label.optional(),
    status: Status,
    certificate: Certificate.View.optional(),
    stars: z.number().optional(),
    validUntil: z.string().optional(),
    statusReason: z.string().optional(),
    pendingCertificateId: z.string().optional(),
    listedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  });
  export type View = z.infer<typeof View>;

  export function view(p: Record): View {
    return {
      productId: p.productId,
      producerId: p.producerId,
      name: p.name,
      group: p.group,
      provinceCode: p.provinceCode,
      formerProvince: p.formerProvince,
      priceVnd: p.priceVnd,
      unit: p.unit,
      weightGrams: p.weightGrams,
      stock: p.stock,
      images: p.images,
      imageUrls: (p.images ?? []).map((key) => storage().publicUrl(key)),
      story: p.story,
      tags: p.tags,
      label: p.label,
      status: p.status,
      certificate: p.certificate,
      stars: p.stars,
      validUntil: p.validUntil,
      statusReason: p.statusReason,
      pendingCertificateId: p.pendingCertificateId,
      listedAt: p.listedAt,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      version: p.version,
    };
  }

  export async function get(productId: string): Promise<Record> {
    const { data } = await entity.get({ productId }).go();
    if (!data) throw notFound({ vi: "sản phẩm", en: "Product" });
    return data;
  }
}
