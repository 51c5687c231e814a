/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export const GROUPS = [
  { id: "thuc-pham", vi: "Thực phẩm", en: "Food" },
  { id: "do-uong", vi: "Đồ uống", en: "Beverages" },
  { id: "duoc-lieu", vi: "Dược liệu và sản phẩm từ dược liệu", en: "Medicinal herbs and herbal products" },
  { id: "thu-cong-my-nghe", vi: "Thủ công mỹ nghệ", en: "Handicrafts" },
  { id: "sinh-vat-canh", vi: "Sinh vật cảnh", en: "Ornamental plants and animals" },
  {
    id: "du-lich",
    vi: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    en: "Community and eco-tourism services and destinations",
  },
] as const;

export type GroupId = (typeof GROUPS)[number]["id"];
export const GROUP_IDS = GROUPS.map((g) => g.id) as [GroupId, ...GroupId[]];
