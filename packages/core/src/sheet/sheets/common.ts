/**
 * Parts A and B as the annex of Decision 148/QĐ-TTg words them for most goods, in this project's words. A sheet
 * file takes them and adds its own part C; the wording of raw material follows the sub-group.
 */

const opt = (id: string, points: number, vi: string, en: string) => ({ id, points, text: { vi, en } });

export function partA(material: { vi: string; en: string }) {
  return {
    code: "A",
    title: { vi: "Sản phẩm và sức mạnh cộng đồng", en: "Product and community strength" },
    sections: [
      {
        id: "A1",
        title: { vi: "Tổ chức sản xuất", en: "Production organisation" },
        criteria: [
          {
            id: "A1.1",
            text: { vi: `Nguồn ${material.vi} từ địa phương (trong tỉnh)`, en: `Local (in-province) ${material.en}` },
            options: [
              opt("a", 0, "Không rõ nguồn gốc", "Origin unknown"),
              opt("b", 1, "Dưới 50% từ trong tỉnh", "Under 50% from the province"),
              opt("c", 2, "Từ 50% đến dưới 75%", "50% to under 75%"),
              opt("d", 4, "Từ 75% trở lên", "75% or more"),
            ],
            mandatory: [{ stars: 3, atLeast: 1 }],
          },
          {
            id: "A1.2",
            text: { vi: "Sử dụng lao động địa phương", en: "Local labour" },
            options: [
              opt("a", 0, "Không sử dụng lao động địa phương", "No local labour"),
              opt("b", 1, "Dưới 50% lao động là người địa phương", "Under 50% of workers are local"),
              opt("c", 2, "Từ 50% lao động là người địa phương", "50% or more of workers are local"),
              opt(
                "d",
                3,
                "Từ 50% là người địa phương, có phụ nữ hoặc đồng bào dân tộc thiểu số",
                "50% or more local, including women or ethnic-minority workers",
              ),
            ],
          },
          {
            id: "A1.3",
            text: {
              vi: "Liên kết sản xuất với người trồng, nuôi, làm nghề",
              en: "Production links with growers and makers",
            },
            options: [
              opt("a", 0, "Không có liên kết", "No links"),
              opt("b", 1, "Có liên kết nhưng chưa có hợp đồng", "Links without a contract"),
              opt("c", 2, "Có hợp đồng liên kết", "Linked by contract"),
              opt("d", 3, "Hợp đồng liên kết ổn định từ 1 năm trở lên", "Contracts held for a year or more"),
            ],
            mandatory: [{ stars: 4, atLeast: 2 }],
          },
          {
            id: "A1.4",
            text: { vi: "Bảo vệ môi trường trong sản xuất", en: "Environmental protection in production" },
            options: [
              opt("a", 0, "Chưa có cam kết bảo vệ môi trường", "No environmental commitment"),
              opt("b", 1, "Có cam kết hoặc kế hoạch bảo vệ môi trường", "A commitment or plan"),
              opt("c", 2, "Có giấy phép môi trường và thực hiện đúng", "An environmental permit, followed"),
            ],
            mandatory: [{ stars: 3, atLeast: 1 }],
          },
          {
            id: "A1.5",
            text: { vi: "Sổ sách kế toán", en: "Bookkeeping" },
            options: [
              opt("a", 0, "Không ghi chép", "No records"),
              opt("b", 1, "Có ghi chép thu chi", "Income and expenses recorded"),
              opt("c", 2, "Sổ sách kế toán theo quy định", "Accounts kept as the law requires"),
            ],
          },
          {
            id: "A1.6",
            text: { vi: "Ứng dụng công nghệ, thiết bị trong sản xuất", en: "Technology and equipment in production" },
            options: [
              opt("a", 0, "Thủ công hoàn toàn, không cải tiến", "Entirely by hand, unimproved"),
              opt("b", 2, "Có thiết bị hỗ trợ một số công đoạn", "Machines for some steps"),
              opt("c", 4, "Công nghệ phù hợp ở các công đoạn chính", "Fitting technology in the main steps"),
            ],
          },
        ],
      },
      {
        id: "A2",
        title: { vi: "Phát triển sản phẩm", en: "Product development" },
        criteria: [
          {
            id: "A2.1",
            text: { vi: "Phương án, kế hoạch kinh doanh", en: "Business plan" },
            options: [
              opt("a", 0, "Không có", "None"),
              opt("b", 1, "Có kế hoạch đơn giản", "A simple plan"),
              opt("c", 3, "Phương án đầy đủ: thị trường, vốn, nhân lực", "A full plan: market, capital, people"),
            ],
          },
          {
            id: "A2.2",
            text: { vi: "Bao bì và nhãn hàng hóa", en: "Packaging and label" },
            options: [
              opt("a", 0, "Chưa có nhãn", "No label"),
              opt(
                "b",
                1,
                "Nhãn đủ nội dung bắt buộc (Nghị định 111/2021/NĐ-CP)",
                "A label with the required content (Decree 111/2021)",
              ),
              opt("c", 2, "Bao bì thiết kế riêng", "Packaging designed for the product"),
              opt(
                "d",
                3,
                "Thiết kế riêng, vật liệu thân thiện môi trường, có mã truy xuất",
                "Own design, green materials, a trace code",
              ),
            ],
            mandatory: [{ stars: 3, atLeast: 1 }],
          },
          {
            id: "A2.3",
            text: { vi: "Sáng tạo, cải tiến sản phẩm", en: "Creativity and improvement" },
            options: [
              opt("a", 0, "Không cải tiến", "Unchanged"),
              opt("b", 1, "Có cải tiến so với sản phẩm thông thường", "Improved on the usual product"),
              opt(
                "c",
                3,
                "Sản phẩm mới hoặc cải tiến rõ do chủ thể tự nghiên cứu",
                "New or clearly improved by the producer's own work",
              ),
            ],
          },
          {
            id: "A2.4",
            text: { vi: "Mức độ chế biến, giá trị gia tăng", en: "Processing depth and added value" },
            options: [
              opt("a", 0, "Sơ chế", "Basic preparation"),
              opt("b", 1, "Chế biến đơn giản", "Simple processing"),
              opt("c", 3, "Chế biến sâu, giá trị gia tăng cao", "Deep processing, high added value"),
            ],
          },
        ],
      },
      {
        id: "A3",
        title: { vi: "Sức mạnh cộng đồng", en: "Community strength" },
        criteria: [
          {
            id: "A3.1",
            text: { vi: "Loại hình chủ thể", en: "Kind of producer" },
            options: [
              opt("a", 0, "Chưa đăng ký kinh doanh", "Not registered"),
              opt("b", 1, "Hộ kinh doanh có đăng ký", "Registered household business"),
              opt("c", 3, "Doanh nghiệp nhỏ và vừa", "Small or medium enterprise"),
              opt("d", 4, "Hợp tác xã, tổ hợp tác có thành viên là người địa phương", "Cooperative with local members"),
            ],
            mandatory: [{ stars: 3, atLeast: 1 }],
          },
          {
            id: "A3.2",
            text: {
              vi: "Phụ nữ, đồng bào dân tộc thiểu số tham gia quản lý",
              en: "Women and ethnic minorities in management",
            },
            options: [
              opt("a", 0, "Không có", "None"),
              opt("b", 1, "Có tham gia ban quản lý", "On the management board"),
              opt("c", 3, "Là người đứng đầu hoặc từ 50% ban quản lý", "Leading, or half the board or more"),
            ],
          },
          {
            id: "A3.3",
            text: { vi: "Đóng góp cho cộng đồng", en: "Contribution to the community" },
            options: [
              opt("a", 0, "Không rõ", "Not shown"),
              opt("b", 1, "Tạo việc làm thời vụ", "Seasonal jobs"),
              opt(
                "c",
                3,
                "Việc làm thường xuyên và hỗ trợ hộ nghèo, người trồng",
                "Steady jobs and support to poor households and growers",
              ),
            ],
          },
        ],
      },
    ],
  };
}

