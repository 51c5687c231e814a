/**
 * The 12-digit number of a citizen identity card (CCCD; since 1 July 2024 the căn cước card, same number: the
 * personal identification number). Decree 137/2015/NĐ-CP art. 7: 3 digits for the province where the birth was
 * registered, 1 for sex and century of birth, 2 for the year of birth, 6 random. The province codes are the 63 of
 * Circular 07/2016/TT-BCA, from before the 2025 merger, and stay on cards issued since.
 */
export const BIRTH_PROVINCES: Readonly<Record<string, string>> = {
  "001": "Hà Nội",
  "002": "Hà Giang",
  "004": "Cao Bằng",
  "006": "Bắc Kạn",
  "008": "Tuyên Quang",
  "010": "Lào Cai",
  "011": "Điện Biên",
  "012": "Lai Châu",
  "014": "Sơn La",
  "015": "Yên Bái",
  "017": "Hòa Bình",
  "019": "Thái Nguyên",
  "020": "Lạng Sơn",
  "022": "Quảng Ninh",
  "024": "Bắc Giang",
  "025": "Phú Thọ",
  "026": "Vĩnh Phúc",
  "027": "Bắc Ninh",
  "030": "Hải Dương",
  "031": "Hải Phòng",
  "033": "Hưng Yên",
  "034": "Thái Bình",
  "035": "Hà Nam",
  "036": "Nam Định",
  "037": "Ninh Bình",
  "038": "Thanh Hóa",
  "040": "Nghệ An",
  "042": "Hà Tĩnh",
  "044": "Quảng Bình",
  "045": "Quảng Trị",
  "046": "Thừa Thiên Huế",
  "048": "Đà Nẵng",
  "049": "Quảng Nam",
  "051": "Quảng Ngãi",
  "052": "Bình Định",
  "054": "Phú Yên",
  "056": "Khánh Hòa",
  "058": "Ninh Thuận",
  "060": "Bình Thuận",
  "062": "Kon Tum",
  "064": "Gia Lai",
  "066": "Đắk Lắk",
  "067": "Đắk Nông",
  "068": "Lâm Đồng",
  "070": "Bình Phước",
  "072": "Tây Ninh",
  "074": "Bình Dương",
  "075": "Đồng Nai",
  "077": "Bà Rịa - Vũng Tàu",
  "079": "TP. Hồ Chí Minh",
  "080": "Long An",
  "082": "Tiền Giang",
  "083": "Bến Tre",
  "084": "Trà Vinh",
  "086": "Vĩnh Long",
  "087": "Đồng Tháp",
  "089": "An Giang",
  "091": "Kiên Giang",
  "092": "Cần Thơ",
  "093": "Hậu Giang",
  "094": "Sóc Trăng",
  "095": "Bạc Liêu",
  "096": "Cà Mau",
};

/** The year of birth a CCCD number states: its 4th digit is sex and century (0/1 the 1900s, 2/3 the 2000s…). */
export function birthYear(number: string): number {
  const century = 1900 + Math.floor(Number(number[3]) / 2) * 100;
  return century + Number(number.slice(4, 6));
}

export function cccdProblem(number: string, thisYear = new Date().getUTCFullYear()): string | undefined {
  if (!/^\d{12}$/.test(number)) return "a CCCD number is 12 digits";
  if (!BIRTH_PROVINCES[number.slice(0, 3)]) return "the first 3 digits of a CCCD number are a province code";
  if (Number(number[3]) > 3 || birthYear(number) > thisYear) return "the 4th to 6th digits give a year of birth";
  return undefined;
}

/** Spaces and dots people type between groups of digits. */
export const cccdDigits = (typed: string) => typed.replace(/[\s.]/g, "");

/** A number as lists show it: its last 3 digits. */
export const maskCccd = (number: string) => `${"•".repeat(9)}${number.slice(-3)}`;
