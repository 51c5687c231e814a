import { A, useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { List, Table } from "../../components/list";
import { StatusBadge } from "../../components/portal/bits";
import { ReviewedProductCells } from "../../components/portal/ReviewedProduct";
import { EmptyState } from "../../components/States";
import { ProvinceSelect } from "../../components/shop/ProvinceSelect";
import { type Key, t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { adminApi, type QueueQuery } from "../../api/admin";
import type { ProductStatus } from "../../api/seller";
import { formatDate } from "../../lib/format";
import { provinceName, provinceShort } from "../../lib/geo";
import { currentUser } from "../../lib/session";
import { useTitle } from "../../lib/title";

export const QUEUE_STATUSES: ProductStatus[] = ["pending", "approved", "rejected", "suspended", "expired"];

/** The review queue: by status (waiting first), province (province staff see only theirs) and stars. */
export default function Queue() {
  const [params, setParams] = useSearchParams();
  const central = () => currentUser()?.staffScope === "central";
  const status = (): ProductStatus => {
    const s = params.status;
    return typeof s === "string" && (QUEUE_STATUSES as string[]).includes(s) ? (s as ProductStatus) : "pending";
  };
  const province = () => (central() ? (typeof params.province === "string" ? params.province : "") : "");
  const stars = () => (typeof params.stars === "string" && /^[345]$/.test(params.stars) ? params.stars : "");
  const query = (): QueueQuery => ({
    status: status(),
    ...(province() ? { province: province() as QueueQuery["province"] } : {}),
    ...(stars() ? { stars: stars() } : {}),
  });
  const [items, { refetch }] = createResource(query, adminApi.reviews);
  useTitle(() => t("admin.queue.title"));

  const set = (patch: Record<string, string>) => {
    const next: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(patch)) next[key] = value || undefined;
    setParams(next);
  };

  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.queue.title")}</h1>
        <p class="muted">
          {central()
            ? t("admin.queue.leadCentral")
            : t("admin.queue.leadProvince", { province: provinceName(currentUser()?.staffScope ?? "") })}
        </p>
      </div>
      <form class="filters-row" aria-label={t("admin.queue.filters")} onSubmit={(e) => e.preventDefault()}>
        <label class="pfield">
          <span class="pfield__label">{t("admin.queue.status")}</span>
          <select value={status()} onChange={(e) => set({ status: e.currentTarget.value })}>
            <For each={QUEUE_STATUSES}>
              {(s) => (
                <option value={s} selected={status() === s}>
                  {t(`portal.status.${s}` as Key)}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="pfield" for="queue-province">
          <span class="pfield__label">{t("admin.queue.province")}</span>
          <Show
            when={central()}
            fallback={
              <select id="queue-province" disabled>
                <option>{provinceShort(currentUser()?.staffScope ?? "")}</option>
              </select>
            }
          >
            <ProvinceSelect
              id="queue-province"
              value={province()}
              placeholder={t("filter.allProvinces")}
              onPick={(code) => set({ province: code })}
            />
          </Show>
        </label>
        <label class="pfield">
          <span class="pfield__label">{t("admin.queue.stars")}</span>
          <select value={stars()} onChange={(e) => set({ stars: e.currentTarget.value })}>
            <option value="">{t("admin.queue.anyStars")}</option>
            <For each={["3", "4", "5"]}>
              {(n) => (
                <option value={n} selected={stars() === n}>
                  {t("portal.submit.starsN", { n: Number(n) })}
                </option>
              )}
            </For>
          </select>
        </label>
      </form>

      <List data={items} retry={refetch} empty={<EmptyState title={t(`admin.queue.empty.${status()}` as Key)} />}>
        {(rows) => (
          <Table
            rows={rows()}
            caption={t("admin.queue.title")}
            testid="queue"
            count={t("admin.queue.count", { n: rows().length })}
            busy={items.loading}
            columns={[
              t("admin.queue.product"),
              t("admin.queue.province"),
              t("admin.queue.stars"),
              t("admin.queue.status"),
              t("admin.queue.updated"),
              { label: t("admin.queue.open"), hidden: true },
            ]}
          >
            {(p) => (
              <tr>
                <ReviewedProductCells product={p} />
                <td data-label={t("admin.queue.status")}>
                  <StatusBadge status={p.status} validUntil={p.validUntil} />
                </td>
                <td data-label={t("admin.queue.updated")}>{formatDate(String(p.updatedAt ?? ""))}</td>
                <td class="ptable__action">
                  <A href={`/quan-tri/san-pham/${p.productId}`} class="button button--small button--ghost">
                    {t("admin.queue.review")}
                    <span class="sr-only">: {p.name}</span>
                  </A>
                </td>
              </tr>
            )}
          </Table>
        )}
      </List>
    </>
  );
}
