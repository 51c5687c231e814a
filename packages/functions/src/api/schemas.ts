import { REGION_IDS } from "@cho-ocop/core/geo/region";
import { GROUP_IDS } from "@cho-ocop/core/group/index";
import { LABEL_FIELDS } from "@cho-ocop/core/product/label-rules";
import { Card } from "@cho-ocop/core/storefront/card";
import { z } from "@hono/zod-openapi";

/** A core view schema as a named OpenAPI component (core's zod schemas carry no `.openapi`). */
export const named = <T extends z.core.$ZodLooseShape>(schema: { shape: T }, name: string) =>
  z.object(schema.shape).openapi(name);

export const CardSchema = named(Card, "ProductCard");

export const PageSchema = z
  .object({
    items: z.array(CardSchema),
    cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("ProductPage");

export const ProducerSchema = z
  .object({
    producerId: z.string(),
    name: z.string(),
    kind: z.enum(["cooperative", "enterprise", "household"]),
    provinceCode: z.string(),
    wardCode: z.string(),
    wardName: z.string(),
    story: z.string(),
    photos: z.array(z.string()),
  })
  .openapi("Producer");

export const CertificateSchema = z
  .object({
    stars: z.number().int().min(3).max(5),
    score: z.object({ a: z.number(), b: z.number(), c: z.number() }).nullable(),
    decisionNumber: z.string(),
    decisionDate: z.string(),
    issuer: z.string(),
    level: z.enum(["province", "central"]),
    validUntil: z.string(),
  })
  .openapi("Certificate");

export const ProductDetailSchema = z
  .object({
    productId: z.string(),
    name: z.string(),
    group: z.enum(GROUP_IDS),
    provinceCode: z.string(),
    region: z.enum(REGION_IDS).nullable(),
    formerProvince: z.string().nullable(),
    priceVnd: z.number().int(),
    unit: z.string(),
    weightGrams: z.number().int(),
    inStock: z.boolean(),
    stock: z.number().int(),
    images: z.array(z.string()),
    story: z.string(),
    tags: z.array(z.string()),
    label: z
      .array(z.object({ field: z.enum(LABEL_FIELDS), text: z.string() }))
      .openapi({ description: "What the product's label says, by its group (Decree 43/2017, 111/2021)" }),
    certificate: CertificateSchema,
    producer: ProducerSchema,
  })
  .openapi("ProductDetail");

const Named = { vi: z.string(), en: z.string() };

export const ProvinceSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    short: z.string(),
    region: z.enum(REGION_IDS),
    formerly: z.array(z.string()),
    products: z.number().int(),
  })
  .openapi("Province");

export const GroupSchema = z.object({ id: z.enum(GROUP_IDS), ...Named, products: z.number().int() }).openapi("Group");
export const RegionSchema = z
  .object({ id: z.enum(REGION_IDS), ...Named, products: z.number().int() })
  .openapi("Region");

export const HomeSchema = z
  .object({
    collections: z.array(z.object({ id: z.string(), title: z.object(Named), products: z.array(CardSchema) })),
    regions: z.array(RegionSchema),
    groups: z.array(GroupSchema),
    stars: z.array(z.object({ stars: z.number().int(), products: z.number().int() })),
    total: z.number().int(),
  })
  .openapi("Home");

export const IdParam = (name: string) =>
  z.object({
    id: z
      .string()
      .regex(/^[0-9a-z]{26}$/, `expected a ${name} id`)
      .openapi({ param: { name: "id", in: "path" }, example: "01jd6w2z1m6v4k8q3c9x5t7r2a" }),
  });
