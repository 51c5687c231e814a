import { createSignal, For } from "solid-js";
import { textOf, textsOf } from "../../components/portal/bits";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/portal/Field";
import { TagInput } from "../../components/portal/TagInput";
import { type PhotoItem, PhotoPicker } from "../../components/portal/Uploads";
import { locale, t } from "../../i18n";
import "../../i18n/portal";
import { GROUPS, groupName } from "../../lib/geo";
import { formatVndInput, mediaUrl, parseVnd } from "../../lib/ocop";
import { type ProductRecord, sellerApi } from "../../lib/portal-api";
import { finishTag } from "../../lib/tags";

const FIELDS = ["name", "group", "priceVnd", "unit", "weightGrams", "stock", "images", "story", "tags"];
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
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  const errors = createErrors();
  let form: HTMLFormElement | undefined;
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();

  const formatPrice = (event: FocusEvent) => {
    const input = event.currentTarget as HTMLInputElement;
    const price = parseVnd(input.value);
    if (price.ok) input.value = formatVndInput(price.value);
  };

  function read() {
    errors.clear();
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
      const field = form?.querySelector<HTMLInputElement>('input[name="tags"]');
      if (field) field.value = "";
    }
    if (errors.any() || !price.ok || weight === undefined || stock === undefined) return undefined;
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
    };
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const fields = read();
    if (!fields) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      const before = props.initial?.status;
      const product = props.initial
        ? await sellerApi.editProduct(props.initial.productId, fields)
        : await sellerApi.createProduct(fields);
      setSaved(
        before === "approved" && product.status === "pending"
          ? t("portal.editor.savedReReview")
          : t("portal.editor.saved"),
      );
      props.onSaved(product);
    } catch (error) {
      errors.fromApi(error, FIELDS);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  const id = (name: string) => `product-${name}`;
  return (
    <form ref={form} class="pform" onSubmit={submit} novalidate>
      <Field
        id={id("name")}
        label={t("portal.editor.name")}
        error={errors.of("name")}
        hint={init?.status === "approved" ? t("portal.editor.nameReReview") : t("portal.editor.nameHint")}
      >
        <input
          id={id("name")}
          name="name"
          maxLength={150}
          autocomplete="off"
          value={init?.name ?? ""}
          aria-invalid={Boolean(errors.of("name"))}
          aria-describedby={describedBy(id("name"), { hint: true, error: errors.of("name") })}
        />
      </Field>

      <Field id={id("group")} label={t("portal.editor.group")} error={errors.of("group")}>
        <select
          id={id("group")}
          name="group"
          aria-invalid={Boolean(errors.of("group"))}
          aria-describedby={describedBy(id("group"), { error: errors.of("group") })}
        >
          <option value="">{t("portal.editor.chooseGroup")}</option>
          <For each={GROUPS}>
            {(g) => (
              <option value={g.id} selected={init?.group === g.id}>
                {groupName(g.id, locale())}
              </option>
            )}
          </For>
        </select>
      </Field>

      <div class="pform__row">
        <Field
          id={id("price")}
          label={t("portal.editor.price")}
          error={errors.of("priceVnd")}
          hint={t("portal.editor.priceHint")}
        >
          <span class="input-unit">
            <input
              id={id("price")}
              name="priceVnd"
              inputmode="numeric"
              autocomplete="off"
              placeholder={formatVndInput(150_000)}
              value={init ? formatVndInput(init.priceVnd) : ""}
              onBlur={formatPrice}
              aria-invalid={Boolean(errors.of("priceVnd"))}
              aria-describedby={describedBy(id("price"), { hint: true, error: errors.of("priceVnd") })}
            />
            <span aria-hidden="true">₫</span>
          </span>
        </Field>
        <Field
          id={id("unit")}
          label={t("portal.editor.unit")}
          error={errors.of("unit")}
          hint={t("portal.editor.unitHint")}
        >
          <input
            id={id("unit")}
            name="unit"
            maxLength={40}
            autocomplete="off"
            value={init?.unit ?? ""}
            aria-invalid={Boolean(errors.of("unit"))}
            aria-describedby={describedBy(id("unit"), { hint: true, error: errors.of("unit") })}
          />
        </Field>
      </div>

      <div class="pform__row">
        <Field id={id("weight")} label={t("portal.editor.weight")} error={errors.of("weightGrams")}>
          <span class="input-unit">
            <input
              id={id("weight")}
              name="weightGrams"
              inputmode="numeric"
              autocomplete="off"
              value={init ? String(init.weightGrams) : ""}
              aria-invalid={Boolean(errors.of("weightGrams"))}
              aria-describedby={describedBy(id("weight"), { error: errors.of("weightGrams") })}
            />
            <span aria-hidden="true">g</span>
          </span>
        </Field>
        <Field id={id("stock")} label={t("portal.editor.stock")} error={errors.of("stock")}>
          <input
            id={id("stock")}
            name="stock"
            inputmode="numeric"
            autocomplete="off"
            value={init ? String(init.stock) : ""}
            aria-invalid={Boolean(errors.of("stock"))}
            aria-describedby={describedBy(id("stock"), { error: errors.of("stock") })}
          />
        </Field>
      </div>

      <PhotoPicker
        id={id("photos")}
        label={t("portal.editor.photos")}
        purpose="product-image"
        photos={photos()}
        max={MAX_PHOTOS}
        onChange={setPhotos}
        onBusy={setUploading}
        error={errors.of("images")}
      />

      <Field
        id={id("story")}
        label={t("portal.editor.story")}
        error={errors.of("story")}
        hint={t("portal.editor.storyHint")}
        optional
      >
        <textarea
          id={id("story")}
          name="story"
          rows="5"
          maxLength={5000}
          value={textOf((init as { story?: unknown } | undefined)?.story)}
          aria-invalid={Boolean(errors.of("story"))}
          aria-describedby={describedBy(id("story"), { hint: true, error: errors.of("story") })}
        />
      </Field>

      <TagInput
        id={id("tags")}
        name="tags"
        label={t("portal.editor.tags")}
        tags={tags()}
        onChange={setTags}
        error={errors.of("tags")}
      />

      <button type="submit" class="button button--big button--block" disabled={busy() || uploading()}>
        {busy()
          ? t("portal.form.saving")
          : uploading()
            ? t("portal.file.waitUpload")
            : init
              ? t("portal.editor.save")
              : t("portal.editor.create")}
      </button>
      <FormMessage error={errors.general()} success={saved()} />
    </form>
  );
}
