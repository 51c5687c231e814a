import { For, Show } from "solid-js";
import { CrossIcon } from "../../../components/CrossIcon";
import { Photo } from "../../../components/Photo";
import { ErrorNote } from "../../../components/shop/ErrorNote";
import { t } from "../../../i18n";
import { formatVnd } from "../../../lib/format";
import { formatWeight, producersOf } from "../../../lib/shopping";
import type { Picked } from "./picked";

/** What is in the box so far, each with its price and weight, and a button to take it out. */
export function ChosenList(props: {
  id: string;
  picked: Picked[];
  weight: number;
  error?: string;
  onUnpick: (productId: string) => void;
}) {
  return (
    <section class="panel-shop" aria-labelledby={`${props.id}-chosen`} data-testid="chosen" id={`${props.id}-box`}>
      <h2 id={`${props.id}-chosen`}>{t("gifts.builder.chosen", { n: props.picked.length })}</h2>
      <Show when={props.picked.length > 0} fallback={<p class="muted">{t("gifts.builder.chosenEmpty")}</p>}>
        <ol class="chosen">
          <For each={props.picked}>
            {(p) => (
              <li class="chosen__item">
                <Photo src={p.image} alt="" width={80} height={60} sizes="56px" class="chosen__img" />
                <span class="chosen__text">
                  <span class="chosen__name">{p.name}</span>
                  <span class="chosen__meta">{p.producerName}</span>
                  <span class="chosen__price">
                    {formatVnd(p.priceVnd)}
                    <Show when={p.weightGrams !== undefined}>
                      <span class="muted"> · {formatWeight(p.weightGrams ?? 0)}</span>
                    </Show>
                  </span>
                </span>
                <button
                  type="button"
                  class="icon-btn"
                  aria-label={t("gifts.builder.unpick", { name: p.name })}
                  onClick={() => props.onUnpick(p.productId)}
                >
                  <CrossIcon />
                </button>
              </li>
            )}
          </For>
        </ol>
        <p class="muted small">
          {t("gifts.builder.producers", { n: producersOf(props.picked) })}{" "}
          {t("gifts.builder.weight", { weight: formatWeight(props.weight) })}
        </p>
      </Show>
      <ErrorNote error={props.error} />
    </section>
  );
}
