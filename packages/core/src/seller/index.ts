import { ulid } from "ulid";
import type { z } from "zod";
import { Account } from "../account";
import { type Actor, requireSeller, requireSellerOf, requireUser } from "../account/actor";
import { Batch } from "../batch";
import { Certificate } from "../certificate";
import { Producer } from "../producer";
import { CounterEntity } from "../producer/counter";
import { Product } from "../product";
import { Review } from "../review";
import { Storefront } from "../storefront";
import { Upload } from "../upload";
import { vietnamDay } from "../util/date";
import { DomainError } from "../util/error";

/** What a producer's sellers do from the seller portal. Every function checks who is acting. */
export namespace Seller {
  export async function registerProducer(actor: Actor, input: Producer.Input) {
    const user = requireUser(actor);
    if (user.role !== "shopper") {
      throw new DomainError(403, "already_registered", {
        vi: "Tài khoản này đã thuộc một chủ thể hoặc là cán bộ.",
        en: "This account already belongs to a producer or to staff.",
      });
    }
    const fields = Producer.Input.parse({ ...input, photos: [] });
    const producerId = ulid().toLowerCase();
    const now = new Date().toISOString();
    await Producer.creation(producerId, fields, now, (tx) => [
      tx.user
        .patch({ userId: user.userId })
        .set({ role: "seller", producerId })
        .where(({ role }, { eq }) => eq(role, "shopper"))
        .commit(),
    ]);
    return Producer.view(await Producer.get(producerId));
  }

  export async function producer(actor: Actor) {
    const seller = requireSeller(actor);
    return Producer.view(await Producer.get(seller.producerId));
  }

  export const ProducerPatch = Producer.Fields.partial();

  export async function updateProducer(actor: Actor, input: z.input<typeof ProducerPatch>) {
    const seller = requireSeller(actor);
    const patch = ProducerPatch.parse(input);
    const current = await Producer.get(seller.producerId);
    const next = Producer.Input.parse({ ...current, ...patch });
    for (const [i, key] of (patch.photos ?? []).entries()) {
      if (!current.photos?.includes(key)) {
        await Upload.verify(key, { purpose: "producer-photo", producerId: seller.producerId }, `photos.${i}`);
      }
    }
    await Producer.entity
      .patch({ producerId: seller.producerId })
      .set({ ...next, updatedAt: new Date().toISOString() })
      .go();
    if (next.provinceCode !== current.provinceCode) {
      await CounterEntity.update({ scope: "storefront", key: `producers-${current.provinceCode}` })
        .add({ count: -1 })
        .go();
      await CounterEntity.update({ scope: "storefront", key: `producers-${next.provinceCode}` })
        .add({ count: 1 })
        .go();
    }
    if (next.name !== current.name) {
      // Cards and search words carry the producer's name.
      for (const product of await products(actor)) {
        if (product.status === "approved") await Storefront.sync(product.productId);
      }
    }
    return Producer.view(await Producer.get(seller.producerId));
  }

  export async function members(actor: Actor) {
    const seller = requireSeller(actor);
    const users = await Account.sellersOf(seller.producerId);
    return users.map((u) => ({
      userId: u.userId,
      name: u.name ?? null,
      phone: u.phone ?? null,
      email: u.email ?? null,
    }));
  }

  export const NewProduct = Product.Fields.omit({ producerId: true, provinceCode: true }).extend({
    /** Defaults to the producer's province: a product keeps its province of origin. */
    provinceCode: Product.Fields.shape.provinceCode.optional(),
  });

  async function checkImages(producerId: string, images: string[], known: string[] = []) {
    for (const [i, key] of images.entries()) {
      if (!known.includes(key)) await Upload.verify(key, { purpose: "product-image", producerId }, `images.${i}`);
    }
  }

  export async function createProduct(actor: Actor, input: z.input<typeof NewProduct>) {
    const seller = requireSeller(actor);
    const fields = NewProduct.parse(input);
    const producer = await Producer.get(seller.producerId);
    await checkImages(seller.producerId, fields.images);
    const productId = await Product.create({
      ...fields,
      producerId: seller.producerId,
      provinceCode: fields.provinceCode ?? producer.provinceCode,
    });
    return Product.view(await Product.get(productId));
  }

  export async function products(actor: Actor) {
    const seller = requireSeller(actor);
    const { data } = await Product.entity.query.byProducer({ producerId: seller.producerId }).go({ pages: "all" });
    return data.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(Product.view);
  }

  export async function product(actor: Actor, productId: string) {
    const item = await Product.get(productId);
    requireSellerOf(actor, item.producerId);
    const [certificates, batches] = await Promise.all([Review.history(productId), Batch.of(productId)]);
    return {
      product: Product.view(item),
      certificates: certificates.map(Certificate.recordView),
      batches: batches.map(Batch.view),
    };
  }

  /** Only what is sent changes: the create form's defaults (no photos, story or tags) would wipe them here. */
  export const ProductPatch = NewProduct.extend({
    images: Product.Fields.shape.images.unwrap(),
    story: Product.Fields.shape.story.unwrap(),
    tags: Product.Fields.shape.tags.unwrap(),
  }).partial();

  /**
   * Edits a product. Price, stock, photos and story change at once (a listed product's card follows);
   * a new name or group sends an approved product back to review.
   */
  export async function editProduct(actor: Actor, productId: string, input: z.input<typeof ProductPatch>) {
    const patch = ProductPatch.parse(input);
    const current = await Product.get(productId);
    requireSellerOf(actor, current.producerId);
    if (patch.images) await checkImages(current.producerId, patch.images, current.images ?? []);
    const renamed =
      (patch.name !== undefined && patch.name !== current.name) ||
      (patch.group !== undefined && patch.group !== current.group) ||
      (patch.provinceCode !== undefined && patch.provinceCode !== current.provinceCode);
    const review = renamed && current.status === "approved" ? Review.reReviewPatch(current) : {};
    return Product.view(await Storefront.sync(productId, { ...patch, ...review }));
  }

  export async function submit(actor: Actor, productId: string, input: z.input<typeof Review.SubmitInput>) {
    await Review.submit(actor, productId, input);
    return Product.view(await Product.get(productId));
  }

  export async function recordBatch(actor: Actor, productId: string, input: z.input<typeof Batch.Input>) {
    const item = await Product.get(productId);
    requireSellerOf(actor, item.producerId);
    const batchId = await Batch.record(productId, input, vietnamDay());
    return { batchId };
  }
}
