import { LABEL_NAMES, LABEL_RULES, type LabelField, type LabelText } from "@cho-ocop/core/product/label-rules";
import { createSignal, For, Show } from "solid-js";
import { createForm, Form, type FormAccess, FormMessage, Input, Select, TextArea } from "../../components/form";
import { textOf, textsOf } from "../../components/portal/bits";
import { TagInput } from "../../components/portal/TagInput";
import { type PhotoItem, PhotoPicker } from "../../components/portal/Uploads";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/portal";
import { type ProductRecord, sellerApi } from "../../api/seller";
import { GROUPS, groupName } from "../../lib/geo";
import { formatVndInput, mediaUrl, parseVnd } from "../../lib/ocop";
import { finishTag } from "../../lib/tags";

const LABEL_INPUTS = Object.keys(LABEL_NAMES).map((f) => `label.${f}`);
const FIELDS = [
  "name",
  "group",
  "priceVnd",
  "unit",
  "weightGrams",
  "stock",
  "images",
  "story",
  "tags",
  ...LABEL_INPUTS,
];
/** Fields a sentence or more long get a text area. */
const LONG: LabelField[] = ["ingredients", "storage", "usage", "warnings"];
const LABEL_MAX: Record<LabelField, number> = {
  ingredients: 1000,
  netContent: 60,
  dates: 200,
  shelfLife: 200,
  storage: 500,
  foodSafetyCertificate: 80,
  usage: 500,
  warnings: 500,
  material: 300,
};
const MAX_PHOTOS = 8;

