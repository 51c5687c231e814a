import { createResource, createSignal, createUniqueId, For, type JSX, Match, Show, Switch } from "solid-js";
import { OcopStars } from "../../components/OcopStars";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/portal/Field";
import { ErrorState } from "../../components/States";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/portal";
import "../../i18n/sales";
import { api } from "../../api/client";
import { type ComboView, commerceAdminApi, type GiftBox, type Pricing, shopApi } from "../../lib/commerce";
import { formatVnd } from "../../lib/format";
import { provinceShort } from "../../lib/geo";
import { formatVndInput, parseVnd, slugify } from "../../lib/ocop";
import { settled } from "../../lib/resource";
import { currentUser } from "../../lib/session";
import { COMBO_MAX, COMBO_MIN, formatWeight } from "../../lib/shopping";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";

const ZONES = ["sameProvince", "sameRegion", "national"] as const;
const RATES = ["baseVnd", "per500gVnd"] as const;
const MAX_TIERS = 6;

/** An amount in đồng typed the Vietnamese way ("25.000"), regrouped when the field is left. */
function VndInput(props: { id: string; name: string; value: number | undefined; error?: string; hint?: boolean }) {
  return (
    <span class="input-unit">
      <input
        id={props.id}
        name={props.name}
        inputmode="numeric"
        autocomplete="off"
        value={props.value === undefined ? "" : formatVndInput(props.value)}
        onBlur={(e) => {
          const read = parseVnd(e.currentTarget.value);
          if (read.ok) e.currentTarget.value = formatVndInput(read.value);
        }}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy(props.id, { hint: props.hint, error: props.error })}
      />
      <span aria-hidden="true">₫</span>
    </span>
  );
}

const readVnd = (form: HTMLFormElement | undefined, name: string) =>
  parseVnd(String(new FormData(form).get(name) ?? ""));
const readInt = (form: HTMLFormElement | undefined, name: string) => {
  const text = String(new FormData(form).get(name) ?? "").trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
};

