import { isBoxable } from "@cho-ocop/core/group/index";
import { A, useParams } from "@solidjs/router";
import {
  batch,
  createEffect,
  createMemo,
  createResource,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  onCleanup,
  Show,
  Switch,
} from "solid-js";
import { Photo } from "../../components/Photo";
import { ErrorState, errorMessage, isNotFound, NotFoundState } from "../../components/States";
import { Amounts, CopyButton, minus, money } from "../../components/shop/bits";
import { comboTitle, GiftCard } from "../../components/shop/GiftCard";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/gifts";
import "../../i18n/shop";
import { api, type Card, type ProductQuery } from "../../api/client";
import { itemsIn, rememberCart } from "../../lib/cart-count";
import { type ComboView, type GiftBox, type NewCombo, shopApi } from "../../lib/commerce";
import { formatVnd } from "../../lib/format";
import { provinceShort, REGIONS, regionName } from "../../lib/geo";
import { settled } from "../../lib/resource";
import {
  boxFits,
  COMBO_MAX,
  comboKey,
  comboState,
  fillPercent,
  formatWeight,
  GREETING_MAX,
  greetingLeft,
  producersOf,
  weightOf,
} from "../../lib/shopping";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";

/** A product in the box being built. Its weight comes from the product page's record, fetched when it is picked. */
interface Picked {
  productId: string;
  name: string;
  image: string | null;
  producerId: string;
  producerName: string;
  priceVnd: number;
  weightGrams?: number;
}

const fromCard = (card: Card): Picked => ({
  productId: card.productId,
  name: card.name,
  image: card.image,
  producerId: card.producerId,
  producerName: card.producerName,
  priceVnd: card.priceVnd,
});

const PAGE = "12";

