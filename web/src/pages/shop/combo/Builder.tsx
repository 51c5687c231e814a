import {
  batch,
  createEffect,
  createMemo,
  createResource,
  createSignal,
  createUniqueId,
  on,
  onCleanup,
  Show,
} from "solid-js";
import { type ComboView, cartApi, type NewCombo } from "../../../api/cart";
import { type Card, storefrontApi } from "../../../api/storefront";
import { errorMessage } from "../../../components/States";
import { comboTitle } from "../../../components/shop/GiftCard";
import { t } from "../../../i18n";
import { itemsIn, rememberCart } from "../../../lib/cart-count";
import { formatVnd } from "../../../lib/format";
import { settled } from "../../../lib/resource";
import { COMBO_MAX, comboKey, comboState, weightOf } from "../../../lib/shopping";
import { BoxPicker } from "./BoxPicker";
import { ChosenList } from "./ChosenList";
import { ComboSummary } from "./ComboSummary";
import { GreetingField } from "./GreetingField";
import { ProductSearch } from "./ProductSearch";
import { fromCard, fromPart, type Picked } from "./picked";

/**
 * The combo builder: 2–8 products, a gift box that holds them, a greeting of at most 300 characters. Prices are the
 * API's: each new choice of products and box is priced by saving it (`POST /api/combos`), which gives the parts,
 * the tier discount and the total as the cart will charge them. "Lưu & chia sẻ" saves it with the greeting and
 * gives a link that re-opens it.
 */
export function Builder(props: { initial?: ComboView }) {
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
  const [picked, setPicked] = createSignal<Picked[]>((initial?.parts ?? []).map(fromPart));
  const [boxId, setBoxId] = createSignal(initial?.box.boxId ?? "");
  const [greeting, setGreeting] = createSignal(initial?.greeting ?? "");
  const [boxes, { refetch: retryBoxes }] = createResource(cartApi.boxes);
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
      found = cartApi.saveCombo({ productIds: q.productIds, boxId: q.boxId });
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
    storefrontApi
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
    const view = priced ?? (await cartApi.saveCombo(input));
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
      const cart = await cartApi.addCombo(view.comboId);
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
        <ChosenList id={id} picked={picked()} weight={weight()} error={errors().productIds} onUnpick={unpick} />

        <BoxPicker
          id={id}
          boxes={{ resource: boxes, refetch: retryBoxes }}
          boxId={boxId()}
          box={box()}
          weight={weight()}
          error={errors().boxId}
          onChoose={(chosen) => {
            setBoxId(chosen);
            setErrors({ ...errors(), boxId: undefined });
          }}
        />

        <GreetingField id={id} value={greeting()} error={errors().greeting} onInput={setGreeting} />

        <ComboSummary
          id={id}
          state={state()}
          quote={quote}
          current={current()}
          retry={retryQuote}
          fromTemplate={origin?.templateId ? origin.title : undefined}
          canOrder={canOrder()}
          canShare={canShare()}
          busy={busy()}
          added={added()}
          shared={shared()}
          error={errors().general}
          onAdd={addToCart}
          onShare={share}
        />
      </div>
    </div>
  );
}
