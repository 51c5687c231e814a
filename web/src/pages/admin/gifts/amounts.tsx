import { splitProps } from "solid-js";
import { type FieldOptions, Input } from "../../../components/form";
import { formatVndInput, parseVnd } from "../../../lib/ocop";

export const ZONES = ["sameProvince", "sameRegion", "national"] as const;
export const RATES = ["baseVnd", "per500gVnd"] as const;
export const MAX_TIERS = 6;

/** An amount in đồng typed the Vietnamese way ("25.000") in its field, regrouped when the field is left. */
export function VndField(props: FieldOptions & { value: number | undefined }) {
  const [own, field] = splitProps(props, ["value"]);
  return (
    <Input
      {...field}
      unit="₫"
      inputmode="numeric"
      autocomplete="off"
      value={own.value === undefined ? "" : formatVndInput(own.value)}
      onBlur={(e) => {
        const read = parseVnd(e.currentTarget.value);
        if (read.ok) e.currentTarget.value = formatVndInput(read.value);
      }}
    />
  );
}

export const readVnd = (form: HTMLFormElement | undefined, name: string) =>
  parseVnd(String(new FormData(form).get(name) ?? ""));
export const readInt = (form: HTMLFormElement | undefined, name: string) => {
  const text = String(new FormData(form).get(name) ?? "").trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
};
