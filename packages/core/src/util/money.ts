import { z } from "zod";

/** Money is integer đồng (VND has no minor unit). The cap keeps sums far inside Number.MAX_SAFE_INTEGER. */
export const MAX_VND = 10_000_000_000;

export const Vnd = z.number().int("Số tiền phải là số nguyên đồng / amount must be whole đồng").min(0).max(MAX_VND);

/** Made on first use, like the Vietnam day formatter (util/date.ts): not on the API's cold import. */
let formatter: Intl.NumberFormat | undefined;

/** 250000 → "250.000 ₫" */
export function formatVnd(amount: number): string {
  formatter ??= new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });
  return formatter.format(amount);
}
