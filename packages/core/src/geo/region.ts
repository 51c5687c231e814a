/**
 * The six socio-economic regions of the national master plan (Resolution 81/2023/QH15),
 * which the storefront uses to browse "by region".
 */
export const REGIONS = [
  { id: "trung-du-mien-nui-phia-bac", vi: "Trung du và miền núi phía Bắc", en: "Northern Midlands and Mountains" },
  { id: "dong-bang-song-hong", vi: "Đồng bằng sông Hồng", en: "Red River Delta" },
  {
    id: "bac-trung-bo-duyen-hai-mien-trung",
    vi: "Bắc Trung Bộ và duyên hải miền Trung",
    en: "North Central and Central Coast",
  },
  { id: "tay-nguyen", vi: "Tây Nguyên", en: "Central Highlands" },
  { id: "dong-nam-bo", vi: "Đông Nam Bộ", en: "Southeast" },
  { id: "dong-bang-song-cuu-long", vi: "Đồng bằng sông Cửu Long", en: "Mekong Delta" },
] as const;

export type RegionId = (typeof REGIONS)[number]["id"];
export const REGION_IDS = REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]];
