import { locale } from "./index";
import { type Params, translateIn } from "./translate";

/**
 * Strings of "Thêm vào giỏ" on a product page and of the address book (its page, the checkout's and the live sheet's
 * "Giao đến"): loaded with those pages, not with the storefront's first download.
 */
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
  "addr.menu": "Sổ địa chỉ",
  "addr.title": "Sổ địa chỉ",
  "addr.lead": "Địa chỉ mặc định được điền sẵn khi thanh toán và khi mua trong live.",
  "addr.count": "{n}/{max} địa chỉ",
  "addr.add": "Thêm địa chỉ mới",
  "addr.newTitle": "Địa chỉ mới",
  "addr.editTitle": "Sửa địa chỉ",
  "addr.edit": "Sửa",
  "addr.delete": "Xoá",
  "addr.deleteConfirm": "Xoá địa chỉ này khỏi sổ?",
  "addr.cancel": "Huỷ",
  "addr.default": "Mặc định",
  "addr.makeDefault": "Đặt làm mặc định",
  "addr.defaultCheck": "Đặt làm địa chỉ mặc định",
  "addr.save": "Lưu địa chỉ",
  "addr.saving": "Đang lưu…",
  "addr.saved": "Đã lưu địa chỉ.",
  "addr.deleted": "Đã xoá địa chỉ.",
  "addr.defaultSet": "Đã đổi địa chỉ mặc định.",
  "addr.empty": "Bạn chưa lưu địa chỉ nào",
  "addr.emptyText": "Thêm một địa chỉ ở đây, hoặc đặt đơn đầu tiên: địa chỉ của đơn đó được lưu làm mặc định.",
  "addr.full": "Sổ đã đủ {max} địa chỉ. Hãy xoá bớt một địa chỉ để thêm mới.",
  "addr.deliverTo": "Giao đến",
  "addr.change": "Đổi",
  "addr.choose": "Chọn địa chỉ giao hàng",
  "addr.manage": "Quản lý sổ địa chỉ",
  "addr.willSave": "Địa chỉ này sẽ được lưu làm địa chỉ mặc định trong Sổ địa chỉ, để lần sau bạn không phải nhập lại.",
  "addr.pricing": "Đang tính phí vận chuyển…",
  "addr.pricingFailed": "Chưa tính được phí vận chuyển.",
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
  "addr.menu": "Address book",
  "addr.title": "Address book",
  "addr.lead": "Your default address is filled in at checkout and when you buy from a live.",
  "addr.count": "{n} of {max} addresses",
  "addr.add": "Add a new address",
  "addr.newTitle": "New address",
  "addr.editTitle": "Edit address",
  "addr.edit": "Edit",
  "addr.delete": "Delete",
  "addr.deleteConfirm": "Delete this address from your book?",
  "addr.cancel": "Cancel",
  "addr.default": "Default",
  "addr.makeDefault": "Make default",
  "addr.defaultCheck": "Use as my default address",
  "addr.save": "Save address",
  "addr.saving": "Saving…",
  "addr.saved": "Address saved.",
  "addr.deleted": "Address deleted.",
  "addr.defaultSet": "Default address changed.",
  "addr.empty": "No saved addresses yet",
  "addr.emptyText": "Add one here, or place your first order: its address is saved as your default.",
  "addr.full": "Your book holds {max} addresses, the most it can. Delete one to add another.",
  "addr.deliverTo": "Deliver to",
  "addr.change": "Change",
  "addr.choose": "Choose a delivery address",
  "addr.manage": "Manage address book",
  "addr.willSave": "This address will be saved as the default in your address book, so you need not type it again.",
  "addr.pricing": "Working out shipping…",
  "addr.pricingFailed": "Shipping could not be worked out yet.",
};

const dicts = { vi, en } as Parameters<typeof translateIn>[0];

export function tb(key: BuyKey, params?: Params): string {
  return translateIn(dicts, locale(), key, params);
}
