import { For, Show } from "solid-js";
import { type AdminKey, ta } from "../../i18n/admin";
import { formatDateTime } from "../../lib/format";
import { provinceName } from "../../lib/geo";
import type { AuditEntry } from "../../lib/portal-api";

export function auditActionLabel(action: string): string {
  const key = `audit.action.${action}`;
  const label = ta(key as AdminKey);
  return label === key ? action : label;
}

/** Who acted, by their scope: central staff, a province's staff, or the system (seeds, the expiry sweep). */
export function actorLabel(scope: string): string {
  if (scope === "central") return ta("admin.scope.central");
  if (scope === "system") return ta("audit.system");
  return ta("admin.scope.province", { province: provinceName(scope) });
}

/** A product's audit trail, newest first. */
export function AuditTrail(props: { entries: AuditEntry[] }) {
  return (
    <Show when={props.entries.length > 0} fallback={<p class="muted">{ta("review.noAudit")}</p>}>
      <ol class="timeline" data-testid="audit-trail">
        <For each={props.entries}>
          {(e) => (
            <li>
              <time datetime={e.at}>{formatDateTime(e.at)}</time>
              <span class="timeline__what">
                <strong>{auditActionLabel(e.action)}</strong> <span class="muted">· {actorLabel(e.actorScope)}</span>
              </span>
              <Show when={e.reason}>
                <span class="timeline__reason">“{e.reason}”</span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
