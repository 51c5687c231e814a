import { useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { createErrors, describedBy, Field, FormMessage } from "../../components/form";
import { EmptyState, ErrorState, errorMessage } from "../../components/States";
import { AddressBlock } from "../../components/shop/AddressBlock";
import { Amounts, minus, money, ParcelStatusBadge, ParcelTimeline, shippingValue } from "../../components/shop/bits";
import { TrackingNumber } from "../../components/shop/TrackingNumber";
import { type Key, t } from "../../i18n";
import "../../i18n/sales";
import "../../i18n/shop";
import { type Fulfilment, type FulfilmentMove, fulfilmentApi, ordersApi } from "../../api/orders";
import { formatDateTime, formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import { formatWeight, shippingShown } from "../../lib/shopping";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";

const FILTERS = {
  todo: ["pending_payment", "confirmed", "packed"],
  shipped: ["shipped"],
  delivered: ["delivered"],
  cancelled: ["cancelled"],
} as const;
type Filter = keyof typeof FILTERS;
const isFilter = (v: unknown): v is Filter => typeof v === "string" && v in FILTERS;

/** Carriers sellers in Vietnam use most, offered as suggestions (any other may be typed). */
const CARRIERS = [
  "Viettel Post",
  "Giao Hàng Nhanh (GHN)",
  "Giao Hàng Tiết Kiệm (GHTK)",
  "VNPost",
  "J&T Express",
  "SPX Express",
  "Ninja Van",
  "Best Express",
];

function ShipForm(props: { orderId: string; onDone: (f: Fulfilment) => void }) {
  const id = createUniqueId();
  const errors = createErrors();
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    errors.clear();
    const carrier = value("carrier");
    const trackingNumber = value("trackingNumber").replace(/\s+/g, "").toUpperCase();
    if (carrier.length < 2) errors.set("carrier", () => t("sales.ful.carrierMissing"));
    if (!/^[A-Za-z0-9-]{4,40}$/.test(trackingNumber))
      errors.set("trackingNumber", () => t("sales.ful.trackingInvalid"));
    if (errors.any()) {
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      props.onDone(await fulfilmentApi.move(props.orderId, "ship", { carrier, trackingNumber }));
    } catch (error) {
      errors.fromApi(error, ["carrier", "trackingNumber"]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform ship-form" onSubmit={submit} novalidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t("sales.ful.shipTitle")}</h4>
      <Field
        id={`${id}-carrier`}
        label={t("sales.ful.carrier")}
        error={errors.of("carrier")}
        hint={t("sales.ful.carrierHint")}
      >
        <input
          id={`${id}-carrier`}
          name="carrier"
          list={`${id}-carriers`}
          autocomplete="off"
          maxLength={60}
          aria-invalid={Boolean(errors.of("carrier"))}
          aria-describedby={describedBy(`${id}-carrier`, { hint: true, error: errors.of("carrier") })}
        />
        <datalist id={`${id}-carriers`}>
          <For each={CARRIERS}>{(c) => <option value={c} />}</For>
        </datalist>
      </Field>
      <Field
        id={`${id}-tracking`}
        label={t("sales.ful.trackingNumber")}
        error={errors.of("trackingNumber")}
        hint={t("sales.ful.trackingHint")}
      >
        <input
          id={`${id}-tracking`}
          name="trackingNumber"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={40}
          aria-invalid={Boolean(errors.of("trackingNumber"))}
          aria-describedby={describedBy(`${id}-tracking`, { hint: true, error: errors.of("trackingNumber") })}
        />
      </Field>
      <button type="submit" class="button button--big button--block" disabled={busy()}>
        {busy() ? t("sales.ful.packing") : t("sales.ful.ship")}
      </button>
      <FormMessage error={errors.general()} />
    </form>
  );
}

function FulfilmentCard(props: { f: Fulfilment; onChange: (f: Fulfilment, done: Key) => void }) {
  const id = createUniqueId();
  const f = () => props.f;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const move = async (step: Exclude<FulfilmentMove, "ship">) => {
    if (busy()) return;
    setBusy(true);
    setError(undefined);
    try {
      props.onChange(await fulfilmentApi.move(f().orderId, step), `sales.ful.done.${step}` as Key);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirmTransfer = async () => {
    if (busy() || !window.confirm(t("sales.ful.confirmTransferAsk", { code: f().code }))) return;
    setBusy(true);
    setError(undefined);
    try {
      const order = await ordersApi.confirmTransfer(f().orderId);
      const mine = order.fulfilments.find((x) => x.producerId === f().producerId);
      props.onChange(mine ? (mine as Fulfilment) : { ...f(), status: "confirmed" }, "sales.ful.done.transfer");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const cod = () => f().paymentMethod === "cod";
  return (
    <article class="ful" aria-labelledby={`${id}-title`} data-testid="fulfilment" data-code={f().code}>
      <header class="ful__head">
        <h3 id={`${id}-title`}>{t("sales.ful.order", { code: f().code })}</h3>
        <ParcelStatusBadge status={f().status} />
      </header>
      <p class="muted small">
        {t("sales.ful.placed", { when: formatDateTime(f().createdAt) })} ·{" "}
        {t(`shop.method.${f().paymentMethod}` as Key)}
      </p>

      <h4 class="ful__label">{t("sales.ful.items")}</h4>
      <ul class="ful__items">
        <For each={f().items}>
          {(item) => (
            <li>
              <strong>{item.quantity} ×</strong> {item.name}
            </li>
          )}
        </For>
        <For each={f().boxes}>
          {(box) => (
            <li class="ful__box">
              {t("sales.ful.box", { box: box.boxName })}
              <Show when={box.greeting}>
                {(text) => <span class="ful__greeting">{t("sales.ful.greeting", { text: text() })}</span>}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <p class="muted small">{t("sales.ful.weight", { weight: formatWeight(f().weightGrams) })}</p>

      <h4 class="ful__label">{t("sales.ful.shipTo")}</h4>
      <AddressBlock address={f().address} callable />

      <Amounts
        rows={[
          { label: t("sales.ful.goods"), value: money(f().goodsVnd) },
          ...(f().discountVnd > 0
            ? [{ label: t("sales.ful.discount"), value: minus(f().discountVnd), tone: "discount" as const }]
            : []),
          {
            label: t("sales.ful.shipping"),
            value: shippingValue(shippingShown({ shippingVnd: f().shippingVnd, freeShipping: false })),
          },
          { label: t("sales.ful.total"), value: money(f().totalVnd), tone: "total" },
        ]}
      />
      <Show when={cod() && f().status !== "cancelled"}>
        <p class="ful__cod">
          {f().codCollected ? t("sales.ful.codCollected") : t("sales.ful.collect", { price: formatVnd(f().totalVnd) })}
        </p>
      </Show>

      <details class="ful__history">
        <summary>{t("sales.ful.history")}</summary>
        <ParcelTimeline parcel={f()} label={t("sales.ful.order", { code: f().code })} />
      </details>

      <div class="ful__actions">
        <Switch>
          <Match when={f().status === "pending_payment" && f().paymentMethod === "vietqr"}>
            <div class="ful__transfer">
              <h4>{t("sales.ful.transferTitle")}</h4>
              <p>{t("sales.ful.transferText", { price: formatVnd(f().totalVnd), code: f().code })}</p>
              <button
                type="button"
                class="button button--big button--block"
                disabled={busy()}
                onClick={confirmTransfer}
              >
                {t("sales.ful.confirmTransfer")}
              </button>
            </div>
          </Match>
          <Match when={f().status === "pending_payment"}>
            <p class="note">{t("sales.ful.unpaid")}</p>
          </Match>
          <Match when={f().status === "confirmed"}>
            <button
              type="button"
              class="button button--big button--block"
              disabled={busy()}
              onClick={() => move("pack")}
            >
              {busy() ? t("sales.ful.packing") : t("sales.ful.pack")}
            </button>
          </Match>
          <Match when={f().status === "packed"}>
            <ShipForm orderId={f().orderId} onDone={(next) => props.onChange(next, "sales.ful.done.ship")} />
          </Match>
          <Match when={f().status === "shipped"}>
            <p class="ful__carrier" data-testid="carrier">
              <TrackingNumber
                carrier={f().carrier}
                number={f().trackingNumber}
                sentence={(number) => t("sales.ful.carrierShown", { carrier: f().carrier ?? "", number })}
                opensLabel={t("shop.order.trackingOpens", { carrier: f().carrier ?? "" })}
              />
            </p>
            <button
              type="button"
              class="button button--big button--block"
              disabled={busy()}
              onClick={() => move("deliver")}
            >
              {t("sales.ful.deliver")}
            </button>
          </Match>
          <Match when={f().status === "delivered" && cod() && !f().codCollected}>
            <button
              type="button"
              class="button button--big button--block"
              disabled={busy()}
              onClick={() => move("cod-collected")}
            >
              {t("sales.ful.collectCod")}
            </button>
          </Match>
        </Switch>
        <Show when={error()}>
          <p class="pfield__error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </article>
  );
}

/** `/ban-hang/don-hang`: the producer's part of each order, with the next step it can take. */
export default function Fulfilments() {
  const [params, setParams] = useSearchParams();
  const filter = (): Filter => (isFilter(params.loc) ? params.loc : "todo");
  const [list, { refetch, mutate }] = createResource(fulfilmentApi.list);
  const [notice, setNotice] = createSignal<string>();
  useTitle(() => t("sales.ful.title"));

  const counts = createMemo(() => {
    const all = settled(list) ?? [];
    return Object.fromEntries(
      (Object.keys(FILTERS) as Filter[]).map((k) => [
        k,
        all.filter((f) => (FILTERS[k] as readonly string[]).includes(f.status)).length,
      ]),
    ) as Record<Filter, number>;
  });
  const shown = () => (settled(list) ?? []).filter((f) => (FILTERS[filter()] as readonly string[]).includes(f.status));

  const changed = (next: Fulfilment, done: Key) => {
    mutate(
      (settled(list) ?? []).map((f) => (f.orderId === next.orderId && f.producerId === next.producerId ? next : f)),
    );
    setNotice(t(done));
  };

  return (
    <div class="wrap portal shop">
      <header class="portal-head">
        <h1>{t("sales.ful.title")}</h1>
        <p class="muted">{t("sales.ful.lead")}</p>
      </header>
      <nav class="segmented-links" aria-label={t("sales.ful.filter")}>
        <For each={Object.keys(FILTERS) as Filter[]}>
          {(k) => (
            <button
              type="button"
              aria-pressed={filter() === k}
              onClick={() => {
                setNotice(undefined);
                setParams({ loc: k === "todo" ? undefined : k });
              }}
            >
              {t(`sales.ful.filter.${k}` as Key)} <span class="count">{counts()[k]}</span>
            </button>
          )}
        </For>
      </nav>
      <Show when={notice()}>
        <p class="form-message form-message--ok" role="status">
          {notice()}
        </p>
      </Show>
      <Switch
        fallback={
          <p class="muted" aria-busy="true">
            {t("shop.loading")}
          </p>
        }
      >
        <Match when={list.state === "errored"}>
          <ErrorState error={list.error} retry={refetch} />
        </Match>
        <Match when={settled(list) && shown().length === 0}>
          <EmptyState title={t(`sales.ful.empty.${filter()}` as Key)}>
            <p>{t("sales.ful.emptyHint")}</p>
          </EmptyState>
        </Match>
        <Match when={settled(list)}>
          <ul class="ful-list">
            <For each={shown()}>
              {(f) => (
                <li>
                  <FulfilmentCard f={f} onChange={changed} />
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  );
}