export const partB = {
  code: "B",
  title: { vi: "Khả năng tiếp thị", en: "Marketing" },
  sections: [
    {
      id: "B1",
      title: { vi: "Tiếp thị", en: "Marketing" },
      criteria: [
        {
          id: "B1.1",
          text: { vi: "Phạm vi phân phối", en: "Distribution reach" },
          options: [
            opt("a", 0, "Chỉ bán tại nơi sản xuất", "Sold only where made"),
            opt("b", 1, "Trong tỉnh", "In the province"),
            opt("c", 3, "Từ 3 tỉnh, thành phố trở lên", "Three or more provinces"),
            opt(
              "d",
              5,
              "Toàn quốc, có kênh phân phối hiện đại (siêu thị, chuỗi)",
              "Nationwide, with modern channels (supermarkets, chains)",
            ),
          ],
        },
        {
          id: "B1.2",
          text: { vi: "Bán hàng trực tuyến", en: "Online selling" },
          options: [
            opt("a", 0, "Không", "None"),
            opt("b", 1, "Qua mạng xã hội", "On social networks"),
            opt(
              "c",
              2,
              "Sàn thương mại điện tử hoặc trang web có đặt hàng",
              "A marketplace or a website taking orders",
            ),
          ],
        },
        {
          id: "B1.3",
          text: { vi: "Quảng bá sản phẩm", en: "Promotion" },
          options: [
            opt("a", 0, "Không quảng bá", "None"),
            opt("b", 1, "Tờ rơi, mạng xã hội", "Leaflets, social networks"),
            opt("c", 3, "Kế hoạch quảng bá hằng năm, hội chợ, truyền hình", "A yearly plan, fairs, television"),
          ],
        },
        {
          id: "B1.4",
          text: { vi: "Bảo hộ sở hữu trí tuệ", en: "Intellectual property" },
          options: [
            opt("a", 0, "Chưa nộp đơn", "Nothing filed"),
            opt("b", 1, "Đã nộp đơn đăng ký nhãn hiệu", "Trademark application filed"),
            opt("c", 3, "Có giấy chứng nhận đăng ký nhãn hiệu", "Trademark registered"),
            opt(
              "d",
              4,
              "Nhãn hiệu và chỉ dẫn địa lý hoặc nhãn hiệu tập thể",
              "Trademark plus geographical indication or collective mark",
            ),
          ],
          mandatory: [
            { stars: 3, atLeast: 1 },
            { stars: 4, atLeast: 3 },
          ],
        },
        {
          id: "B1.5",
          text: { vi: "Hợp đồng tiêu thụ", en: "Sales contracts" },
          options: [
            opt("a", 0, "Không có", "None"),
            opt("b", 2, "Có hợp đồng tiêu thụ", "Sales contracts"),
            opt("c", 4, "Từ 3 hợp đồng ổn định trở lên", "Three or more steady contracts"),
          ],
        },
      ],
    },
    {
      id: "B2",
      title: { vi: "Câu chuyện sản phẩm", en: "The product's story" },
      criteria: [
        {
          id: "B2.1",
          text: { vi: "Có câu chuyện sản phẩm", en: "A product story" },
          options: [
            opt("a", 0, "Không có", "None"),
            opt("b", 1, "Có câu chuyện", "A story"),
            opt("c", 2, "Được in thành tài liệu", "Printed"),
            opt("d", 3, "Thể hiện trên bao bì và kênh quảng bá", "On the packaging and in promotion"),
          ],
        },
        {
          id: "B2.2",
          text: { vi: "Nội dung gắn với văn hóa, lịch sử địa phương", en: "Ties to local culture and history" },
          options: [
            opt("a", 0, "Không", "None"),
            opt("b", 1, "Có nhắc đến", "Mentioned"),
            opt("c", 2, "Rõ ràng, có dẫn chứng", "Clear, with sources"),
          ],
        },
        {
          id: "B2.3",
          text: { vi: "Hình thức thể hiện", en: "How it is told" },
          options: [
            opt("a", 0, "Không có", "Not told"),
            opt("b", 1, "Tiếng Việt", "In Vietnamese"),
            opt("c", 2, "Song ngữ hoặc có video", "Bilingual or on video"),
          ],
        },
      ],
    },
  ],
};

/** C2 of the food sheets: the same criteria, but what their regular tests must cover. */
export function foodStandards(regularTests: { vi: string; en: string }) {
  return {
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
          opt("c", 3, regularTests.vi, regularTests.en),
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
  };
}

export const exportCapacity = {
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
};

export { opt };