function PricingForm(props: { pricing: Pricing; editable: boolean }) {
  const [tiers, setTiers] = createSignal(props.pricing.comboTiers.map((t) => ({ ...t })));
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const errors = createErrors();
  let form: HTMLFormElement | undefined;
  const known = ["comboTiers", "freeShippingOverVnd", ...ZONES.flatMap((z) => RATES.map((r) => `shipping.${z}.${r}`))];

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    errors.clear();
    const comboTiers = tiers().map((_, i) => ({
      minItems: readInt(form, `tier-${i}-min`),
      percent: readInt(form, `tier-${i}-percent`),
    }));
    if (comboTiers.some((t) => !(t.minItems >= 2 && t.minItems <= 8 && t.percent >= 1 && t.percent <= 50)))
      errors.set("comboTiers", () => t("sales.pricing.tierInvalid"));
    const free = readVnd(form, "freeShippingOverVnd");
    if (!free.ok) errors.set("freeShippingOverVnd", () => t("sales.pricing.vndInvalid"));
    const shipping = {} as Pricing["shipping"];
    for (const zone of ZONES) {
      const base = readVnd(form, `shipping.${zone}.baseVnd`);
      const per = readVnd(form, `shipping.${zone}.per500gVnd`);
      if (!base.ok) errors.set(`shipping.${zone}.baseVnd`, () => t("sales.pricing.vndInvalid"));
      if (!per.ok) errors.set(`shipping.${zone}.per500gVnd`, () => t("sales.pricing.vndInvalid"));
      shipping[zone] = { baseVnd: base.ok ? base.value : 0, per500gVnd: per.ok ? per.value : 0 };
    }
    if (errors.any() || !free.ok) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      await commerceAdminApi.putPricing({ comboTiers, freeShippingOverVnd: free.value, shipping });
      setSaved(true);
    } catch (error) {
      errors.fromApi(error, known);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform" onSubmit={save} novalidate aria-labelledby="pricing-title">
      <fieldset class="pricing-fields" disabled={!props.editable || busy()}>
        <h3 class="subhead">{t("sales.pricing.tiers")}</h3>
        <p class="muted small">{t("sales.pricing.tiersHint")}</p>
        <ol class="tiers">
          <For each={tiers()}>
            {(tier, index) => (
              <li class="tier">
                <span class="tier__n">{t("sales.pricing.tier", { n: index() + 1 })}</span>
                <label class="pfield">
                  <span class="pfield__label">{t("sales.pricing.minItems")}</span>
                  <input
                    name={`tier-${index()}-min`}
                    inputmode="numeric"
                    value={String(tier.minItems)}
                    aria-invalid={Boolean(errors.of("comboTiers"))}
                  />
                </label>
                <label class="pfield">
                  <span class="pfield__label">{t("sales.pricing.percent")}</span>
                  <input
                    name={`tier-${index()}-percent`}
                    inputmode="numeric"
                    value={String(tier.percent)}
                    aria-invalid={Boolean(errors.of("comboTiers"))}
                  />
                </label>
                <button
                  type="button"
                  class="icon-button icon-button--danger"
                  aria-label={t("sales.pricing.removeTier", { n: index() + 1 })}
                  onClick={() => setTiers(tiers().filter((_, j) => j !== index()))}
                >
                  <svg viewBox="0 0 16 16" aria-hidden="true">
                    <path d="M4 4l8 8M12 4l-8 8" />
                  </svg>
                </button>
              </li>
            )}
          </For>
        </ol>
        <Show when={errors.of("comboTiers")}>
          <p class="pfield__error" role="alert">
            {errors.of("comboTiers")}
          </p>
        </Show>
        <Show when={tiers().length < MAX_TIERS}>
          <button
            type="button"
            class="button button--small button--ghost"
            onClick={() =>
              setTiers([...tiers(), { minItems: Math.min(8, (tiers().at(-1)?.minItems ?? 2) + 1), percent: 5 }])
            }
          >
            {t("sales.pricing.addTier")}
          </button>
        </Show>

        <Field
          id="p-free"
          label={t("sales.pricing.free")}
          error={errors.of("freeShippingOverVnd")}
          hint={t("sales.pricing.freeHint")}
        >
          <VndInput
            id="p-free"
            name="freeShippingOverVnd"
            value={props.pricing.freeShippingOverVnd}
            error={errors.of("freeShippingOverVnd")}
            hint
          />
        </Field>

        <h3 class="subhead">{t("sales.pricing.shipping")}</h3>
        <p class="muted small">{t("sales.pricing.shippingHint")}</p>
        <div class="rates">
          <For each={ZONES}>
            {(zone) => (
              <div class="rates__zone">
                <p class="rates__name">{t(`sales.pricing.zone.${zone}` as Key)}</p>
                <For each={RATES}>
                  {(rate) => {
                    const name = `shipping.${zone}.${rate}`;
                    const zoneName = () => t(`sales.pricing.zone.${zone}` as Key);
                    return (
                      <Field
                        id={`p-${zone}-${rate}`}
                        label={
                          <>
                            <span aria-hidden="true">
                              {rate === "baseVnd" ? t("sales.pricing.base") : t("sales.pricing.per500g")}
                            </span>
                            <span class="sr-only">
                              {rate === "baseVnd"
                                ? t("sales.pricing.baseOf", { zone: zoneName() })
                                : t("sales.pricing.per500gOf", { zone: zoneName() })}
                            </span>
                          </>
                        }
                        error={errors.of(name)}
                      >
                        <VndInput
                          id={`p-${zone}-${rate}`}
                          name={name}
                          value={props.pricing.shipping[zone][rate]}
                          error={errors.of(name)}
                        />
                      </Field>
                    );
                  }}
                </For>
              </div>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={props.editable}>
        <div class="coll__buttons">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? t("sales.agifts.saving") : t("sales.pricing.save")}
          </button>
        </div>
      </Show>
      <FormMessage error={errors.general()} success={saved() ? t("sales.agifts.saved") : undefined} />
    </form>
  );
}

