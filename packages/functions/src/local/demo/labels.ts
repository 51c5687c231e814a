import { LABEL_RULES, type LabelText } from "@cho-ocop/core/product/label-rules";
import type { DemoProduct, ProductKind } from "./types";

/** What a demo product's label says, by what it is: the storefront's product pages show it as the law asks. */
const BY_KIND: Partial<Record<ProductKind, { ingredients?: string; shelfLife?: string; storage?: string }>> = {
  tea: { ingredients: "Búp chè tươi 100%", shelfLife: "24 tháng kể từ ngày sản xuất" },
  coffee: { ingredients: "Hạt cà phê rang 100%", shelfLife: "12 tháng kể từ ngày sản xuất" },
  liquor: {
    ingredients: "Rượu chưng cất từ ngũ cốc, men lá, nước. Độ cồn 29–40% vol",
    shelfLife: "Không có hạn sử dụng khi còn nguyên niêm phong",
  },
  honey: { ingredients: "Mật ong nguyên chất 100%", shelfLife: "24 tháng kể từ ngày sản xuất" },
  "fish-sauce": { ingredients: "Cá cơm, muối biển", shelfLife: "24 tháng kể từ ngày sản xuất" },
  condiment: { ingredients: "Nguyên liệu địa phương, muối, gia vị", shelfLife: "12 tháng kể từ ngày sản xuất" },
  rice: { ingredients: "Gạo 100%", shelfLife: "12 tháng kể từ ngày đóng gói" },
  noodles: { ingredients: "Bột gạo, nước, muối", shelfLife: "6 tháng kể từ ngày sản xuất" },
  meat: {
    ingredients: "Thịt trâu, gừng, sả, mắc khén, muối",
    shelfLife: "6 tháng kể từ ngày sản xuất",
    storage: "Ngăn mát tủ lạnh 0–5 °C; dùng hết trong 5 ngày sau khi mở túi",
  },
  parcel: {
    ingredients: "Gạo nếp, nhân đậu xanh, thịt lợn, lá gói",
    shelfLife: "3 ngày ở nhiệt độ thường, 7 ngày trong ngăn mát",
    storage: "Ngăn mát tủ lạnh 0–5 °C",
  },
  seafood: {
    ingredients: "Hải sản tươi, muối, tiêu",
    shelfLife: "6 tháng ở −18 °C",
    storage: "Ngăn đông tủ lạnh −18 °C",
  },
  nuts: { ingredients: "Hạt chọn lọc 100%", shelfLife: "12 tháng kể từ ngày sản xuất" },
  spice: { ingredients: "Gia vị sấy khô 100%", shelfLife: "24 tháng kể từ ngày sản xuất" },
  oil: { ingredients: "Tinh dầu chưng cất nguyên chất 100%", shelfLife: "36 tháng kể từ ngày sản xuất" },
  ginseng: { ingredients: "Sâm, mật ong", shelfLife: "24 tháng kể từ ngày sản xuất" },
  herbal: { ingredients: "Dược liệu sấy khô 100%", shelfLife: "24 tháng kể từ ngày sản xuất" },
  fruit: {
    ingredients: "Quả tươi",
    shelfLife: "15 ngày kể từ ngày thu hái",
    storage: "Nơi thoáng mát, không xếp chồng",
  },
  "dried-fruit": { ingredients: "Quả sấy khô 100%", shelfLife: "12 tháng kể từ ngày sản xuất" },
  sweets: { ingredients: "Nguyên liệu địa phương, đường, mạch nha", shelfLife: "6 tháng kể từ ngày sản xuất" },
  "bird-nest": { ingredients: "Tổ yến tinh chế, đường phèn", shelfLife: "24 tháng kể từ ngày sản xuất" },
};

const MATERIAL: Partial<Record<ProductKind, string>> = {
  ceramics: "Gốm, men tro tự nhiên, nung ở 1.250 °C",
  weaving: "Mây, tre, cói tự nhiên",
  textile: "Sợi bông, lụa tơ tằm, nhuộm màu tự nhiên",
  hat: "Lá nón, khung tre, chỉ cước",
};

/** "hộp 200g" → "200 g", "hộp 2 chai 500ml" → "2 × 500 ml", "can 2 lít" → "2 lít"; else the unit as it is. */
function netContent(unit: string) {
  const pack = /(\d+)\s*(?:hũ|chai|túi|lọ)\s*(\d+(?:[,.]\d+)?)\s*(kg|g|ml|lít)\b/i.exec(unit);
  if (pack) return `${pack[1]} × ${pack[2]} ${pack[3]}`;
  const m = /(\d+(?:[,.]\d+)?)\s*(kg|g|ml|lít)\b/i.exec(unit);
  return m ? `${m[1]} ${m[2]}` : unit;
}

/** A stable certificate number for the demo: the same product has the same one on every seed. */
function certificateNumber(key: string) {
  let n = 0;
  for (const c of key) n = (n * 31 + c.charCodeAt(0)) % 9000;
  return `${1000 + n}/2025/ATTP-CNĐK`;
}

export function demoLabel(p: DemoProduct): LabelText {
  const kind = BY_KIND[p.kind] ?? {};
  const all: LabelText = {
    ingredients: kind.ingredients,
    netContent: netContent(p.unit),
    dates: "In trên bao bì, theo từng lô sản xuất",
    shelfLife: kind.shelfLife ?? "12 tháng kể từ ngày sản xuất",
    storage: kind.storage ?? "Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp",
    foodSafetyCertificate: certificateNumber(p.key),
    usage: p.group === "duoc-lieu" ? "Dùng theo hướng dẫn trên bao bì; không dùng thay thuốc chữa bệnh" : undefined,
    material: MATERIAL[p.kind],
  };
  if (p.group === "sinh-vat-canh")
    all.storage =
      p.kind === "koi"
        ? "Nuôi trong hồ lọc sạch, nước 18–26 °C"
        : "Đặt nơi có ánh sáng tán xạ, tưới khi mặt giá thể khô";
  const fields = new Set(LABEL_RULES[p.group].map((r) => r.field));
  return Object.fromEntries(Object.entries(all).filter(([f, v]) => v && fields.has(f as never)));
}
