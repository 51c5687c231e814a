import { useSearchParams } from "@solidjs/router";
import { createResource, For } from "solid-js";
import { List, Table } from "../../components/list";
import { ReviewedProductCells } from "../../components/portal/ReviewedProduct";
import { EmptyState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { adminApi } from "../../api/admin";
import { daysBetween, formatDate, vietnamDay } from "../../lib/format";
import { useTitle } from "../../lib/title";

export const WINDOWS = [30, 60, 90, 180];

/** Listed products whose certificate runs out soon, soonest first: a renewal must be approved before then. */
export default function Expiring() {
  const [params, setParams] = useSearchParams();
  const days = () => {
    const n = Number(params.days);
    return WINDOWS.includes(n) ? n : 60;
  };
  const [items, { refetch }] = createResource(days, adminApi.expiring);
  const today = vietnamDay();
  useTitle(() => t("admin.expiring.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.expiring.title")}</h1>
        <p class="muted">{t("admin.expiring.lead")}</p>
      </div>
      <form class="filters-row" onSubmit={(e) => e.preventDefault()} aria-label={t("admin.queue.filters")}>
        <label class="pfield">
          <span class="pfield__label">{t("admin.expiring.within")}</span>
          <select
            value={days()}
            onChange={(e) => setParams({ days: e.currentTarget.value === "60" ? undefined : e.currentTarget.value })}
          >
            <For each={WINDOWS}>
              {(n) => (
                <option value={n} selected={days() === n}>
                  {t("admin.expiring.days", { n })}
                </option>
              )}
            </For>
          </select>
        </label>
      </form>
      <List data={items} retry={refetch} empty={<EmptyState title={t("admin.expiring.empty", { n: days() })} />}>
        {(rows) => (
          <Table
            rows={rows()}
            caption={t("admin.expiring.title")}
            testid="expiring"
            count={t("admin.queue.count", { n: rows().length })}
            columns={[
              t("admin.queue.product"),
              t("admin.queue.province"),
              t("admin.queue.stars"),
              t("cert.validUntil"),
              t("admin.expiring.left"),
            ]}
          >
            {(p) => {
              const left = daysBetween(today, p.validUntil ?? today);
              return (
                <tr>
                  <ReviewedProductCells product={p} />
                  <td data-label={t("cert.validUntil")}>{formatDate(p.validUntil ?? "")}</td>
                  <td data-label={t("admin.expiring.left")}>
                    <span class={`days-left${left <= 30 ? " days-left--urgent" : ""}`} data-testid="days-left">
                      {left === 0 ? t("cert.lastDay") : t("cert.daysLeft", { n: left })}
                    </span>
                  </td>
                </tr>
              );
            }}
          </Table>
        )}
      </List>
    </>
  );
}
