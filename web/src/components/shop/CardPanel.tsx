import { createSignal, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { locale, t } from "../../i18n";
import "../../i18n/shop";
import { ordersApi } from "../../api/orders";
import { formatVnd } from "../../lib/format";
import { loadStripe, type StripeElement, type StripeElements, type StripeInstance } from "../../lib/stripe";
import { errorMessage } from "../States";
import { Deadline } from "./VietQrPanel";

type Phase = "starting" | "ready" | "paying" | "waiting" | "unavailable" | "failed";

/**
 * Card payment with Stripe's Payment Element. Stripe.js comes from js.stripe.com; when it cannot load, the shopper
 * is told card payment is unavailable and may cancel to pay another way. The order becomes paid only when Stripe's
 * signed webhook reaches the server: this page waits for it (the order page refreshes itself).
 */
export function CardPanel(props: {
  orderId: string;
  totalVnd: number;
  payBy: string | null;
  onSwitch: () => Promise<void>;
}) {
  let host: HTMLDivElement | undefined;
  const [phase, setPhase] = createSignal<Phase>("starting");
  const [message, setMessage] = createSignal<string>();
  const [switching, setSwitching] = createSignal(false);
  let stripe: StripeInstance | undefined;
  let elements: StripeElements | undefined;
  let element: StripeElement | undefined;

  const start = async () => {
    setPhase("starting");
    setMessage(undefined);
    const factory = await loadStripe().catch(() => undefined);
    if (!factory) {
      setPhase("unavailable");
      return;
    }
    try {
      const { clientSecret, publishableKey } = await ordersApi.cardSecret(props.orderId);
      const lang = locale() === "en" ? "en" : "vi";
      stripe = factory(publishableKey, { locale: lang });
      elements = stripe.elements({
        clientSecret,
        locale: lang,
        appearance: { theme: "stripe", variables: { colorPrimary: "#166534", borderRadius: "8px" } },
      });
      element?.destroy();
      element = elements.create("payment", { layout: "tabs" });
      if (host) element.mount(host);
      setPhase("ready");
    } catch (error) {
      setMessage(errorMessage(error));
      setPhase("failed");
    }
  };
  onMount(() => void start());
  onCleanup(() => element?.destroy());

  const pay = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!stripe || !elements || phase() !== "ready") return;
    setPhase("paying");
    setMessage(undefined);
    try {
      const { error } = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: location.href },
        redirect: "if_required",
      });
      if (error) {
        setMessage(error.message || t("shop.card.failed"));
        setPhase("ready");
      } else setPhase("waiting");
    } catch (error) {
      setMessage(errorMessage(error));
      setPhase("ready");
    }
  };

  const switchMethod = async () => {
    if (switching()) return;
    setSwitching(true);
    setMessage(undefined);
    try {
      await props.onSwitch();
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setSwitching(false);
    }
  };

  /** When the card cannot be used: try it again, or pay another way. */
  const Actions = () => (
    <div class="card-pay__actions">
      <button type="button" class="button button--ghost" onClick={() => void start()}>
        {t("shop.card.tryAgain")}
      </button>
      <button type="button" class="button" disabled={switching()} onClick={() => void switchMethod()}>
        {switching() ? t("shop.card.switching") : t("shop.card.switch")}
      </button>
    </div>
  );

  return (
    <section class="panel-shop card-pay" aria-labelledby="card-title" data-testid="card-payment">
      <h2 id="card-title">{t("shop.card.title")}</h2>
      <Switch>
        <Match when={phase() === "starting"}>
          <p class="muted" aria-busy="true">
            {t("shop.card.loading")}
          </p>
        </Match>
        <Match when={phase() === "unavailable"}>
          <div class="card-pay__down" role="alert">
            <h3>{t("shop.card.unavailable")}</h3>
            <p>{t("shop.card.unavailableText")}</p>
          </div>
          <Actions />
        </Match>
        <Match when={phase() === "waiting"}>
          <p class="note-ok" role="status">
            {t("shop.card.waiting")}
          </p>
        </Match>
        <Match when={phase() === "ready" || phase() === "paying"}>
          <p class="muted small">{t("shop.card.lead")}</p>
        </Match>
      </Switch>
      <form class="card-pay__form" onSubmit={pay} hidden={phase() !== "ready" && phase() !== "paying"}>
        <div ref={host} class="card-pay__element" />
        <button type="submit" class="button button--buy button--block" disabled={phase() !== "ready"}>
          {phase() === "paying" ? t("shop.card.paying") : t("shop.card.pay", { price: formatVnd(props.totalVnd) })}
        </button>
      </form>
      <Show when={message()}>
        <p class="note-error" role="alert">
          {message()}
        </p>
      </Show>
      <Show when={phase() === "failed"}>
        <Actions />
      </Show>
      <Deadline payBy={props.payBy} messageKey="shop.card.deadline" />
    </section>
  );
}
