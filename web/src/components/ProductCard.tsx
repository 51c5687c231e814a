import { A } from "@solidjs/router";
import { For } from "solid-js";
import type { Card } from "../api/storefront";
import { type Key, t } from "../i18n";
import { formatVnd } from "../lib/format";
import { provinceShort } from "../lib/geo";
import { OcopStars } from "./OcopStars";
import { Photo } from "./Photo";
import { Skeletons } from "./Skeletons";

export const CARD_SIZES = "(min-width: 1200px) 270px, (min-width: 900px) 25vw, (min-width: 600px) 33vw, 50vw";

export function ProductCard(props: { card: Card }) {
  return (
    <A href={`/san-pham/${props.card.productId}`} class="card" data-testid="product-card">
      <span class="card__media">
        <Photo src={props.card.image} alt="" width={400} height={300} sizes={CARD_SIZES} />
        <OcopStars stars={props.card.stars} class="card__badge" />
      </span>
      <span class="card__body">
        <span class="card__name">{props.card.name}</span>
        <span class="card__meta">
          <span class="card__province">{provinceShort(props.card.provinceCode)}</span>
          <span aria-hidden="true"> · </span>
          <span>{t(`group.short.${props.card.group}` as Key)}</span>
        </span>
        <span class="card__producer">{props.card.producerName}</span>
        <span class="card__price">
          <strong>{formatVnd(props.card.priceVnd)}</strong> <span class="card__unit">/ {props.card.unit}</span>
        </span>
      </span>
    </A>
  );
}

export function CardGrid(props: { cards: Card[]; label?: string; row?: boolean }) {
  return (
    <ul class={props.row ? "cards cards--row" : "cards"} aria-label={props.label}>
      <For each={props.cards}>
        {(card) => (
          <li>
            <ProductCard card={card} />
          </li>
        )}
      </For>
    </ul>
  );
}

export function CardSkeletons(props: { count?: number; row?: boolean }) {
  return (
    <Skeletons
      count={props.count ?? 8}
      list={props.row ? "cards cards--row" : "cards"}
      card="card card--skeleton"
      media="card__media"
      body="card__body"
      lines={["skeleton--line", "skeleton--line skeleton--short", "skeleton--line skeleton--short"]}
    />
  );
}
