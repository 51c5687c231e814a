import { lifecycle } from "../util/lifecycle";
import type { Product } from "./index";

/**
 * A product's way onto the storefront: its sellers submit it with a certificate (again after a rejection, an
 * expiry or a new certificate, but not while suspended); staff approve or reject what waits, suspend what is
 * listed and reinstate it. A listed product whose certificate runs out expires (the storefront's daily sweep), and
 * an approved product whose name or group changes goes back to review.
 */
export const ReviewLifecycle = lifecycle<Product.Status>(
  { vi: "Sản phẩm", en: "A product" },
  {
    draft: ["pending"],
    pending: ["pending", "approved", "rejected"],
    approved: ["pending", "suspended", "expired"],
    rejected: ["pending"],
    suspended: ["approved"],
    expired: ["pending"],
  },
);
