import type { ComboView } from "../../../api/cart";
import type { Card } from "../../../api/storefront";

/** A product in the box being built. Its weight comes from the product page's record, fetched when it is picked. */
export interface Picked {
  productId: string;
  name: string;
  image: string | null;
  producerId: string;
  producerName: string;
  priceVnd: number;
  weightGrams?: number;
}

/** The fields a search result and a saved combo's part have in common. */
const pickedOf = (p: Omit<Picked, "weightGrams">): Picked => ({
  productId: p.productId,
  name: p.name,
  image: p.image,
  producerId: p.producerId,
  producerName: p.producerName,
  priceVnd: p.priceVnd,
});

export const fromCard = (card: Card): Picked => pickedOf(card);

export const fromPart = (part: ComboView["parts"][number]): Picked => ({
  ...pickedOf(part),
  weightGrams: part.weightGrams,
});
