import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { Refusal, RequireSignIn } from "../../components/portal/bits";
import { tl } from "../../i18n/live";
import { tp } from "../../i18n/portal";
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
  return (
    <RequireSignIn>
      {(user) => (
        <Switch>
          <Match when={user().role === "seller"}>
            <nav class="wrap seller-tabs" aria-label={tp("seller.tabs")}>
              <A href="/ban-hang" class="seller-tabs__tab" classList={{ "is-active": !onOrders() && !onLive() }}>
                {tp("seller.tab.products")}
              </A>
              <A href="/ban-hang/don-hang" class="seller-tabs__tab" classList={{ "is-active": onOrders() }}>
                {tp("seller.tab.orders")}
              </A>
              <A href="/ban-hang/live" class="seller-tabs__tab" classList={{ "is-active": onLive() }}>
                {tl("seller.live.tab")}
              </A>
            </nav>
            {props.children}
          </Match>
          <Match when={user().role === "shopper" && /^\/ban-hang\/?$/.test(location.pathname)}>
            <Register />
          </Match>
          <Match when={user().role === "shopper"}>
            <div class="wrap">
              <Refusal title={tp("seller.registerFirst")} text={tp("seller.registerFirstText")}>
                <A href="/ban-hang" class="button">
                  {tp("register.title")}
                </A>
              </Refusal>
            </div>
          </Match>
          <Match when={user().role === "staff"}>
            <div class="wrap">
              <Refusal title={tp("seller.staffTitle")} text={tp("seller.staffText")}>
                <A href="/quan-tri" class="button">
                  {tp("seller.toAdmin")}
                </A>
              </Refusal>
            </div>
          </Match>
        </Switch>
      )}
    </RequireSignIn>
  );
}
