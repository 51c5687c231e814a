import { A } from "@solidjs/router";
import { createResource } from "solid-js";
import { adminApi } from "../../api/admin";
import { List, Table } from "../../components/list";
import { EmptyState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/verify";
import { formatDateTime } from "../../lib/format";
import { provinceName, provinceShort } from "../../lib/geo";
import { currentUser } from "../../lib/session";
import { useTitle } from "../../lib/title";

/** Sellers' identity verifications waiting for staff: the staff member's province (central: all), oldest first. */
export default function Verifications() {
  const [items, { refetch }] = createResource(adminApi.verifications);
  const central = () => currentUser()?.staffScope === "central";
  useTitle(() => t("verify.staff.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("verify.staff.title")}</h1>
        <p class="muted">
          {central()
            ? t("verify.staff.leadCentral")
            : t("verify.staff.leadProvince", { province: provinceName(currentUser()?.staffScope ?? "") })}
        </p>
      </div>
      <List data={items} retry={refetch} empty={<EmptyState title={t("verify.staff.empty")} />}>
        {(rows) => (
          <Table
            rows={rows()}
            caption={t("verify.staff.title")}
            testid="verifications"
            count={t("verify.staff.count", { n: rows().length })}
            busy={items.loading}
            columns={[
              t("verify.staff.seller"),
              t("verify.staff.producer"),
              t("verify.staff.province"),
              t("verify.staff.cccd"),
              t("verify.staff.submitted"),
              t("verify.staff.attempts"),
              { label: t("verify.staff.open"), hidden: true },
            ]}
          >
            {(v) => (
              <tr>
                <td data-label={t("verify.staff.seller")}>
                  <strong>{v.fullName}</strong>
                </td>
                <td data-label={t("verify.staff.producer")}>{v.producerName}</td>
                <td data-label={t("verify.staff.province")}>{provinceShort(v.provinceCode)}</td>
                <td data-label={t("verify.staff.cccd")}>
                  <code>{v.cccdLast}</code>
                </td>
                <td data-label={t("verify.staff.submitted")}>{formatDateTime(v.submittedAt)}</td>
                <td data-label={t("verify.staff.attempts")}>{v.attempts}</td>
                <td class="ptable__action">
                  <A href={`/quan-tri/xac-minh/${v.userId}`} class="button button--small button--ghost">
                    {t("verify.staff.open")}
                    <span class="sr-only">: {v.fullName}</span>
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
