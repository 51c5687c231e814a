import { exportCapacity, foodStandards, opt, partA, partB } from "./common";

/** Tea (green, black, oolong and scented dried tea), after Decision 148's annex. */
export const tea = {
  sheetId: "che@1",
  version: 1,
  title: { vi: "Chè (trà) khô các loại", en: "Dried tea" },
  basis: "Quyết định 148/QĐ-TTg (2023), Phụ lục: bộ tiêu chí nhóm chè",
  parts: [
    partA({ vi: "búp chè tươi", en: "fresh tea leaves" }),
    partB,
    {
      code: "C",
      title: { vi: "Chất lượng sản phẩm", en: "Quality" },
      sections: [
        {
          id: "C1",
          title: { vi: "Cảm quan, dinh dưỡng, tính độc đáo", en: "Sensory, nutrition, uniqueness" },
          criteria: [
            {
              id: "C1.1",
              text: {
                vi: "Cảm quan: màu nước, hương, vị, bã chè",
                en: "Sensory: liquor colour, aroma, taste, infused leaf",
              },
              options: [
                opt("a", 0, "Có lỗi cảm quan", "Sensory faults"),
                opt("b", 1, "Đạt, không có đặc trưng riêng", "Sound, nothing distinctive"),
                opt("c", 3, "Có hương vị đặc trưng của vùng chè", "The taste of its tea region"),
                opt("d", 5, "Nổi bật, được hội đồng đánh giá cao", "Outstanding to the council"),
              ],
            },
            {
              id: "C1.2",
              text: { vi: "Giá trị dinh dưỡng", en: "Nutrition" },
              options: [
                opt("a", 0, "Không công bố", "Not stated"),
                opt("b", 1, "Công bố thành phần trên nhãn", "Ingredients on the label"),
                opt("c", 3, "Có phân tích dinh dưỡng của phòng kiểm nghiệm", "A laboratory nutrition analysis"),
              ],
            },
            {
              id: "C1.3",
              text: {
                vi: "Tính độc đáo: giống chè, cây chè cổ thụ, cách sao truyền thống",
                en: "Uniqueness: tea variety, ancient trees, traditional firing",
              },
              options: [
                opt("a", 0, "Phổ biến", "Common"),
                opt("b", 1, "Có nét riêng", "Some character"),
                opt(
                  "c",
                  2,
                  "Giống chè đặc sản (Shan tuyết…) hoặc sao tay truyền thống",
                  "A local variety (Shan tuyết…) or hand firing",
                ),
                opt(
                  "d",
                  4,
                  "Cả hai, từ vùng chè có chỉ dẫn địa lý",
                  "Both, from a tea region with a geographical indication",
                ),
              ],
            },
          ],
        },
        foodStandards({
          vi: "Kiểm nghiệm định kỳ cả dư lượng thuốc bảo vệ thực vật",
          en: "Regular tests including pesticide residues",
        }),
        exportCapacity,
      ],
    },
  ],
};
