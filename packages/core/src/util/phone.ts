import { z } from "zod";

/**
 * A Vietnamese mobile number, normalised to 0XXXXXXXXX. Accepts +84 / 84 prefixes, spaces, dots and dashes.
 * Mobile prefixes since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x.
 */
export const VnMobile = z
  .string()
  .trim()
  .transform((raw) => raw.replace(/[\s.\-()]/g, "").replace(/^(\+?84)(?=[35789]\d{8}$)/, "0"))
  .pipe(z.string().regex(/^0[35789]\d{8}$/, "expected a Vietnamese mobile number such as 0912 345 678"));
