import { exportCapacity, foodStandards, opt, partA, partB } from "./common";

/** Processed rice and cereal products (bún, phở, bánh đa, cốm, gạo lứt sấy…), after Decision 148's annex. */
export const riceCereal = {
  sheetId: "gao-ngu-coc@1",
  version: 1,
  title: { vi: "Sản phẩm chế biến từ gạo, ngũ cốc", en: "Processed rice and cereal products" },
  basis: "Quyết định 148/QĐ-TTg (2023), Phụ lục: bộ tiêu chí nhóm thực phẩm chế biến",
  parts: [
    partA({ vi: "gạo, ngũ cốc nguyên liệu", en: "rice and cereal" }),
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
                vi: "Cảm quan: màu, mùi, vị, độ dai, độ giòn",
                en: "Sensory: colour, smell, taste, chew, crunch",
              },
              options: [
                opt("a", 0, "Có lỗi cảm quan", "Sensory faults"),
                opt("b", 1, "Đạt, không có đặc trưng riêng", "Sound, nothing distinctive"),
                opt("c", 3, "Có đặc trưng rõ của gạo, ngũ cốc vùng", "Clearly of the region's grain"),
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
                vi: "Tính độc đáo: giống lúa, cách làm truyền thống",
                en: "Uniqueness: rice variety, traditional method",
              },
              options: [
                opt("a", 0, "Phổ biến", "Common"),
                opt("b", 1, "Có nét riêng", "Some character"),
                opt("c", 2, "Giống đặc sản hoặc cách làm truyền thống", "A local variety or a traditional method"),
                opt("d", 4, "Cả hai, gắn với làng nghề", "Both, from a craft village"),
              ],
            },
          ],
        },
        foodStandards({
          vi: "Kiểm nghiệm định kỳ đủ chỉ tiêu an toàn và chất lượng",
          en: "Regular tests of safety and quality",
        }),
        exportCapacity,
      ],
    },
  ],
};
