import { useNavigate } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/form";
import { OcopStars } from "../../components/OcopStars";
import { BackLink } from "../../components/portal/bits";
import { type PhotoItem, PhotoPicker } from "../../components/portal/Uploads";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/live";
import { liveApi } from "../../api/live";
import { sellerApi } from "../../api/seller";
import { formatVnd } from "../../lib/format";
import { isoToVietnamLocal, vietnamLocalToIso } from "../../lib/live";
import { mediaUrl } from "../../lib/ocop";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";

const MAX_FEATURED = 50;
const FIELDS = ["title", "startAt", "coverKey", "productIds"];

/** `/ban-hang/live/moi`: title, start time (Vietnam time), a cover photo, up to 50 featured products on sale. */
export default function LiveSchedule() {
  useTitle(() => t("live.schedule.title"));
  const navigate = useNavigate();
  const errors = createErrors();
  const [products, { refetch }] = createResource(sellerApi.products);
  const onSale = createMemo(() => (settled(products) ?? []).filter((p) => p.status === "approved"));
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [cover, setCover] = createSignal<PhotoItem[]>([]);
  const [uploading, setUploading] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [title, setTitle] = createSignal("");
  const [startAt, setStartAt] = createSignal(isoToVietnamLocal(new Date(Date.now() + 10 * 60_000)));
  let form: HTMLFormElement | undefined;

  const toggle = (id: string, on: boolean) => {
    errors.set("productIds", undefined);
    if (!on) return setChosen(chosen().filter((x) => x !== id));
    if (chosen().length >= MAX_FEATURED) {
      errors.set("productIds", () => t("live.schedule.productsTooMany", { max: MAX_FEATURED }));
      return;
    }
    setChosen([...chosen(), id]);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || uploading()) return;
    errors.clear();
    const name = title().trim();
    if (name.length < 3 || name.length > 120) errors.set("title", () => t("live.schedule.nameMissing"));
    const at = vietnamLocalToIso(startAt());
    const ms = at ? Date.parse(at) : Number.NaN;
    if (!at || ms < Date.now() - 5 * 60_000 || ms > Date.now() + 60 * 86_400_000)
      errors.set("startAt", () => t("live.schedule.startAtMissing"));
    if (chosen().length === 0) errors.set("productIds", () => t("live.schedule.productsMissing"));
    if (errors.any() || !at) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      const coverKey = cover()[0]?.key;
      const session = await liveApi.schedule({
        title: name,
        startAt: at,
        productIds: chosen(),
        ...(coverKey ? { coverKey } : {}),
      });
      navigate(`/ban-hang/live/${session.sessionId}/phat`);
    } catch (error) {
      errors.fromApi(error, FIELDS);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="wrap live-page">
      <BackLink href="/ban-hang/live">{t("live.schedule.back")}</BackLink>
      <h1>{t("live.schedule.title")}</h1>
      <form ref={form} class="pform" onSubmit={submit} novalidate>
        <Field
          id="lv-title"
          label={t("live.schedule.name")}
          hint={t("live.schedule.nameHint")}
          error={errors.of("title")}
        >
          <input
            id="lv-title"
            name="title"
            maxLength={120}
            value={title()}
            onInput={(e) => {
              setTitle(e.currentTarget.value);
              errors.set("title", undefined);
            }}
            aria-invalid={Boolean(errors.of("title"))}
            aria-describedby={describedBy("lv-title", { hint: true, error: errors.of("title") })}
          />
        </Field>
        <Field
          id="lv-start"
          label={t("live.schedule.startAt")}
          hint={t("live.schedule.startAtHint")}
          error={errors.of("startAt")}
        >
          <input
            id="lv-start"
            name="startAt"
            type="datetime-local"
            value={startAt()}
            onInput={(e) => {
              setStartAt(e.currentTarget.value);
              errors.set("startAt", undefined);
            }}
            aria-invalid={Boolean(errors.of("startAt"))}
            aria-describedby={describedBy("lv-start", { hint: true, error: errors.of("startAt") })}
          />
        </Field>
        <PhotoPicker
          id="lv-cover"
          label={t("live.schedule.cover")}
          purpose="product-image"
          photos={cover()}
          max={1}
          onChange={setCover}
          onBusy={setUploading}
          error={errors.of("coverKey")}
        />
        <fieldset
          class="pfield featured-pick"
          aria-describedby={`lv-products-hint${errors.of("productIds") ? " lv-products-error" : ""}`}
        >
          <legend class="pfield__label">
            {t("live.schedule.products", { n: chosen().length, max: MAX_FEATURED })}
          </legend>
          <p class="pfield__hint" id="lv-products-hint">
            {t("live.schedule.productsHint", { max: MAX_FEATURED })}
          </p>
          <Switch fallback={<span class="skeleton skeleton--block" />}>
            <Match when={products.state === "errored"}>
              <ErrorState error={products.error} retry={refetch} />
            </Match>
            <Match when={settled(products) && onSale().length === 0}>
              <p class="note">{t("live.schedule.noProducts")}</p>
            </Match>
            <Match when={settled(products)}>
              <ul class="featured-pick__list">
                <For each={onSale()}>
                  {(p) => (
                    <li>
                      <label class="featured-pick__item">
                        <input
                          type="checkbox"
                          name="productIds"
                          value={p.productId}
                          checked={chosen().includes(p.productId)}
                          onChange={(e) => toggle(p.productId, e.currentTarget.checked)}
                        />
                        <Show when={p.images?.[0]}>
                          {(img) => <img src={mediaUrl(img())} alt="" width="48" height="48" loading="lazy" />}
                        </Show>
                        <span class="featured-pick__name">
                          {p.name}
                          <span class="muted small">
                            {" "}
                            · {formatVnd(p.priceVnd)} / {p.unit}
                          </span>
                        </span>
                        <Show when={p.stars}>{(n) => <OcopStars stars={n()} />}</Show>
                      </label>
                    </li>
                  )}
                </For>
              </ul>
            </Match>
          </Switch>
          <Show when={errors.of("productIds")}>
            <p class="pfield__error" id="lv-products-error" role="alert">
              {errors.of("productIds")}
            </p>
          </Show>
        </fieldset>
        <button type="submit" class="button button--big button--block" disabled={busy() || uploading()}>
          {busy() ? t("live.schedule.saving") : t("live.schedule.submit")}
        </button>
        <FormMessage error={errors.general()} />
      </form>
    </div>
  );
}
