import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createErrors, createForm, Form, FormMessage, type FormState } from "../../components/form";
import { RequireSignIn } from "../../components/RequireSignIn";
import { EmptyState, ErrorState } from "../../components/States";
import { AddressBlock } from "../../components/shop/AddressBlock";
import { AddressFields, createPlace, readAddress } from "../../components/shop/AddressFields";
import { ShopPage } from "../../components/shop/ShopPage";
import { t } from "../../i18n";
import "../../i18n/buy";
import { addressApi, deliveryOf, type SavedAddress } from "../../api/addresses";
import { settled } from "../../lib/resource";
import type { Me } from "../../lib/session";
import { shipTo } from "../../lib/ship-to";
import "../../styles/portal.css";
import "../../styles/shop.css";
import "../../styles/addresses.css";

const FIELDS = ["name", "phone", "provinceCode", "wardCode", "street", "note"];

type Saving = { address: NonNullable<ReturnType<typeof readAddress>>; makeDefault: boolean };

/** Adding a new address, or editing a saved one (`editing`). */
function AddressForm(props: {
  user: Me;
  editing?: SavedAddress;
  first: boolean;
  onSave: (address: ReturnType<typeof readAddress> & object, makeDefault: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const place = createPlace({ province: props.editing?.provinceCode ?? shipTo(), ward: props.editing?.wardCode });
  const form: FormState = createForm<Saving>({
    id: "ab",
    fields: FIELDS,
    read: () => {
      const address = readAddress(form.element(), place, form.errors);
      const makeDefault = form.element()?.querySelector<HTMLInputElement>("input[name=isDefault]")?.checked ?? false;
      return address && { address, makeDefault };
    },
    send: ({ address, makeDefault }) => props.onSave(address, makeDefault),
  });

  return (
    <Form of={form} class="pform panel-shop book__form" aria-labelledby="book-form-title" data-testid="address-form">
      <h2 id="book-form-title">{props.editing ? t("buy.addr.editTitle") : t("buy.addr.newTitle")}</h2>
      <AddressFields
        idPrefix="ab"
        user={props.user}
        errors={form.errors}
        initial={props.editing ? deliveryOf(props.editing) : undefined}
        {...place}
      />
      <Show when={!props.first && !props.editing?.isDefault}>
        <label class="ship-choice__check">
          <input type="checkbox" name="isDefault" /> {t("buy.addr.defaultCheck")}
        </label>
      </Show>
      <p class="ship-choice__actions">
        <button type="submit" class="button" disabled={form.busy()}>
          {form.busy() ? t("buy.addr.saving") : t("buy.addr.save")}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          {t("buy.addr.cancel")}
        </button>
      </p>
      <FormMessage error={form.errors.general()} />
    </Form>
  );
}

/** A saved address as the book lists it: the address, whether it is the default, and what can be done with it. */
function SavedEntry(props: {
  address: SavedAddress;
  confirming: boolean;
  onEdit: () => void;
  onMakeDefault: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
  onKeep: () => void;
}) {
  return (
    <>
      <AddressBlock address={deliveryOf(props.address)} />
      <Show when={props.address.isDefault}>
        <span class="badge-default">{t("buy.addr.default")}</span>
      </Show>
      <Show
        when={props.confirming}
        fallback={
          <p class="book__actions">
            <button type="button" class="button button--ghost" onClick={() => props.onEdit()}>
              {t("buy.addr.edit")}
            </button>
            <Show when={!props.address.isDefault}>
              <button type="button" class="button button--ghost" onClick={() => props.onMakeDefault()}>
                {t("buy.addr.makeDefault")}
              </button>
            </Show>
            <button type="button" class="button button--ghost" onClick={() => props.onAskDelete()}>
              {t("buy.addr.delete")}
            </button>
          </p>
        }
      >
        <p class="book__actions">
          <span>{t("buy.addr.deleteConfirm")}</span>
          <button type="button" class="button button--danger" onClick={() => props.onDelete()}>
            {t("buy.addr.delete")}
          </button>
          <button type="button" class="button button--ghost" onClick={() => props.onKeep()}>
            {t("buy.addr.cancel")}
          </button>
        </p>
      </Show>
    </>
  );
}

function Book(props: { user: Me }) {
  const [book, { refetch, mutate }] = createResource(addressApi.list);
  /** "new", an address id being edited, or nothing. */
  const [editing, setEditing] = createSignal<string>();
  const [confirming, setConfirming] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const failures = createErrors();

  const addresses = () => settled(book)?.addresses ?? [];
  const max = () => settled(book)?.max ?? 10;
  const act = async (work: () => Promise<Awaited<ReturnType<typeof addressApi.list>>>, message: () => string) => {
    failures.clear();
    setDone(undefined);
    try {
      mutate(await work());
      setEditing(undefined);
      setConfirming(undefined);
      setDone(message());
    } catch (error) {
      failures.fromApi(error, []);
    }
  };

  return (
    <Switch fallback={<span class="skeleton skeleton--block" aria-busy="true" />}>
      <Match when={book.state === "errored"}>
        <ErrorState error={book.error} retry={refetch} />
      </Match>
      <Match when={settled(book)}>
        <p class="muted small" data-testid="address-count">
          {t("buy.addr.count", { n: addresses().length, max: max() })}
        </p>
        <Show when={done()}>
          <p class="form-message form-message--ok" role="status">
            {done()}
          </p>
        </Show>
        <FormMessage error={failures.general()} />
        <Show when={editing() === "new"}>
          <AddressForm
            user={props.user}
            first={addresses().length === 0}
            onSave={(address, makeDefault) =>
              act(
                () => addressApi.add({ ...address, ...(makeDefault ? { isDefault: true } : {}) }),
                () => t("buy.addr.saved"),
              )
            }
            onCancel={() => setEditing(undefined)}
          />
        </Show>
        <Show when={editing() !== "new"}>
          <Show when={addresses().length < max()} fallback={<p class="muted">{t("buy.addr.full", { max: max() })}</p>}>
            <p>
              <button
                type="button"
                class="button"
                onClick={() => {
                  setDone(undefined);
                  setEditing("new");
                }}
              >
                + {t("buy.addr.add")}
              </button>
            </p>
          </Show>
        </Show>
        <Show when={addresses().length === 0 && editing() !== "new"}>
          <EmptyState title={t("buy.addr.empty")}>
            <p>{t("buy.addr.emptyText")}</p>
          </EmptyState>
        </Show>
        <ul class="book">
          <For each={addresses()}>
            {(a) => (
              <li
                class="book__item"
                classList={{ "book__item--default": a.isDefault }}
                data-testid="saved-address"
                data-default={a.isDefault ? "yes" : "no"}
              >
                <Show
                  when={editing() === a.addressId}
                  fallback={
                    <SavedEntry
                      address={a}
                      confirming={confirming() === a.addressId}
                      onEdit={() => {
                        setDone(undefined);
                        setEditing(a.addressId);
                      }}
                      onMakeDefault={() =>
                        act(
                          () => addressApi.edit(a.addressId, { isDefault: true }),
                          () => t("buy.addr.defaultSet"),
                        )
                      }
                      onAskDelete={() => setConfirming(a.addressId)}
                      onDelete={() =>
                        act(
                          () => addressApi.remove(a.addressId),
                          () => t("buy.addr.deleted"),
                        )
                      }
                      onKeep={() => setConfirming(undefined)}
                    />
                  }
                >
                  <AddressForm
                    user={props.user}
                    editing={a}
                    first={false}
                    onSave={(address, makeDefault) =>
                      act(
                        () =>
                          addressApi.edit(a.addressId, {
                            ...address,
                            note: address.note ?? "",
                            ...(makeDefault ? { isDefault: true } : {}),
                          }),
                        () => t("buy.addr.saved"),
                      )
                    }
                    onCancel={() => setEditing(undefined)}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}

/** `/so-dia-chi`: the signed-in shopper's saved delivery addresses (add, edit, delete, choose the default). */
export default function Addresses() {
  return (
    <ShopPage title={t("buy.addr.title")} lead={t("buy.addr.lead")}>
      <RequireSignIn>{(user) => <Book user={user()} />}</RequireSignIn>
    </ShopPage>
  );
}
