import { z } from "@hono/zod-openapi";

export const UserSchema = z
  .looseObject({
    userId: z.string(),
    role: z.enum(["shopper", "seller", "staff"]),
    name: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    producerId: z.string().optional(),
    staffScope: z.string().optional(),
  })
  .openapi("User");

export const CertificateRecordSchema = z
  .looseObject({
    certificateId: z.string(),
    stars: z.number(),
    decisionNumber: z.string(),
    decisionDate: z.string(),
    issuer: z.string(),
    level: z.enum(["province", "central"]),
    validUntil: z.string(),
    status: z.enum(["pending", "approved", "rejected", "superseded"]),
    scanKey: z.string().optional(),
  })
  .openapi("CertificateRecord");

export const ProductRecordSchema = z
  .looseObject({
    productId: z.string(),
    producerId: z.string(),
    name: z.string(),
    group: z.string(),
    provinceCode: z.string(),
    priceVnd: z.number().int(),
    unit: z.string(),
    weightGrams: z.number().int(),
    stock: z.number().int(),
    images: z.array(z.string()).optional(),
    imageUrls: z.array(z.string()).optional(),
    story: z.string().optional(),
    tags: z.array(z.string()).optional(),
    formerProvince: z.string().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    status: z.enum(["draft", "pending", "approved", "rejected", "suspended", "expired"]),
    statusReason: z.string().optional(),
    stars: z.number().optional(),
    validUntil: z.string().optional(),
    version: z.number(),
  })
  .openapi("ProductRecord");

export const BatchSchema = z
  .looseObject({
    batchId: z.string(),
    code: z.string(),
    productionDate: z.string(),
    bestBefore: z.string().optional(),
    quantity: z.number().int(),
  })
  .openapi("Batch");

export const ProducerRecordSchema = z
  .looseObject({
    producerId: z.string(),
    name: z.string(),
    kind: z.enum(["cooperative", "enterprise", "household"]),
    provinceCode: z.string(),
    wardCode: z.string(),
    street: z.string().optional(),
    phone: z.string(),
    email: z.string().optional(),
    story: z.string().optional(),
    photos: z.array(z.string()).optional(),
    taxCode: z.string().optional(),
  })
  .openapi("ProducerRecord");

export const AuditSchema = z
  .looseObject({
    auditId: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorScope: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    before: z.string(),
    after: z.string(),
    reason: z.string().optional(),
  })
  .openapi("AuditEntry");

export const OkSchema = z.object({ ok: z.literal(true) }).openapi("Ok");
