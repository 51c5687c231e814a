import { createResource, For, Match, Show, Switch } from "solid-js";
import { EmptyState, ErrorState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { formatDateTime } from "../../lib/format";
import { adminApi } from "../../lib/portal-api";
import { settled } from "../../lib/resource";
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
  const list = () => settled(entries);
  useTitle(() => t("admin.audit.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.audit.title")}</h1>
        <p class="muted">{t("admin.audit.lead")}</p>
      </div>
      <Switch>
        <Match when={entries.state === "errored"}>
          <ErrorState error={entries.error} retry={refetch} />
        </Match>
        <Match when={!list()}>
          <p class="muted" aria-busy="true">
            {t("portal.common.loading")}
          </p>
        </Match>
        <Match when={list()?.length === 0}>
          <EmptyState title={t("admin.audit.empty")} />
        </Match>
        <Match when={list()}>
          {(rows) => (
            <div class="table-wrap">
              <table class="ptable ptable--stack" data-testid="audit">
                <caption class="sr-only">{t("admin.audit.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("admin.audit.when")}</th>
                    <th scope="col">{t("admin.audit.action")}</th>
                    <th scope="col">{t("admin.audit.target")}</th>
                    <th scope="col">{t("admin.audit.who")}</th>
                    <th scope="col">{t("admin.audit.change")}</th>
                    <th scope="col">{t("admin.audit.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
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
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Match>
      </Switch>
    </>
  );
}
