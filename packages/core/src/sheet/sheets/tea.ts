import { opt, partA, partB } from "./common";

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
                  "Kiểm nghiệm định kỳ cả dư lượng thuốc bảo vệ thực vật",
                  "Regular tests including pesticide residues",
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
