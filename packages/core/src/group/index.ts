/**
 * The six OCOP product groups of Decision 148/QĐ-TTg (2023). `boxable`: whether the group's products are goods a gift
 * box can hold — living plants and animals (sinh vật cảnh: a koi, a bonsai, an orchid in its pot) travel on their own
 * terms, and tourism services (tours, homestays) are not goods at all.
 */
export const GROUPS = [
  { id: "thuc-pham", vi: "Thực phẩm", en: "Food", boxable: true },
  { id: "do-uong", vi: "Đồ uống", en: "Beverages", boxable: true },
  {
    id: "duoc-lieu",
    vi: "Dược liệu và sản phẩm từ dược liệu",
    en: "Medicinal herbs and herbal products",
    boxable: true,
  },
  { id: "thu-cong-my-nghe", vi: "Thủ công mỹ nghệ", en: "Handicrafts", boxable: true },
  { id: "sinh-vat-canh", vi: "Sinh vật cảnh", en: "Ornamental plants and animals", boxable: false },
  {
    id: "du-lich",
    vi: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    en: "Community and eco-tourism services and destinations",
    boxable: false,
  },
] as const;

export type GroupId = (typeof GROUPS)[number]["id"];
export const GROUP_IDS = GROUPS.map((g) => g.id) as [GroupId, ...GroupId[]];

/** Whether a product of this group can go in a gift combo's box. */
export function isBoxable(group: GroupId): boolean {
  return GROUPS.some((g) => g.id === group && g.boxable);
}
