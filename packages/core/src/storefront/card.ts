import { z } from "zod";
import { province } from "../geo/province";
import { REGION_IDS } from "../geo/region";
import { GROUP_IDS } from "../group";
import type { Producer } from "../producer";
import type { Product } from "../product";
import { storage } from "../storage";

/** What a storefront list shows of a product; stored on every shelf and search item so that a list is one read. */
export const Card = z.object({
  productId: z.string(),
  name: z.string(),
  group: z.enum(GROUP_IDS),
  provinceCode: z.string(),
  region: z.enum(REGION_IDS),
  stars: z.number().int(),
  priceVnd: z.number().int(),
  unit: z.string(),
  image: z.string().nullable(),
  producerId: z.string(),
  producerName: z.string(),
  validUntil: z.string(),
});
export type Card = z.infer<typeof Card>;

/** The stored form: image is a storage key, plus the sort fields. */
export interface StoredCard extends Omit<Card, "image"> {
  image?: string;
  score: number;
  listedAt: string;
}

export function storedCard(product: Product.Record, producer: Producer.Record): StoredCard {
  const cert = product.certificate;
  if (!cert) throw new Error(`product ${product.productId} has no certificate`);
  const score = cert.score ? (cert.score.a ?? 0) + (cert.score.b ?? 0) + (cert.score.c ?? 0) : 0;
  return {
    productId: product.productId,
    name: product.name,
    group: product.group,
    provinceCode: product.provinceCode,
    region: province(product.provinceCode)?.region ?? "dong-bang-song-hong",
    stars: cert.stars,
    score,
    priceVnd: product.priceVnd,
    unit: product.unit,
    image: product.images?.[0],
    producerId: product.producerId,
    producerName: producer.name,
    validUntil: cert.validUntil,
    listedAt: product.listedAt ?? product.updatedAt,
  };
}

export function toCard(stored: Omit<StoredCard, "score" | "listedAt"> & Partial<StoredCard>): Card {
  return {
    productId: stored.productId,
    name: stored.name,
    group: stored.group,
    provinceCode: stored.provinceCode,
    region: stored.region,
    stars: stored.stars,
    priceVnd: stored.priceVnd,
    unit: stored.unit,
    image: stored.image ? storage().publicUrl(stored.image) : null,
    producerId: stored.producerId,
    producerName: stored.producerName,
    validUntil: stored.validUntil,
  };
}