/** A whole number typed with or without thousands dots ("1.200"), within bounds; undefined when it is not one. */
function readCount(raw: string, max: number): number | undefined {
  const text = raw.replace(/[\s.]/g, "");
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

type GroupId = (typeof GROUPS)[number]["id"];

/**
 * What a shopper sees of a product: name, group, price in whole đồng, unit, weight, stock, story, tags and photos.
 * New products are saved as drafts; on a listed product, price, stock, photos and story change at once.
 */
export function ProductForm(props: { initial?: ProductRecord; onSaved: (product: ProductRecord) => void }) {
  const init = props.initial;
  const [photos, setPhotos] = createSignal<PhotoItem[]>(
    (init?.images ?? []).map((key) => ({ key, url: mediaUrl(key) })),
  );
  const [tags, setTags] = createSignal<string[]>(textsOf((init as { tags?: unknown } | undefined)?.tags));
  const [uploading, setUploading] = createSignal(false);
  const [group, setGroup] = createSignal<GroupId | "">(init?.group ?? "");
  const labelOf = (field: LabelField) => (init?.label as LabelText | undefined)?.[field] ?? "";
  const form = createForm({ id: "product", fields: FIELDS, read, send });
  const errors = form.errors;

  const formatPrice = (event: FocusEvent) => {
    const input = event.currentTarget as HTMLInputElement;
    const price = parseVnd(input.value);
    if (price.ok) input.value = formatVndInput(price.value);
  };

  function read({ value, element }: FormAccess) {
    const name = value("name");
    const group = value("group");
    const price = parseVnd(value("priceVnd"));
    const unit = value("unit");
    const weight = readCount(value("weightGrams") || "0", 50_000);
    const stock = readCount(value("stock"), 1_000_000);
    if (name.length < 2) errors.set("name", () => t("portal.invalid.name"));
    if (!group) errors.set("group", () => t("portal.invalid.group"));
    if (!price.ok)
      errors.set("priceVnd", () =>
        t(price.reason === "fraction" ? "portal.editor.priceWhole" : "portal.invalid.priceVnd"),
      );
    else if (price.value < 1000) errors.set("priceVnd", () => t("portal.invalid.priceVnd"));
    if (!unit) errors.set("unit", () => t("portal.invalid.unit"));
    if (weight === undefined) errors.set("weightGrams", () => t("portal.invalid.weightGrams"));
    if (stock === undefined) errors.set("stock", () => t("portal.invalid.stock"));
    // The tag still being typed is saved with the others, as the seller sees it in the field.
    const tagsRead = finishTag(tags(), value("tags"));
    if (tagsRead.problem && tagsRead.problem !== "duplicate") {
      const problem = tagsRead.problem;
      errors.set("tags", () => t(`portal.tags.${problem}`));
    } else if (tagsRead.tags.length !== tags().length) {
      setTags(tagsRead.tags);
      const field = element()?.querySelector<HTMLInputElement>('input[name="tags"]');
      if (field) field.value = "";
    }
    if (errors.any() || !price.ok || weight === undefined || stock === undefined) return undefined;
    const label: LabelText = {};
    for (const { field } of LABEL_RULES[group as GroupId]) label[field] = value(`label.${field}`);
    return {
      name,
      group: group as GroupId,
      priceVnd: price.value,
      unit,
      weightGrams: weight,
      stock,
      story: value("story"),
      tags: tagsRead.tags,
      images: photos().map((p) => p.key),
      label,
    };
  }

  async function send(fields: NonNullable<ReturnType<typeof read>>) {
    const before = props.initial?.status;
    const product = props.initial
      ? await sellerApi.editProduct(props.initial.productId, fields)
      : await sellerApi.createProduct(fields);
    props.onSaved(product);
    return before === "approved" && product.status === "pending"
      ? t("portal.editor.savedReReview")
      : t("portal.editor.saved");
  }

  return (
    <Form of={form} class="pform">
      <Input
        name="name"
        label={t("portal.editor.name")}
        hint={init?.status === "approved" ? t("portal.editor.nameReReview") : t("portal.editor.nameHint")}
        maxLength={150}
        autocomplete="off"
        value={init?.name ?? ""}
      />

      <Select
        name="group"
        label={t("portal.editor.group")}
        onChange={(e) => setGroup(e.currentTarget.value as GroupId | "")}
      >
        <option value="">{t("portal.editor.chooseGroup")}</option>
        <For each={GROUPS}>
          {(g) => (
            <option value={g.id} selected={init?.group === g.id}>
              {groupName(g.id, locale())}
            </option>
          )}
        </For>
      </Select>

      <div class="pform__row">
        <Input
          name="priceVnd"
          id="product-price"
          label={t("portal.editor.price")}
          hint={t("portal.editor.priceHint")}
          unit="₫"
          inputmode="numeric"
          autocomplete="off"
          placeholder={formatVndInput(150_000)}
          value={init ? formatVndInput(init.priceVnd) : ""}
          onBlur={formatPrice}
        />
        <Input
          name="unit"
          label={t("portal.editor.unit")}
          hint={t("portal.editor.unitHint")}
          maxLength={40}
          autocomplete="off"
          value={init?.unit ?? ""}
        />
      </div>

      <div class="pform__row">
        <Input
          name="weightGrams"
          id="product-weight"
          label={t("portal.editor.weight")}
          unit="g"
          inputmode="numeric"
          autocomplete="off"
          value={init ? String(init.weightGrams) : ""}
        />
        <Input
          name="stock"
          label={t("portal.editor.stock")}
          inputmode="numeric"
          autocomplete="off"
          value={init ? String(init.stock) : ""}
        />
      </div>

      <Show when={group() && LABEL_RULES[group() as GroupId].length > 0}>
        <fieldset class="pform__group" data-testid="label-fields">
          <legend>{t("portal.productLabel.title")}</legend>
          <p class="muted">{t("portal.productLabel.lead")}</p>
          <For each={LABEL_RULES[group() as GroupId]}>
            {(rule) => {
              const props = {
                name: `label.${rule.field}`,
                label: LABEL_NAMES[rule.field][locale()],
                hint: t(`portal.productLabel.hint.${rule.field}` as Key),
                optional: !rule.required,
                maxLength: LABEL_MAX[rule.field],
                value: labelOf(rule.field),
              };
              return LONG.includes(rule.field) ? (
                <TextArea {...props} rows="2" />
              ) : (
                <Input {...props} autocomplete="off" />
              );
            }}
          </For>
        </fieldset>
      </Show>

      <PhotoPicker
        id="product-photos"
        label={t("portal.editor.photos")}
        purpose="product-image"
        photos={photos()}
        max={MAX_PHOTOS}
        onChange={setPhotos}
        onBusy={setUploading}
        error={errors.of("images")}
      />

      <TextArea
        name="story"
        label={t("portal.editor.story")}
        hint={t("portal.editor.storyHint")}
        optional
        rows="5"
        maxLength={5000}
        value={textOf((init as { story?: unknown } | undefined)?.story)}
      />

      <TagInput
        id="product-tags"
        name="tags"
        label={t("portal.editor.tags")}
        tags={tags()}
        onChange={setTags}
        error={errors.of("tags")}
      />

      <button type="submit" class="button button--big button--block" disabled={form.busy() || uploading()}>
        {form.busy()
          ? t("portal.form.saving")
          : uploading()
            ? t("portal.file.waitUpload")
            : init
              ? t("portal.editor.save")
              : t("portal.editor.create")}
      </button>
      <FormMessage error={errors.general()} success={form.done()} />
    </Form>
  );
}
