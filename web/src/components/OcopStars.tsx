import { For } from "solid-js";
import { t } from "../i18n";

const STAR = "M10 1.6l2.55 5.3 5.85.85-4.25 4.1 1 5.8L10 14.9l-5.15 2.75 1-5.8L1.6 7.75l5.85-.85z";

/** The OCOP mark: a red seal with gold stars (3 to 5). */
export function OcopStars(props: { stars: number; size?: "sm" | "lg"; class?: string }) {
  const stars = () => Array.from({ length: Math.max(0, Math.min(5, props.stars)) }, (_, i) => i);
  return (
    <span
      class={`ocop ocop--${props.size ?? "sm"}${props.class ? ` ${props.class}` : ""}`}
      role="img"
      aria-label={t("stars.label", { n: props.stars })}
    >
      <span class="ocop__mark" aria-hidden="true">
        OCOP
      </span>
      <svg class="ocop__stars" viewBox={`0 0 ${stars().length * 20} 20`} aria-hidden="true">
        <For each={stars()}>{(i) => <path d={STAR} transform={`translate(${i * 20} 0)`} />}</For>
      </svg>
    </span>
  );
}
