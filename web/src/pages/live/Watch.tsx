import { decodeCue } from "@cho-ocop/core/live/wire";
import { A } from "@solidjs/router";
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  type JSX,
  lazy,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
  Switch,
} from "solid-js";
import { ChatLine, ModerationChips } from "../../components/live/ChatLine";
import { DealClock } from "../../components/live/DealClock";
import { LiveLoaded } from "../../components/live/LiveLoaded";
import { BackIcon, LivePrice } from "../../components/live/LivePrice";
import { ReportSheet } from "../../components/live/ReportSheet";
import { createLiveRoom } from "../../components/live/room";
import { SafetyNotice } from "../../components/live/SafetyNotice";
import { Sheet } from "../../components/live/Sheet";
import { OcopStars } from "../../components/OcopStars";
import { t } from "../../i18n";
import "../../i18n/live";
import { ApiError } from "../../api/client";
import { type LiveProduct, type LiveView, liveApi } from "../../api/live";
import { formatCount, formatDateTime, formatVnd } from "../../lib/format";
import {
  CHAT_MAX_LENGTH,
  type ChatMessage,
  type CueBody,
  chatLength,
  chatProblem,
  cueDue,
  dealPhase,
  freshDeal,
  type HubDeal,
  type HubMessage,
} from "../../lib/live";
import { type LivePlayer, playIvs, playLocal, preloadPlayer, videoFit } from "../../lib/live-player";
import { mediaUrl } from "../../lib/ocop";
import { currentUser } from "../../lib/session";
import "../../styles/live.css";

// The buy sheet (the checkout's address fields and their styles, a dozen files) loads when the shopper reaches for a
// button that opens it (a touch, the pointer over it, the keyboard's focus), not while the page and the video start.
const loadBuySheet = () => import("../../components/live/BuySheet");
const reachForSheet = () => void loadBuySheet();
const BuySheet = lazy(() => loadBuySheet().then((m) => ({ default: m.BuySheet })));

interface PendingCue {
  body: CueBody;
  ts: number | null;
  receivedAt: number;
}

/** The deal badge: live price, the regular one struck through, units left and the clock. */
export function DealBadge(props: { deal: HubDeal; regularVnd?: number; now: number }) {
  const phase = () => dealPhase(props.deal, props.now);
  return (
    <Show when={phase().phase !== "ended"}>
      <div class="deal-badge" role="status" data-testid="deal-badge">
        <span class="deal-badge__label">{t("live.watch.deal")}</span>
        <span class="deal-badge__price" data-testid="deal-price">
          {formatVnd(props.deal.priceVnd)}
        </span>
        <Show when={props.regularVnd}>{(regular) => <s class="deal-badge__regular">{formatVnd(regular())}</s>}</Show>
        <span class="deal-badge__meta">
          <DealClock deal={props.deal} now={props.now} />
          <Show when={phase().phase !== "soldOut"}>
            {" · "}
            {t("live.watch.dealUnits", { n: props.deal.remaining, total: props.deal.quantity })}
          </Show>
        </span>
      </div>
    </Show>
  );
}

