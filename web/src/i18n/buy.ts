import { locale } from "./index";
import { type Params, translateIn } from "./translate";

/** Strings of "Thêm vào giỏ" on a product page: loaded with that page, not with the storefront's first download. */
export const vi = {
  "buy.quantity": "Số lượng",
  "buy.decrease": "Bớt 1",
  "buy.increase": "Thêm 1",
  "buy.add": "Thêm vào giỏ",
  "buy.adding": "Đang thêm…",
  "buy.added": "Đã thêm vào giỏ hàng.",
  "buy.viewCart": "Xem giỏ hàng",
  "buy.soldOut": "Tạm hết hàng, chưa đặt được. Hãy quay lại sau.",
  "buy.short": "Trong giỏ đã có {n}, nhiều hơn số còn lại ({stock}). Hãy giảm số lượng trong giỏ.",
} as const;

export type BuyKey = keyof typeof vi;

export const en: Partial<Record<BuyKey | `${BuyKey}_one`, string>> = {
  "buy.quantity": "Quantity",
  "buy.decrease": "One fewer",
  "buy.increase": "One more",
  "buy.add": "Add to cart",
  "buy.adding": "Adding…",
  "buy.added": "Added to your cart.",
  "buy.viewCart": "See the cart",
  "buy.soldOut": "Out of stock for now. Please come back later.",
  "buy.short": "Your cart now holds {n}, more than the {stock} left. Lower the quantity in the cart.",
};

const dicts = { vi, en } as Parameters<typeof translateIn>[0];

export function tb(key: BuyKey, params?: Params): string {
  return translateIn(dicts, locale(), key, params);
}
