import { A } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import { EmptyState, ErrorState } from "../../components/States";
import { ta } from "../../i18n/admin";
import { tp } from "../../i18n/portal";
import { formatDateTime } from "../../lib/format";
import { adminApi } from "../../lib/portal-api";
import { useTitle } from "../../lib/title";
import { actorLabel, auditActionLabel } from "./audit";

function statusOf(json: string): string | undefined {
  try {
    const value = JSON.parse(json) as { status?: unknown } | null;
    return typeof value?.status === "string" ? value.status : undefined;
  } catch {
    return undefined;
  }
}

/** Every staff action, newest first: who (by scope), what, on which product or collection, and why. */
export default function AuditLog() {
  const [entries, { refetch }] = createResource(() => adminApi.audit(200));
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
        <Match when={!entries.latest}>
          <p class="muted" aria-busy="true">
            {tp("common.loading")}
          </p>
        </Match>
        <Match when={entries.latest?.length === 0}>
          <EmptyState title={ta("audit.empty")} />
        </Match>
        <Match when={entries.latest}>
          {(list) => (
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
                  <For each={list()}>
                    {(e) => {
                      const before = statusOf(e.before);
                      const after = statusOf(e.after);
                      return (
                        <tr>
                          <td data-label={ta("audit.when")}>
                            <time datetime={e.at}>{formatDateTime(e.at)}</time>
                          </td>
                          <th scope="row">{auditActionLabel(e.action)}</th>
                          <td data-label={ta("audit.target")}>
                            <Show
                              when={e.targetType === "product"}
                              fallback={
                                <span>
                                  {ta("audit.collection")} <code>{e.targetId}</code>
                                </span>
                              }
                            >
                              <A href={`/quan-tri/san-pham/${e.targetId}`}>
                                {ta("audit.product")} <code>{e.targetId.slice(0, 8)}…</code>
                              </A>
                            </Show>
                          </td>
                          <td data-label={ta("audit.who")}>{actorLabel(e.actorScope)}</td>
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
