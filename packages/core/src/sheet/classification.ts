/**
 * Group → category → sub-group (Decision 148/QĐ-TTg's classification of OCOP products), each sub-group naming the
 * sheet it is scored on. Only the sub-groups whose sheets are written out are listed.
 */
export const CLASSIFICATION: unknown = [
  {
    code: "1",
    name: { vi: "Thực phẩm", en: "Food" },
    categories: [
      {
        code: "1.3",
        name: { vi: "Thực phẩm chế biến", en: "Processed food" },
        subGroups: [
          {
            code: "1.3.1",
            name: { vi: "Chế biến từ gạo, ngũ cốc", en: "Processed rice and cereals" },
            sheetId: "gao-ngu-coc@1",
          },
        ],
      },
      {
        code: "1.5",
        name: { vi: "Chè", en: "Tea" },
        subGroups: [{ code: "1.5.1", name: { vi: "Chè khô các loại", en: "Dried tea" }, sheetId: "che@1" }],
      },
    ],
  },
  {
    code: "4",
    name: { vi: "Thủ công mỹ nghệ", en: "Handicrafts" },
    categories: [
      {
        code: "4.1",
        name: { vi: "Thủ công mỹ nghệ, trang trí", en: "Handicrafts and decoration" },
        subGroups: [
          {
            code: "4.1.1",
            name: {
              vi: "Mây tre đan, gốm, thêu dệt, đồ gỗ mỹ nghệ",
              en: "Rattan, bamboo, pottery, textiles, woodcraft",
            },
            sheetId: "thu-cong-my-nghe@1",
          },
        ],
      },
    ],
  },
];
