import { z } from "zod";
import { type Actor, requireStaff } from "../account/actor";
import { Audit } from "../audit";
import { Product } from "../product";
import { CollectionEntity, StorefrontService } from "../storefront/entities";
import { DomainError } from "../util/error";

/** Featured products and collections on the home page: the national storefront, curated by central staff. */
export namespace Curation {
  export const Input = z.object({
    titleVi: z.string().trim().min(2).max(80),
    titleEn: z.string().trim().min(2).max(80),
    position: z.number().int().min(0).max(1000).default(0),
    productIds: z.array(Product.Id).max(48),
  });
  export const CollectionId = z.string().regex(/^[a-z0-9-]{2,40}$/, "expected a short id such as qua-tet");

  function requireCentral(actor: Actor) {
    if (actor.kind === "system") return;
    const staff = requireStaff(actor);
    if (staff.staffScope !== "central") {
      throw new DomainError(403, "forbidden", {
        vi: "Chỉ cán bộ trung ương quản lý trang chủ.",
        en: "Only central staff curate the home page.",
      });
    }
  }

  export async function list(actor: Actor) {
    requireStaff(actor);
    const { data } = await CollectionEntity.query.byScope({ scope: "storefront" }).go({ pages: "all" });
    return data.sort((a, b) => a.position - b.position);
  }

  export async function put(actor: Actor, collectionId: string, input: z.input<typeof Input>) {
    requireCentral(actor);
    const id = CollectionId.parse(collectionId);
    const fields = Input.parse(input);
    const { data: before } = await CollectionEntity.get({ scope: "storefront", collectionId: id }).go();
    const after = { ...fields, scope: "storefront", collectionId: id, updatedAt: new Date().toISOString() };
    await StorefrontService.transaction
      .write((tx) => [
        tx.collection.put(after).commit(),
        tx.audit.create(Audit.entry(actor, "collection.put", { type: "collection", id }, before, after)).commit(),
      ])
      .go();
    return after;
  }

  export async function remove(actor: Actor, collectionId: string) {
    requireCentral(actor);
    const id = CollectionId.parse(collectionId);
    const { data: before } = await CollectionEntity.get({ scope: "storefront", collectionId: id }).go();
    if (!before) return;
    await StorefrontService.transaction
      .write((tx) => [
        tx.collection.delete({ scope: "storefront", collectionId: id }).commit(),
        tx.audit.create(Audit.entry(actor, "collection.delete", { type: "collection", id }, before, null)).commit(),
      ])
      .go();
  }
}
