import { A } from "@solidjs/router";
import { createResource, For, Match, Switch } from "solid-js";
import { RequireSignIn } from "../../components/RequireSignIn";
import { EmptyState, ErrorState } from "../../components/States";
import { BrowseLinks } from "../../components/shop/BrowseLinks";
import { OrderStatusBadge, PaymentBadge } from "../../components/shop/bits";
import { Loading } from "../../components/shop/Loading";
import { ShopPage } from "../../components/shop/ShopPage";
import { type Key, t } from "../../i18n";
import "../../i18n/shop";
import { ordersApi } from "../../api/orders";
import { formatDateTime, formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import "../../styles/shop.css";

function OrderList() {
  const [orders, { refetch }] = createResource(ordersApi.orders);
  return (
    <Switch fallback={<Loading />}>
      <Match when={orders.state === "errored"}>
        <ErrorState error={orders.error} retry={refetch} />
      </Match>
      <Match when={settled(orders)?.length === 0}>
        <EmptyState title={t("shop.orders.empty")}>
          <p>{t("shop.orders.emptyText")}</p>
          <BrowseLinks />
        </EmptyState>
      </Match>
      <Match when={settled(orders)}>
        {(list) => (
          <ul class="order-list">
            <For each={list()}>
              {(o) => (
                <li>
                  <A href={`/don-hang/${o.orderId}`} class="order-card" data-testid="order-card">
                    <span class="order-card__head">
                      <strong class="order-card__code">{o.code}</strong>
                      <OrderStatusBadge status={o.status} />
                    </span>
                    <span class="order-card__meta">
                      {t("shop.orders.placed", { when: formatDateTime(o.createdAt) })} ·{" "}
                      {t(`shop.method.${o.paymentMethod}` as Key)}
                    </span>
                    <span class="order-card__foot">
                      <PaymentBadge status={o.paymentStatus} />
                      <strong class="order-card__total">{formatVnd(o.totalVnd)}</strong>
                    </span>
                    <span class="sr-only">{t("shop.orders.open", { code: o.code })}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        )}
      </Match>
    </Switch>
  );
}

/** `/don-hang`: the shopper's orders, newest first. */
export default function Orders() {
  return (
    <ShopPage title={t("shop.orders.title")} narrow>
      <RequireSignIn>{() => <OrderList />}</RequireSignIn>
    </ShopPage>
  );
}
