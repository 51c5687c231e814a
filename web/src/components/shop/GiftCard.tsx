import { A } from "@solidjs/router";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { locale, t } from "../../i18n";
import "../../i18n/gifts";
import { type ComboView, cartApi } from "../../api/cart";
import { itemsIn, rememberCart } from "../../lib/cart-count";
import { formatVnd } from "../../lib/format";
import { GREETING_MAX, greetingLeft } from "../../lib/shopping";
import { Photo } from "../Photo";
import { errorMessage } from "../States";

export function comboTitle(combo: Pick<ComboView, "title">): string {
  return (locale() === "en" ? combo.title.en : combo.title.vi) ?? combo.title.vi ?? t("gifts.customTitle");
}

/** Up to four of the parts' photos, side by side: what is inside at a glance. */
export function PartsMosaic(props: { parts: ComboView["parts"] }) {
  const shown = () => props.parts.slice(0, 4);
  return (
    <span class={`mosaic mosaic--${Math.min(4, props.parts.length)}`} aria-hidden="true">
      <For each={shown()}>
        {(part) => <Photo src={part.image} alt="" width={200} height={150} sizes="(min-width: 900px) 180px, 45vw" />}
      </For>
    </span>
  );
}

/**
 * A curated gift combo (template) with its parts, box, fixed price and availability. "Thêm vào giỏ" adds the
 * shopper's own copy; with a greeting, the copy is saved first so that the card carries it.
 */
export function GiftCard(props: { combo: ComboView; headingLevel: 1 | 3; detailsLink?: boolean }) {
  const id = createUniqueId();
  const [greeting, setGreeting] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [added, setAdded] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const c = () => props.combo;
  const listed = () => c().priceVnd + c().discountVnd;

  const add = async () => {
    if (busy()) return;
    setBusy(true);
    setError(undefined);
    setAdded(false);
    try {
      const text = greeting().trim();
      const comboId = text
        ? (await cartApi.saveCombo({ templateId: c().comboId, greeting: text })).comboId
        : c().comboId;
      const cart = await cartApi.addCombo(comboId);
      rememberCart(itemsIn(cart));
      setAdded(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="gift" aria-labelledby={`${id}-title`} data-testid="gift">
      <PartsMosaic parts={c().parts} />
      <div class="gift__body">
        <Show
          when={props.headingLevel === 1}
          fallback={
            <h3 class="gift__title" id={`${id}-title`}>
              {comboTitle(c())}
            </h3>
          }
        >
          <h1 class="gift__title" id={`${id}-title`}>
            {comboTitle(c())}
          </h1>
        </Show>
        <Show when={c().description}>
          <p class="gift__description">{c().description}</p>
        </Show>
        <p class="gift__label">{t("gifts.parts", { n: c().parts.length })}</p>
        <ul class="gift__parts">
          <For each={c().parts}>
            {(part) => (
              <li classList={{ "is-unavailable": !part.available }}>
                <A href={`/san-pham/${part.productId}`}>{part.name}</A>
                <span class="muted"> · {part.producerName}</span>
                <Show when={!part.available}>
                  <span class="gift__out"> ({t("gifts.partUnavailable")})</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <p class="gift__box">{t("gifts.box", { name: c().box.name })}</p>
        <p class="gift__price">
          <span class="sr-only">{t("gifts.price")}: </span>
          <strong class="gift__amount" data-testid="gift-price">
            {formatVnd(c().priceVnd)}
          </strong>
          <Show when={c().discountVnd > 0}>
            <s class="muted">{t("gifts.listPrice", { price: formatVnd(listed()) })}</s>
            <span class="gift__save">{t("gifts.save", { price: formatVnd(c().discountVnd) })}</span>
          </Show>
        </p>
        <p class={c().available ? "gift__stock gift__stock--in" : "gift__stock gift__stock--out"}>
          {c().available
            ? t("gifts.available")
            : c().problem === "insufficient_stock"
              ? t("gifts.shortStock")
              : t("gifts.unavailable")}
        </p>
        <Show when={c().available}>
          <details class="gift__greeting">
            <summary>{t("gifts.greetingToggle")}</summary>
            <label for={`${id}-greeting`} class="field__label">
              {t("gifts.builder.greeting")}
            </label>
            <textarea
              id={`${id}-greeting`}
              rows="3"
              maxLength={GREETING_MAX}
              value={greeting()}
              aria-describedby={`${id}-left`}
              onInput={(e) => setGreeting(e.currentTarget.value)}
            />
            <p class="counter" id={`${id}-left`}>
              {t("gifts.builder.greetingLeft", { n: greetingLeft(greeting()) })}
            </p>
          </details>
        </Show>
        <div class="gift__actions">
          <Show when={c().available}>
            <button type="button" class="button button--buy" disabled={busy()} onClick={add}>
              {busy() ? t("gifts.adding") : t("gifts.add")}
              <span class="sr-only">: {comboTitle(c())}</span>
            </button>
          </Show>
          <Show when={props.detailsLink}>
            <A href={`/qua-tang/${c().comboId}`} class="button button--ghost">
              {t("gifts.details")}
              <span class="sr-only">: {comboTitle(c())}</span>
            </A>
          </Show>
        </div>
        <Show when={added()}>
          <p class="note-ok" role="status">
            {t("gifts.added", { name: comboTitle(c()) })} <A href="/gio-hang">{t("gifts.viewCart")}</A>
          </p>
        </Show>
        <Show when={error()}>
          <p class="note-error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </article>
  );
}
