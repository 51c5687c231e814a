import { PROVINCES } from "./geo";

/** The province a shopper last chose to deliver to: the cart's shipping estimate and the checkout start from it. */
const KEY = "cho-ocop.shipTo";

export function shipTo(): string {
  try {
    const code = localStorage.getItem(KEY) ?? "";
    return PROVINCES.some((p) => p.code === code) ? code : "";
  } catch {
    return "";
  }
}

export function rememberShipTo(code: string) {
  try {
    if (code) localStorage.setItem(KEY, code);
    else localStorage.removeItem(KEY);
  } catch {
    // private mode: chosen again next time
  }
}
