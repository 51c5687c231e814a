import { A, useLocation } from "@solidjs/router";
import { lazy, Show } from "solid-js";
import { t } from "../i18n";
import { currentUser } from "../lib/session";
import { PersonIcon } from "./PersonIcon";

// Only signed-in people need the menu: shoppers who never signed in download just the link.
const AccountPanel = lazy(() => import("./AccountPanel"));

/** The header's account entry: "Đăng nhập", or the signed-in person's menu (seller portal, admin, sign out). */
export function AccountMenu() {
  const location = useLocation();
  const signInHref = () =>
    location.pathname === "/" || location.pathname.startsWith("/dang-nhap")
      ? "/dang-nhap"
      : `/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <Show when={currentUser() !== undefined} fallback={<span class="account account--pending" aria-hidden="true" />}>
      <Show
        when={currentUser()}
        fallback={
          <A href={signInHref()} class="account__signin">
            <PersonIcon />
            <span class="account__label">{t("account.signIn")}</span>
          </A>
        }
      >
        {(user) => <AccountPanel user={user()} />}
      </Show>
    </Show>
  );
}
