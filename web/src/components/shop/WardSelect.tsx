import { For, Match, type Resource, Show, Switch } from "solid-js";
import type { Ward } from "../../api/storefront";
import type { ControlAttributes } from "../form";

/**
 * The ward of an address, from its province's list (fetched per province): disabled until a province is chosen or
 * while the list loads, with a retry when it could not be fetched. `text` is the page's own wording.
 */
export function WardSelect(props: {
  control: ControlAttributes;
  province: string;
  ward: string;
  wards: Resource<Ward[]>;
  retry: () => void;
  onWard: (code: string) => void;
  text: { chooseProvinceFirst: string; loading: string; choose: (n: number) => string; failed: string; retry: string };
}) {
  return (
    <>
      <select
        {...props.control}
        autocomplete="address-level2"
        value={props.ward}
        disabled={!props.province || props.wards.loading || props.wards.state === "errored"}
        aria-busy={props.wards.loading}
        onChange={(e) => props.onWard(e.currentTarget.value)}
      >
        <Switch>
          <Match when={!props.province}>
            <option value="">{props.text.chooseProvinceFirst}</option>
          </Match>
          <Match when={props.wards.loading}>
            <option value="">{props.text.loading}</option>
          </Match>
          <Match when={props.wards.state === "ready"}>
            <option value="">{props.text.choose(props.wards()?.length ?? 0)}</option>
            <For each={props.wards()}>
              {(w) => (
                <option value={w.code} selected={props.ward === w.code}>
                  {w.name}
                </option>
              )}
            </For>
          </Match>
        </Switch>
      </select>
      <Show when={props.wards.state === "errored"}>
        <p class="pfield__error" role="alert">
          {props.text.failed}{" "}
          <button type="button" class="link-button" onClick={() => props.retry()}>
            {props.text.retry}
          </button>
        </p>
      </Show>
    </>
  );
}
