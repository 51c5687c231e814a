import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import {
  createForm,
  Form,
  type FormAccess,
  FormField,
  FormMessage,
  Input,
  Select,
  TextArea,
} from "../../components/form";
import { type PhotoItem, PhotoPicker } from "../../components/portal/Uploads";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/portal";
import type { ProducerRecord } from "../../api/seller";
import { storefrontApi, type Ward } from "../../api/storefront";
import { provincesByRegion, regionName } from "../../lib/geo";
import { formatPhone, isEmail, isVnMobile, mediaUrl, normalizePhone } from "../../lib/ocop";

export type ProducerKind = "cooperative" | "enterprise" | "household";
export const KINDS: ProducerKind[] = ["cooperative", "enterprise", "household"];

export interface ProducerValues {
  name: string;
  kind: ProducerKind;
  taxCode?: string;
  provinceCode: string;
  wardCode: string;
  street: string;
  phone: string;
  email?: string;
  story: string;
  photos?: string[];
}

const FIELDS = ["kind", "name", "taxCode", "provinceCode", "wardCode", "street", "phone", "email", "story", "photos"];

/** Wards already fetched, by province: switching back and forth asks the server once per province. */
const wardCache = new Map<string, Promise<Ward[]>>();
function wardsOf(code: string): Promise<Ward[]> {
  let found = wardCache.get(code);
  if (!found) {
    found = storefrontApi.wards(code);
    found.catch(() => wardCache.delete(code));
    wardCache.set(code, found);
  }
  return found;
}

/**
 * The producer (chủ thể OCOP): registration and profile. Address is province, then ward (since July 2025 there are
 * no districts), then street; the ward list is fetched for the chosen province only.
 */