/** The chat list and, for a signed-in viewer, the box to write in (its limit shown, its errors beside it). */
export function ChatPanel(props: {
  messages: ChatMessage[];
  canWrite: boolean;
  joining: boolean;
  signedIn: boolean;
  maxLength: number;
  error?: string;
  /** A moderation done ("Đã tắt tiếng …"). */
  notice?: string;
  signInHref: string;
  onSend: (text: string) => boolean;
  actions?: (m: ChatMessage) => JSX.Element;
  headingId?: string;
  /** Extra class: the viewer's page lays the chat over the video (`chat--overlay`). */
  class?: string;
}) {
  const [text, setText] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  let list: HTMLOListElement | undefined;
  // To the newest line once the frame that shows it is laid out: reading scrollHeight while the page renders would
  // lay the whole page out in the middle of its first task.
  createEffect(
    on(
      () => props.messages.length,
      () =>
        requestAnimationFrame(() => {
          if (list && list.scrollHeight > list.clientHeight) list.scrollTop = list.scrollHeight;
        }),
      { defer: true },
    ),
  );
  const n = () => chatLength(text());
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const p = chatProblem(text(), props.maxLength);
    if (p === "empty") return setProblem(t("live.chat.empty.error"));
    if (p === "tooLong") return setProblem(t("live.chat.tooLong", { max: props.maxLength }));
    setProblem(undefined);
    if (props.onSend(text().trim())) setText("");
    else setProblem(t("live.chat.notSent"));
  };
  const error = () => problem() ?? props.error;
  return (
    <section class={props.class ? `chat ${props.class}` : "chat"} aria-labelledby={props.headingId ?? "chat-title"}>
      <h2 id={props.headingId ?? "chat-title"} class="chat__title">
        {t("live.chat.title")}
      </h2>
      <ol class="chat__list" ref={list} aria-live="polite" aria-relevant="additions">
        <For each={props.messages} fallback={<li class="chat__empty muted">{t("live.chat.empty")}</li>}>
          {(m) => <ChatLine look="overlay" message={m} actions={props.actions?.(m)} />}
        </For>
      </ol>
      <Switch>
        <Match when={props.canWrite}>
          <form class="chat__form" onSubmit={submit} novalidate>
            <label class="sr-only" for="chat-text">
              {t("live.chat.label")}
            </label>
            <input
              id="chat-text"
              class="chat__input"
              value={text()}
              placeholder={t("live.chat.placeholder")}
              autocomplete="off"
              enterkeyhint="send"
              aria-invalid={Boolean(error()) || n() > props.maxLength}
              aria-describedby="chat-count chat-error"
              onInput={(e) => {
                setText(e.currentTarget.value);
                setProblem(undefined);
              }}
            />
            <button type="submit" class="button button--small" disabled={n() === 0 || n() > props.maxLength}>
              {t("live.chat.send")}
            </button>
            <span
              id="chat-count"
              class="chat__count"
              classList={{ "chat__count--over": n() > props.maxLength }}
              data-testid="chat-count"
            >
              {t("live.chat.count", { n: n(), max: props.maxLength })}
            </span>
          </form>
        </Match>
        <Match when={props.joining}>
          <p class="muted small">{t("live.chat.joining")}</p>
        </Match>
        <Match when={!props.signedIn}>
          <p class="chat__signin">
            <span class="muted small">{t("live.chat.signInText")}</span>{" "}
            <A href={props.signInHref} class="button button--small button--ghost">
              {t("live.chat.signIn")}
            </A>
          </p>
        </Match>
      </Switch>
      <p id="chat-error" class="pfield__error chat__error" role="alert">
        {error() ?? ""}
      </p>
      <Show when={props.notice}>
        <p class="form-message form-message--ok" role="status">
          {props.notice}
        </p>
      </Show>
    </section>
  );
}

/** Delete and mute beside a viewer's message: for the session's sellers and staff. */
export function ModerationButtons(props: {
  sessionId: string;
  message: ChatMessage;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}) {
  const m = () => props.message;
  const failed = (error: unknown) =>
    props.onError(error instanceof ApiError && error.message ? error.message : t("live.chat.notSent"));
  return (
    <Show when={!m().user.moderator}>
      <ModerationChips
        class="chat__mod"
        name={m().user.name}
        onDelete={() => liveApi.deleteMessage(props.sessionId, m().id).catch(failed)}
        onMute={() =>
          liveApi
            .mute(props.sessionId, m().user.userId)
            .then(() => props.onDone(t("live.chat.mutedDone", { name: m().user.name })))
            .catch(failed)
        }
      />
    </Show>
  );
}

function chatErrorText(code: string): string {
  switch (code) {
    case "rate_limited":
      return t("live.chat.rateLimited");
    case "too_long":
      return t("live.chat.tooLong", { max: CHAT_MAX_LENGTH });
    case "empty":
      return t("live.chat.empty.error");
    case "muted":
      return t("live.chat.muted");
    case "not_live":
      return t("live.chat.notLive");
    default:
      return t("live.chat.notSent");
  }
}

