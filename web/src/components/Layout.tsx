import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, lazy, on, Show, Suspense } from "solid-js";
import { locale, setLocale, t } from "../i18n";
import { cartCount, rememberCart } from "../lib/cart-count";
import { currentUser } from "../lib/session";
import { AccountMenu } from "./AccountMenu";

// The count and the code that refreshes it load only for a visitor who has a cart.
const CartBadge = lazy(() => import("./CartBadge"));

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
      <circle cx="16" cy="16" r="15" style={{ fill: "var(--seal)" }} />
      <path
        d="M16 6.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L16 19.9l-5.2 2.8 1-5.9-4.3-4.1 5.9-.8z"
        style={{ fill: "var(--gold)" }}
      />
    </svg>
  );
}

function CartLink() {
  return (
    <A
      href="/gio-hang"
      class="cart-link"
      activeClass="is-active"
      aria-label={cartCount() > 0 ? t("cart.linkCount", { n: cartCount() }) : t("cart.link")}
    >
      <svg class="cart-link__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h8.4a1.5 1.5 0 0 0 1.5-1.1L20.5 8H6.3" />
        <circle cx="9.5" cy="19.5" r="1.5" />
        <circle cx="17" cy="19.5" r="1.5" />
      </svg>
      <Show when={cartCount() > 0}>
        <CartBadge />
      </Show>
    </A>
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
  // Signing in joins the visitor's cart to the account's (which may hold more); signing out leaves no cart.
  createEffect(
    on(currentUser, (user, before) => {
      if (before === null && user) void import("./CartBadge").then((m) => m.refreshCart());
      if (before && user === null) rememberCart(0);
    }),
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
            <A href="/qua-tang" activeClass="is-active">
              {t("nav.gifts")}
            </A>
            <A href="/live" activeClass="is-active" class="site-nav__live">
              {t("nav.live")}
            </A>
          </nav>
          <CartLink />
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
