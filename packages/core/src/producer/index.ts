import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { UserEntity } from "../account/entities";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { PROVINCE_CODES } from "../geo/province";
import { ward } from "../geo/ward";
import { storage } from "../storage";
import { notFound } from "../util/error";
import { fn } from "../util/fn";
import { VnMobile } from "../util/phone";
import { CounterEntity } from "./counter";

export namespace Producer {
  /** Chủ thể OCOP: cooperative (HTX), enterprise, or household business (hộ kinh doanh). */
  export const Kind = z.enum(["cooperative", "enterprise", "household"]);
  export type Kind = z.infer<typeof Kind>;

  export const Id = z.string().regex(/^[0-9a-z]{26}$/, "expected an id");

  export const Fields = z.object({
    name: z.string().trim().min(2).max(120),
    kind: Kind,
    provinceCode: z.enum(PROVINCE_CODES),
    wardCode: z.string().regex(/^\d{5}$/, "expected a ward code"),
    street: z.string().trim().max(200).default(""),
    phone: VnMobile,
    email: z.email().max(200).optional(),
    story: z.string().trim().max(5000).default(""),
    photos: z.array(z.string().max(300)).max(10).default([]),
    /**
     * Mã số thuế (10 digits, or 10-3 for a branch; 12 digits for people since July 2025) or a household
     * business registration number (e.g. 01A8012345).
     */
    taxCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(
        /^(\d{10}(-\d{3})?|\d{12}|\d{2}[A-Z][0-9A-Z]{5,12})$/,
        "expected a tax code (10 or 12 digits) or a household business number such as 01A8012345",
      )
      .optional(),
  });

  function wardInProvince(p: { provinceCode: string; wardCode: string }, ctx: z.RefinementCtx) {
    if (ward(p.wardCode)?.provinceCode !== p.provinceCode) {
      ctx.addIssue({ code: "custom", path: ["wardCode"], message: "this ward is not in the chosen province" });
    }
  }

  export const Input = Fields.superRefine(wardInProvince);
  export type Input = z.input<typeof Input>;

  export const entity = entityOnFirstUse(
    {
      model: { entity: "producer", version: "1", service: SERVICE },
      attributes: {
        producerId: { type: "string", required: true },
        name: { type: "string", required: true },
        kind: { type: ["cooperative", "enterprise", "household"] as const, required: true },
        provinceCode: { type: "string", required: true },
        wardCode: { type: "string", required: true },
        street: { type: "string", default: "" },
        phone: { type: "string", required: true },
        email: { type: "string" },
        story: { type: "string", default: "" },
        photos: { type: "list", items: { type: "string" }, default: [] },
        taxCode: { type: "string" },
        createdAt: { type: "string", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byId: { pk: { field: "pk", composite: ["producerId"] }, sk: { field: "sk", composite: [] } },
        byProvince: {
          index: "gsi1",
          pk: { field: "gsi1pk", composite: ["provinceCode"] },
          sk: { field: "gsi1sk", composite: ["producerId"] },
        },
      },
    },
    { client: lazyClient, table: tableName() },
  );

  export type Record = EntityItem<typeof entity>;

  /** A producer as its sellers and staff see it: every field, with the photos' URLs when asked for. */
  export const View = z.object({
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
    photoUrls: z.array(z.string()).optional(),
    taxCode: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  });
  export type View = z.infer<typeof View>;

  export function view(p: Record): View {
    return {
      producerId: p.producerId,
      name: p.name,
      kind: p.kind,
      provinceCode: p.provinceCode,
      wardCode: p.wardCode,
      street: p.street,
      phone: p.phone,
      email: p.email,
      story: p.story,
      photos: p.photos,
      photoUrls: (p.photos ?? []).map((key) => storage().publicUrl(key)),
      taxCode: p.taxCode,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }

  /** What shoppers see of a producer: no phone or e-mail until contact features need them. */
  export function toPublic(p: Record) {
    const w = ward(p.wardCode);
    return {
      producerId: p.producerId,
      name: p.name,
      kind: p.kind,
      provinceCode: p.provinceCode,
      wardCode: p.wardCode,
      wardName: w?.name ?? "",
      story: p.story ?? "",
      photos: (p.photos ?? []).map((key) => storage().publicUrl(key)),
    };
  }
  export type Public = ReturnType<typeof toPublic>;

  /** Creates a producer and counts it in its province (for the staff dashboard), in one transaction. */
  export const create = fn(Fields.extend({ producerId: Id.optional() }).superRefine(wardInProvince), async (input) => {
    const now = new Date().toISOString();
    const producerId = input.producerId ?? ulid().toLowerCase();
    await creation(producerId, input, now);
    return producerId;
  });

  export async function creation(
    producerId: string,
    input: z.output<typeof Fields>,
    now: string,
    extra: (tx: ProducerTx) => unknown[] = () => [],
  ) {
    const result = await ProducerService.transaction
      .write((tx) => [
        tx.producer.create({ ...input, producerId, createdAt: now, updatedAt: now }).commit(),
        tx.counter
          .update({ scope: "storefront", key: `producers-${input.provinceCode}` })
          .add({ count: 1 })
          .commit(),
        ...(extra(tx) as never[]),
      ])
      .go();
    if (result.canceled) throw new Error(`could not create producer ${producerId}`);
  }

  export async function get(producerId: string): Promise<Record> {
    const { data } = await entity.get({ producerId }).go();
    if (!data) throw notFound({ vi: "chủ thể", en: "Producer" });
    return data;
  }
}

const ProducerService = serviceOnFirstUse(
  { producer: Producer.entity, counter: CounterEntity, user: UserEntity },
  { client: lazyClient, table: tableName() },
);
type ProducerTx = Parameters<Parameters<typeof ProducerService.transaction.write>[0]>[0];
