import { For } from "solid-js";
import { locale } from "../../i18n";
import { provincesByRegion, regionName } from "../../lib/geo";

/** The 34 provinces and cities, one group per region, with a first "choose" option. */
export function ProvinceSelect(props: {
  id: string;
  value: string;
  placeholder: string;
  name?: string;
  autocomplete?: string;
  invalid?: boolean;
  describedBy?: string;
  onPick: (code: string) => void;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      autocomplete={props.autocomplete}
      value={props.value}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onPick(e.currentTarget.value)}
    >
      <option value="">{props.placeholder}</option>
      <For each={provincesByRegion()}>
        {(group) => (
          <optgroup label={regionName(group.region, locale())}>
            <For each={group.provinces}>
              {(p) => (
                <option value={p.code} selected={props.value === p.code}>
                  {p.short}
                </option>
              )}
            </For>
          </optgroup>
        )}
      </For>
    </select>
  );
}
