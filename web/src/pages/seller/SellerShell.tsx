import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { Refusal, RequireSignIn } from "../../components/portal/bits";
import { t } from "../../i18n";
import "../../i18n/dossier";
import "../../i18n/live";
import "../../i18n/portal";
import "../../styles/portal.css";
import Register from "./Register";

/**
 * The seller portal's frame: signed-in sellers see their pages; a shopper at /ban-hang registers a producer first;
 * staff accounts do not sell.
 */
export default function SellerShell(props: RouteSectionProps) {
  const location = useLocation();
  const onOrders = () => location.pathname.startsWith("/ban-hang/don-hang");
  const onLive = () => location.pathname.startsWith("/ban-hang/live");
  const onDossiers = () => location.pathname.startsWith("/ban-hang/ho-so");
  return (
    <RequireSignIn>
      {(user) => (
        <Switch>
          <Match when={user().role === "seller"}>
            <nav class="wrap seller-tabs" aria-label={t("portal.seller.tabs")}>
              <A
                href="/ban-hang"
                class="seller-tabs__tab"
                classList={{ "is-active": !onOrders() && !onLive() && !onDossiers() }}
              >
                {t("portal.seller.tab.products")}
              </A>
              <A href="/ban-hang/don-hang" class="seller-tabs__tab" classList={{ "is-active": onOrders() }}>
                {t("portal.seller.tab.orders")}
              </A>
              <A href="/ban-hang/live" class="seller-tabs__tab" classList={{ "is-active": onLive() }}>
                {t("live.seller.live.tab")}
              </A>
              <A href="/ban-hang/ho-so" class="seller-tabs__tab" classList={{ "is-active": onDossiers() }}>
                {t("dossier.tab")}
              </A>
            </nav>
            {props.children}
          </Match>
          <Match when={user().role === "shopper" && /^\/ban-hang\/?$/.test(location.pathname)}>
            <Register />
          </Match>
          <Match when={user().role === "shopper"}>
            <div class="wrap">
              <Refusal title={t("portal.seller.registerFirst")} text={t("portal.seller.registerFirstText")}>
                <A href="/ban-hang" class="button">
                  {t("portal.register.title")}
                </A>
              </Refusal>
            </div>
          </Match>
          <Match when={user().role === "staff" || user().role === "commune"}>
            <div class="wrap">
              <Refusal title={t("portal.seller.staffTitle")} text={t("portal.seller.staffText")}>
                <A href="/quan-tri" class="button">
                  {t("portal.seller.toAdmin")}
                </A>
              </Refusal>
            </div>
          </Match>
        </Switch>
      )}
    </RequireSignIn>
  );
}