function BoxForm(props: { box?: GiftBox; editable: boolean; onSaved: () => void; onCancel?: () => void }) {
  const b = props.box;
  const formId = `box-${b?.boxId ?? "new"}`;
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const [slug, setSlug] = createSignal(b?.boxId ?? "");
  const errors = createErrors();
  let form: HTMLFormElement | undefined;
  const text = (name: string) => String(new FormData(form).get(name) ?? "").trim();
  const id = (name: string) => `${formId}-${name}`;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    errors.clear();
    const boxId = slug();
    const nameVi = text("nameVi");
    const nameEn = text("nameEn");
    const price = readVnd(form, "priceVnd");
    const capacityGrams = readInt(form, "capacityGrams");
    const weightGrams = readInt(form, "weightGrams");
    // Read before the form is disabled while saving: a disabled checkbox is left out of the form's data.
    const active = new FormData(form).get("active") === "on";
    if (!/^[a-z0-9-]{2,40}$/.test(boxId)) errors.set("id", () => t("portal.invalid.collectionId"));
    if (nameVi.length < 2) errors.set("nameVi", () => t("portal.invalid.name"));
    if (nameEn.length < 2) errors.set("nameEn", () => t("portal.invalid.name"));
    if (!price.ok) errors.set("priceVnd", () => t("sales.pricing.vndInvalid"));
    if (!(capacityGrams >= 100 && capacityGrams <= 50_000))
      errors.set("capacityGrams", () => t("sales.boxes.capacityInvalid"));
    if (!(weightGrams >= 0 && weightGrams <= 10_000)) errors.set("weightGrams", () => t("sales.boxes.weightInvalid"));
    if (errors.any() || !price.ok) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      await commerceAdminApi.putBox(boxId, {
        nameVi,
        nameEn,
        priceVnd: price.value,
        capacityGrams,
        weightGrams,
        active,
      });
      setSaved(true);
      props.onSaved();
    } catch (error) {
      errors.fromApi(error, ["id", "nameVi", "nameEn", "priceVnd", "capacityGrams", "weightGrams"]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform" onSubmit={save} novalidate>
      <fieldset class="pricing-fields" disabled={!props.editable || busy()}>
        <Show when={!b}>
          <Field id={id("id")} label={t("sales.boxes.id")} error={errors.of("id")} hint={t("sales.boxes.idHint")}>
            <input
              id={id("id")}
              name="id"
              maxLength={40}
              value={slug()}
              onInput={(e) => setSlug(e.currentTarget.value.trim())}
              aria-invalid={Boolean(errors.of("id"))}
              aria-describedby={describedBy(id("id"), { hint: true, error: errors.of("id") })}
            />
          </Field>
        </Show>
        <div class="pform__row">
          <Field id={id("vi")} label={t("sales.boxes.nameVi")} error={errors.of("nameVi")}>
            <input
              id={id("vi")}
              name="nameVi"
              maxLength={80}
              value={b?.nameVi ?? ""}
              onInput={(e) => {
                if (!b) setSlug(slugify(e.currentTarget.value));
              }}
              aria-invalid={Boolean(errors.of("nameVi"))}
              aria-describedby={describedBy(id("vi"), { error: errors.of("nameVi") })}
            />
          </Field>
          <Field id={id("en")} label={t("sales.boxes.nameEn")} error={errors.of("nameEn")}>
            <input
              id={id("en")}
              name="nameEn"
              maxLength={80}
              value={b?.nameEn ?? ""}
              aria-invalid={Boolean(errors.of("nameEn"))}
              aria-describedby={describedBy(id("en"), { error: errors.of("nameEn") })}
            />
          </Field>
        </div>
        <div class="pform__row pform__row--3">
          <Field id={id("price")} label={t("sales.boxes.price")} error={errors.of("priceVnd")}>
            <VndInput id={id("price")} name="priceVnd" value={b?.priceVnd} error={errors.of("priceVnd")} />
          </Field>
          <Field id={id("capacity")} label={t("sales.boxes.capacity")} error={errors.of("capacityGrams")}>
            <input
              id={id("capacity")}
              name="capacityGrams"
              inputmode="numeric"
              value={b ? String(b.capacityGrams) : ""}
              aria-invalid={Boolean(errors.of("capacityGrams"))}
              aria-describedby={describedBy(id("capacity"), { error: errors.of("capacityGrams") })}
            />
          </Field>
          <Field id={id("weight")} label={t("sales.boxes.weight")} error={errors.of("weightGrams")}>
            <input
              id={id("weight")}
              name="weightGrams"
              inputmode="numeric"
              value={b ? String(b.weightGrams) : ""}
              aria-invalid={Boolean(errors.of("weightGrams"))}
              aria-describedby={describedBy(id("weight"), { error: errors.of("weightGrams") })}
            />
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" name="active" checked={b?.active ?? true} />
          <span>{t("sales.boxes.activeLabel")}</span>
        </label>
        <p class="muted small">{t("sales.boxes.hiddenNote")}</p>
      </fieldset>
      <Show when={props.editable}>
        <div class="coll__buttons">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? t("sales.agifts.saving") : t("sales.agifts.save")}
          </button>
          <Show when={props.onCancel}>
            <button type="button" class="button button--ghost" onClick={() => props.onCancel?.()}>
              {t("sales.agifts.cancel")}
            </button>
          </Show>
        </div>
      </Show>
      <FormMessage error={errors.general()} success={saved() ? t("sales.agifts.saved") : undefined} />
    </form>
  );
}

