import { createSignal, For, Show } from "solid-js";
import { GiftSaveButtons } from "../../../components/admin/GiftSaveButtons";
import { RemoveButton } from "../../../components/admin/RemoveButton";
import { createErrors, describedBy, Field, FieldError, FormMessage, focusFirstError } from "../../../components/form";
import { OcopStars } from "../../../components/OcopStars";
import { locale, t } from "../../../i18n";
import "../../../i18n/portal";
import "../../../i18n/sales";
import { commerceAdminApi } from "../../../api/admin-commerce";
import type { ComboView, GiftBox } from "../../../api/cart";
import { ProductSearch } from "../../../components/portal/ProductSearch";
import { formatVnd } from "../../../lib/format";
import { provinceShort } from "../../../lib/geo";
import { slugify } from "../../../lib/ocop";
import { COMBO_MAX, COMBO_MIN, formatWeight } from "../../../lib/shopping";
import { readInt, readVnd, VndField } from "./amounts";

interface Part {
  productId: string;
  name: string;
  stars?: number;
  provinceCode?: string;
}

export function TemplateForm(props: {
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
                  <RemoveButton
                    label={t("sales.templates.remove", { name: p.name })}
                    onClick={() => setParts(parts().filter((_, j) => j !== i()))}
                  />
                </span>
              </li>
            )}
          </For>
        </ol>
        <FieldError error={errors.of("productIds")} />
        <Show when={props.editable}>
          <ProductSearch
            id={`${formId}-search`}
            label={t("sales.agifts.searchLabel")}
            find={t("sales.agifts.search")}
            has={(pid) => parts().some((p) => p.productId === pid)}
            full={parts().length >= COMBO_MAX}
            addLabel={() => t("sales.agifts.add")}
            item={(card) => (
              <span class="coll-item__label">
                <OcopStars stars={card.stars} />
                <span class="coll-item__name">{card.name}</span>
                <span class="muted">{provinceShort(card.provinceCode)}</span>
              </span>
            )}
            onAdd={(card) =>
              setParts([
                ...parts(),
                { productId: card.productId, name: card.name, stars: card.stars, provinceCode: card.provinceCode },
              ])
            }
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
          <VndField
            name="fixedPriceVnd"
            id={id("price")}
            label={t("sales.templates.price")}
            error={errors.of("fixedPriceVnd")}
            hint={
              c
                ? t("sales.templates.listed", { price: formatVnd(c.priceVnd + c.discountVnd) })
                : t("sales.templates.priceHint")
            }
            value={c?.priceVnd}
          />
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
        <GiftSaveButtons busy={busy()} onCancel={props.onCancel} />
      </Show>
      <FormMessage error={errors.general()} success={saved() ? t("sales.agifts.saved") : undefined} />
    </form>
  );
}
