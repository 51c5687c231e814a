import { createResource, createSignal, For, Show } from "solid-js";
import { RemoveButton } from "../../components/admin/RemoveButton";
import { createErrors, describedBy, Field, FieldError, FormMessage } from "../../components/form";
import { Latest } from "../../components/list";
import { OcopStars } from "../../components/OcopStars";
import { ProductSearch } from "../../components/portal/ProductSearch";
import { EmptyState } from "../../components/States";
import { locale, t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { adminApi, type Collection } from "../../api/admin";
import { storefrontApi as api, type Card } from "../../api/storefront";
import { provinceShort } from "../../lib/geo";
import { slugify } from "../../lib/ocop";
import { currentUser } from "../../lib/session";
import { useTitle } from "../../lib/title";

interface Item {
  id: string;
  name?: string;
  stars?: number;
  province?: string;
  missing?: boolean;
}

const MAX_PRODUCTS = 48;

/** Names of the products in the collections: the home page's cards first, then one product read for the rest. */
async function namesOf(ids: string[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const add = (c: Card) => found.set(c.productId, itemOf(c));
  const home = await api.home().catch(() => undefined);
  for (const collection of home?.collections ?? []) for (const card of collection.products) add(card);
  const rest = ids.filter((id) => !found.has(id));
  await Promise.all(
    rest.map(async (id) => {
      const p = await api.product(id).catch(() => undefined);
      found.set(
        id,
        p ? { id, name: p.name, stars: p.certificate.stars, province: p.provinceCode } : { id, missing: true },
      );
    }),
  );
  return found;
}

const itemOf = (c: Card): Item => ({ id: c.productId, name: c.name, stars: c.stars, province: c.provinceCode });

function ItemLabel(props: { item: Item }) {
  return (
    <span class="coll-item__label">
      <Show when={props.item.stars}>{(n) => <OcopStars stars={n()} />}</Show>
      <span class="coll-item__name">{props.item.name ?? props.item.id}</span>
      <Show when={props.item.province}>{(code) => <span class="muted">{provinceShort(code())}</span>}</Show>
      <Show when={props.item.missing}>
        <span class="status status--expired">{t("admin.coll.notOnSale")}</span>
      </Show>
    </span>
  );
}

function CollectionEditor(props: {
  collection?: Collection;
  names: Map<string, Item>;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const c = props.collection;
  const formId = `coll-${c?.collectionId ?? "new"}`;
  const [items, setItems] = createSignal<Item[]>((c?.productIds ?? []).map((id) => props.names.get(id) ?? { id }));
  const [slug, setSlug] = createSignal(c?.collectionId ?? "");
  const [slugTouched, setSlugTouched] = createSignal(Boolean(c));
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  const errors = createErrors();
  let form: HTMLFormElement | undefined;
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();

  const move = (index: number, by: number) => {
    const list = [...items()];
    const [item] = list.splice(index, 1);
    if (!item) return;
    list.splice(index + by, 0, item);
    setItems(list);
  };
  const remove = (index: number) => setItems(items().filter((_, i) => i !== index));

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    setSaved(undefined);
    const titleVi = value("titleVi");
    const titleEn = value("titleEn");
    const position = Number(value("position") || "0");
    const id = slug();
    if (!/^[a-z0-9-]{2,40}$/.test(id)) errors.set("id", () => t("portal.invalid.collectionId"));
    if (titleVi.length < 2) errors.set("titleVi", () => t("portal.invalid.title"));
    if (titleEn.length < 2) errors.set("titleEn", () => t("portal.invalid.title"));
    if (!Number.isInteger(position) || position < 0 || position > 1000)
      errors.set("position", () => t("portal.invalid.position"));
    if (errors.any()) return;
    setBusy(true);
    try {
      await adminApi.putCollection(id, { titleVi, titleEn, position, productIds: items().map((i) => i.id) });
      setSaved(t("admin.coll.saved"));
      // A new collection joins the list; an edited one keeps its form (and this message) in place.
      if (!c) props.onSaved();
    } catch (error) {
      errors.fromApi(error, ["id", "titleVi", "titleEn", "position", "productIds"]);
    } finally {
      setBusy(false);
    }
  };

  const removeCollection = async () => {
    if (!c || !window.confirm(t("admin.coll.confirmDelete", { title: c.titleVi }))) return;
    setBusy(true);
    try {
      await adminApi.deleteCollection(c.collectionId);
      props.onSaved();
    } catch (error) {
      errors.fromApi(error, []);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="panel coll pform" onSubmit={save} novalidate aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} class="coll__title">
        {c ? (locale() === "en" ? c.titleEn : c.titleVi) : t("admin.coll.new")}
        <Show when={c}>
          <code class="coll__id">{c?.collectionId}</code>
        </Show>
      </h2>
      <div class="pform__row pform__row--3">
        <Field id={`${formId}-vi`} label={t("admin.coll.titleVi")} error={errors.of("titleVi")}>
          <input
            id={`${formId}-vi`}
            name="titleVi"
            maxLength={80}
            value={c?.titleVi ?? ""}
            onInput={(e) => {
              if (!slugTouched()) setSlug(slugify(e.currentTarget.value));
            }}
            aria-invalid={Boolean(errors.of("titleVi"))}
            aria-describedby={describedBy(`${formId}-vi`, { error: errors.of("titleVi") })}
          />
        </Field>
        <Field id={`${formId}-en`} label={t("admin.coll.titleEn")} error={errors.of("titleEn")}>
          <input
            id={`${formId}-en`}
            name="titleEn"
            maxLength={80}
            value={c?.titleEn ?? ""}
            aria-invalid={Boolean(errors.of("titleEn"))}
            aria-describedby={describedBy(`${formId}-en`, { error: errors.of("titleEn") })}
          />
        </Field>
        <Field
          id={`${formId}-pos`}
          label={t("admin.coll.position")}
          error={errors.of("position")}
          hint={t("admin.coll.positionHint")}
        >
          <input
            id={`${formId}-pos`}
            name="position"
            inputmode="numeric"
            value={String(c?.position ?? 10)}
            aria-invalid={Boolean(errors.of("position"))}
            aria-describedby={describedBy(`${formId}-pos`, { hint: true, error: errors.of("position") })}
          />
        </Field>
      </div>
      <Show when={!c}>
        <Field id={`${formId}-id`} label={t("admin.coll.id")} error={errors.of("id")} hint={t("admin.coll.idHint")}>
          <input
            id={`${formId}-id`}
            name="id"
            maxLength={40}
            value={slug()}
            onInput={(e) => {
              setSlugTouched(true);
              setSlug(e.currentTarget.value.trim());
            }}
            aria-invalid={Boolean(errors.of("id"))}
            aria-describedby={describedBy(`${formId}-id`, { hint: true, error: errors.of("id") })}
          />
        </Field>
      </Show>

      <h3 class="subhead">{t("admin.coll.products", { n: items().length })}</h3>
      <Show when={items().length > 0} fallback={<p class="muted">{t("admin.coll.noProducts")}</p>}>
        <ol class="coll-items">
          <For each={items()}>
            {(item, i) => (
              <li class="coll-item">
                <span class="coll-item__pos">{i() + 1}</span>
                <ItemLabel item={item} />
                <span class="coll-item__actions">
                  <button
                    type="button"
                    class="icon-button"
                    disabled={i() === 0}
                    aria-label={t("admin.coll.up", { name: item.name ?? item.id })}
                    onClick={() => move(i(), -1)}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path d="M8 3v10M3.5 7.5L8 3l4.5 4.5" />
                    </svg>
                  </button>
                  <button
                    type="button"
                    class="icon-button"
                    disabled={i() === items().length - 1}
                    aria-label={t("admin.coll.down", { name: item.name ?? item.id })}
                    onClick={() => move(i(), 1)}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path d="M8 13V3M3.5 8.5L8 13l4.5-4.5" />
                    </svg>
                  </button>
                  <RemoveButton
                    label={t("admin.coll.remove", { name: item.name ?? item.id })}
                    onClick={() => remove(i())}
                  />
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <FieldError error={errors.of("productIds")} />
      <Show when={items().length < MAX_PRODUCTS}>
        <ProductSearch
          id={`${formId}-search`}
          label={t("admin.coll.search")}
          find={t("admin.coll.find")}
          placeholder={t("admin.coll.searchPlaceholder")}
          messages={{
            failed: t("admin.coll.searchFailed"),
            loading: t("portal.common.loading"),
            none: t("admin.coll.noResults"),
            results: t("admin.coll.results"),
          }}
          has={(id) => items().some((i) => i.id === id)}
          addLabel={(added) => (added ? t("admin.coll.added") : t("admin.coll.add"))}
          item={(card) => <ItemLabel item={itemOf(card)} />}
          onAdd={(card) => setItems([...items(), itemOf(card)])}
        />
      </Show>
      <div class="coll__buttons">
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? t("portal.form.saving") : t("admin.coll.save")}
        </button>
        <Show when={c}>
          <button
            type="button"
            class="button button--ghost button--danger-ghost"
            disabled={busy()}
            onClick={removeCollection}
          >
            {t("admin.coll.delete")}
          </button>
        </Show>
        <Show when={props.onCancel}>
          <button type="button" class="button button--ghost" onClick={() => props.onCancel?.()}>
            {t("admin.coll.cancel")}
          </button>
        </Show>
      </div>
      <FormMessage error={errors.general()} success={saved()} />
    </form>
  );
}

function ReadOnlyCollection(props: { collection: Collection; names: Map<string, Item> }) {
  return (
    <section class="panel coll" aria-labelledby={`coll-${props.collection.collectionId}`}>
      <h2 id={`coll-${props.collection.collectionId}`} class="coll__title">
        {locale() === "en" ? props.collection.titleEn : props.collection.titleVi}
        <code class="coll__id">{props.collection.collectionId}</code>
      </h2>
      <ol class="coll-items">
        <For each={props.collection.productIds}>
          {(id, i) => (
            <li class="coll-item">
              <span class="coll-item__pos">{i() + 1}</span>
              <ItemLabel item={props.names.get(id) ?? { id }} />
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

/** The home page's featured list and collections: central staff curate them, province staff see them. */
export default function Collections() {
  const central = () => currentUser()?.staffScope === "central";
  const [data, { refetch }] = createResource(async () => {
    const list = await adminApi.collections();
    const names = await namesOf(list.flatMap((c) => c.productIds));
    return { list, names };
  });
  const [creating, setCreating] = createSignal(false);
  useTitle(() => t("admin.coll.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.coll.title")}</h1>
        <p class="muted">{central() ? t("admin.coll.lead") : t("admin.coll.readOnly")}</p>
        <Show when={central() && !creating()}>
          <button type="button" class="button" onClick={() => setCreating(true)}>
            {t("admin.coll.create")}
          </button>
        </Show>
      </div>
      <Latest data={data} retry={refetch}>
        {(d) => (
          <div class="coll-list">
            <Show when={creating()}>
              <CollectionEditor
                names={d().names}
                onSaved={() => {
                  setCreating(false);
                  void refetch();
                }}
                onCancel={() => setCreating(false)}
              />
            </Show>
            <Show when={d().list.length > 0} fallback={<EmptyState title={t("admin.coll.empty")} />}>
              <For each={d().list}>
                {(c) => (
                  <Show when={central()} fallback={<ReadOnlyCollection collection={c} names={d().names} />}>
                    <CollectionEditor collection={c} names={d().names} onSaved={() => void refetch()} />
                  </Show>
                )}
              </For>
            </Show>
          </div>
        )}
      </Latest>
    </>
  );
}
