import { createSignal, For, Show } from "solid-js";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/portal/Field";
import { t } from "../../i18n";
import "../../i18n/portal";
import { formatCount, formatDate, vietnamDay } from "../../lib/format";
import { type BatchRecord, sellerApi } from "../../lib/portal-api";

const FIELDS = ["code", "productionDate", "bestBefore", "quantity"];

/** Production batches (lô sản xuất): what the trace page behind the QR code lists. */
export function Batches(props: { productId: string; batches: BatchRecord[]; onAdded: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [added, setAdded] = createSignal<string>();
  const errors = createErrors();
  const today = vietnamDay();
  let form: HTMLFormElement | undefined;
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    setAdded(undefined);
    const code = value("code");
    const productionDate = value("productionDate");
    const bestBefore = value("bestBefore");
    const quantity = Number(value("quantity").replace(/[\s.]/g, ""));
    if (!/^[\p{L}\d][\p{L}\d ./-]{0,39}$/u.test(code)) errors.set("code", () => t("portal.invalid.code"));
    if (!productionDate) errors.set("productionDate", () => t("portal.invalid.productionDate"));
    else if (productionDate > today) errors.set("productionDate", () => t("portal.batch.future"));
    if (bestBefore && productionDate && bestBefore < productionDate)
      errors.set("bestBefore", () => t("portal.invalid.bestBefore"));
    if (!Number.isInteger(quantity) || quantity < 1) errors.set("quantity", () => t("portal.invalid.quantity"));
    if (errors.any()) {
      focusFirstError(form);
      return;
    }
    setBusy(true);
    try {
      await sellerApi.recordBatch(props.productId, {
        code,
        productionDate,
        quantity,
        ...(bestBefore ? { bestBefore } : {}),
      });
      setAdded(t("portal.batch.added", { code }));
      // Ready for the next batch: a new code and quantity, production date back to today.
      form?.reset();
      const made = form?.querySelector<HTMLInputElement>("#batch-made");
      if (made) made.value = today;
      props.onAdded();
    } catch (error) {
      errors.fromApi(error, FIELDS);
      queueMicrotask(() => focusFirstError(form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Show when={props.batches.length > 0} fallback={<p class="muted">{t("portal.batch.empty")}</p>}>
        <div class="table-wrap">
          <table class="ptable ptable--stack">
            <caption class="sr-only">{t("portal.batch.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portal.batch.code")}</th>
                <th scope="col">{t("portal.batch.productionDate")}</th>
                <th scope="col">{t("portal.batch.bestBefore")}</th>
                <th scope="col" class="num">
                  {t("portal.batch.quantity")}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.batches}>
                {(b) => (
                  <tr>
                    <th scope="row">{b.code}</th>
                    <td data-label={t("portal.batch.productionDate")}>{formatDate(b.productionDate)}</td>
                    <td data-label={t("portal.batch.bestBefore")}>{b.bestBefore ? formatDate(b.bestBefore) : "—"}</td>
                    <td data-label={t("portal.batch.quantity")} class="num">
                      {formatCount(b.quantity)}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <details class="disclosure disclosure--inline">
        <summary>{t("portal.batch.add")}</summary>
        <form ref={form} class="pform" onSubmit={submit} novalidate>
          <Field
            id="batch-code"
            label={t("portal.batch.code")}
            error={errors.of("code")}
            hint={t("portal.batch.codeHint")}
          >
            <input
              id="batch-code"
              name="code"
              autocomplete="off"
              maxLength={40}
              placeholder="LO-2026-11"
              aria-invalid={Boolean(errors.of("code"))}
              aria-describedby={describedBy("batch-code", { hint: true, error: errors.of("code") })}
            />
          </Field>
          <div class="pform__row">
            <Field id="batch-made" label={t("portal.batch.productionDate")} error={errors.of("productionDate")}>
              <input
                id="batch-made"
                name="productionDate"
                type="date"
                max={today}
                value={today}
                aria-invalid={Boolean(errors.of("productionDate"))}
                aria-describedby={describedBy("batch-made", { error: errors.of("productionDate") })}
              />
            </Field>
            <Field id="batch-best" label={t("portal.batch.bestBefore")} error={errors.of("bestBefore")} optional>
              <input
                id="batch-best"
                name="bestBefore"
                type="date"
                aria-invalid={Boolean(errors.of("bestBefore"))}
                aria-describedby={describedBy("batch-best", { error: errors.of("bestBefore") })}
              />
            </Field>
          </div>
          <Field id="batch-quantity" label={t("portal.batch.quantity")} error={errors.of("quantity")}>
            <input
              id="batch-quantity"
              name="quantity"
              inputmode="numeric"
              autocomplete="off"
              aria-invalid={Boolean(errors.of("quantity"))}
              aria-describedby={describedBy("batch-quantity", { error: errors.of("quantity") })}
            />
          </Field>
          <button type="submit" class="button button--big button--block" disabled={busy()}>
            {busy() ? t("portal.form.saving") : t("portal.batch.submit")}
          </button>
          <FormMessage error={errors.general()} success={added()} />
        </form>
      </details>
    </>
  );
}
