import { storefrontApi, type Ward } from "../api/storefront";

/** Wards already fetched, by province: each province's list (about a hundred) is asked for once per visit. */
const cache = new Map<string, Promise<Ward[]>>();

export function wardsOf(provinceCode: string): Promise<Ward[]> {
  let found = cache.get(provinceCode);
  if (!found) {
    found = storefrontApi.wards(provinceCode);
    found.catch(() => cache.delete(provinceCode));
    cache.set(provinceCode, found);
  }
  return found;
}

/** A ward's name from its code, once its province's list is known. */
export async function wardName(provinceCode: string, wardCode: string): Promise<string> {
  const wards = await wardsOf(provinceCode).catch(() => []);
  return wards.find((w) => w.code === wardCode)?.name ?? "";
}
