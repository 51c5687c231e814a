import { A } from "@solidjs/router";
import { Match, type Resource, Show, Switch } from "solid-js";
import type { ComboView } from "../../../api/cart";
import { errorMessage } from "../../../components/States";
import { Amounts, minus, money } from "../../../components/shop/bits";
import { ErrorNote } from "../../../components/shop/ErrorNote";
import { type Key, t } from "../../../i18n";
import type { comboState } from "../../../lib/shopping";
import { ShareLink } from "./ShareLink";

/** The combo's price as the cart will charge it (parts, tier discount, box, total), and adding or sharing it. */
export function ComboSummary(props: {
  id: string;
  state: ReturnType<typeof comboState>;
  quote: Resource<ComboView>;
  current?: ComboView;
  retry: () => void;
  fromTemplate?: string;
  canOrder: boolean;
  canShare: boolean;
  busy?: "share" | "cart";
  added: boolean;
  shared?: string;
  error?: string;
  onAdd: () => void;
  onShare: () => void;
}) {
  return (
    <section class="panel-shop summary" aria-labelledby={`${props.id}-summary`} data-testid="combo-summary">
      <h2 id={`${props.id}-summary`}>{t("gifts.builder.summary")}</h2>
      <Show when={props.fromTemplate}>
        <p class="muted small">{t("gifts.builder.fromTemplate", { name: props.fromTemplate ?? "" })}</p>
      </Show>
      <Switch>
        <Match when={props.state !== "ready"}>
          <p class="muted">{t(`gifts.builder.state.${props.state}` as Key)}</p>
        </Match>
        <Match when={props.quote.state === "errored" && !props.quote.loading}>
          <p class="note-error" role="alert">
            {t("gifts.builder.priceFailed")} {errorMessage(props.quote.error)}{" "}
            <button type="button" class="link-button" onClick={() => props.retry()}>
              {t("shop.retry")}
            </button>
          </p>
        </Match>
        <Match when={props.current}>
          {(q) => (
            <div aria-busy={props.quote.loading} classList={{ "is-stale": props.quote.loading }}>
              <Amounts
                rows={[
                  {
                    label: t("gifts.builder.parts", { n: q().parts.length }),
                    value: money(q().parts.reduce((n, p) => n + p.priceVnd, 0)),
                  },
                  {
                    label:
                      q().percent > 0
                        ? t("gifts.builder.discount", { percent: q().percent })
                        : t("gifts.builder.noDiscount"),
                    value: q().discountVnd > 0 ? minus(q().discountVnd) : t("gifts.builder.noDiscountYet"),
                    tone: "discount",
                    testId: "combo-discount",
                  },
                  { label: t("gifts.builder.boxPrice", { name: q().box.name }), value: money(q().box.priceVnd) },
                  {
                    label: t("gifts.builder.total"),
                    value: money(q().priceVnd),
                    tone: "total",
                    testId: "combo-total",
                  },
                ]}
              />
              <Show when={!q().available}>
                <p class="note-error">{t("gifts.builder.partUnavailable")}</p>
              </Show>
            </div>
          )}
        </Match>
        <Match when={true}>
          <p class="muted" aria-busy="true">
            {t("gifts.builder.pricing")}
          </p>
        </Match>
      </Switch>
      <div class="summary__actions">
        <button
          type="button"
          class="button button--buy"
          disabled={!props.canOrder || Boolean(props.busy)}
          onClick={props.onAdd}
        >
          {props.busy === "cart" ? t("gifts.adding") : t("gifts.builder.add")}
        </button>
        <button
          type="button"
          class="button button--ghost"
          disabled={!props.canShare || Boolean(props.busy)}
          onClick={props.onShare}
        >
          {props.busy === "share" ? t("gifts.builder.saving") : t("gifts.builder.share")}
        </button>
      </div>
      <Show when={props.added}>
        <p class="note-ok" role="status">
          {t("gifts.builder.added")} <A href="/gio-hang">{t("gifts.viewCart")}</A>
        </p>
      </Show>
      <Show when={props.shared}>{(link) => <ShareLink link={link()} />}</Show>
      <ErrorNote error={props.error} />
    </section>
  );
}
