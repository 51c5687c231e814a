import { opt, partA, partB } from "./common";

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
        {
          id: "C2",
          title: { vi: "Tiêu chuẩn sản phẩm", en: "Standards" },
          criteria: [
            {
              id: "C2.1",
              text: { vi: "An toàn thực phẩm của cơ sở", en: "Food safety of the premises" },
              options: [
                opt("a", 0, "Chưa có", "None"),
                opt("b", 2, "Cam kết an toàn thực phẩm (cơ sở nhỏ lẻ)", "A food-safety pledge (small premises)"),
                opt("c", 4, "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "A food-safety certificate"),
              ],
              mandatory: [
                { stars: 3, atLeast: 2 },
                { stars: 4, atLeast: 4 },
              ],
            },
            {
              id: "C2.2",
              text: { vi: "Công bố chất lượng, tiêu chuẩn cơ sở", en: "Quality declaration and own standard" },
              options: [
                opt("a", 0, "Chưa công bố", "Not declared"),
                opt("b", 2, "Tự công bố sản phẩm", "Self-declared"),
                opt("c", 4, "Tự công bố và có tiêu chuẩn cơ sở đầy đủ", "Self-declared with a full standard"),
              ],
              mandatory: [{ stars: 3, atLeast: 2 }],
            },
            {
              id: "C2.3",
              text: { vi: "Phiếu kiểm nghiệm", en: "Test reports" },
              options: [
                opt("a", 0, "Không có", "None"),
                opt("b", 1, "Có phiếu kiểm nghiệm", "A test report"),
                opt(
                  "c",
                  3,
                  "Kiểm nghiệm định kỳ đủ chỉ tiêu an toàn và chất lượng",
                  "Regular tests of safety and quality",
                ),
              ],
              mandatory: [{ stars: 3, atLeast: 1 }],
            },
            {
              id: "C2.4",
              text: { vi: "Hệ thống quản lý chất lượng", en: "Quality management system" },
              options: [
                opt("a", 0, "Chưa áp dụng", "None"),
                opt("b", 2, "Đang áp dụng (VietGAP, HACCP, ISO 22000…)", "Being applied (VietGAP, HACCP, ISO 22000…)"),
                opt("c", 4, "Có chứng nhận còn hiệu lực", "Certified, in force"),
              ],
              mandatory: [{ stars: 5, atLeast: 4 }],
            },
            {
              id: "C2.5",
              text: { vi: "Truy xuất nguồn gốc", en: "Traceability" },
              options: [
                opt("a", 0, "Không", "None"),
                opt("b", 1, "Ghi chép theo lô", "Batch records"),
                opt("c", 3, "Hệ thống truy xuất (tem, mã QR) đầy đủ", "A full trace system (stamp, QR)"),
              ],
            },
          ],
        },
        {
          id: "C3",
          title: { vi: "Khả năng xuất khẩu", en: "Export capacity" },
          criteria: [
            {
              id: "C3.1",
              text: { vi: "Xuất khẩu", en: "Exports" },
              options: [
                opt("a", 0, "Chưa có", "None"),
                opt("b", 1, "Có thể đáp ứng yêu cầu xuất khẩu", "Could meet export rules"),
                opt("c", 3, "Đã xuất khẩu", "Has exported"),
                opt("d", 5, "Xuất khẩu ổn định theo hợp đồng", "Exports steadily under contract"),
              ],
              mandatory: [{ stars: 5, atLeast: 3 }],
            },
          ],
        },
      ],
    },
  ],
};
