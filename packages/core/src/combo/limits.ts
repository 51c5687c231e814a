/** The limits of a gift combo the web checks before it sends, the numbers the server holds to. Browser-safe: nothing but constants. */

/** Products in a combo, at least and at most. */
export const MIN_ITEMS = 2;
export const MAX_ITEMS = 8;
/** Characters of the greeting card. */
export const GREETING_MAX = 300;