function WatchSession(props: { view: LiveView }) {
  const view = () => props.view;
  if (view().status === "live") preloadPlayer(view().playback.provider);
  const id = view().sessionId;
  const [offline, setOffline] = createSignal(view().offline);
  const [now, setNow] = createSignal(Date.now());
  const [chatError, setChatError] = createSignal<string>();
  const [likeError, setLikeError] = createSignal<string>();
  const [modDone, setModDone] = createSignal<string>();
  const [joining, setJoining] = createSignal(false);
  const [playerProblem, setPlayerProblem] = createSignal<"unsupported" | undefined>();
  const [muted, setMuted] = createSignal(true);
  const [sheetFor, setSheetFor] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal(view().notice?.text ?? null);
  const [reporting, setReporting] = createSignal(false);
  const [showProducts, setShowProducts] = createSignal(false);
  const [objectFit, setObjectFit] = createSignal<"cover" | "contain">("contain");
  const room = createLiveRoom(view(), (m) => react(m));
  const status = () => room.state().status;
  const pinId = () => room.state().pinId;
  const deal = () => room.state().deal;
  const products = createMemo(() => new Map(view().products.map((p) => [p.productId, p])));
  const pinned = (): LiveProduct | undefined => {
    const pid = pinId();
    return pid ? products().get(pid) : undefined;
  };
  const runningDeal = (productId?: string) => {
    const d = deal();
    if (!d || (productId && d.productId !== productId)) return null;
    return dealPhase(d, now()).phase === "running" ? d : null;
  };

  let video: HTMLVideoElement | undefined;
  let player: LivePlayer | undefined;
  let generation = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pending: PendingCue[] = [];

  /** A start under way: a second one at the same moment (the view's state and the hub's hello) would race it for the <video>. */
  let loading = false;
  function stopPlayer() {
    generation++;
    loading = false;
    clearTimeout(retry);
    player?.destroy();
    player = undefined;
  }

  async function startPlayer() {
    stopPlayer();
    if (status() !== "live" || !video) return;
    const mine = ++generation;
    loading = true;
    const events = {
      onError: (reason: string) => {
        if (mine !== generation) return;
        if (reason === "unsupported") return setPlayerProblem("unsupported");
        // Offline (404) or the stream dropped: try again while the session is on air.
        player?.destroy();
        player = undefined;
        clearTimeout(retry);
        retry = setTimeout(() => {
          if (mine === generation && status() === "live") void startPlayer();
        }, 2000);
      },
      onCue: (text: string) => {
        const body = decodeCue(text);
        if (body) apply(body);
      },
    };
    let made: Awaited<ReturnType<typeof playLocal>> | undefined;
    try {
      made =
        view().playback.provider === "ivs"
          ? await playIvs(video, view().playback.url, events).catch(() => undefined)
          : await playLocal(video, view().playback.url, events);
    } finally {
      if (mine === generation) loading = false;
    }
    if (mine !== generation) return made?.destroy();
    player = made;
  }

  function apply(body: CueBody) {
    if (body.kind === "pin") {
      const pinId = body.product?.productId ?? null;
      room.update((r) => ({ ...r, pinId }));
    } else if (body.kind === "notice") {
      setNotice(body.text);
    } else {
      // The room's unit updates say what is left; a start (timed metadata) does not, so the page asks once.
      const known = body.deal.remaining;
      const deal = { ...body.deal, remaining: known ?? body.deal.quantity };
      room.update((r) => ({ ...r, deal }));
      if (known === undefined) void refreshDeal();
    }
  }

  async function refreshDeal() {
    const d = deal();
    if (!d) return;
    try {
      const fresh = await liveApi.deal(d.dealId);
      room.update((r) => ({ ...r, deal: freshDeal(r.deal, fresh) }));
    } catch {
      // the badge keeps what it had
    }
  }

  // What only the viewer's page does with the room's messages: the player, the cues in step with the video, the chat's errors.
  function react(m: HubMessage) {
    switch (m.type) {
      case "hello":
        // The notice shown now, past a view the shared cache kept (the pin and the deal are the room's own).
        for (const cue of m.cues) {
          const body = decodeCue(cue.text);
          if (body?.kind === "notice") setNotice(body.text);
        }
        if (status() === "live" && !player && !loading) void startPlayer();
        if (status() === "ended") stopPlayer();
        break;
      case "stream":
        if (m.state === "start") {
          // A new publish restarts its timestamps at 0: cues of the old one no longer match.
          pending = [];
          setOffline(false);
          void startPlayer();
        } else {
          setOffline(true);
          stopPlayer();
        }
        break;
      case "cue": {
        const body = decodeCue(m.text);
        if (body) pending.push({ body, ts: m.ts, receivedAt: Date.now() });
        break;
      }
      case "ended":
        stopPlayer();
        break;
      case "bye":
        setChatError(m.reason === "muted" ? t("live.chat.muted") : t("live.chat.notSent"));
        break;
      case "auth":
        setJoining(false);
        break;
      case "error":
        if (m.code === "bad_token" || m.code === "muted") setJoining(false);
        if (m.code === "rate_limited" && m.ref === "like") setLikeError(t("live.watch.likeLimited"));
        else if (m.ref !== "like") setChatError(chatErrorText(m.code));
        break;
    }
  }

  // Playback starts from the session's state (the view, then the room's updates), never from a message alone:
  // on AWS no local hub says hello. After the first paint, in a task of its own.
  let starting = false;
  createEffect(
    on(status, (now) => {
      if (now === "ended") return stopPlayer();
      if (now !== "live" || player || loading || starting) return;
      starting = true;
      requestAnimationFrame(() =>
        setTimeout(() => {
          starting = false;
          if (status() === "live" && !player && !loading) void startPlayer();
        }, 0),
      );
    }),
  );

  onMount(() => {
    // The socket and the player start after the page's first paint, in their own tasks: the shell and its chat line
    // are on screen before any of the stream's work.
    requestAnimationFrame(() => setTimeout(() => room.open(), 0));
    const cues = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (!pending.length) return;
      const clock = player && video ? { baseTs: player.baseTs(), currentTime: video.currentTime } : null;
      const due = pending.filter((c) => cueDue(c, clock, t));
      if (!due.length) return;
      pending = pending.filter((c) => !due.includes(c));
      for (const c of due) apply(c.body);
    }, 100);
    const dealPoll = setInterval(() => {
      if (deal() && dealPhase(deal() as HubDeal, Date.now()).phase !== "ended") void refreshDeal();
    }, 5000);
    onCleanup(() => {
      clearInterval(cues);
      clearInterval(dealPoll);
      stopPlayer();
    });
  });

  // A signed-in viewer joins the chat with a ticket (muted viewers are refused one).
  let ticket: string | undefined;
  createEffect(
    on(currentUser, (user) => {
      if (!user || ticket) return;
      setJoining(true);
      room
        .ticket()
        .then((t) => {
          ticket = t.token;
          room.join(t);
        })
        .catch((error: unknown) => {
          setJoining(false);
          setChatError(error instanceof ApiError && error.code === "muted" ? t("live.chat.muted") : undefined);
        });
    }),
  );

  const send = (text: string) => {
    setChatError(undefined);
    return room.chat(text);
  };

  const like = async () => {
    setLikeError(undefined);
    if (room.like()) return;
    try {
      const { likes } = await liveApi.like(id);
      room.update((r) => ({ ...r, likes }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) setLikeError(t("live.watch.likeLimited"));
    }
  };

  const signInHref = `/dang-nhap?next=${encodeURIComponent(`/live/${id}`)}`;
  const sheetProduct = () => {
    const pid = sheetFor();
    return pid ? products().get(pid) : undefined;
  };

  const live = () => status() === "live";
  const shownPin = () => (live() ? pinned() : undefined);
  const readFit = () => {
    if (video) setObjectFit(videoFit(video.videoWidth, video.videoHeight));
  };
  let bag: HTMLButtonElement | undefined;

  return (
    <div class="watch" classList={{ "watch--pinned": Boolean(shownPin()) }}>
      <div class="watch__stage" classList={{ "watch__stage--idle": !live() || offline() }}>
        <video
          ref={video}
          class="watch__video"
          classList={{ "watch__video--cover": objectFit() === "cover" }}
          muted={muted()}
          playsinline
          autoplay
          aria-label={t("live.watch.video", { title: view().title })}
          data-testid="live-video"
          onLoadedMetadata={readFit}
          onResize={readFit}
        />
        <Switch>
          <Match when={playerProblem() === "unsupported"}>
            <div class="watch__state" role="alert">
              <p>{t("live.watch.unsupported")}</p>
            </div>
          </Match>
          <Match when={status() === "scheduled"}>
            <div class="watch__state">
              <h2>{t("live.watch.scheduled")}</h2>
              <p>{t("live.watch.scheduledText", { when: formatDateTime(view().startAt) })}</p>
            </div>
          </Match>
          <Match when={status() === "ended"}>
            <div class="watch__state" data-testid="live-ended">
              <h2>{t("live.watch.endedTitle")}</h2>
              <p>{t("live.watch.endedText")}</p>
              <A href={`/live/${id}/replay`} class="button">
                {t("live.watch.toReplay")}
              </A>
            </div>
          </Match>
          <Match when={offline()}>
            <div class="watch__state" role="status">
              <h2>{t("live.watch.offline")}</h2>
              <p>{t("live.watch.offlineText")}</p>
            </div>
          </Match>
        </Switch>

        <header class="watch__top">
          <A href="/live" class="watch__close" aria-label={t("live.watch.close")}>
            <BackIcon />
          </A>
          <div class="watch__who">
            <A href={`/chu-the/${view().producerId}`} class="watch__producer">
              {view().producerName}
            </A>
            <h1 class="watch__title">{view().title}</h1>
          </div>
          <div class="watch__stats">
            <Show when={live()}>
              <span class="watch__onair">{t("live.onAir")}</span>
            </Show>
            <Show
              when={room.state().viewers !== null}
              fallback={
                <Show when={room.hubState() === "connecting" && live()}>
                  <span class="watch__viewers">{t("live.watch.connecting")}</span>
                </Show>
              }
            >
              <span class="watch__viewers" data-testid="viewer-count">
                {t("live.watch.viewers", { n: room.state().viewers ?? 0 })}
              </span>
            </Show>
          </div>
        </header>

        <div class="watch__deal">
          <Show when={status() !== "ended" && deal()}>
            {(d) => <DealBadge deal={d()} regularVnd={products().get(d().productId)?.priceVnd} now={now()} />}
          </Show>
        </div>

        <div class="watch__rail">
          <button
            type="button"
            class="rail-button rail-button--like"
            onClick={like}
            disabled={!live()}
            aria-label={`${t("live.watch.like")} · ${t("live.watch.likes", { n: room.state().likes })}`}
          >
            <span class="rail-button__icon">
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
              </svg>
            </span>
            <span class="rail-button__text" data-testid="like-count">
              {formatCount(room.state().likes)}
            </span>
          </button>
          <Show when={live() && !offline()}>
            <button
              type="button"
              class="rail-button"
              aria-pressed={!muted()}
              onClick={() => {
                setMuted(!muted());
                if (video) video.muted = muted();
              }}
            >
              <span class="rail-button__icon">
                <svg viewBox="0 0 24 24" aria-hidden="true">
                  <path class="rail-button__fill" d="M4 9h4l5-4v14l-5-4H4z" />
                  <Show when={muted()} fallback={<path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />}>
                    <path d="M16 9l5 6M21 9l-5 6" />
                  </Show>
                </svg>
              </span>
              <span class="rail-button__text">{muted() ? t("live.watch.unmute") : t("live.watch.mute")}</span>
            </button>
          </Show>
          <Show when={live()}>
            <button type="button" class="rail-button" aria-haspopup="dialog" onClick={() => setReporting(true)}>
              <span class="rail-button__icon">
                <svg viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M6 21V4M6 4h11l-2 4 2 4H6" />
                </svg>
              </span>
              <span class="rail-button__text">{t("live.report.open")}</span>
            </button>
          </Show>
          <A href="/quy-dinh-live" class="rail-button" aria-label={t("live.rules.link")}>
            <span class="rail-button__icon">
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M12 11v6M12 7.5v.5" />
                <circle cx="12" cy="12" r="9" />
              </svg>
            </span>
            <span class="rail-button__text">{t("live.rules.short")}</span>
          </A>
        </div>

        <Show when={live()}>
          <SafetyNotice text={notice()} />
        </Show>

        <Show when={shownPin()}>
          {(p) => (
            <div class="pin-card watch__pin" data-testid="pin-card">
              <img
                class="pin-card__img"
                src={p().image ? mediaUrl(p().image ?? "") : ""}
                alt=""
                width="48"
                height="48"
              />
              <span class="pin-card__body">
                <span class="pin-card__label">{t("live.watch.pinned")}</span>
                <span class="pin-card__name">{p().name}</span>
                <span class="pin-card__price">
                  <LivePrice priceVnd={p().priceVnd} deal={runningDeal(p().productId)} />
                </span>
              </span>
              <button
                type="button"
                class="button button--buy pin-card__buy"
                onPointerDown={reachForSheet}
                onPointerEnter={reachForSheet}
                onFocus={reachForSheet}
                onClick={() => setSheetFor(p().productId)}
              >
                {t("live.watch.buyNow")}
              </button>
            </div>
          )}
        </Show>
      </div>

      <div class="watch__side">
        <Show when={likeError()}>
          <p class="watch__notice pfield__error" role="alert">
            {likeError()}
          </p>
        </Show>
        <button
          type="button"
          class="watch__bag"
          ref={bag}
          aria-label={t("live.watch.productsLabel", { n: view().products.length })}
          aria-haspopup="dialog"
          onPointerDown={reachForSheet}
          onPointerEnter={reachForSheet}
          onFocus={reachForSheet}
          onClick={() => setShowProducts(true)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 8h14l-1 12H6z" />
            <path d="M9 8V6.5a3 3 0 0 1 6 0V8" />
          </svg>
          <span class="watch__bag-text">{t("live.watch.products")}</span>
          <span class="watch__bag-count">{view().products.length}</span>
        </button>
        <ChatPanel
          class="chat--overlay"
          messages={room.state().messages}
          canWrite={room.canChat() && status() !== "ended"}
          joining={joining()}
          signedIn={Boolean(currentUser())}
          maxLength={room.chatMaxLength()}
          error={chatError()}
          notice={modDone()}
          signInHref={signInHref}
          onSend={send}
          actions={
            room.moderator()
              ? (m: ChatMessage) => (
                  <ModerationButtons sessionId={id} message={m} onDone={setModDone} onError={setChatError} />
                )
              : undefined
          }
        />
      </div>

      <Show when={showProducts()}>
        <ProductsSheet
          products={view().products}
          pinId={pinId()}
          canBuy={status() !== "ended"}
          dealFor={runningDeal}
          onBuy={(productId) => {
            setShowProducts(false);
            setSheetFor(productId);
          }}
          onClose={() => {
            setShowProducts(false);
            bag?.focus();
          }}
        />
      </Show>

      <Show when={reporting()}>
        <ReportSheet
          sessionId={id}
          signedIn={Boolean(currentUser())}
          signInHref={signInHref}
          onClose={() => setReporting(false)}
        />
      </Show>

      <Suspense fallback={<SheetLoading />}>
        <Show when={sheetProduct()}>
          {(p) => (
            <BuySheet
              sessionId={id}
              product={p()}
              deal={runningDeal(p().productId)}
              signInHref={signInHref}
              onClose={() => setSheetFor(null)}
              onPlaced={() => void refreshDeal()}
            />
          )}
        </Show>
      </Suspense>
    </div>
  );
}

/** While the buy sheet's code arrives after "Mua ngay": its panel at once, so the tap is seen. */
function SheetLoading() {
  return (
    <div class="sheet">
      <div class="sheet__backdrop" />
      <div class="sheet__panel" aria-busy="true">
        <p class="muted">{t("common.loading")}</p>
      </div>
    </div>
  );
}

/** The live's products in a bottom sheet over the video, each with its price (the deal's while it runs) and "Mua ngay". */
function ProductsSheet(props: {
  products: LiveProduct[];
  pinId: string | null;
  canBuy: boolean;
  dealFor: (productId: string) => HubDeal | null;
  onBuy: (productId: string) => void;
  onClose: () => void;
}) {
  return (
    <Sheet
      testId="products-sheet"
      titleId="featured-title"
      title={
        <>
          {t("live.watch.featured")} ({props.products.length})
        </>
      }
      closeLabel={t("live.watch.productsClose")}
      onClose={props.onClose}
    >
      <ul class="live-products">
        <For each={props.products}>
          {(p) => (
            <li class="live-product" classList={{ "live-product--pinned": props.pinId === p.productId }}>
              <img src={p.image ? mediaUrl(p.image) : ""} alt="" width="56" height="56" loading="lazy" />
              <span class="live-product__body">
                <A href={`/san-pham/${p.productId}`} class="live-product__name">
                  {p.name}
                </A>
                <OcopStars stars={p.stars} />
                <span class="live-product__price">
                  <LivePrice priceVnd={p.priceVnd} deal={props.dealFor(p.productId)} dealClass="deal-text" /> / {p.unit}
                </span>
              </span>
              <Show when={props.canBuy}>
                <button
                  type="button"
                  class="button button--small button--buy"
                  aria-label={`${t("live.watch.buyNow")}: ${p.name}`}
                  onClick={() => props.onBuy(p.productId)}
                >
                  {t("live.watch.buyNow")}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Sheet>
  );
}

/** `/live/:id`: watch, chat and buy without leaving the stream. */
export default function Watch() {
  return (
    <LiveLoaded
      title={(v) => v.title}
      loading={
        // The shell as the page will be, its chat line painted with it (the page's largest text, so its LCP).
        <div class="watch" aria-busy="true">
          <div class="watch__stage watch__stage--idle" />
          <div class="watch__side">
            <section class="chat chat--overlay" aria-hidden="true">
              <ol class="chat__list">
                <li class="chat__empty muted">{t("live.chat.empty")}</li>
              </ol>
            </section>
          </div>
        </div>
      }
    >
      {(v) => <WatchSession view={v} />}
    </LiveLoaded>
  );
}
