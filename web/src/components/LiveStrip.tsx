import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { LiveCard } from "../api/live";
import { t } from "../i18n";
import { formatDateTime } from "../lib/format";
import { mediaUrl } from "../lib/ocop";

/** One live session as a card: cover, on-air or coming-up badge, title, producer and start time. */
export function LiveSessionCard(props: { session: LiveCard; eager?: boolean }) {
  const s = () => props.session;
  return (
    <A href={`/live/${s().sessionId}`} class="live-card" data-testid="live-card">
      <span class="live-card__cover">
        <Show
          when={s().cover}
          fallback={
            <svg viewBox="0 0 48 32" aria-hidden="true" class="live-card__placeholder">
              <rect x="4" y="6" width="28" height="20" rx="3" />
              <path d="M32 13l12-6v18l-12-6z" />
            </svg>
          }
        >
          {(src) => (
            <img
              src={mediaUrl(src())}
              alt=""
              width="320"
              height="180"
              loading={props.eager ? "eager" : "lazy"}
              decoding="async"
            />
          )}
        </Show>
        <span class={`live-badge live-badge--${s().status}`}>
          {s().status === "live" ? t("home.liveNow") : t("home.liveSoon")}
        </span>
      </span>
      <span class="live-card__body">
        <span class="live-card__title">{s().title}</span>
        <span class="live-card__producer">{s().producerName}</span>
        <Show when={s().status !== "live"}>
          <time class="live-card__time" datetime={s().startAt}>
            {formatDateTime(s().startAt)}
          </time>
        </Show>
      </span>
    </A>
  );
}

/**
 * The home page's strip of lives on air and coming up; nothing at all when there are none. The page fetches them
 * with its own data and shows both at once, so the strip never pushes the shelves down after they are painted.
 */
export function LiveStrip(props: { sessions: LiveCard[] }) {
  const shown = () => props.sessions.slice(0, 8);
  return (
    <Show when={shown().length > 0}>
      <section class="section live-strip" aria-labelledby="home-live">
        <div class="section__head">
          <h2 id="home-live">
            <span class="live-dot" aria-hidden="true" />
            {t("home.live")}
          </h2>
          <A href="/live" class="section__link">
            {t("home.liveAll")}
          </A>
        </div>
        <ul class="live-row">
          <For each={shown()}>
            {(s) => (
              <li>
                <LiveSessionCard session={s} />
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
