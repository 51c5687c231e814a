import type { Resource } from "solid-js";
import { For, Match, Show, Switch } from "solid-js";
import type { GiftBox } from "../../../api/cart";
import { ErrorNote } from "../../../components/shop/ErrorNote";
import { locale, t } from "../../../i18n";
import { formatVnd } from "../../../lib/format";
import { settled } from "../../../lib/resource";
import { boxFits, fillPercent, formatWeight } from "../../../lib/shopping";

function boxName(box: GiftBox): string {
  return locale() === "en" ? box.nameEn : box.nameVi;
}

/** The gift boxes, those too small for what is chosen disabled, and how full the chosen one is. */
export function BoxPicker(props: {
  id: string;
  boxes: { resource: Resource<GiftBox[]>; refetch: () => void };
  boxId: string;
  box?: GiftBox;
  weight: number;
  error?: string;
  onChoose: (boxId: string) => void;
}) {
  return (
    <fieldset class="panel-shop boxes" aria-describedby={props.error ? `${props.id}-box-error` : undefined}>
      <legend>{t("gifts.builder.step.box")}</legend>
      <Switch>
        <Match when={props.boxes.resource.state === "errored"}>
          <p class="note-error" role="alert">
            {t("gifts.builder.boxesFailed")}{" "}
            <button type="button" class="link-button" onClick={() => props.boxes.refetch()}>
              {t("shop.retry")}
            </button>
          </p>
        </Match>
        <Match when={!settled(props.boxes.resource)}>
          <p class="muted">{t("shop.loading")}</p>
        </Match>
        <Match when={settled(props.boxes.resource)}>
          {(list) => (
            <div class="box-options">
              <For each={list()}>
                {(b) => {
                  const fits = () => boxFits(b, props.weight);
                  return (
                    <label class="box-option" classList={{ "is-too-small": !fits() }}>
                      <input
                        type="radio"
                        name={`${props.id}-box`}
                        value={b.boxId}
                        checked={props.boxId === b.boxId}
                        disabled={!fits() && props.boxId !== b.boxId}
                        onChange={() => props.onChoose(b.boxId)}
                      />
                      <span class="box-option__body">
                        <span class="box-option__name">{boxName(b)}</span>
                        <span class="box-option__meta">
                          {formatVnd(b.priceVnd)} ·{" "}
                          {t("gifts.builder.boxCapacity", { weight: formatWeight(b.capacityGrams) })}
                        </span>
                        <Show when={!fits()}>
                          <span class="box-option__warn">
                            {t("gifts.builder.boxTooSmall", { weight: formatWeight(props.weight) })}
                          </span>
                        </Show>
                      </span>
                    </label>
                  );
                }}
              </For>
            </div>
          )}
        </Match>
      </Switch>
      <Show when={props.box}>
        {(b) => (
          <div class="fill">
            <label for={`${props.id}-fill`}>
              {t("gifts.builder.boxUsed", {
                used: formatWeight(props.weight),
                capacity: formatWeight(b().capacityGrams),
              })}
            </label>
            <meter
              id={`${props.id}-fill`}
              min="0"
              max={b().capacityGrams}
              high={b().capacityGrams * 0.9}
              value={Math.min(props.weight, b().capacityGrams)}
              data-percent={fillPercent(props.weight, b().capacityGrams)}
            />
          </div>
        )}
      </Show>
      <ErrorNote error={props.error} id={`${props.id}-box-error`} />
    </fieldset>
  );
}
