import { createSignal, For, Show } from "solid-js";
import { createErrors, FormMessage, focusFirstError } from "../../../components/form";
import { type Key, t } from "../../../i18n";
import "../../../i18n/portal";
import "../../../i18n/sales";
import { commerceAdminApi, type Pricing } from "../../../api/admin-commerce";
import { CrossIcon } from "../../../components/CrossIcon";
import { MAX_TIERS, RATES, readInt, readVnd, VndField, ZONES } from "./amounts";

export function PricingForm(props: { pricing: Pricing; editable: boolean }) {
  const [tiers, setTiers] = createSignal(props.pricing.comboTiers.map((t) => ({ ...t })));
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const errors = createErrors();
  let form: HTMLFormElement | undefined;
  const known = ["comboTiers", "freeShippingOverVnd", ...ZONES.flatMap((z) => RATES.map((r) => `shipping.${z}.${r}`))];

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    errors.clear();
    const comboTiers = tiers().map((_, i) => ({
      minItems: readInt(form, `tier-${i}-min`),
      percent: readInt(form, `tier-${i}-percent`),
    }));
    if (comboTiers.some((t) => !(t.minItems >= 2 && t.minItems <= 8 && t.percent >= 1 && t.percent <= 50)))
      errors.set("comboTiers", () => t("sales.pricing.tierInvalid"));
    const free = readVnd(form, "freeShippingOverVnd");
    if (!free.ok) errors.set("freeShippingOverVnd", () => t("sales.pricing.vndInvalid"));
    const shipping = {} as Pricing["shipping"];
    for (const zone of ZONES) {
      const base = readVnd(form, `shipping.${zone}.baseVnd`);
      const per = readVnd(form, `shipping.${zone}.per500gVnd`);
      if (!base.ok) errors.set(`shipping.${zone}.baseVnd`, () => t("sales.pricing.vndInvalid"));
      if (!per.ok) errors.set(`shipping.${zone}.per500gVnd`, () => t("sales.pricing.vndInvalid"));
      shipping[zone] = { baseVnd: base.ok ? base.value : 0, per500gVnd: per.ok ? per.value : 0 };
    }
    if (errors.any() || !free.ok) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      await commerceAdminApi.putPricing({ comboTiers, freeShippingOverVnd: free.value, shipping });
      setSaved(true);
    } catch (error) {
      errors.fromApi(error, known);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform" onSubmit={save} novalidate aria-labelledby="pricing-title">
      <fieldset class="pricing-fields" disabled={!props.editable || busy()}>
        <h3 class="subhead">{t("sales.pricing.tiers")}</h3>
        <p class="muted small">{t("sales.pricing.tiersHint")}</p>
        <ol class="tiers">
          <For each={tiers()}>
            {(tier, index) => (
              <li class="tier">
                <span class="tier__n">{t("sales.pricing.tier", { n: index() + 1 })}</span>
                <label class="pfield">
                  <span class="pfield__label">{t("sales.pricing.minItems")}</span>
                  <input
                    name={`tier-${index()}-min`}
                    inputmode="numeric"
                    value={String(tier.minItems)}
                    aria-invalid={Boolean(errors.of("comboTiers"))}
                  />
                </label>
                <label class="pfield">
                  <span class="pfield__label">{t("sales.pricing.percent")}</span>
                  <input
                    name={`tier-${index()}-percent`}
                    inputmode="numeric"
                    value={String(tier.percent)}
                    aria-invalid={Boolean(errors.of("comboTiers"))}
                  />
                </label>
                <button
                  type="button"
                  class="icon-button icon-button--danger"
                  aria-label={t("sales.pricing.removeTier", { n: index() + 1 })}
                  onClick={() => setTiers(tiers().filter((_, j) => j !== index()))}
                >
                  <CrossIcon />
                </button>
              </li>
            )}
          </For>
        </ol>
        <Show when={errors.of("comboTiers")}>
          <p class="pfield__error" role="alert">
            {errors.of("comboTiers")}
          </p>
        </Show>
        <Show when={tiers().length < MAX_TIERS}>
          <button
            type="button"
            class="button button--small button--ghost"
            onClick={() =>
              setTiers([...tiers(), { minItems: Math.min(8, (tiers().at(-1)?.minItems ?? 2) + 1), percent: 5 }])
            }
          >
            {t("sales.pricing.addTier")}
          </button>
        </Show>

        <VndField
          name="freeShippingOverVnd"
          id="p-free"
          label={t("sales.pricing.free")}
          error={errors.of("freeShippingOverVnd")}
          hint={t("sales.pricing.freeHint")}
          value={props.pricing.freeShippingOverVnd}
        />

        <h3 class="subhead">{t("sales.pricing.shipping")}</h3>
        <p class="muted small">{t("sales.pricing.shippingHint")}</p>
        <div class="rates">
          <For each={ZONES}>
            {(zone) => (
              <div class="rates__zone">
                <p class="rates__name">{t(`sales.pricing.zone.${zone}` as Key)}</p>
                <For each={RATES}>
                  {(rate) => {
                    const name = `shipping.${zone}.${rate}`;
                    const zoneName = () => t(`sales.pricing.zone.${zone}` as Key);
                    return (
                      <VndField
                        name={name}
                        id={`p-${zone}-${rate}`}
                        label={
                          <>
                            <span aria-hidden="true">
                              {rate === "baseVnd" ? t("sales.pricing.base") : t("sales.pricing.per500g")}
                            </span>
                            <span class="sr-only">
                              {rate === "baseVnd"
                                ? t("sales.pricing.baseOf", { zone: zoneName() })
                                : t("sales.pricing.per500gOf", { zone: zoneName() })}
                            </span>
                          </>
                        }
                        error={errors.of(name)}
                        value={props.pricing.shipping[zone][rate]}
                      />
                    );
                  }}
                </For>
              </div>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={props.editable}>
        <div class="coll__buttons">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? t("sales.agifts.saving") : t("sales.pricing.save")}
          </button>
        </div>
      </Show>
      <FormMessage error={errors.general()} success={saved() ? t("sales.agifts.saved") : undefined} />
    </form>
  );
}
