import { Show } from "solid-js";
import { type BatchRecord, sellerApi } from "../../api/seller";
import { createForm, Form, FormMessage, Input } from "../../components/form";
import { Table } from "../../components/list";
import { t } from "../../i18n";
import "../../i18n/portal";
import { formatCount, formatDate, vietnamDay } from "../../lib/format";

const FIELDS = ["code", "productionDate", "bestBefore", "quantity"];

/** Production batches (lô sản xuất): what the trace page behind the QR code lists. */
export function Batches(props: { productId: string; batches: BatchRecord[]; onAdded: () => void }) {
  const today = vietnamDay();
  const form = createForm({
    id: "batch",
    fields: FIELDS,
    read({ value, errors }) {
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
      return { code, productionDate, quantity, ...(bestBefore ? { bestBefore } : {}) };
    },
    async send(batch, { element }) {
      await sellerApi.recordBatch(props.productId, batch);
      // Ready for the next batch: a new code and quantity, production date back to today.
      element()?.reset();
      const made = element()?.querySelector<HTMLInputElement>("#batch-made");
      if (made) made.value = today;
      props.onAdded();
      return t("portal.batch.added", { code: batch.code });
    },
  });

  return (
    <>
      <Show when={props.batches.length > 0} fallback={<p class="muted">{t("portal.batch.empty")}</p>}>
        <Table
          rows={props.batches}
          caption={t("portal.batch.title")}
          columns={[
            t("portal.batch.code"),
            t("portal.batch.productionDate"),
            t("portal.batch.bestBefore"),
            { label: t("portal.batch.quantity"), class: "num" },
          ]}
        >
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
        </Table>
      </Show>
      <details class="disclosure disclosure--inline">
        <summary>{t("portal.batch.add")}</summary>
        <Form of={form} class="pform">
          <Input
            name="code"
            label={t("portal.batch.code")}
            hint={t("portal.batch.codeHint")}
            autocomplete="off"
            maxLength={40}
            placeholder="LO-2026-11"
          />
          <div class="pform__row">
            <Input
              name="productionDate"
              id="batch-made"
              label={t("portal.batch.productionDate")}
              type="date"
              max={today}
              value={today}
            />
            <Input name="bestBefore" id="batch-best" label={t("portal.batch.bestBefore")} type="date" optional />
          </div>
          <Input name="quantity" label={t("portal.batch.quantity")} inputmode="numeric" autocomplete="off" />
          <button type="submit" class="button button--big button--block" disabled={form.busy()}>
            {form.busy() ? t("portal.form.saving") : t("portal.batch.submit")}
          </button>
          <FormMessage error={form.errors.general()} success={form.done()} />
        </Form>
      </details>
    </>
  );
}
