import { createEffect } from "solid-js";
import { t } from "../i18n";

/** Sets the tab title from the page: "<page> · Chợ OCOP", or the site's tagline on the home page. */
export function useTitle(title: () => string | undefined) {
  createEffect(() => {
    const page = title();
    document.title = page ? `${page} · ${t("app.name")}` : `${t("app.name")} · ${t("app.tagline")}`;
  });
}
