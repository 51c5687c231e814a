import { createResource, Show } from "solid-js";
import { List, Table } from "../../components/list";
import { EmptyState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { adminApi } from "../../api/admin";
import { formatDateTime } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { AuditActor, AuditTarget, auditActionLabel } from "./audit";

function statusOf(json: string): string | undefined {
  try {
    const value = JSON.parse(json) as { status?: unknown } | null;
    return typeof value?.status === "string" ? value.status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every staff action the staff member may read, newest first: who by name and role, what by name with a link
 * (product and producer, order number, live, collection…), the change and why.
 */
export default function AuditLog() {
  const [entries, { refetch }] = createResource(() => adminApi.audit(200));
  useTitle(() => t("admin.audit.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.audit.title")}</h1>
        <p class="muted">{t("admin.audit.lead")}</p>
      </div>
      <List data={entries} retry={refetch} empty={<EmptyState title={t("admin.audit.empty")} />}>
        {(rows) => (
          <Table
            rows={rows()}
            caption={t("admin.audit.title")}
            testid="audit"
            columns={[
              t("admin.audit.when"),
              t("admin.audit.action"),
              t("admin.audit.target"),
              t("admin.audit.who"),
              t("admin.audit.change"),
              t("admin.audit.reason"),
            ]}
          >
            {(e) => {
              // Product statuses only: orders and lives have their own words, shown on their pages.
              const before = e.targetType === "product" ? statusOf(e.before) : undefined;
              const after = e.targetType === "product" ? statusOf(e.after) : undefined;
              return (
                <tr>
                  <td data-label={t("admin.audit.when")}>
                    <time datetime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <th scope="row">{auditActionLabel(e.action)}</th>
                  <td data-label={t("admin.audit.target")}>
                    <AuditTarget entry={e} />
                  </td>
                  <td data-label={t("admin.audit.who")}>
                    <AuditActor entry={e} />
                  </td>
                  <td data-label={t("admin.audit.change")}>
                    <Show when={before || after} fallback="—">
                      {before ? t(`portal.status.${before}` as "portal.status.draft") : "—"} →{" "}
                      {after ? t(`portal.status.${after}` as "portal.status.draft") : "—"}
                    </Show>
                  </td>
                  <td data-label={t("admin.audit.reason")}>{e.reason ?? "—"}</td>
                </tr>
              );
            }}
          </Table>
        )}
      </List>
    </>
  );
}
