import { A } from "@solidjs/router";
import { t } from "../../i18n";
import "../../i18n/shop";

/** Where an empty cart or order list sends the shopper: the products, or the gift combos. */
export function BrowseLinks() {
  return (
    <p class="state__links">
      <A href="/san-pham" class="button">
        {t("shop.cart.browse")}
      </A>
      <A href="/qua-tang" class="button button--ghost">
        {t("shop.cart.gifts")}
      </A>
    </p>
  );
}
