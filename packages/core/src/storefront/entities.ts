import { AuditEntity } from "../audit";
import { CertificateEntity, CertificateNumberEntity } from "../certificate";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { REGION_IDS } from "../geo/region";
import { GROUP_IDS } from "../group";
import { CounterEntity } from "../producer/counter";
import { Product } from "../product";

const config = { client: lazyClient, table: tableName() };

const cardAttributes = {
  productId: { type: "string", required: true },
  name: { type: "string", required: true },
  group: { type: GROUP_IDS, required: true },
  provinceCode: { type: "string", required: true },
  region: { type: REGION_IDS, required: true },
  stars: { type: "number", required: true },
  score: { type: "number", required: true, padding: { length: 3, char: "0" } },
  priceVnd: { type: "number", required: true, padding: { length: 11, char: "0" } },
  unit: { type: "string", required: true },
  image: { type: "string" },
  producerId: { type: "string", required: true },
  producerName: { type: "string", required: true },
  validUntil: { type: "string", required: true },
  listedAt: { type: "string", required: true },
} as const;

/**
 * A product on one shelf of the storefront. Shelves: `all`, `p-<province>`, `g-<group>`, `r-<region>`,
 * `m-<producer>`. A listed product has one item per shelf, kept in its own item collection (pk = product),
 * and each shelf is read through three GSIs, one per sort order, so every list is a single Query.
 */
export const ListingEntity = entityOnFirstUse(
  {
    model: { entity: "listing", version: "1", service: SERVICE },
    attributes: { shelf: { type: "string", required: true }, ...cardAttributes },
    indexes: {
      byProduct: { pk: { field: "pk", composite: ["productId"] }, sk: { field: "sk", composite: ["shelf"] } },
      newest: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["shelf"] },
        sk: { field: "gsi1sk", composite: ["listedAt", "productId"] },
      },
      price: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["shelf"] },
        sk: { field: "gsi2sk", composite: ["priceVnd", "productId"] },
      },
      stars: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["shelf"] },
        sk: { field: "gsi3sk", composite: ["stars", "score", "listedAt", "productId"] },
      },
    },
  },
  config,
);

/**
 * Search: one item per distinct folded word of a listed product (name, producer, province, tags): the card, the
 * product's words (`text`, to match a search's other words) and its relevance key under this word (`rank`,
 * storefront/relevance.ts). The word index reads a whole word's items best first, so a page is one Query of about a
 * page; a word being typed is completed from the per-word counters (storefront/search.ts).
 */
export const WordEntity = entityOnFirstUse(
  {
    model: { entity: "word", version: "1", service: SERVICE },
    attributes: {
      token: { type: "string", required: true },
      text: { type: "string", required: true },
      rank: { type: "string", required: true },
      ...cardAttributes,
    },
    indexes: {
      byProduct: { pk: { field: "pk", composite: ["productId"] }, sk: { field: "sk", composite: ["token"] } },
      byWord: {
        index: "gsi4",
        pk: { field: "gsi4pk", composite: ["token"] },
        sk: { field: "gsi4sk", composite: ["rank"] },
      },
    },
  },
  config,
);

/** An ordered, titled list of products curated by staff ("featured", "Đặc sản Tây Bắc", "Quà Tết"). */
export const CollectionEntity = entityOnFirstUse(
  {
    model: { entity: "collection", version: "1", service: SERVICE },
    attributes: {
      scope: { type: "string", required: true, default: "storefront" },
      collectionId: { type: "string", required: true },
      titleVi: { type: "string", required: true },
      titleEn: { type: "string", required: true },
      position: { type: "number", required: true, default: 0 },
      productIds: { type: "list", items: { type: "string" }, required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      byScope: {
        collection: "storefront",
        pk: { field: "pk", composite: ["scope"] },
        sk: { field: "sk", composite: ["collectionId"] },
      },
    },
  },
  config,
);

export const StorefrontService = serviceOnFirstUse(
  {
    product: Product.entity,
    certificate: CertificateEntity,
    certificateNumber: CertificateNumberEntity,
    listing: ListingEntity,
    word: WordEntity,
    counter: CounterEntity,
    collection: CollectionEntity,
    audit: AuditEntity,
  },
  config,
);