export function ProducerForm(props: {
  id: string;
  initial?: ProducerRecord;
  defaultPhone?: string;
  submitLabel: string;
  busyLabel: string;
  successMessage?: string;
  withPhotos?: boolean;
  onSubmit: (values: ProducerValues) => Promise<unknown>;
}) {
  const init = props.initial;
  const [kind, setKind] = createSignal<ProducerKind>(init?.kind ?? "cooperative");
  const [province, setProvince] = createSignal(init?.provinceCode ?? "");
  const [ward, setWard] = createSignal(init?.wardCode ?? "");
  const [photos, setPhotos] = createSignal<PhotoItem[]>(
    ((init?.photos as string[] | undefined) ?? []).map((key) => ({ key, url: mediaUrl(key) })),
  );
  const [uploading, setUploading] = createSignal(false);
  const form = createForm({
    id: props.id,
    fields: FIELDS,
    read: validate,
    send: async (values: ProducerValues) => {
      await props.onSubmit(values);
      return props.successMessage;
    },
  });
  const errors = form.errors;
  const [wards, { refetch: retryWards }] = createResource(
    () => province() || false,
    (code) => wardsOf(code),
  );
  const id = (name: string) => `${props.id}-${name}`;

  const chooseProvince = (code: string) => {
    setProvince(code);
    setWard("");
    errors.set("provinceCode", undefined);
  };

  function validate({ value }: FormAccess): ProducerValues | undefined {
    const name = value("name");
    const phone = value("phone");
    const email = value("email");
    if (name.length < 2) errors.set("name", () => t("portal.invalid.name"));
    if (!province()) errors.set("provinceCode", () => t("portal.register.provinceMissing"));
    else if (!ward()) errors.set("wardCode", () => t("portal.register.wardMissing"));
    if (!isVnMobile(phone)) errors.set("phone", () => t("portal.invalid.phone"));
    if (email && !isEmail(email)) errors.set("email", () => t("portal.invalid.email"));
    if (errors.any()) return undefined;
    const taxCode = value("taxCode").replace(/\s/g, "").toUpperCase();
    return {
      name,
      kind: kind(),
      provinceCode: province(),
      wardCode: ward(),
      street: value("street"),
      phone: normalizePhone(phone),
      story: value("story"),
      ...(taxCode ? { taxCode } : {}),
      ...(email ? { email } : {}),
      ...(props.withPhotos ? { photos: photos().map((p) => p.key) } : {}),
    };
  }

  return (
    <Form of={form} class="pform">
      <fieldset class="pfield">
        <legend class="pfield__label">{t("portal.producer.kind")}</legend>
        <div class="choice-row">
          <For each={KINDS}>
            {(k) => (
              <label class="choice">
                <input type="radio" name="kind" value={k} checked={kind() === k} onChange={() => setKind(k)} />
                <span class="choice__box">{t(`portal.producer.kind.${k}` as Key)}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>

      <Input
        name="name"
        label={t("portal.producer.name")}
        hint={t("portal.producer.nameHint")}
        autocomplete="organization"
        maxLength={120}
        value={init?.name ?? ""}
      />

      <Input
        name="taxCode"
        label={kind() === "household" ? t("portal.producer.householdNumber") : t("portal.producer.taxCode")}
        hint={kind() === "household" ? t("portal.producer.householdHint") : t("portal.producer.taxCodeHint")}
        optional
        autocomplete="off"
        autocapitalize="characters"
        maxLength={20}
        value={(init?.taxCode as string | undefined) ?? ""}
      />

      <Select
        name="provinceCode"
        id={id("province")}
        label={t("portal.producer.province")}
        value={province()}
        onChange={(e) => chooseProvince(e.currentTarget.value)}
      >
        <option value="">{t("portal.producer.chooseProvince")}</option>
        <For each={provincesByRegion()}>
          {(group) => (
            <optgroup label={regionName(group.region, locale())}>
              <For each={group.provinces}>
                {(p) => (
                  <option value={p.code} selected={province() === p.code}>
                    {p.short}
                  </option>
                )}
              </For>
            </optgroup>
          )}
        </For>
      </Select>

      <FormField
        name="wardCode"
        id={id("ward")}
        label={t("portal.producer.ward")}
        hint={wards.loading ? t("portal.producer.wardsLoading") : undefined}
      >
        {(control) => (
          <>
            <select
              {...control}
              value={ward()}
              disabled={!province() || wards.loading || wards.state === "errored"}
              aria-busy={wards.loading}
              onChange={(e) => {
                setWard(e.currentTarget.value);
                errors.set("wardCode", undefined);
              }}
            >
              <Switch>
                <Match when={!province()}>
                  <option value="">{t("portal.producer.chooseProvinceFirst")}</option>
                </Match>
                <Match when={wards.loading}>
                  <option value="">{t("portal.producer.wardsLoading")}</option>
                </Match>
                <Match when={wards.state === "ready"}>
                  <option value="">{t("portal.producer.chooseWard", { n: wards()?.length ?? 0 })}</option>
                  <For each={wards()}>
                    {(w) => (
                      <option value={w.code} selected={ward() === w.code}>
                        {w.name}
                      </option>
                    )}
                  </For>
                </Match>
              </Switch>
            </select>
            <Show when={wards.state === "errored"}>
              <p class="pfield__error" role="alert">
                {t("portal.producer.wardsFailed")}{" "}
                <button type="button" class="link-button" onClick={() => retryWards()}>
                  {t("portal.common.retry")}
                </button>
              </p>
            </Show>
          </>
        )}
      </FormField>

      <Input
        name="street"
        label={t("portal.producer.street")}
        optional
        autocomplete="address-line1"
        maxLength={200}
        value={(init?.street as string | undefined) ?? ""}
      />

      <Input
        name="phone"
        label={t("portal.producer.phone")}
        type="tel"
        inputmode="tel"
        autocomplete="tel-national"
        maxLength={20}
        value={formatPhone(init?.phone ?? props.defaultPhone ?? "")}
      />

      <Input
        name="email"
        label={t("portal.producer.email")}
        optional
        type="email"
        inputmode="email"
        autocomplete="email"
        maxLength={200}
        value={(init?.email as string | undefined) ?? ""}
      />

      <TextArea
        name="story"
        label={t("portal.producer.story")}
        hint={t("portal.producer.storyHint")}
        optional
        rows="5"
        maxLength={5000}
        value={(init?.story as string | undefined) ?? ""}
      />

      <Show when={props.withPhotos}>
        <PhotoPicker
          id={id("photos")}
          label={t("portal.producer.photos")}
          purpose="producer-photo"
          photos={photos()}
          max={10}
          onChange={setPhotos}
          onBusy={setUploading}
          error={errors.of("photos")}
        />
      </Show>

      <button type="submit" class="button button--big button--block" disabled={form.busy() || uploading()}>
        {form.busy() ? props.busyLabel : uploading() ? t("portal.file.waitUpload") : props.submitLabel}
      </button>
      <FormMessage error={errors.general()} success={form.done()} />
    </Form>
  );
}
