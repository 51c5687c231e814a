import { A, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Refusal, RequireSignIn } from "../../components/portal/bits";
import { type Key, t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/claim";
import "../../i18n/council";
import "../../i18n/live";
import "../../i18n/registry";
import "../../i18n/verify";
import { provinceName } from "../../lib/geo";
import type { Me } from "../../lib/session";
import "../../styles/portal.css";

const SECTIONS: Array<{ href: string; key?: Key; label?: () => string; end?: boolean }> = [
  { href: "/quan-tri", key: "admin.nav.queue", end: true },
  { href: "/quan-tri/sap-het-han", key: "admin.nav.expiring" },
  { href: "/quan-tri/don-hang", key: "admin.nav.orders" },
  { href: "/quan-tri/bo-suu-tap", key: "admin.nav.collections" },
  { href: "/quan-tri/qua-tang", key: "admin.nav.gifts" },
  { href: "/quan-tri/live", label: () => t("live.admin.nav") },
  { href: "/quan-tri/xac-minh", label: () => t("verify.staff.nav") },
  { href: "/quan-tri/hoi-dong", label: () => t("council.nav") },
  { href: "/quan-tri/nhap-ocop", label: () => t("registry.import.nav") },
  { href: "/quan-tri/nhan-ho-so", label: () => t("claim.staff.nav") },
  { href: "/quan-tri/so-lieu", key: "admin.nav.dashboard" },
  { href: "/quan-tri/nhat-ky", key: "admin.nav.audit" },
];

export function scopeLabel(user: Me): string {
  return user.staffScope === "central"
    ? t("admin.scope.central")
    : t("admin.scope.province", { province: provinceName(user.staffScope ?? "") });
}

/** Staff admin: review queue, expiring certificates, collections, figures and the audit log (desktop first). */
export default function AdminShell(props: RouteSectionProps) {
  return (
    <RequireSignIn>
      {(user) => (
        <Show
          when={user().role === "staff"}
          fallback={
            <div class="wrap">
              <Refusal title={t("admin.onlyStaff")} text={t("admin.onlyStaffText")}>
                <A href="/" class="button">
                  {t("admin.toShop")}
                </A>
              </Refusal>
            </div>
          }
        >
          <div class="admin">
            <div class="admin__bar">
              <div class="wrap admin__bar-row">
                <p class="admin__title">
                  <strong>{t("admin.title")}</strong>
                  <span class="admin__scope" data-testid="staff-scope">
                    {scopeLabel(user())}
                  </span>
                </p>
                <nav class="admin__nav" aria-label={t("admin.navLabel")}>
                  <For each={SECTIONS}>
                    {(s) => (
                      <A href={s.href} end={s.end} activeClass="is-active">
                        {s.key ? t(s.key) : s.label?.()}
                      </A>
                    )}
                  </For>
                </nav>
              </div>
            </div>
            <div class="wrap admin__body">{props.children}</div>
          </div>
        </Show>
      )}
    </RequireSignIn>
  );
}
