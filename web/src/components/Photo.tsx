import { Show } from "solid-js";
import { t } from "../i18n";

export interface PhotoProps {
  src: string | null | undefined;
  alt: string;
  width: number;
  height: number;
  /** The rendered width at each breakpoint, as for a `srcset`. */
  sizes: string;
  /** The page's main image: fetched first and not lazily. */
  eager?: boolean;
  class?: string;
}

/** An image with its intrinsic size (no layout shift), lazy unless it is the page's main image. */
export function Photo(props: PhotoProps) {
  return (
    <Show
      when={props.src}
      fallback={
        <span class={`photo photo--empty ${props.class ?? ""}`} role="img" aria-label={t("card.noImage")}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 19c6-1 11-6 13-14-8 2-13 7-13 14zm0 0c2-4 5-7 9-9" />
          </svg>
        </span>
      }
    >
      {(src) => (
        <img
          class={`photo ${props.class ?? ""}`}
          src={src()}
          alt={props.alt}
          width={props.width}
          height={props.height}
          sizes={props.sizes}
          loading={props.eager ? "eager" : "lazy"}
          decoding={props.eager ? "auto" : "async"}
          fetchpriority={props.eager ? "high" : "auto"}
        />
      )}
    </Show>
  );
}
