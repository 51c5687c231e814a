import { describedBy } from "../../../components/portal/Field";
import { formatVndInput, parseVnd } from "../../../lib/ocop";

export const ZONES = ["sameProvince", "sameRegion", "national"] as const;
export const RATES = ["baseVnd", "per500gVnd"] as const;
export const MAX_TIERS = 6;

/** An amount in đồng typed the Vietnamese way ("25.000"), regrouped when the field is left. */
export function VndInput(props: {
  id: string;
  name: string;
  value: number | undefined;
  error?: string;
  hint?: boolean;
}) {
  return (
    <span class="input-unit">
      <input
        id={props.id}
        name={props.name}
        inputmode="numeric"
        autocomplete="off"
        value={props.value === undefined ? "" : formatVndInput(props.value)}
        onBlur={(e) => {
          const read = parseVnd(e.currentTarget.value);
          if (read.ok) e.currentTarget.value = formatVndInput(read.value);
        }}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy(props.id, { hint: props.hint, error: props.error })}
      />
      <span aria-hidden="true">₫</span>
    </span>
  );
}

export const readVnd = (form: HTMLFormElement | undefined, name: string) =>
  parseVnd(String(new FormData(form).get(name) ?? ""));
export const readInt = (form: HTMLFormElement | undefined, name: string) => {
  const text = String(new FormData(form).get(name) ?? "").trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
};
