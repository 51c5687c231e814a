import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, on, Suspense } from "solid-js";
import { locale, setLocale, t } from "../i18n";
import { AccountMenu } from "./AccountMenu";

function LanguageSwitch() {
  return (
    <fieldset class="lang">
      <legend class="sr-only">{t("lang.label")}</legend>
      <button type="button" lang="vi" aria-pressed={locale() === "vi"} onClick={() => setLocale("vi")}>
        VI<span class="sr-only"> – Tiếng Việt</span>
      </button>
      <button type="button" lang="en" aria-pressed={locale() === "en"} onClick={() => setLocale("en")}>
        EN<span class="sr-only"> – English</span>
      </button>
    </fieldset>
  );
}

function Logo() {
  return (
    <svg class="logo__mark" viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="15" fill="#b42318" />
      <path d="M16 6.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L16 19.9l-5.2 2.8 1-5.9-4.3-4.1 5.9-.8z" fill="#fcd34d" />
    </svg>
  );
}

export function PageSkeleton() {
  return (
    <div class="wrap page-skeleton" aria-busy="true">
      <span class="sr-only">{t("common.loading")}</span>
      <span class="skeleton skeleton--title" />
      <span class="skeleton skeleton--line" />
      <span class="skeleton skeleton--block" />
    </div>
  );
}

export function Layout(props: RouteSectionProps) {
  const location = useLocation();
  let main!: HTMLElement;
  // After moving to another page, start screen readers and keyboards at its content, not at the old link.
  createEffect(
    on(
      () => location.pathname,
      () => main.focus({ preventScroll: true }),
      { defer: true },
    ),
  );
  return (
    <>
      <a class="skip" href="#main">
        {t("nav.skip")}
      </a>
      <header class="site-header">
        <div class="wrap site-header__row">
          <A href="/" class="logo" aria-label={t("nav.homeLink")} end>
            <Logo />
            <span class="logo__text" aria-hidden="true">
              Chợ <b>OCOP</b>
            </span>
          </A>
          <nav class="site-nav" aria-label={t("nav.main")}>
            <A href="/san-pham" activeClass="is-active">
              {t("nav.catalog")}
            </A>
          </nav>
          <AccountMenu />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabindex="-1">
        <Suspense fallback={<PageSkeleton />}>{props.children}</Suspense>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p class="site-footer__brand">
            <Logo /> <span>{t("app.name")}</span>
          </p>
          <p>{t("footer.about")}</p>
          <p>{t("footer.rules")}</p>
          <p>
            <a href="/api/docs">{t("footer.api")}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
