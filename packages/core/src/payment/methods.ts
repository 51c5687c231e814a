/** How a shopper pays an order, and where its payment stands. */
export const PAYMENT_METHODS = ["cod", "vietqr", "card"] as const;
export const PAYMENT_STATUSES = ["pending", "paid", "failed", "refunded", "cod"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
