import { exportCapacity, opt, partA, partB } from "./common";

/** Handicrafts and decorative goods (mây tre đan, gốm, thêu dệt, đồ gỗ mỹ nghệ…), after Decision 148's annex. */
export const handicraft = {
  sheetId: "thu-cong-my-nghe@1",
  version: 1,
  title: { vi: "Thủ công mỹ nghệ, trang trí", en: "Handicrafts and decorative goods" },
  basis: "Quyết định 148/QĐ-TTg (2023), Phụ lục: bộ tiêu chí nhóm thủ công mỹ nghệ",
  parts: [
    partA({ vi: "nguyên liệu (mây, tre, gỗ, đất, sợi…)", en: "materials (rattan, bamboo, wood, clay, fibre…)" }),
    partB,
    {
      code: "C",
      title: { vi: "Chất lượng sản phẩm", en: "Quality" },
      sections: [
        {
          id: "C1",
          title: { vi: "Kỹ thuật, thẩm mỹ, tính độc đáo", en: "Craft, beauty, uniqueness" },
          criteria: [
            {
              id: "C1.1",
              text: { vi: "Kỹ thuật, tay nghề", en: "Technique and skill" },
              options: [
                opt("a", 0, "Có lỗi kỹ thuật", "Flawed work"),
                opt("b", 1, "Đạt yêu cầu", "Sound work"),
                opt("c", 3, "Tinh xảo", "Fine work"),
                opt("d", 5, "Do nghệ nhân, thợ giỏi làm, tinh xảo", "Fine work by a master or recognised artisan"),
              ],
            },
            {
              id: "C1.2",
              text: { vi: "Tính thẩm mỹ, công năng", en: "Beauty and use" },
              options: [
                opt("a", 0, "Không có giá trị thẩm mỹ", "No aesthetic value"),
                opt("b", 1, "Đẹp, dùng được", "Pleasing, usable"),
                opt("c", 3, "Đẹp, hài hòa, công năng tốt", "Beautiful, balanced, well made for use"),
              ],
            },
            {
              id: "C1.3",
              text: { vi: "Tính độc đáo, bản sắc văn hóa", en: "Uniqueness and cultural identity" },
              options: [
                opt("a", 0, "Phổ biến", "Common"),
                opt("b", 1, "Có nét riêng", "Some character"),
                opt(
                  "c",
                  2,
                  "Mang hoa văn, kỹ thuật truyền thống của địa phương",
                  "Local patterns or traditional technique",
                ),
                opt(
                  "d",
                  4,
                  "Gắn với làng nghề truyền thống được công nhận",
                  "From a recognised traditional craft village",
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
              text: {
                vi: "An toàn của vật liệu và chất xử lý (mối mọt, nấm mốc)",
                en: "Safety of materials and treatments (pests, mould)",
              },
              options: [
                opt("a", 0, "Không rõ", "Unknown"),
                opt("b", 2, "Cam kết không dùng chất cấm", "A pledge of no banned substances"),
                opt("c", 4, "Có kết quả thử nghiệm an toàn vật liệu", "Material safety tested"),
              ],
              mandatory: [
                { stars: 3, atLeast: 2 },
                { stars: 4, atLeast: 4 },
              ],
            },
            {
              id: "C2.2",
              text: { vi: "Công bố tiêu chuẩn sản phẩm", en: "Declared product standard" },
              options: [
                opt("a", 0, "Chưa công bố", "Not declared"),
                opt("b", 2, "Có tiêu chuẩn cơ sở", "An own standard"),
                opt("c", 4, "Tiêu chuẩn cơ sở và áp dụng TCVN liên quan", "An own standard and the relevant TCVN"),
              ],
              mandatory: [{ stars: 3, atLeast: 2 }],
            },
            {
              id: "C2.3",
              text: { vi: "Kiểm tra chất lượng thành phẩm", en: "Finished-goods checks" },
              options: [
                opt("a", 0, "Không", "None"),
                opt("b", 1, "Kiểm tra bằng mắt từng sản phẩm", "Each piece checked by eye"),
                opt("c", 3, "Quy trình kiểm tra, có hồ sơ theo lô", "A written check, recorded per batch"),
              ],
              mandatory: [{ stars: 3, atLeast: 1 }],
            },
            {
              id: "C2.4",
              text: { vi: "Hệ thống quản lý chất lượng", en: "Quality management system" },
              options: [
                opt("a", 0, "Chưa áp dụng", "None"),
                opt("b", 2, "Đang áp dụng (ISO 9001…)", "Being applied (ISO 9001…)"),
                opt("c", 4, "Có chứng nhận còn hiệu lực", "Certified, in force"),
              ],
              mandatory: [{ stars: 5, atLeast: 4 }],
            },
            {
              id: "C2.5",
              text: { vi: "Truy xuất nguồn gốc nguyên liệu", en: "Material traceability" },
              options: [
                opt("a", 0, "Không", "None"),
                opt("b", 1, "Ghi chép nguồn nguyên liệu", "Material sources recorded"),
                opt(
                  "c",
                  3,
                  "Nguyên liệu hợp pháp, có chứng nhận (FSC…) hoặc mã truy xuất",
                  "Legal, certified (FSC…) or traceable materials",
                ),
              ],
            },
          ],
        },
        exportCapacity,
      ],
    },
  ],
};
