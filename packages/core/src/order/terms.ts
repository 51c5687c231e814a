/** Unpaid card and VietQR orders hold their stock this long. */
export const PAY_WITHIN_MINUTES = 30;
/** DynamoDB transactions take 100 items: products, the order, its fulfilments and bookkeeping must fit. */
export const MAX_PRODUCTS = 40;
