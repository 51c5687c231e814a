import { A } from "@solidjs/router";
import { createResource, For, Match, Switch } from "solid-js";
import { RequireSignIn } from "../../components/RequireSignIn";
import { EmptyState, ErrorState } from "../../components/States";
import { OrderStatusBadge, PaymentBadge } from "../../components/shop/bits";
import { type Key, t } from "../../i18n";
import "../../i18n/shop";
import { shopApi } from "../../lib/commerce";
import { formatDateTime, formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";

function OrderList() {
  const [orders, { refetch }] = createResource(shopApi.orders);
  return (
    <Switch
      fallback={
        <div aria-busy="true">
          <span class="sr-only">{t("shop.loading")}</span>
          <span class="skeleton skeleton--block" />
        </div>
      }
    >
      <Match when={orders.state === "errored"}>
        <ErrorState error={orders.error} retry={refetch} />
      </Match>
      <Match when={settled(orders)?.length === 0}>
        <EmptyState title={t("shop.orders.empty")}>
          <p>{t("shop.orders.emptyText")}</p>
          <p class="state__links">
            <A href="/san-pham" class="button">
              {t("shop.cart.browse")}
            </A>
            <A href="/qua-tang" class="button button--ghost">
              {t("shop.cart.gifts")}
            </A>
          </p>
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
  useTitle(() => t("shop.orders.title"));
  return (
    <div class="wrap shop shop--narrow">
      <header class="shop-head">
        <h1>{t("shop.orders.title")}</h1>
      </header>
      <RequireSignIn>{() => <OrderList />}</RequireSignIn>
    </div>
  );
}
