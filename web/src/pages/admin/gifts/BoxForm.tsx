import { createSignal, Show } from "solid-js";
import { commerceAdminApi } from "../../../api/admin-commerce";
import type { GiftBox } from "../../../api/cart";
import { GiftSaveButtons } from "../../../components/admin/GiftSaveButtons";
import { createForm, Form, FormMessage, Input } from "../../../components/form";
import { t } from "../../../i18n";
import "../../../i18n/portal";
import "../../../i18n/sales";
import { slugify } from "../../../lib/ocop";
import { readInt, readVnd, VndField } from "./amounts";

/** A gift box (hộp quà) staff offer for combos: its names, price, how much it holds, its own weight. */
export function BoxForm(props: { box?: GiftBox; editable: boolean; onSaved: () => void; onCancel?: () => void }) {
  const b = props.box;
  const formId = `box-${b?.boxId ?? "new"}`;
  const [slug, setSlug] = createSignal(b?.boxId ?? "");
  const form = createForm({
    id: formId,
    fields: ["id", "nameVi", "nameEn", "priceVnd", "capacityGrams", "weightGrams"],
    read({ value, errors, element }) {
      const boxId = slug();
      const nameVi = value("nameVi");
      const nameEn = value("nameEn");
      const price = readVnd(element(), "priceVnd");
      const capacityGrams = readInt(element(), "capacityGrams");
      const weightGrams = readInt(element(), "weightGrams");
      // Read before the form is disabled while saving: a disabled checkbox is left out of the form's data.
      const active = value("active") === "on";
      if (!/^[a-z0-9-]{2,40}$/.test(boxId)) errors.set("id", () => t("portal.invalid.collectionId"));
      if (nameVi.length < 2) errors.set("nameVi", () => t("portal.invalid.name"));
      if (nameEn.length < 2) errors.set("nameEn", () => t("portal.invalid.name"));
      if (!price.ok) errors.set("priceVnd", () => t("sales.pricing.vndInvalid"));
      if (!(capacityGrams >= 100 && capacityGrams <= 50_000))
        errors.set("capacityGrams", () => t("sales.boxes.capacityInvalid"));
      if (!(weightGrams >= 0 && weightGrams <= 10_000)) errors.set("weightGrams", () => t("sales.boxes.weightInvalid"));
      if (!price.ok) return undefined;
      return { boxId, box: { nameVi, nameEn, priceVnd: price.value, capacityGrams, weightGrams, active } };
    },
    async send({ boxId, box }) {
      await commerceAdminApi.putBox(boxId, box);
      props.onSaved();
      return () => t("sales.agifts.saved");
    },
  });

  return (
    <Form of={form} class="pform">
      <fieldset class="pricing-fields" disabled={!props.editable || form.busy()}>
        <Show when={!b}>
          <Input
            name="id"
            label={t("sales.boxes.id")}
            hint={t("sales.boxes.idHint")}
            maxLength={40}
            value={slug()}
            onInput={(e) => setSlug(e.currentTarget.value.trim())}
          />
        </Show>
        <div class="pform__row">
          <Input
            name="nameVi"
            id={`${formId}-vi`}
            label={t("sales.boxes.nameVi")}
            maxLength={80}
            value={b?.nameVi ?? ""}
            onInput={(e) => {
              if (!b) setSlug(slugify(e.currentTarget.value));
            }}
          />
          <Input
            name="nameEn"
            id={`${formId}-en`}
            label={t("sales.boxes.nameEn")}
            maxLength={80}
            value={b?.nameEn ?? ""}
          />
        </div>
        <div class="pform__row pform__row--3">
          <VndField name="priceVnd" id={`${formId}-price`} label={t("sales.boxes.price")} value={b?.priceVnd} />
          <Input
            name="capacityGrams"
            id={`${formId}-capacity`}
            label={t("sales.boxes.capacity")}
            inputmode="numeric"
            value={b ? String(b.capacityGrams) : ""}
          />
          <Input
            name="weightGrams"
            id={`${formId}-weight`}
            label={t("sales.boxes.weight")}
            inputmode="numeric"
            value={b ? String(b.weightGrams) : ""}
          />
        </div>
        <label class="check">
          <input type="checkbox" name="active" checked={b?.active ?? true} />
          <span>{t("sales.boxes.activeLabel")}</span>
        </label>
        <p class="muted small">{t("sales.boxes.hiddenNote")}</p>
      </fieldset>
      <Show when={props.editable}>
        <GiftSaveButtons busy={form.busy()} onCancel={props.onCancel} />
      </Show>
      <FormMessage error={form.errors.general()} success={form.done()} />
    </Form>
  );
}
