import { PROVINCES, type Province } from "@cho-ocop/core/geo/province";
import { REGIONS, type RegionId } from "@cho-ocop/core/geo/region";
import { GROUPS, type GroupId } from "@cho-ocop/core/group/index";
import type { Locale } from "../i18n/translate";

export type { GroupId, Province, RegionId };
export { GROUPS, PROVINCES, REGIONS };

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const regionById = new Map(REGIONS.map((r) => [r.id as string, r]));
const groupById = new Map(GROUPS.map((g) => [g.id as string, g]));

export const REGION_IDS: readonly RegionId[] = REGIONS.map((r) => r.id);
export const GROUP_IDS: readonly GroupId[] = GROUPS.map((g) => g.id);

export function province(code: string): Province | undefined {
  return provinceByCode.get(code);
}

/** "Đồng Tháp", "TP. Hồ Chí Minh": what a card has room for. */
export function provinceShort(code: string): string {
  return provinceByCode.get(code)?.short ?? code;
}

export function provinceName(code: string): string {
  return provinceByCode.get(code)?.name ?? code;
}

export function regionName(id: string, locale: Locale): string {
  const r = regionById.get(id);
  return r ? r[locale] : id;
}

export function groupName(id: string, locale: Locale): string {
  const g = groupById.get(id);
  return g ? g[locale] : id;
}

export function isRegionId(id: string): id is RegionId {
  return regionById.has(id);
}

export function isGroupId(id: string): id is GroupId {
  return groupById.has(id);
}

/** The 34 provinces in the order of the regions, for a select with one group per region. */
export function provincesByRegion(): Array<{ region: RegionId; provinces: Province[] }> {
  return REGIONS.map((r) => ({ region: r.id, provinces: PROVINCES.filter((p) => p.region === r.id) }));
}
