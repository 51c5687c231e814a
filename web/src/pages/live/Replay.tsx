import { noticeAt } from "@cho-ocop/core/live/notice-presets";
import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import { SafetyNotice } from "../../components/live/SafetyNotice";
import { EmptyState, Loaded, NotFoundState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/live";
import { ApiError } from "../../api/client";
import { type LiveReplay, liveApi } from "../../api/live";
import { formatDateTime, formatVnd } from "../../lib/format";
import { formatClock } from "../../lib/live";
import { playReplay } from "../../lib/live-player";
import { mediaUrl } from "../../lib/ocop";
import { useTitle } from "../../lib/title";
import "../../styles/live.css";

function ReplayView(props: { replay: LiveReplay }) {
  // The recording is remuxed after the stream ends: a replay opened at once asks again for a minute.
  const [fresh, setFresh] = createSignal(props.replay);
  const r = () => fresh();
  let tries = 0;
  const poll = setInterval(() => {
    if (r().recordingUrl || ++tries > 20) return clearInterval(poll);
    liveApi
      .replay(r().sessionId)
      .then(setFresh)
      .catch(() => undefined);
  }, 3000);
  onCleanup(() => clearInterval(poll));
  const [at, setAt] = createSignal(0);
  const [unplayable, setUnplayable] = createSignal(false);
  let video: HTMLVideoElement | undefined;
  // An MP4, or HLS where the browser plays it, natively; HLS elsewhere (desktop Chrome, Firefox) through the IVS
  // player, loaded only then.
  let playing: { destroy(): void } | undefined;
  const attach = (el: HTMLVideoElement, url: string) => {
    playing?.destroy();
    void playReplay(el, url, {
      onError: (reason) => setUnplayable(reason === "unsupported"),
    }).then((p) => {
      if (video === el) playing = p;
      else p.destroy();
    });
  };
  onCleanup(() => playing?.destroy());
  const seek = (ms: number) => {
    if (!video) return;
    video.currentTime = ms / 1000;
    void video.play().catch(() => undefined);
    video.scrollIntoView({ block: "nearest" });
  };
  const duration = () => {
    const { startedAt, endedAt } = r();
    return startedAt && endedAt ? Math.max(1, Date.parse(endedAt) - Date.parse(startedAt)) : null;
  };
  return (
    <div class="replay">
      <Show
        when={r().recordingUrl}
        fallback={
          <div class="wrap">
            <EmptyState title={t("live.replay.none")}>
              <p>{t("live.replay.noneText")}</p>
            </EmptyState>
          </div>
        }
      >
        {(url) => (
          <div class="replay__stage">
            {/* biome-ignore lint/a11y/useMediaCaption: a live recording has no captions to offer */}
            <video
              ref={(el) => {
                video = el;
                attach(el, mediaUrl(url()));
              }}
              class="replay__video"
              controls
              playsinline
              preload="metadata"
              data-testid="replay-video"
              onTimeUpdate={(e) => setAt(e.currentTarget.currentTime * 1000)}
            />
            <SafetyNotice text={noticeAt(r().notices, at())} />
          </div>
        )}
      </Show>
      <Show when={unplayable()}>
        <p class="wrap muted" role="status">
          {t("live.watch.unsupported")}
        </p>
      </Show>
      <div class="wrap replay__body">
        <h1 class="watch__title">{r().title}</h1>
        <p class="watch__producer">
          <A href={`/chu-the/${r().producerId}`}>{r().producerName}</A>
          <Show when={r().startedAt}>{(s) => <span class="muted"> · {formatDateTime(s())}</span>}</Show>
        </p>
        <p class="small">
          <A href="/quy-dinh-live">{t("live.rules.link")}</A>
        </p>
        <section aria-labelledby="pins-title">
          <h2 id="pins-title">{t("live.replay.pins")}</h2>
          <Show when={r().pins.length > 0} fallback={<p class="muted">{t("live.replay.noPins")}</p>}>
            <p class="muted small">{t("live.replay.pinsHint")}</p>
            <Show when={duration()}>
              {(total) => (
                <div class="timeline" aria-hidden="true">
                  <span class="timeline__played" style={{ width: `${Math.min(100, (at() / total()) * 100)}%` }} />
                  <For each={r().pins}>
                    {(pin) => (
                      <span
                        class="timeline__mark"
                        classList={{ "timeline__mark--off": !pin.product }}
                        style={{ left: `${Math.min(100, (pin.atMs / total()) * 100)}%` }}
                      />
                    )}
                  </For>
                </div>
              )}
            </Show>
            <ol class="pins" data-testid="replay-pins">
              <For each={r().pins}>
                {(pin) => (
                  <li>
                    <button
                      type="button"
                      class="pin-row"
                      aria-label={t("live.replay.seek", {
                        clock: formatClock(pin.atMs),
                        name: pin.product?.name ?? t("live.replay.unpinned"),
                      })}
                      onClick={() => seek(pin.atMs)}
                      data-testid="replay-pin"
                    >
                      <span class="pin-row__at">{formatClock(pin.atMs)}</span>
                      <Show when={pin.product} fallback={<span class="muted">{t("live.replay.unpinned")}</span>}>
                        {(p) => (
                          <>
                            <img src={p().image ? mediaUrl(p().image ?? "") : ""} alt="" width="48" height="48" />
                            <span class="pin-row__name">{p().name}</span>
                            <span class="pin-row__price">{formatVnd(p().priceVnd)}</span>
                          </>
                        )}
                      </Show>
                    </button>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </section>
      </div>
    </div>
  );
}

/** `/live/:id/replay`: the recording, with the pinned products as a timeline to jump along. */
export default function Replay() {
  const params = useParams();
  const [replay, { refetch }] = createResource(() => params.id, liveApi.replay);
  useTitle(() => (replay.latest ? t("live.replay.title", { title: replay.latest.title }) : undefined));
  return (
    <Show
      when={!(replay.error instanceof ApiError && replay.error.code === "not_ended")}
      fallback={
        <div class="wrap">
          <EmptyState title={t("live.replay.notEnded")}>
            <p class="state__links">
              <A href={`/live/${params.id}`} class="button">
                {t("live.replay.toLive")}
              </A>
            </p>
          </EmptyState>
        </div>
      }
    >
      <Loaded
        data={replay}
        retry={refetch}
        loading={<div class="replay__video replay__video--loading" aria-busy="true" />}
        notFound={
          <div class="wrap">
            <NotFoundState title={t("live.notFound")} text={t("live.notFoundText")} />
          </div>
        }
      >
        {(r) => <ReplayView replay={r} />}
      </Loaded>
    </Show>
  );
}
