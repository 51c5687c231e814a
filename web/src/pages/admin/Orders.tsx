import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { List, Loading, Table } from "../../components/list";
import { EmptyState, errorMessage } from "../../components/States";
import { OrderStatusBadge, PaymentBadge } from "../../components/shop/bits";
import { type Key, t } from "../../i18n";
import "../../i18n/sales";
import "../../i18n/shop";
import { commerceAdminApi, type StaffOrder } from "../../api/admin-commerce";
import { type OrderStatus, ordersApi } from "../../api/orders";
import { formatDateTime, formatVnd } from "../../lib/format";
import { provinceShort } from "../../lib/geo";
import { formatPhone } from "../../lib/ocop";
import { useTitle } from "../../lib/title";
import { vietnamTime } from "../../lib/tracking";
import "../../styles/shop.css";

export const ORDER_STATUSES: OrderStatus[] = ["pending_payment", "confirmed", "completed", "cancelled", "refunded"];

function ConfirmTransfer(props: { order: StaffOrder; onDone: (code: string) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const confirm = async () => {
    const o = props.order;
    if (busy() || !window.confirm(t("sales.aorders.confirmAsk", { price: formatVnd(o.totalVnd), code: o.code })))
      return;
    setBusy(true);
    setError(undefined);
    try {
      await ordersApi.confirmTransfer(o.orderId);
      props.onDone(o.code);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button button--small" disabled={busy()} onClick={confirm}>
        {t("sales.aorders.confirm")}
        <span class="sr-only">: {props.order.code}</span>
      </button>
      <Show when={error()}>
        <p class="pfield__error" role="alert">
          {error()}
        </p>
      </Show>
    </>
  );
}

/** Staff: orders by status, newest first; a VietQR transfer is confirmed here once the money has arrived. */
export default function Orders() {
  const [params, setParams] = useSearchParams();
  const status = (): OrderStatus =>
    ORDER_STATUSES.includes(params.status as OrderStatus) ? (params.status as OrderStatus) : "pending_payment";
  const [orders, { refetch }] = createResource(status, commerceAdminApi.orders);
  const [notice, setNotice] = createSignal<string>();
  useTitle(() => t("sales.aorders.title"));

  return (
    <>
      <div class="admin-head">
        <h1>{t("sales.aorders.title")}</h1>
        <p class="muted">{t("sales.aorders.lead")}</p>
      </div>
      <form class="filters-row" onSubmit={(e) => e.preventDefault()}>
        <label class="pfield">
          <span class="pfield__label">{t("sales.aorders.status")}</span>
          <select
            value={status()}
            onChange={(e) => {
              setNotice(undefined);
              setParams({ status: e.currentTarget.value === "pending_payment" ? undefined : e.currentTarget.value });
            }}
          >
            <For each={ORDER_STATUSES}>
              {(s) => (
                <option value={s} selected={status() === s}>
                  {t(`shop.status.${s}` as Key)}
                </option>
              )}
            </For>
          </select>
        </label>
      </form>
      <Show when={notice()}>
        <p class="form-message form-message--ok" role="status">
          {notice()}
        </p>
      </Show>
      <List
        data={orders}
        retry={refetch}
        empty={<EmptyState title={t("sales.aorders.empty")} />}
        loading={<Loading>{t("shop.loading")}</Loading>}
      >
        {(rows) => (
          <Table
            rows={rows()}
            caption={t("sales.aorders.title")}
            testid="orders"
            count={t("sales.aorders.count", { n: rows().length })}
            busy={orders.loading}
            columns={[
              t("sales.aorders.code"),
              t("sales.aorders.placed"),
              t("sales.aorders.buyer"),
              t("sales.aorders.method"),
              { label: t("sales.aorders.total"), class: "num" },
              { label: t("sales.aorders.action"), hidden: true },
            ]}
          >
            {(o) => (
              <tr data-code={o.code}>
                <th scope="row">
                  <A href={`/don-hang/${o.orderId}`} class="ptable__name">
                    {o.code}
                  </A>
                  <span class="ptable__sub">
                    <OrderStatusBadge status={o.status} />
                  </span>
                </th>
                <td data-label={t("sales.aorders.placed")}>
                  {formatDateTime(o.createdAt)}
                  <Show when={o.status === "pending_payment" && o.payBy}>
                    <span class="ptable__sub">{t("sales.aorders.payBy", { time: vietnamTime(o.payBy ?? "") })}</span>
                  </Show>
                </td>
                <td data-label={t("sales.aorders.buyer")}>
                  {o.address.name}
                  <span class="ptable__sub">
                    {formatPhone(o.address.phone)} · {provinceShort(o.address.provinceCode)}
                  </span>
                </td>
                <td data-label={t("sales.aorders.method")}>
                  {t(`shop.method.${o.paymentMethod}` as Key)}
                  <span class="ptable__sub">
                    <PaymentBadge status={o.paymentStatus} />
                  </span>
                </td>
                <td data-label={t("sales.aorders.total")} class="num">
                  <strong>{formatVnd(o.totalVnd)}</strong>
                </td>
                <td class="ptable__action">
                  <Show when={o.status === "pending_payment" && o.paymentMethod === "vietqr"}>
                    <ConfirmTransfer
                      order={o}
                      onDone={(code) => {
                        setNotice(t("sales.aorders.confirmed", { code }));
                        void refetch();
                      }}
                    />
                  </Show>
                </td>
              </tr>
            )}
          </Table>
        )}
      </List>
    </>
  );
}