/** Search the storefront (without diacritics, by region) and add what it finds. */
function ProductSearch(props: { has: (id: string) => boolean; full: boolean; onPick: (card: Card) => void }) {
  const id = createUniqueId();
  const [query, setQuery] = createSignal<{ q: string; region: string }>({ q: "", region: "" });
  const [more, setMore] = createSignal<{ items: Card[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const ask = (extra: { cursor?: string } = {}) => {
    const { q, region } = query();
    return api.products({
      ...(q ? { q } : {}),
      ...(region ? { region: region as ProductQuery["region"] } : {}),
      limit: PAGE,
      ...extra,
    });
  };
  const [page, { refetch }] = createResource(query, () => ask());
  createEffect(on(query, () => setMore(undefined), { defer: true }));
  const found = () => [...(settled(page)?.items ?? []), ...(more()?.items ?? [])];
  // Live plants and animals, tours and homestays are OCOP products too, but not goods a box can hold.
  const items = () => found().filter((card) => isBoxable(card.group));
  const leftOut = () => found().length > items().length;
  const cursor = () => (more() ? more()?.cursor : settled(page)?.cursor) ?? null;
  let input: HTMLInputElement | undefined;

  const loadMore = async () => {
    const next = cursor();
    if (!next || loadingMore()) return;
    setLoadingMore(true);
    try {
      const got = await ask({ cursor: next });
      setMore({ items: [...(more()?.items ?? []), ...got.items], cursor: got.cursor });
    } catch {
      // the button stays: another tap tries again
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section class="builder__search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("gifts.builder.step.products")}</h2>
      <search>
        <form
          class="builder__query"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ ...query(), q: input?.value.trim() ?? "" });
          }}
        >
          <div class="field builder__q">
            <label for={`${id}-q`}>{t("gifts.builder.search")}</label>
            <div class="builder__q-row">
              <input
                ref={input}
                id={`${id}-q`}
                type="search"
                enterkeyhint="search"
                autocomplete="off"
                maxLength={100}
                placeholder={t("gifts.builder.searchPlaceholder")}
              />
              <button type="submit" class="button button--small">
                {t("gifts.builder.find")}
              </button>
            </div>
          </div>
          <div class="field">
            <label for={`${id}-region`}>{t("gifts.builder.region")}</label>
            <select
              id={`${id}-region`}
              value={query().region}
              onChange={(e) => setQuery({ q: input?.value.trim() ?? "", region: e.currentTarget.value })}
            >
              <option value="">{t("gifts.builder.allRegions")}</option>
              <For each={REGIONS}>{(r) => <option value={r.id}>{regionName(r.id, locale())}</option>}</For>
            </select>
          </div>
        </form>
      </search>
      <Show when={settled(page) && leftOut()}>
        <p class="muted small" data-testid="not-boxable">
          {t("gifts.builder.notBoxable")}
        </p>
      </Show>
      <Switch>
        <Match when={page.state === "errored"}>
          <p class="note-error" role="alert">
            {t("gifts.builder.searchFailed")}{" "}
            <button type="button" class="link-button" onClick={() => refetch()}>
              {t("shop.retry")}
            </button>
          </p>
        </Match>
        <Match when={!settled(page)}>
          <p class="muted" aria-busy="true">
            {t("shop.loading")}
          </p>
        </Match>
        <Match when={items().length === 0 && !leftOut()}>
          <p class="muted">{t("gifts.builder.noResults")}</p>
        </Match>
        <Match when={true}>
          <ul class="pick-list" aria-label={t("gifts.builder.results")} aria-busy={page.loading}>
            <For each={items()}>
              {(card) => (
                <li class="pick">
                  <Photo src={card.image} alt="" width={80} height={60} sizes="64px" class="pick__img" />
                  <span class="pick__text">
                    <span class="pick__name">{card.name}</span>
                    <span class="pick__meta">
                      {card.producerName} · {provinceShort(card.provinceCode)}
                    </span>
                    <strong class="pick__price">{formatVnd(card.priceVnd)}</strong>
                  </span>
                  <button
                    type="button"
                    class="button button--small"
                    classList={{ "button--ghost": props.has(card.productId) }}
                    disabled={props.has(card.productId) || props.full}
                    aria-label={
                      props.has(card.productId)
                        ? t("gifts.builder.picked")
                        : t("gifts.builder.pickName", { name: card.name })
                    }
                    onClick={() => props.onPick(card)}
                  >
                    {props.has(card.productId) ? t("gifts.builder.picked") : t("gifts.builder.pick")}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <Show when={cursor()}>
            <button type="button" class="button button--ghost load-more" disabled={loadingMore()} onClick={loadMore}>
              {loadingMore() ? t("shop.loading") : t("gifts.builder.more")}
            </button>
          </Show>
        </Match>
      </Switch>
    </section>
  );
}

function boxName(box: GiftBox): string {
  return locale() === "en" ? box.nameEn : box.nameVi;
}

/**
 * The combo builder: 2–8 products, a gift box that holds them, a greeting of at most 300 characters. Prices are the
 * API's: each new choice of products and box is priced by saving it (`POST /api/combos`), which gives the parts,
 * the tier discount and the total as the cart will charge them. "Lưu & chia sẻ" saves it with the greeting and
 * gives a link that re-opens it.
 */
function Builder(props: { initial?: ComboView }) {
  const initial = props.initial;
  const origin = initial
    ? {
        templateId: initial.kind === "template" ? initial.comboId : initial.templateId,
        key: comboKey(
          initial.parts.map((p) => p.productId),
          initial.box.boxId,
        ),
        title: initial.title.vi ? comboTitle(initial) : undefined,
      }
    : undefined;
  const [picked, setPicked] = createSignal<Picked[]>(
    (initial?.parts ?? []).map((p) => ({
      productId: p.productId,
      name: p.name,
      image: p.image,
      producerId: p.producerId,
      producerName: p.producerName,
      priceVnd: p.priceVnd,
      weightGrams: p.weightGrams,
    })),
  );
  const [boxId, setBoxId] = createSignal(initial?.box.boxId ?? "");
  const [greeting, setGreeting] = createSignal(initial?.greeting ?? "");
  const [boxes, { refetch: retryBoxes }] = createResource(shopApi.boxes);
  const [saved, setSaved] = createSignal<{ key: string; view: ComboView }>();
  const [busy, setBusy] = createSignal<"share" | "cart">();
  const [shared, setShared] = createSignal<string>();
  const [added, setAdded] = createSignal(false);
  const [errors, setErrors] = createSignal<{
    productIds?: string;
    boxId?: string;
    greeting?: string;
    general?: string;
  }>({});
  const id = createUniqueId();

  const ids = () => picked().map((p) => p.productId);
  const box = () => settled(boxes)?.find((b) => b.boxId === boxId());
  const weight = () => weightOf(picked().map((p) => ({ weightGrams: p.weightGrams ?? 0 })));
  const weighed = () => picked().every((p) => p.weightGrams !== undefined);
  const state = createMemo(() => comboState(picked().length, box(), weight()));
  const greetingText = () => greeting().trim();
  const savedKey = () => `${comboKey(ids(), boxId())}|${greetingText()}`;

  // Priced choices, by products and box: going back to an earlier choice costs no request.
  const quotes = new Map<string, Promise<ComboView>>();
  if (initial) {
    quotes.set(origin?.key ?? "", Promise.resolve(initial));
    if (initial.kind === "custom") setSaved({ key: `${origin?.key}|${initial.greeting ?? ""}`, view: initial });
  }
  const wanted = createMemo(
    () =>
      state() === "ready" && weighed()
        ? { key: comboKey(ids(), boxId()), productIds: ids(), boxId: boxId() }
        : undefined,
    undefined,
    { equals: (a, b) => a?.key === b?.key },
  );
  const [asked, setAsked] = createSignal<{ key: string; productIds: string[]; boxId: string }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(wanted, (next) => {
      clearTimeout(timer);
      if (!next) return setAsked(undefined);
      // Picking several products in a row asks once, for the last choice.
      timer = setTimeout(() => setAsked(next), quotes.has(next.key) ? 0 : 400);
    }),
  );
  /** The priced combo of a choice: asked once, shared by the summary and by "Lưu & chia sẻ". */
  const priceOf = (q: { key: string; productIds: string[]; boxId: string }) => {
    let found = quotes.get(q.key);
    if (!found) {
      found = shopApi.saveCombo({ productIds: q.productIds, boxId: q.boxId });
      found.catch(() => quotes.delete(q.key));
      quotes.set(q.key, found);
    }
    return found;
  };
  const [quote, { refetch: retryQuote }] = createResource(asked, priceOf);
  const current = () => {
    const q = settled(quote);
    const w = wanted();
    return q &&
      w &&
      comboKey(
        q.parts.map((p) => p.productId),
        q.box.boxId,
      ) === w.key
      ? q
      : undefined;
  };

  createEffect(
    on(
      [ids, boxId, greeting],
      () => {
        setShared(undefined);
        setAdded(false);
      },
      { defer: true },
    ),
  );

  const pick = (card: Card) => {
    if (picked().some((p) => p.productId === card.productId) || picked().length >= COMBO_MAX) return;
    batch(() => {
      setPicked([...picked(), fromCard(card)]);
      setErrors({ ...errors(), productIds: undefined });
    });
    api
      .product(card.productId)
      .then((p) =>
        setPicked(picked().map((x) => (x.productId === card.productId ? { ...x, weightGrams: p.weightGrams } : x))),
      )
      .catch(() => setPicked(picked().map((x) => (x.productId === card.productId ? { ...x, weightGrams: 0 } : x))));
  };
  const unpick = (productId: string) => setPicked(picked().filter((p) => p.productId !== productId));

  /** Saves the combo as it is now (with its greeting), once: the same choice is not saved twice. */
  async function save(): Promise<ComboView> {
    const key = savedKey();
    const already = saved();
    if (already?.key === key) return already.view;
    const text = greetingText();
    const base = comboKey(ids(), boxId());
    const fromTemplate = Boolean(origin?.templateId) && origin?.key === base;
    const input: NewCombo =
      fromTemplate && origin?.templateId
        ? { templateId: origin.templateId, ...(text ? { greeting: text } : {}) }
        : { productIds: ids(), boxId: boxId(), ...(text ? { greeting: text } : {}) };
    // Without a greeting, the combo saved to price this choice is the very one to share (asked now if the tap came
    // before the price did).
    const priced =
      !text && !fromTemplate
        ? await priceOf({ key: base, productIds: ids(), boxId: boxId() }).catch(() => undefined)
        : undefined;
    const view = priced ?? (await shopApi.saveCombo(input));
    setSaved({ key, view });
    return view;
  }

  const showError = (error: unknown) => {
    const field = (error as { field?: string }).field ?? "";
    const message = errorMessage(error);
    if (field.startsWith("productIds")) setErrors({ productIds: message });
    else if (field === "boxId") setErrors({ boxId: message });
    else if (field === "greeting") setErrors({ greeting: message });
    else setErrors({ general: message });
  };

  const share = async () => {
    if (busy()) return;
    setBusy("share");
    setErrors({});
    try {
      const choice = savedKey();
      const view = await save();
      // A choice changed while saving is not what this link opens.
      if (savedKey() === choice) setShared(`${location.origin}/qua-tang/${view.comboId}`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };

  const addToCart = async () => {
    if (busy()) return;
    setBusy("cart");
    setErrors({});
    try {
      const view = await save();
      const cart = await shopApi.addCombo(view.comboId);
      rememberCart(itemsIn(cart));
      setAdded(true);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };

  const ready = () => state() === "ready" && Boolean(current()) && !quote.loading;
  const canOrder = () => ready() && current()?.available === true;
  // Saving needs no price on screen: a tap right after choosing the box saves and shows the link when it comes.
  const canShare = () => state() === "ready" && weighed();

  return (
    <div class="builder">
      <ProductSearch
        has={(pid) => picked().some((p) => p.productId === pid)}
        full={picked().length >= COMBO_MAX}
        onPick={pick}
      />

      <Show when={picked().length > 0}>
        <a href={`#${id}-box`} class="builder__bar">
          <span>
            {current() && state() === "ready"
              ? t("gifts.builder.barPrice", { n: picked().length, price: formatVnd(current()?.priceVnd ?? 0) })
              : t("gifts.builder.bar", { n: picked().length })}
          </span>
          <strong class="builder__go">{t("gifts.builder.barGo")} ↓</strong>
        </a>
      </Show>

      <div class="builder__side">
        <section class="panel-shop" aria-labelledby={`${id}-chosen`} data-testid="chosen" id={`${id}-box`}>
          <h2 id={`${id}-chosen`}>{t("gifts.builder.chosen", { n: picked().length })}</h2>
          <Show when={picked().length > 0} fallback={<p class="muted">{t("gifts.builder.chosenEmpty")}</p>}>
            <ol class="chosen">
              <For each={picked()}>
                {(p) => (
                  <li class="chosen__item">
                    <Photo src={p.image} alt="" width={80} height={60} sizes="56px" class="chosen__img" />
                    <span class="chosen__text">
                      <span class="chosen__name">{p.name}</span>
                      <span class="chosen__meta">{p.producerName}</span>
                      <span class="chosen__price">
                        {formatVnd(p.priceVnd)}
                        <Show when={p.weightGrams !== undefined}>
                          <span class="muted"> · {formatWeight(p.weightGrams ?? 0)}</span>
                        </Show>
                      </span>
                    </span>
                    <button
                      type="button"
                      class="icon-btn"
                      aria-label={t("gifts.builder.unpick", { name: p.name })}
                      onClick={() => unpick(p.productId)}
                    >
                      <svg viewBox="0 0 16 16" aria-hidden="true">
                        <path d="M4 4l8 8M12 4l-8 8" />
                      </svg>
                    </button>
                  </li>
                )}
              </For>
            </ol>
            <p class="muted small">
              {t("gifts.builder.producers", { n: producersOf(picked()) })}{" "}
              {t("gifts.builder.weight", { weight: formatWeight(weight()) })}
            </p>
          </Show>
          <Show when={errors().productIds}>
            <p class="note-error" role="alert">
              {errors().productIds}
            </p>
          </Show>
        </section>

        <fieldset class="panel-shop boxes" aria-describedby={errors().boxId ? `${id}-box-error` : undefined}>
          <legend>{t("gifts.builder.step.box")}</legend>
          <Switch>
            <Match when={boxes.state === "errored"}>
              <p class="note-error" role="alert">
                {t("gifts.builder.boxesFailed")}{" "}
                <button type="button" class="link-button" onClick={() => retryBoxes()}>
                  {t("shop.retry")}
                </button>
              </p>
            </Match>
            <Match when={!settled(boxes)}>
              <p class="muted">{t("shop.loading")}</p>
            </Match>
            <Match when={settled(boxes)}>
              {(list) => (
                <div class="box-options">
                  <For each={list()}>
                    {(b) => {
                      const fits = () => boxFits(b, weight());
                      return (
                        <label class="box-option" classList={{ "is-too-small": !fits() }}>
                          <input
                            type="radio"
                            name={`${id}-box`}
                            value={b.boxId}
                            checked={boxId() === b.boxId}
                            disabled={!fits() && boxId() !== b.boxId}
                            onChange={() => {
                              setBoxId(b.boxId);
                              setErrors({ ...errors(), boxId: undefined });
                            }}
                          />
                          <span class="box-option__body">
                            <span class="box-option__name">{boxName(b)}</span>
                            <span class="box-option__meta">
                              {formatVnd(b.priceVnd)} ·{" "}
                              {t("gifts.builder.boxCapacity", { weight: formatWeight(b.capacityGrams) })}
                            </span>
                            <Show when={!fits()}>
                              <span class="box-option__warn">
                                {t("gifts.builder.boxTooSmall", { weight: formatWeight(weight()) })}
                              </span>
                            </Show>
                          </span>
                        </label>
                      );
                    }}
                  </For>
                </div>
              )}
            </Match>
          </Switch>
          <Show when={box()}>
            {(b) => (
              <div class="fill">
                <label for={`${id}-fill`}>
                  {t("gifts.builder.boxUsed", {
                    used: formatWeight(weight()),
                    capacity: formatWeight(b().capacityGrams),
                  })}
                </label>
                <meter
                  id={`${id}-fill`}
                  min="0"
                  max={b().capacityGrams}
                  high={b().capacityGrams * 0.9}
                  value={Math.min(weight(), b().capacityGrams)}
                  data-percent={fillPercent(weight(), b().capacityGrams)}
                />
              </div>
            )}
          </Show>
          <Show when={errors().boxId}>
            <p class="note-error" id={`${id}-box-error`} role="alert">
              {errors().boxId}
            </p>
          </Show>
        </fieldset>

        <section class="panel-shop" aria-labelledby={`${id}-greeting-title`}>
          <h2 id={`${id}-greeting-title`}>{t("gifts.builder.step.greeting")}</h2>
          <div class="field">
            <label for={`${id}-greeting`}>{t("gifts.builder.greeting")}</label>
            <textarea
              id={`${id}-greeting`}
              rows="4"
              maxLength={GREETING_MAX}
              value={greeting()}
              aria-describedby={`${id}-greeting-hint ${id}-greeting-left`}
              aria-invalid={Boolean(errors().greeting)}
              onInput={(e) => setGreeting(e.currentTarget.value)}
            />
            <p class="field__hint" id={`${id}-greeting-hint`}>
              {t("gifts.builder.greetingHint")}
            </p>
            <p class="counter" id={`${id}-greeting-left`} aria-live="polite">
              {greetingLeft(greeting()) >= 0
                ? t("gifts.builder.greetingLeft", { n: greetingLeft(greeting()) })
                : t("gifts.builder.greetingOver", { n: -greetingLeft(greeting()) })}
            </p>
            <Show when={errors().greeting}>
              <p class="note-error" role="alert">
                {errors().greeting}
              </p>
            </Show>
          </div>
        </section>

        <section class="panel-shop summary" aria-labelledby={`${id}-summary`} data-testid="combo-summary">
          <h2 id={`${id}-summary`}>{t("gifts.builder.summary")}</h2>
          <Show when={origin?.templateId && origin.title}>
            <p class="muted small">{t("gifts.builder.fromTemplate", { name: origin?.title ?? "" })}</p>
          </Show>
          <Switch>
            <Match when={state() !== "ready"}>
              <p class="muted">{t(`gifts.builder.state.${state()}` as Key)}</p>
            </Match>
            <Match when={quote.state === "errored" && !quote.loading}>
              <p class="note-error" role="alert">
                {t("gifts.builder.priceFailed")} {errorMessage(quote.error)}{" "}
                <button type="button" class="link-button" onClick={() => retryQuote()}>
                  {t("shop.retry")}
                </button>
              </p>
            </Match>
            <Match when={current()}>
              {(q) => (
                <div aria-busy={quote.loading} classList={{ "is-stale": quote.loading }}>
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
              disabled={!canOrder() || Boolean(busy())}
              onClick={addToCart}
            >
              {busy() === "cart" ? t("gifts.adding") : t("gifts.builder.add")}
            </button>
            <button
              type="button"
              class="button button--ghost"
              disabled={!canShare() || Boolean(busy())}
              onClick={share}
            >
              {busy() === "share" ? t("gifts.builder.saving") : t("gifts.builder.share")}
            </button>
          </div>
          <Show when={added()}>
            <p class="note-ok" role="status">
              {t("gifts.builder.added")} <A href="/gio-hang">{t("gifts.viewCart")}</A>
            </p>
          </Show>
          <Show when={shared()}>
            {(link) => (
              <div class="share" role="status">
                <p>{t("gifts.builder.saved")}</p>
                <div class="share__row">
                  <label for={`${id}-link`} class="sr-only">
                    {t("gifts.builder.link")}
                  </label>
                  <input
                    id={`${id}-link`}
                    class="share__link"
                    readOnly
                    value={link()}
                    onFocus={(e) => e.currentTarget.select()}
                    data-testid="share-link"
                  />
                  <CopyButton value={link()} what={t("gifts.builder.link")} />
                </div>
                <Show when={typeof navigator.share === "function"}>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() =>
                      navigator.share({ title: t("gifts.builder.title"), url: link() }).catch(() => undefined)
                    }
                  >
                    {t("gifts.builder.shareNative")}
                  </button>
                </Show>
              </div>
            )}
          </Show>
          <Show when={errors().general}>
            <p class="note-error" role="alert">
              {errors().general}
            </p>
          </Show>
        </section>
      </div>
    </div>
  );
}

function BuilderPage(props: { initial?: ComboView }) {
  useTitle(() => (props.initial ? t("gifts.builder.sharedTitle") : t("gifts.builder.title")));
  return (
    <div class="wrap shop">
      <p class="back">
        <A href="/qua-tang">
          <span aria-hidden="true">← </span>
          {t("gifts.builder.back")}
        </A>
      </p>
      <header class="shop-head">
        <h1>{props.initial ? t("gifts.builder.sharedTitle") : t("gifts.builder.title")}</h1>
        <p class="muted">{t("gifts.builder.lead")}</p>
      </header>
      <Builder initial={props.initial} />
    </div>
  );
}

/** A curated combo on its own page: add it as it is, or start building from it. */
function TemplatePage(props: { combo: ComboView }) {
  const [building, setBuilding] = createSignal(false);
  useTitle(() => comboTitle(props.combo));
  return (
    <Show when={!building()} fallback={<BuilderPage initial={props.combo} />}>
      <div class="wrap shop">
        <p class="back">
          <A href="/qua-tang">
            <span aria-hidden="true">← </span>
            {t("gifts.builder.back")}
          </A>
        </p>
        <GiftCard combo={props.combo} headingLevel={1} />
        <p>
          <button type="button" class="button button--ghost" onClick={() => setBuilding(true)}>
            {t("gifts.customize")}
          </button>
        </p>
      </div>
    </Show>
  );
}

/** `/qua-tang/tu-chon` builds a combo; `/qua-tang/:comboId` re-opens a saved (shared) one, or shows a template. */
export default function ComboBuilder() {
  const params = useParams();
  const [combo, { refetch }] = createResource(() => params.comboId || false, shopApi.combo);
  return (
    <Switch
      fallback={
        <div class="wrap" aria-busy="true">
          <span class="sr-only">{t("shop.loading")}</span>
          <span class="skeleton skeleton--title" />
          <span class="skeleton skeleton--block" />
        </div>
      }
    >
      <Match when={!params.comboId}>
        <BuilderPage />
      </Match>
      <Match when={combo.state === "errored" && isNotFound(combo.error)}>
        <div class="wrap">
          <NotFoundState title={t("gifts.builder.notFound")} text={t("gifts.builder.notFoundText")} />
        </div>
      </Match>
      <Match when={combo.state === "errored"}>
        <div class="wrap">
          <ErrorState error={combo.error} retry={refetch} />
        </div>
      </Match>
      <Match when={combo.state === "ready" ? combo() : undefined}>
        {(c) => (c().kind === "template" ? <TemplatePage combo={c()} /> : <BuilderPage initial={c()} />)}
      </Match>
    </Switch>
  );
}
