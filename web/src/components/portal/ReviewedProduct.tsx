import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { type Key, t } from "../../i18n";
import "../../i18n/admin";
import { provinceShort } from "../../lib/geo";
import { OcopStars } from "../OcopStars";

/** The first cells of a product's row in the staff's tables: its name (to its review page), group, province, stars. */
export function ReviewedProductCells(props: {
  product: { productId: string; name: string; group: string; provinceCode: string; stars?: number | null };
}) {
  const p = () => props.product;
  return (
    <>
      <th scope="row">
        <A href={`/quan-tri/san-pham/${p().productId}`} class="ptable__name">
          {p().name}
        </A>
        <span class="ptable__sub">{t(`group.short.${p().group}` as Key)}</span>
      </th>
      <td data-label={t("admin.queue.province")}>{provinceShort(p().provinceCode)}</td>
      <td data-label={t("admin.queue.stars")}>
        <Show when={p().stars} fallback="—">
          {(n) => <OcopStars stars={n()} />}
        </Show>
      </td>
    </>
  );
}
