import { A } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/admin";
import type { AuditEntry } from "../../api/admin";
import { formatDateTime } from "../../lib/format";
import { provinceName } from "../../lib/geo";

export function auditActionLabel(action: string): string {
  const key = `admin.audit.action.${action}`;
  const label = t(key as Key);
  return label === key ? action : label;
}

/** A staff member's role by their scope: central staff, or a province's staff. */
function staffRole(scope: string): string {
  return scope === "central" ? t("admin.scope.central") : t("admin.scope.province", { province: provinceName(scope) });
}

/** Who acted: their name (when the account has one) and their role, or the system (seeds, the expiry sweep). */
export function actorLabel(entry: AuditEntry): { name?: string; role: string } {
  const who = entry.actorInfo;
  const name = who.name ?? undefined;
  if (who.kind === "staff") return { name, role: staffRole(who.staffScope ?? entry.actorScope) };
  if (who.kind === "seller") {
    return {
      name,
      role: who.producerName ? t("admin.audit.sellerOf", { producer: who.producerName }) : t("admin.audit.seller"),
    };
  }
  if (who.kind === "shopper") return { name, role: t("admin.audit.shopper") };
  return { role: t("admin.audit.system") };
}

export function AuditActor(props: { entry: AuditEntry }) {
  const who = () => actorLabel(props.entry);
  return (
    <span class="audit-who" data-testid="audit-who">
      <Show when={who().name}>
        <strong>{who().name}</strong>{" "}
      </Show>
      <span class="muted">{who().role}</span>
    </span>
  );
}

const SETUP_PAGE: Record<string, { href: string; key: Key }> = {
  collection: { href: "/quan-tri/bo-suu-tap", key: "admin.audit.collection" },
  giftbox: { href: "/quan-tri/qua-tang", key: "admin.audit.giftbox" },
  "combo-template": { href: "/quan-tri/qua-tang", key: "admin.audit.template" },
  settings: { href: "/quan-tri/qua-tang", key: "admin.audit.pricing" },
};

/** What was acted on, by name, with links: a product and its producer, an order by its code, a live, a set-up page. */
export function AuditTarget(props: { entry: AuditEntry }) {
  const target = () => props.entry.target;
  const unnamed = () => `${target().id.slice(0, 8)}…`;
  const producer = (): JSX.Element => (
    <Show when={target().producerName}>
      {(name) => (
        <span class="audit-target__producer">
          {" · "}
          <Show when={target().producerId} fallback={name()}>
            {(id) => <A href={`/chu-the/${id()}`}>{name()}</A>}
          </Show>
        </span>
      )}
    </Show>
  );
  const setup = () => SETUP_PAGE[target().type];
  return (
    <span class="audit-target" data-testid="audit-target">
      <Show when={target().type === "product"}>
        <span class="muted">{t("admin.audit.product")} </span>
        <A href={`/quan-tri/san-pham/${target().id}`}>{target().name ?? unnamed()}</A>
        {producer()}
      </Show>
      <Show when={target().type === "order"}>
        <span class="muted">{t("admin.audit.order")} </span>
        <A href={`/don-hang/${target().id}`}>{target().name ?? unnamed()}</A>
      </Show>
      <Show when={target().type === "live"}>
        <span class="muted">{t("admin.audit.live")} </span>
        <A href={`/live/${target().id}`}>{target().name ?? unnamed()}</A>
        {producer()}
      </Show>
      <Show when={setup()}>
        {(page) => (
          <>
            <span class="muted">{t(page().key)} </span>
            <A href={page().href}>{(locale() === "en" ? target().nameEn : null) ?? target().name ?? target().id}</A>
          </>
        )}
      </Show>
      <Show when={!["product", "order", "live"].includes(target().type) && !setup()}>
        <span>
          {target().type} <code>{target().id}</code>
        </span>
      </Show>
    </span>
  );
}

/** A product's audit trail, newest first. */
export function AuditTrail(props: { entries: AuditEntry[] }) {
  return (
    <Show when={props.entries.length > 0} fallback={<p class="muted">{t("admin.review.noAudit")}</p>}>
      <ol class="timeline" data-testid="audit-trail">
        <For each={props.entries}>
          {(e) => (
            <li>
              <time datetime={e.at}>{formatDateTime(e.at)}</time>
              <span class="timeline__what">
                <strong>{auditActionLabel(e.action)}</strong> <span class="muted">·</span> <AuditActor entry={e} />
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
