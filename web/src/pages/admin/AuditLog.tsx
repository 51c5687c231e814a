import { createResource, For, Match, Show, Switch } from "solid-js";
import { EmptyState, ErrorState } from "../../components/States";
import { ta } from "../../i18n/admin";
import { tp } from "../../i18n/portal";
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
  useTitle(() => ta("audit.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{ta("audit.title")}</h1>
        <p class="muted">{ta("audit.lead")}</p>
      </div>
      <Switch>
        <Match when={entries.state === "errored"}>
          <ErrorState error={entries.error} retry={refetch} />
        </Match>
        <Match when={!list()}>
          <p class="muted" aria-busy="true">
            {tp("common.loading")}
          </p>
        </Match>
        <Match when={list()?.length === 0}>
          <EmptyState title={ta("audit.empty")} />
        </Match>
        <Match when={list()}>
          {(rows) => (
            <div class="table-wrap">
              <table class="ptable ptable--stack" data-testid="audit">
                <caption class="sr-only">{ta("audit.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ta("audit.when")}</th>
                    <th scope="col">{ta("audit.action")}</th>
                    <th scope="col">{ta("audit.target")}</th>
                    <th scope="col">{ta("audit.who")}</th>
                    <th scope="col">{ta("audit.change")}</th>
                    <th scope="col">{ta("audit.reason")}</th>
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
                          <td data-label={ta("audit.when")}>
                            <time datetime={e.at}>{formatDateTime(e.at)}</time>
                          </td>
                          <th scope="row">{auditActionLabel(e.action)}</th>
                          <td data-label={ta("audit.target")}>
                            <AuditTarget entry={e} />
                          </td>
                          <td data-label={ta("audit.who")}>
                            <AuditActor entry={e} />
                          </td>
                          <td data-label={ta("audit.change")}>
                            <Show when={before || after} fallback="—">
                              {before ? tp(`status.${before}` as "status.draft") : "—"} →{" "}
                              {after ? tp(`status.${after}` as "status.draft") : "—"}
                            </Show>
                          </td>
                          <td data-label={ta("audit.reason")}>{e.reason ?? "—"}</td>
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