interface Part {
  productId: string;
  name: string;
  stars?: number;
  provinceCode?: string;
}

function PartSearch(props: { formId: string; has: (id: string) => boolean; full: boolean; onAdd: (p: Part) => void }) {
  const [query, setQuery] = createSignal<string>();
  const [results] = createResource(query, (q) => api.products({ q, limit: "8" }));
  let input: HTMLInputElement | undefined;
  const search = () => {
    const q = input?.value.trim() ?? "";
    setQuery(q.length >= 2 ? q : undefined);
  };
  return (
    <div class="coll-search">
      <label for={`${props.formId}-search`} class="pfield__label">
        {t("sales.agifts.searchLabel")}
      </label>
      <div class="coll-search__row">
        <input
          ref={input}
          id={`${props.formId}-search`}
          type="search"
          autocomplete="off"
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              search();
            }
          }}
        />
        <button type="button" class="button button--small" onClick={search}>
          {t("sales.agifts.search")}
        </button>
      </div>
      <Show when={query() ? settled(results) : undefined}>
        {(page) => (
          <ul class="coll-results">
            <For each={page().items}>
              {(card) => (
                <li>
                  <span class="coll-item__label">
                    <OcopStars stars={card.stars} />
                    <span class="coll-item__name">{card.name}</span>
                    <span class="muted">{provinceShort(card.provinceCode)}</span>
                  </span>
                  <button
                    type="button"
                    class="button button--small button--ghost"
                    disabled={props.has(card.productId) || props.full}
                    onClick={() =>
                      props.onAdd({
                        productId: card.productId,
                        name: card.name,
                        stars: card.stars,
                        provinceCode: card.provinceCode,
                      })
                    }
                  >
                    {t("sales.agifts.add")}
                    <span class="sr-only">: {card.name}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </div>
  );
}

function TemplateForm(props: {
  template?: ComboView;
  position: number;
  boxes: GiftBox[];
  editable: boolean;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const c = props.template;
  const formId = `tpl-${c?.comboId ?? "new"}`;
  const [parts, setParts] = createSignal<Part[]>(
    (c?.parts ?? []).map((p) => ({ productId: p.productId, name: p.name })),
  );
  const [slug, setSlug] = createSignal(c?.comboId ?? "");
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const errors = createErrors();
  let form: HTMLFormElement | undefined;
  const text = (name: string) => String(new FormData(form).get(name) ?? "").trim();
  const id = (name: string) => `${formId}-${name}`;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    errors.clear();
    const templateId = slug();
    const titleVi = text("titleVi");
    const titleEn = text("titleEn");
    const price = readVnd(form, "fixedPriceVnd");
    const position = readInt(form, "position");
    const boxId = text("boxId");
    const descriptionVi = text("descriptionVi");
    // Read before the form is disabled while saving: a disabled checkbox is left out of the form's data.
    const active = new FormData(form).get("active") === "on";
    if (!/^[a-z0-9-]{2,40}$/.test(templateId)) errors.set("id", () => t("portal.invalid.collectionId"));
    if (titleVi.length < 2) errors.set("titleVi", () => t("portal.invalid.title"));
    if (titleEn.length < 2) errors.set("titleEn", () => t("portal.invalid.title"));
    if (parts().length < COMBO_MIN || parts().length > COMBO_MAX)
      errors.set("productIds", () => t("sales.templates.productsInvalid"));
    if (!boxId) errors.set("boxId", () => t("sales.templates.boxMissing"));
    if (!price.ok || price.value < 1000) errors.set("fixedPriceVnd", () => t("portal.invalid.priceVnd"));
    if (!(position >= 0 && position <= 1000)) errors.set("position", () => t("portal.invalid.position"));
    if (errors.any() || !price.ok) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      await commerceAdminApi.putTemplate(templateId, {
        titleVi,
        titleEn,
        descriptionVi,
        productIds: parts().map((p) => p.productId),
        boxId,
        fixedPriceVnd: price.value,
        position,
        active,
      });
      setSaved(true);
      props.onSaved();
    } catch (error) {
      errors.fromApi(error, ["id", "titleVi", "titleEn", "productIds", "boxId", "fixedPriceVnd", "position"]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform" onSubmit={save} novalidate>
      <fieldset class="pricing-fields" disabled={!props.editable || busy()}>
        <Show when={!c}>
          <Field id={id("id")} label={t("sales.templates.id")} error={errors.of("id")} hint={t("sales.boxes.idHint")}>
            <input
              id={id("id")}
              name="id"
              maxLength={40}
              value={slug()}
              onInput={(e) => setSlug(e.currentTarget.value.trim())}
              aria-invalid={Boolean(errors.of("id"))}
              aria-describedby={describedBy(id("id"), { hint: true, error: errors.of("id") })}
            />
          </Field>
        </Show>
        <div class="pform__row">
          <Field id={id("vi")} label={t("sales.templates.titleVi")} error={errors.of("titleVi")}>
            <input
              id={id("vi")}
              name="titleVi"
              maxLength={80}
              value={c?.title.vi ?? ""}
              onInput={(e) => {
                if (!c) setSlug(slugify(e.currentTarget.value));
              }}
              aria-invalid={Boolean(errors.of("titleVi"))}
              aria-describedby={describedBy(id("vi"), { error: errors.of("titleVi") })}
            />
          </Field>
          <Field id={id("en")} label={t("sales.templates.titleEn")} error={errors.of("titleEn")}>
            <input
              id={id("en")}
              name="titleEn"
              maxLength={80}
              value={c?.title.en ?? ""}
              aria-invalid={Boolean(errors.of("titleEn"))}
              aria-describedby={describedBy(id("en"), { error: errors.of("titleEn") })}
            />
          </Field>
        </div>
        <Field id={id("desc")} label={t("sales.templates.description")} optional>
          <textarea id={id("desc")} name="descriptionVi" rows="2" maxLength={500} value={c?.description ?? ""} />
        </Field>

        <h4 class="subhead">{t("sales.templates.products", { n: parts().length })}</h4>
        <ol class="coll-items">
          <For each={parts()}>
            {(p, i) => (
              <li class="coll-item">
                <span class="coll-item__pos">{i() + 1}</span>
                <span class="coll-item__label">
                  <Show when={p.stars}>{(n) => <OcopStars stars={n()} />}</Show>
                  <span class="coll-item__name">{p.name}</span>
                </span>
                <span class="coll-item__actions">
                  <button
                    type="button"
                    class="icon-button icon-button--danger"
                    aria-label={t("sales.templates.remove", { name: p.name })}
                    onClick={() => setParts(parts().filter((_, j) => j !== i()))}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path d="M4 4l8 8M12 4l-8 8" />
                    </svg>
                  </button>
                </span>
              </li>
            )}
          </For>
        </ol>
        <Show when={errors.of("productIds")}>
          <p class="pfield__error" role="alert">
            {errors.of("productIds")}
          </p>
        </Show>
        <Show when={props.editable}>
          <PartSearch
            formId={formId}
            has={(pid) => parts().some((p) => p.productId === pid)}
            full={parts().length >= COMBO_MAX}
            onAdd={(p) => setParts([...parts(), p])}
          />
        </Show>

        <div class="pform__row pform__row--3">
          <Field id={id("box")} label={t("sales.templates.box")} error={errors.of("boxId")}>
            <select
              id={id("box")}
              name="boxId"
              aria-invalid={Boolean(errors.of("boxId"))}
              aria-describedby={describedBy(id("box"), { error: errors.of("boxId") })}
            >
              <option value="">—</option>
              <For each={props.boxes}>
                {(b) => (
                  <option value={b.boxId} selected={c?.box.boxId === b.boxId}>
                    {locale() === "en" ? b.nameEn : b.nameVi} · {formatWeight(b.capacityGrams)}
                  </option>
                )}
              </For>
            </select>
          </Field>
          <Field
            id={id("price")}
            label={t("sales.templates.price")}
            error={errors.of("fixedPriceVnd")}
            hint={
              c
                ? t("sales.templates.listed", { price: formatVnd(c.priceVnd + c.discountVnd) })
                : t("sales.templates.priceHint")
            }
          >
            <VndInput
              id={id("price")}
              name="fixedPriceVnd"
              value={c?.priceVnd}
              error={errors.of("fixedPriceVnd")}
              hint
            />
          </Field>
          <Field
            id={id("pos")}
            label={t("sales.templates.position")}
            error={errors.of("position")}
            hint={t("sales.templates.positionHint")}
          >
            <input
              id={id("pos")}
              name="position"
              inputmode="numeric"
              value={String(props.position)}
              aria-invalid={Boolean(errors.of("position"))}
              aria-describedby={describedBy(id("pos"), { hint: true, error: errors.of("position") })}
            />
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" name="active" checked />
          <span>{t("sales.templates.activeLabel")}</span>
        </label>
      </fieldset>
      <Show when={props.editable}>
        <div class="coll__buttons">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? t("sales.agifts.saving") : t("sales.agifts.save")}
          </button>
          <Show when={props.onCancel}>
            <button type="button" class="button button--ghost" onClick={() => props.onCancel?.()}>
              {t("sales.agifts.cancel")}
            </button>
          </Show>
        </div>
      </Show>
      <FormMessage error={errors.general()} success={saved() ? t("sales.agifts.saved") : undefined} />
    </form>
  );
}

function Item(props: { title: string; summary: string; children: JSX.Element }) {
  const id = createUniqueId();
  return (
    <details class="panel disclosure agift">
      <summary>
        <h3 id={id}>{props.title}</h3>
        <span class="muted">{props.summary}</span>
      </summary>
      {props.children}
    </details>
  );
}

/** Central staff curate gift boxes, combo templates and pricing; province staff see them. */
export default function GiftsPricing() {
  const central = () => currentUser()?.staffScope === "central";
  const [pricing, { refetch: retryPricing }] = createResource(commerceAdminApi.pricing);
  const [boxes, { refetch: reloadBoxes }] = createResource(shopApi.boxes);
  const [templates, { refetch: reloadTemplates }] = createResource(shopApi.templates);
  const [newBox, setNewBox] = createSignal(false);
  const [newTemplate, setNewTemplate] = createSignal(false);
  useTitle(() => t("sales.agifts.title"));

  return (
    <>
      <div class="admin-head">
        <h1>{t("sales.agifts.title")}</h1>
        <p class="muted">{central() ? t("sales.agifts.lead") : t("sales.agifts.readOnly")}</p>
      </div>

      <section class="section panel" aria-labelledby="pricing-title">
        <h2 id="pricing-title">{t("sales.pricing.title")}</h2>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={pricing.state === "errored"}>
            <ErrorState error={pricing.error} retry={retryPricing} />
          </Match>
          <Match when={settled(pricing)}>{(p) => <PricingForm pricing={p()} editable={central()} />}</Match>
        </Switch>
      </section>

      <section class="section" aria-labelledby="boxes-title">
        <div class="section__head">
          <h2 id="boxes-title">{t("sales.boxes.title")}</h2>
          <Show when={central() && !newBox()}>
            <button type="button" class="button button--small" onClick={() => setNewBox(true)}>
              {t("sales.boxes.create")}
            </button>
          </Show>
        </div>
        <Show when={newBox()}>
          <div class="panel agift">
            <h3>{t("sales.boxes.new")}</h3>
            <BoxForm
              editable
              onSaved={() => {
                setNewBox(false);
                void reloadBoxes();
              }}
              onCancel={() => setNewBox(false)}
            />
          </div>
        </Show>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={boxes.state === "errored"}>
            <ErrorState error={boxes.error} retry={reloadBoxes} />
          </Match>
          <Match when={settled(boxes)}>
            {(list) => (
              // By id: saving refreshes the list without closing the form being edited (or its "saved").
              <For each={list().map((b) => b.boxId)}>
                {(boxId) => {
                  const b = () => list().find((x) => x.boxId === boxId);
                  return (
                    <Show when={b()}>
                      {(box) => (
                        <Item
                          title={locale() === "en" ? box().nameEn : box().nameVi}
                          summary={t("sales.boxes.summary", {
                            price: formatVnd(box().priceVnd),
                            capacity: formatWeight(box().capacityGrams),
                          })}
                        >
                          <BoxForm box={box()} editable={central()} onSaved={() => void reloadBoxes()} />
                        </Item>
                      )}
                    </Show>
                  );
                }}
              </For>
            )}
          </Match>
        </Switch>
      </section>

      <section class="section" aria-labelledby="templates-title">
        <div class="section__head">
          <h2 id="templates-title">{t("sales.templates.title")}</h2>
          <Show when={central() && !newTemplate()}>
            <button type="button" class="button button--small" onClick={() => setNewTemplate(true)}>
              {t("sales.templates.create")}
            </button>
          </Show>
        </div>
        <Show when={newTemplate()}>
          <div class="panel agift">
            <h3>{t("sales.templates.new")}</h3>
            <TemplateForm
              position={(settled(templates)?.length ?? 0) * 10}
              boxes={settled(boxes) ?? []}
              editable
              onSaved={() => {
                setNewTemplate(false);
                void reloadTemplates();
              }}
              onCancel={() => setNewTemplate(false)}
            />
          </div>
        </Show>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={templates.state === "errored"}>
            <ErrorState error={templates.error} retry={reloadTemplates} />
          </Match>
          <Match when={settled(templates)?.length === 0}>
            <p class="muted">{t("sales.templates.empty")}</p>
          </Match>
          <Match when={settled(templates)}>
            {(list) => (
              <For each={list().map((t) => t.comboId)}>
                {(comboId, i) => {
                  const t = () => list().find((x) => x.comboId === comboId);
                  return (
                    <Show when={t()}>
                      {(template) => (
                        <Item
                          title={(locale() === "en" ? template().title.en : template().title.vi) ?? comboId}
                          summary={`${formatVnd(template().priceVnd)} · ${template().parts.length} · ${template().box.name}`}
                        >
                          <TemplateForm
                            template={template()}
                            position={i()}
                            boxes={settled(boxes) ?? []}
                            editable={central()}
                            onSaved={() => void reloadTemplates()}
                          />
                        </Item>
                      )}
                    </Show>
                  );
                }}
              </For>
            )}
          </Match>
        </Switch>
      </section>
    </>
  );
}
