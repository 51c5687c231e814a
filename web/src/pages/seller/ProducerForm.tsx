import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/portal/Field";
import { type PhotoItem, PhotoPicker } from "../../components/portal/Uploads";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/portal";
import { provincesByRegion, regionName } from "../../lib/geo";
import { formatPhone, isEmail, isVnMobile, mediaUrl, normalizePhone } from "../../lib/ocop";
import { catalogApi, type ProducerRecord, type Ward } from "../../lib/portal-api";

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
    found = catalogApi.wards(code);
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
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const errors = createErrors();
  const [wards, { refetch: retryWards }] = createResource(
    () => province() || false,
    (code) => wardsOf(code),
  );
  let form: HTMLFormElement | undefined;
  const id = (name: string) => `${props.id}-${name}`;

  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();

  const chooseProvince = (code: string) => {
    setProvince(code);
    setWard("");
    errors.set("provinceCode", undefined);
  };

  function validate(): ProducerValues | undefined {
    errors.clear();
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

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const values = validate();
    if (!values) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(values);
      setSaved(true);
    } catch (error) {
      errors.fromApi(error, FIELDS);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform" onSubmit={submit} novalidate>
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

      <Field
        id={id("name")}
        label={t("portal.producer.name")}
        error={errors.of("name")}
        hint={t("portal.producer.nameHint")}
      >
        <input
          id={id("name")}
          name="name"
          autocomplete="organization"
          maxLength={120}
          value={init?.name ?? ""}
          aria-invalid={Boolean(errors.of("name"))}
          aria-describedby={describedBy(id("name"), { hint: true, error: errors.of("name") })}
        />
      </Field>

      <Field
        id={id("taxCode")}
        label={kind() === "household" ? t("portal.producer.householdNumber") : t("portal.producer.taxCode")}
        error={errors.of("taxCode")}
        hint={kind() === "household" ? t("portal.producer.householdHint") : t("portal.producer.taxCodeHint")}
        optional
      >
        <input
          id={id("taxCode")}
          name="taxCode"
          autocomplete="off"
          autocapitalize="characters"
          maxLength={20}
          value={(init?.taxCode as string | undefined) ?? ""}
          aria-invalid={Boolean(errors.of("taxCode"))}
          aria-describedby={describedBy(id("taxCode"), { hint: true, error: errors.of("taxCode") })}
        />
      </Field>

      <Field id={id("province")} label={t("portal.producer.province")} error={errors.of("provinceCode")}>
        <select
          id={id("province")}
          name="provinceCode"
          value={province()}
          aria-invalid={Boolean(errors.of("provinceCode"))}
          aria-describedby={describedBy(id("province"), { error: errors.of("provinceCode") })}
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
        </select>
      </Field>

      <Field
        id={id("ward")}
        label={t("portal.producer.ward")}
        error={errors.of("wardCode")}
        hint={wards.loading ? t("portal.producer.wardsLoading") : undefined}
      >
        <select
          id={id("ward")}
          name="wardCode"
          value={ward()}
          disabled={!province() || wards.loading || wards.state === "errored"}
          aria-busy={wards.loading}
          aria-invalid={Boolean(errors.of("wardCode"))}
          aria-describedby={describedBy(id("ward"), { hint: wards.loading, error: errors.of("wardCode") })}
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
      </Field>

      <Field id={id("street")} label={t("portal.producer.street")} error={errors.of("street")} optional>
        <input
          id={id("street")}
          name="street"
          autocomplete="address-line1"
          maxLength={200}
          value={(init?.street as string | undefined) ?? ""}
          aria-invalid={Boolean(errors.of("street"))}
        />
      </Field>

      <Field id={id("phone")} label={t("portal.producer.phone")} error={errors.of("phone")}>
        <input
          id={id("phone")}
          name="phone"
          type="tel"
          inputmode="tel"
          autocomplete="tel-national"
          maxLength={20}
          value={formatPhone(init?.phone ?? props.defaultPhone ?? "")}
          aria-invalid={Boolean(errors.of("phone"))}
          aria-describedby={describedBy(id("phone"), { error: errors.of("phone") })}
        />
      </Field>

      <Field id={id("email")} label={t("portal.producer.email")} error={errors.of("email")} optional>
        <input
          id={id("email")}
          name="email"
          type="email"
          inputmode="email"
          autocomplete="email"
          maxLength={200}
          value={(init?.email as string | undefined) ?? ""}
          aria-invalid={Boolean(errors.of("email"))}
          aria-describedby={describedBy(id("email"), { error: errors.of("email") })}
        />
      </Field>

      <Field
        id={id("story")}
        label={t("portal.producer.story")}
        error={errors.of("story")}
        hint={t("portal.producer.storyHint")}
        optional
      >
        <textarea
          id={id("story")}
          name="story"
          rows="5"
          maxLength={5000}
          aria-invalid={Boolean(errors.of("story"))}
          aria-describedby={describedBy(id("story"), { hint: true, error: errors.of("story") })}
          value={(init?.story as string | undefined) ?? ""}
        />
      </Field>

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

      <button type="submit" class="button button--big button--block" disabled={busy() || uploading()}>
        {busy() ? props.busyLabel : uploading() ? t("portal.file.waitUpload") : props.submitLabel}
      </button>
      <FormMessage error={errors.general()} success={saved() ? props.successMessage : undefined} />
    </form>
  );
}
