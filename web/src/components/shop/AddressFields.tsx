import { createResource, createSignal, For, Show } from "solid-js";
import { type Key, t } from "../../i18n";
import "../../i18n/shop";
import type { Address, PlaceInput } from "../../api/orders";
import { formatPhone, isVnMobile, normalizePhone } from "../../lib/ocop";
import type { Me } from "../../lib/session";
import { wardsOf } from "../../lib/wards";
import { type FormErrors, FormField, Input, TextArea } from "../form";
import { ProvinceSelect } from "./ProvinceSelect";
import { WardSelect } from "./WardSelect";

/**
 * The delivery address of an order: name, phone, province, ward (loaded per province), street and a note, each with
 * its error beside it (gone as soon as the field is edited). Used by the checkout, a live's "buy now" sheet and the
 * address book; ids start with `idPrefix`. Name and phone start from `initial`, else from the signed-in person.
 */
export function AddressFields(props: {
  idPrefix: string;
  user: Me;
  errors: FormErrors;
  province: string;
  ward: string;
  onProvince: (code: string) => void;
  onWard: (code: string) => void;
  initial?: Partial<Address>;
}) {
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const errors = () => props.errors;
  const [wards, { refetch: retryWards }] = createResource(
    () => props.province || false,
    (code) => wardsOf(code),
  );
  const clear = (name: string) => () => errors().set(name, undefined);
  return (
    <>
      <Input
        id={id("name")}
        name="name"
        label={t("shop.checkout.name")}
        error={errors().of("name")}
        onInput={clear("name")}
        autocomplete="name"
        maxLength={80}
        value={props.initial?.name ?? props.user.name ?? ""}
      />
      <Input
        id={id("phone")}
        name="phone"
        label={t("shop.checkout.phone")}
        error={errors().of("phone")}
        hint={t("shop.checkout.phoneHint")}
        onInput={clear("phone")}
        type="tel"
        inputmode="tel"
        autocomplete="tel-national"
        maxLength={20}
        placeholder="0912 345 678"
        value={formatPhone(props.initial?.phone ?? props.user.phone ?? "")}
      />
      <FormField
        id={id("province")}
        name="provinceCode"
        label={t("shop.checkout.province")}
        error={errors().of("provinceCode")}
      >
        {(control) => (
          <ProvinceSelect
            id={control.id}
            name={control.name}
            autocomplete="address-level1"
            value={props.province}
            placeholder={t("shop.checkout.chooseProvince")}
            invalid={control["aria-invalid"]}
            describedBy={control["aria-describedby"]}
            onPick={(code) => {
              props.onProvince(code);
              errors().set("provinceCode", undefined);
            }}
          />
        )}
      </FormField>
      <FormField
        id={id("ward")}
        name="wardCode"
        label={t("shop.checkout.ward")}
        error={errors().of("wardCode")}
        hint={wards.loading ? t("shop.checkout.wardsLoading") : undefined}
      >
        {(control) => (
          <WardSelect
            control={control}
            province={props.province}
            ward={props.ward}
            wards={wards}
            retry={retryWards}
            onWard={(code) => {
              props.onWard(code);
              errors().set("wardCode", undefined);
            }}
            text={{
              chooseProvinceFirst: t("shop.checkout.chooseProvinceFirst"),
              loading: t("shop.checkout.wardsLoading"),
              choose: (n) => t("shop.checkout.chooseWard", { n }),
              failed: t("shop.checkout.wardsFailed"),
              retry: t("shop.retry"),
            }}
          />
        )}
      </FormField>
      <Input
        id={id("street")}
        name="street"
        label={t("shop.checkout.street")}
        error={errors().of("street")}
        onInput={clear("street")}
        autocomplete="address-line1"
        maxLength={200}
        value={props.initial?.street ?? ""}
      />
      <TextArea
        id={id("note")}
        name="note"
        label={t("shop.checkout.note")}
        error={errors().of("note")}
        hint={t("shop.checkout.noteHint")}
        optional
        onInput={clear("note")}
        rows="2"
        maxLength={300}
        value={props.initial?.note ?? ""}
      />
    </>
  );
}

/** Where an address form stands: its province and ward, the ward cleared when another province is chosen. */
export function createPlace(initial: { province: string; ward?: string }) {
  const [province, setProvince] = createSignal(initial.province);
  const [ward, setWard] = createSignal(initial.ward ?? "");
  return {
    get province() {
      return province();
    },
    get ward() {
      return ward();
    },
    onProvince(code: string) {
      setProvince(code);
      setWard("");
    },
    onWard: setWard,
  };
}

/** The form's address checked as the API will; errors are put beside their fields and undefined returned. */
export function readAddress(
  form: HTMLFormElement | undefined,
  place: { province: string; ward: string },
  errors: FormErrors,
): PlaceInput["address"] | undefined {
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();
  const name = value("name");
  const phone = value("phone");
  const street = value("street");
  if (name.length < 2) errors.set("name", () => t("shop.checkout.nameMissing"));
  if (!isVnMobile(phone)) errors.set("phone", () => t("shop.checkout.phoneMissing"));
  if (!place.province) errors.set("provinceCode", () => t("shop.checkout.provinceMissing"));
  else if (!place.ward) errors.set("wardCode", () => t("shop.checkout.wardMissing"));
  if (street.length < 2) errors.set("street", () => t("shop.checkout.streetMissing"));
  if (errors.any()) return undefined;
  const note = value("note");
  return {
    name,
    phone: normalizePhone(phone),
    provinceCode: place.province as never,
    wardCode: place.ward,
    street,
    ...(note ? { note } : {}),
  };
}

/** The payment methods the server offers, as radio buttons with their hints (`compact`: names only, side by side). */
export function PaymentMethods(props: {
  methods: readonly string[];
  value: string;
  onChange: (method: string) => void;
  compact?: boolean;
}) {
  return (
    <div class="methods" classList={{ "methods--compact": props.compact }}>
      <For each={props.methods}>
        {(m) => (
          <label class="method">
            <input
              type="radio"
              name="paymentMethod"
              value={m}
              checked={props.value === m}
              onChange={() => props.onChange(m)}
            />
            <span class="method__body">
              <span class="method__name">{t(`shop.checkout.method.${m}` as Key)}</span>
              <Show when={!props.compact}>
                <span class="method__hint">{t(`shop.checkout.method.${m}Hint` as Key)}</span>
              </Show>
            </span>
          </label>
        )}
      </For>
    </div>
  );
}
