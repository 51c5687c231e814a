import { ROLES } from "@cho-ocop/core/account/entities";
import { Certificate } from "@cho-ocop/core/certificate/index";
import { Producer } from "@cho-ocop/core/producer/index";
import { Product } from "@cho-ocop/core/product/index";
import { z } from "@hono/zod-openapi";
import { named } from "./schemas";

export const UserSchema = z
  .object({
    userId: z.string(),
    role: z.enum(ROLES),
    name: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    producerId: z.string().optional(),
    staffScope: z.string().optional(),
    createdAt: z.string().optional(),
  })
  .openapi("User");

export const CertificateRecordSchema = named(Certificate.RecordView, "CertificateRecord");

export const ProductRecordSchema = named(Product.View, "ProductRecord");

export const BatchSchema = z
  .object({
    productId: z.string(),
    batchId: z.string(),
    code: z.string(),
    productionDate: z.string(),
    bestBefore: z.string().optional(),
    quantity: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("Batch");

export const ProducerRecordSchema = named(Producer.View, "ProducerRecord");

export const AuditSchema = z
  .object({
    month: z.string().optional(),
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
