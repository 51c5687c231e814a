import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/buy";
import { type AddressBookView, addressApi, deliveryOf, type SavedAddress } from "../../api/addresses";
import type { Address } from "../../api/orders";
import { settled } from "../../lib/resource";
import type { Me } from "../../lib/session";
import { shipTo } from "../../lib/ship-to";
import type { FormErrors } from "../form";
import { AddressBlock } from "./AddressBlock";
import { AddressFields, createPlace, readAddress } from "./AddressFields";
import "../../styles/addresses.css";

/** What the form holding a chooser asks of it when the shopper orders: the address to deliver to, or none yet. */
export interface AddressControl {
  read: () => Promise<Address | undefined>;
}

/**
 * "Giao đến" of the checkout and the live sheet. With a saved book: the default as a short summary with "Đổi" (pick
 * another saved address or add one, which is saved to the book). With an empty book: the address fields, and a note
 * that this first address will be saved as the default (the server does it when the order is placed).
 */
export function AddressChooser(props: {
  idPrefix: string;
  user: Me;
  errors: FormErrors;
  /** The province to price shipping to, whenever it changes. */
  onProvince: (code: string) => void;
  control: (control: AddressControl) => void;
  /** Offer the address book page (the checkout does; the live sheet keeps the shopper on the live). */
  manageLink?: boolean;
}) {
  const [book, { mutate }] = createResource(() => addressApi.list().catch((): AddressBookView | null => null));
  const [chosenId, setChosenId] = createSignal<string>();
  const [picking, setPicking] = createSignal(false);
  const [adding, setAdding] = createSignal(false);
  const place = createPlace({ province: shipTo() });
  const [saving, setSaving] = createSignal(false);
  let box: HTMLDivElement | undefined;

  const saved = () => settled(book)?.addresses ?? [];
  const chosen = () => saved().find((a) => a.addressId === chosenId()) ?? saved()[0];
  /** The fields are shown: the book is empty (or could not be read), or a new address is being added. */
  const typing = () => book.state === "ready" && (saved().length === 0 || adding());
  const full = () => saved().length >= (settled(book)?.max ?? 10);

  createEffect(
    on(
      () => (typing() ? place.province : chosen()?.provinceCode),
      (code) => {
        if (code !== undefined) props.onProvince(code);
      },
    ),
  );

  const fromForm = () => {
    const form = box?.closest("form") ?? undefined;
    return readAddress(form, place, props.errors);
  };

  const saveNew = async (): Promise<SavedAddress | undefined> => {
    const address = fromForm();
    if (!address) return undefined;
    const makeDefault = (box?.querySelector<HTMLInputElement>("input[name=isDefault]")?.checked ?? false) || undefined;
    setSaving(true);
    try {
      const next = await addressApi.add({ ...address, ...(makeDefault ? { isDefault: true } : {}) });
      const before = new Set(saved().map((a) => a.addressId));
      mutate(next);
      const added = next.addresses.find((a) => !before.has(a.addressId));
      setChosenId(added?.addressId);
      setAdding(false);
      setPicking(false);
      return added;
    } catch (error) {
      props.errors.fromApi(error, ["name", "phone", "provinceCode", "wardCode", "street", "note"]);
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  props.control({
    read: async () => {
      if (typing()) {
        if (saved().length === 0) return fromForm();
        const added = await saveNew();
        return added ? deliveryOf(added) : undefined;
      }
      const a = chosen();
      return a ? deliveryOf(a) : undefined;
    },
  });

  const startAdding = () => {
    place.onProvince(shipTo());
    setAdding(true);
  };

  return (
    <div class="ship-choice" ref={box}>
      <Switch fallback={<span class="skeleton skeleton--block" aria-busy="true" />}>
        <Match when={typing()}>
          <Show when={saved().length === 0}>
            <p class="ship-choice__note" data-testid="address-will-save">
              {t("buy.addr.willSave")}
            </p>
          </Show>
          <AddressFields idPrefix={props.idPrefix} user={props.user} errors={props.errors} {...place} />
          <Show when={saved().length > 0}>
            <label class="ship-choice__check">
              <input type="checkbox" name="isDefault" /> {t("buy.addr.defaultCheck")}
            </label>
            <p class="ship-choice__actions">
              <button
                type="button"
                class="button"
                disabled={saving()}
                onClick={() => {
                  props.errors.clear();
                  void saveNew();
                }}
              >
                {saving() ? t("buy.addr.saving") : t("buy.addr.save")}
              </button>
              <button type="button" class="button button--ghost" onClick={() => setAdding(false)}>
                {t("buy.addr.cancel")}
              </button>
            </p>
          </Show>
        </Match>
        <Match when={picking()}>
          <fieldset class="ship-choice__list">
            <legend class="sr-only">{t("buy.addr.choose")}</legend>
            <For each={saved()}>
              {(a) => (
                <label class="ship-choice__option" data-testid="address-option">
                  <input
                    type="radio"
                    name={`${props.idPrefix}-saved`}
                    checked={a.addressId === chosen()?.addressId}
                    onChange={() => {
                      setChosenId(a.addressId);
                      setPicking(false);
                    }}
                  />
                  <span>
                    <AddressBlock address={deliveryOf(a)} />
                    <Show when={a.isDefault}>
                      <span class="badge-default">{t("buy.addr.default")}</span>
                    </Show>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
          <p class="ship-choice__actions">
            <Show
              when={!full()}
              fallback={<span class="muted small">{t("buy.addr.full", { max: settled(book)?.max ?? 10 })}</span>}
            >
              <button type="button" class="button button--ghost" onClick={startAdding}>
                + {t("buy.addr.add")}
              </button>
            </Show>
            <Show when={props.manageLink}>
              <A href="/so-dia-chi" class="link-button">
                {t("buy.addr.manage")}
              </A>
            </Show>
          </p>
        </Match>
        <Match when={chosen()}>
          {(a) => (
            <div class="ship-choice__summary" data-testid="deliver-to">
              <div class="ship-choice__text">
                <span class="ship-choice__label">{t("buy.addr.deliverTo")}</span>
                <AddressBlock address={deliveryOf(a())} />
              </div>
              <button
                type="button"
                class="button button--ghost ship-choice__change"
                aria-label={`${t("buy.addr.change")}: ${t("buy.addr.choose")}`}
                onClick={() => setPicking(true)}
              >
                {t("buy.addr.change")}
              </button>
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}
