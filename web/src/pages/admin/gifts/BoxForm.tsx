import { createSignal, Show } from "solid-js";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../../components/portal/Field";
import { t } from "../../../i18n";
import "../../../i18n/portal";
import "../../../i18n/sales";
import { commerceAdminApi } from "../../../api/admin-commerce";
import type { GiftBox } from "../../../api/cart";
import { slugify } from "../../../lib/ocop";

import { readInt, readVnd, VndInput } from "./amounts";

export function BoxForm(props: { box?: GiftBox; editable: boolean; onSaved: () => void; onCancel?: () => void }) {
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
