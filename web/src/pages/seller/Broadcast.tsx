import { A } from "@solidjs/router";
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
} from "solid-js";
import { createErrors, describedBy, Field, FormMessage, messageOf } from "../../components/form";
import { ChatLine, ModerationChips } from "../../components/live/ChatLine";
import { DealClock } from "../../components/live/DealClock";
import { LiveLoaded } from "../../components/live/LiveLoaded";
import { BackIcon, LivePrice } from "../../components/live/LivePrice";
import { NoticeControl } from "../../components/live/NoticeControl";
import { createLiveRoom } from "../../components/live/room";
import { CopyButton } from "../../components/shop/bits";
import { type Key, t } from "../../i18n";
import "../../i18n/live";
import { type LiveOrder, type LiveView, liveApi } from "../../api/live";
import { formatDateTime, formatVnd } from "../../lib/format";
import {
  CHAT_MAX_LENGTH,
  type ChatMessage,
  cameraConstraints,
  chatLength,
  chatProblem,
  checkDeal,
  type DealField,
  dealPhase,
  freshDeal,
  type HubDeal,
  maskKey,
  reduceRoom,
} from "../../lib/live";
import { broadcastIvs, broadcastLocal, type Broadcast as Cast, type CastState } from "../../lib/live-broadcast";
import { mediaUrl } from "../../lib/ocop";
import { settled } from "../../lib/resource";
import "../../styles/broadcast.css";
import { createVerificationGate, VerificationNotice } from "./VerificationNotice";

type CameraProblem = "denied" | "missing" | "insecure" | undefined;
type Sheet = "products" | "deal" | "orders" | "more";

function IngestBox(props: { sessionId: string }) {
  const [ingest, { mutate }] = createResource(() => props.sessionId, liveApi.ingest);
  const [shown, setShown] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  const [rotated, setRotated] = createSignal<string>();
  const rotate = async () => {
    if (!globalThis.confirm(t("live.cast.rotateConfirm"))) return;
    setRotating(true);
    setRotated(undefined);
    try {
      mutate(await liveApi.rotateStreamKey(props.sessionId));
      setShown(false);
      setRotated(t("live.cast.rotated"));
    } catch (error) {
      setRotated(messageOf(error));
    } finally {
      setRotating(false);
    }
  };
  return (
    <details class="bcast-ingest">
      <summary>{t("live.cast.obs")}</summary>
      <Show when={settled(ingest)} fallback={<span class="skeleton skeleton--line" />}>
        {(i) => (
          <dl class="bcast-ingest__list">
            <div>
              <dt>{t("live.cast.server")}</dt>
              <dd>
                <code data-testid="ingest-url">{i().ingestUrl}</code>
                <CopyButton value={i().ingestUrl} what={t("live.cast.server")} />
              </dd>
            </div>
            <div>
              <dt>{t("live.cast.key")}</dt>
              <dd>
                <code data-testid="stream-key">{shown() ? i().streamKey : maskKey(i().streamKey)}</code>
                <button
                  type="button"
                  class="button button--small button--ghost"
                  aria-pressed={shown()}
                  onClick={() => setShown(!shown())}
                >
                  {shown() ? t("live.cast.hide") : t("live.cast.reveal")}
                </button>
                <CopyButton value={i().streamKey} what={t("live.cast.key")} />
                <button
                  type="button"
                  class="button button--small button--ghost"
                  data-testid="rotate-key"
                  disabled={rotating()}
                  onClick={() => void rotate()}
                >
                  {t("live.cast.rotate")}
                </button>
              </dd>
              <p class="muted small">{t("live.cast.keyHint")}</p>
              <Show when={rotated()}>
                {(text) => (
                  <p class="small" role="status">
                    {text()}
                  </p>
                )}
              </Show>
            </div>
          </dl>
        )}
      </Show>
    </details>
  );
}

function DealForm(props: { view: LiveView; onStarted: (deal: HubDeal) => void; disabled: boolean }) {
  const errors = createErrors();
  const [productId, setProductId] = createSignal(props.view.products[0]?.productId ?? "");
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const product = () => props.view.products.find((p) => p.productId === productId());
  let form: HTMLFormElement | undefined;
  const FIELDS: DealField[] = ["priceVnd", "quantity", "perBuyer", "countdownSeconds", "durationMinutes"];
  const field = (name: DealField, label: Key, initial: string, hint?: string) => (
    <Field id={`deal-${name}`} label={t(label)} error={errors.of(name)} hint={hint}>
      <input
        id={`deal-${name}`}
        name={name}
        inputmode="numeric"
        value={initial}
        aria-invalid={Boolean(errors.of(name))}
        aria-describedby={describedBy(`deal-${name}`, { hint, error: errors.of(name) })}
        onInput={() => errors.set(name, undefined)}
      />
    </Field>
  );
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const p = product();
    if (busy() || !p || !form) return;
    errors.clear();
    setDone(undefined);
    const data = new FormData(form);
    const read = (name: DealField) => String(data.get(name) ?? "");
    const checked = checkDeal(
      {
        priceVnd: read("priceVnd"),
        quantity: read("quantity"),
        perBuyer: read("perBuyer"),
        countdownSeconds: read("countdownSeconds"),
        durationMinutes: read("durationMinutes"),
      },
      p.priceVnd,
    );
    if (!checked.ok) {
      for (const [name, problem] of Object.entries(checked.errors))
        errors.set(name, () => t(`live.deal.error.${problem}` as Key));
      return;
    }
    setBusy(true);
    try {
      const deal = await liveApi.startDeal(props.view.sessionId, { productId: p.productId, ...checked.value });
      props.onStarted(deal);
      setDone(t("live.deal.started", { price: formatVnd(deal.priceVnd), n: deal.quantity }));
    } catch (error) {
      errors.fromApi(error, [...FIELDS, "productId"]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} class="pform bcast-deal-form" onSubmit={submit} novalidate>
      <Field id="deal-product" label={t("live.deal.product")} error={errors.of("productId")}>
        <select id="deal-product" value={productId()} onChange={(e) => setProductId(e.currentTarget.value)}>
          <For each={props.view.products}>
            {(p) => (
              <option value={p.productId}>
                {p.name} · {formatVnd(p.priceVnd)}
              </option>
            )}
          </For>
        </select>
      </Field>
      <div class="bcast-deal-form__grid">
        {field(
          "priceVnd",
          "live.deal.price",
          "",
          t("live.deal.priceHint", { price: formatVnd(product()?.priceVnd ?? 0) }),
        )}
        {field("quantity", "live.deal.quantity", "20")}
        {field("perBuyer", "live.deal.perBuyer", "2")}
        {field("countdownSeconds", "live.deal.countdown", "10")}
        {field("durationMinutes", "live.deal.duration", "5")}
      </div>
      <button type="submit" class="button button--seal button--block" disabled={busy() || props.disabled}>
        {busy() ? t("live.deal.starting") : t("live.deal.start")}
      </button>
      <FormMessage error={errors.general()} success={done()} />
    </form>
  );
}

/** The deal as viewers see it over the video: a small badge with its price, clock and units left. */
function DealChip(props: { deal: HubDeal; now: number }) {
  const phase = () => dealPhase(props.deal, props.now);
  return (
    <Show when={phase().phase !== "ended"}>
      <div class="bcast-deal" role="status" data-testid="cast-deal">
        <strong>{formatVnd(props.deal.priceVnd)}</strong>
        <span>
          <DealClock deal={props.deal} now={props.now} />
        </span>
        <span data-testid="cast-deal-units">
          {t("live.watch.dealUnits", { n: props.deal.remaining, total: props.deal.quantity })}
        </span>
      </div>
    </Show>
  );
}

function BroadcastDesk(props: { view: LiveView }) {
  const view = () => props.view;
  const id = view().sessionId;
  const live = createLiveRoom(view(), (m, before) => {
    if (m.type === "stream") setStreaming(m.state === "start");
    if (m.type === "ended" && before.status !== "ended") {
      stopCast();
      setSheet(null);
    }
    if (m.type === "error" && m.code === "rate_limited") setChatError(t("live.chat.rateLimited"));
    else if (m.type === "error" && m.code === "not_live") setChatError(t("live.chat.notLive"));
  });
  const room = live.state;
  const update = live.update;
  const status = () => room().status;
  const [cast, setCast] = createSignal<CastState>("idle");
  const gate = createVerificationGate();
  // The session's stream reaching the server, from this page or an external encoder (OBS, Larix).
  const [streaming, setStreaming] = createSignal(view().status === "live" && !view().offline);
  const [castError, setCastError] = createSignal<string>();
  const [camera, setCamera] = createSignal<"starting" | "on" | "off">("starting");
  const [cameraProblem, setCameraProblem] = createSignal<CameraProblem>();
  const [facing, setFacing] = createSignal<"user" | "environment">("user");
  const [micOn, setMicOn] = createSignal(true);
  const [portraitFrames, setPortraitFrames] = createSignal(true);
  const [pinError, setPinError] = createSignal<string>();
  const [notice, setNotice] = createSignal(props.view.notice?.text ?? null);
  const [chatError, setChatError] = createSignal<string>();
  const [chatText, setChatText] = createSignal("");
  const [modDone, setModDone] = createSignal<string>();
  const [openLine, setOpenLine] = createSignal<string | null>(null);
  const [sheet, setSheet] = createSignal<Sheet | null>(null);
  const [now, setNow] = createSignal(Date.now());
  const [ending, setEnding] = createSignal(false);
  const onAir = () => status() === "live";
  const products = createMemo(() => new Map(view().products.map((p) => [p.productId, p])));
  const pinned = () => {
    const pid = room().pinId;
    return pid ? products().get(pid) : undefined;
  };
  const runningDeal = (productId: string) => {
    const d = room().deal;
    return d && d.productId === productId && dealPhase(d, now()).phase === "running" ? d : null;
  };

  const [orders, { refetch: refetchOrders }] = createResource(() => id, liveApi.orders);
  const orderList = (): LiveOrder[] => settled(orders) ?? [];

  let preview: HTMLVideoElement | undefined;
  let chatList: HTMLOListElement | undefined;
  let stream: MediaStream | undefined;
  let broadcast: Cast | undefined;

  async function refreshDeal() {
    const d = room().deal;
    if (!d) return;
    try {
      const fresh = await liveApi.deal(d.dealId);
      update((r) => ({ ...r, deal: freshDeal(r.deal, fresh) }));
    } catch {
      // the chip keeps what it had
    }
  }

  async function openCamera() {
    setCamera("starting");
    setCameraProblem(undefined);
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera("off");
      setCameraProblem(window.isSecureContext ? "missing" : "insecure");
      return;
    }
    try {
      const portrait = window.matchMedia("(orientation: portrait)").matches;
      const next = await navigator.mediaDevices.getUserMedia({
        video: cameraConstraints(facing(), portrait),
        audio: { echoCancellation: true, noiseSuppression: true },
      });
      for (const t of stream?.getTracks() ?? []) t.stop();
      stream = next;
      for (const t of next.getAudioTracks()) t.enabled = micOn();
      const settings = next.getVideoTracks()[0]?.getSettings();
      setPortraitFrames(!settings?.width || !settings.height || settings.height >= settings.width);
      if (preview) {
        preview.srcObject = next;
        void preview.play().catch(() => undefined);
      }
      setCamera("on");
    } catch (error) {
      setCamera("off");
      setCameraProblem(error instanceof DOMException && error.name === "NotAllowedError" ? "denied" : "missing");
    }
  }

  async function goLive() {
    if (!stream) return;
    setCastError(undefined);
    const events = {
      onState: (state: CastState) => setCast(state),
      onError: (reason: string) => setCastError(reason === "unsupported" ? t("live.cast.unsupported") : reason),
    };
    if (view().playback.provider === "ivs") {
      try {
        broadcast = await broadcastIvs(await liveApi.ingest(id), stream, events);
      } catch (error) {
        setCastError(messageOf(error));
      }
      return;
    }
    broadcast = broadcastLocal(id, stream, events);
  }

  function stopCast() {
    broadcast?.stop();
    broadcast = undefined;
  }

  async function switchCamera() {
    setFacing(facing() === "user" ? "environment" : "user");
    const wasLive = Boolean(broadcast);
    // The recorder is bound to its tracks: a new camera means a new recording (the live waits for it).
    if (wasLive) stopCast();
    await openCamera();
    if (wasLive) await goLive();
  }

  function toggleMic() {
    setMicOn(!micOn());
    for (const t of stream?.getAudioTracks() ?? []) t.enabled = micOn();
  }

  async function endLive() {
    if (!window.confirm(t("live.cast.endAsk"))) return;
    setEnding(true);
    try {
      await liveApi.end(id);
      stopCast();
      update((r) => reduceRoom(r, { type: "ended" }, Date.now()));
      setCast("ended");
      setSheet(null);
    } catch (error) {
      setCastError(messageOf(error));
    } finally {
      setEnding(false);
    }
  }

  async function pin(productId: string | null) {
    setPinError(undefined);
    try {
      await liveApi.pin(id, productId);
      update((r) => ({ ...r, pinId: productId }));
    } catch (error) {
      setPinError(messageOf(error));
    }
  }

  const failed = (error: unknown) => setChatError(messageOf(error));
  const deleteMessage = (m: ChatMessage) => {
    setOpenLine(null);
    liveApi.deleteMessage(id, m.id).catch(failed);
  };
  const mute = (m: ChatMessage) => {
    setOpenLine(null);
    liveApi
      .mute(id, m.user.userId)
      .then(() => setModDone(t("live.chat.mutedDone", { name: m.user.name })))
      .catch(failed);
  };

  const sendChat = (event: SubmitEvent) => {
    event.preventDefault();
    const problem = chatProblem(chatText(), CHAT_MAX_LENGTH);
    if (problem === "empty") return setChatError(t("live.chat.empty.error"));
    if (problem === "tooLong") return setChatError(t("live.chat.tooLong", { max: CHAT_MAX_LENGTH }));
    setChatError(undefined);
    if (live.chat(chatText().trim())) setChatText("");
    else setChatError(t("live.chat.notSent"));
  };

  onMount(() => {
    // The desk is the whole screen: the page behind it does not scroll under the seller's thumb.
    document.documentElement.classList.add("bcast-open");
    onCleanup(() => document.documentElement.classList.remove("bcast-open"));
    if (status() !== "ended") void openCamera();
    live.open();
    live
      .ticket()
      .then((t) => live.join(t))
      .catch(() => undefined);
    const tick = setInterval(() => setNow(Date.now()), 500);
    // The deal's units and the orders, read as viewers read them: every 5 s while on air.
    const poll = setInterval(() => {
      if (!onAir()) return;
      void refetchOrders();
      const d = room().deal;
      if (d && dealPhase(d, Date.now()).phase !== "ended") void refreshDeal();
    }, 5000);
    // On IVS no local hub tells the desk the session's state: it reads the session view (scheduled → live when
    // IVS reports the stream, offline while it reconnects, ended) until realtime events carry it.
    const state = setInterval(() => {
      if (view().playback.provider !== "ivs" || status() === "ended") return;
      liveApi
        .view(id)
        .then((fresh) => {
          setStreaming(fresh.status === "live" && !fresh.offline);
          if (fresh.status === status()) return;
          if (fresh.status === "ended") {
            stopCast();
            setSheet(null);
          }
          update((r) => ({ ...r, status: fresh.status }));
        })
        .catch(() => undefined);
    }, 5000);
    onCleanup(() => {
      clearInterval(tick);
      clearInterval(poll);
      clearInterval(state);
      stopCast();
      for (const t of stream?.getTracks() ?? []) t.stop();
    });
  });

  // A new order may have taken deal units: read the deal again at once.
  createEffect(
    on(
      () => orderList().length,
      (n, before) => {
        if (before !== undefined && n > before) void refreshDeal();
      },
    ),
  );
  createEffect(
    on(
      () => room().messages.length,
      () => {
        if (chatList) chatList.scrollTop = chatList.scrollHeight;
      },
    ),
  );

  // Streaming from OBS, this page is idle while the session is on air: the chip says what viewers get.
  const shownCast = (): CastState => (cast() === "idle" && status() === "live" && streaming() ? "live" : cast());
  const stateLabel = () => t(`live.cast.state.${shownCast()}` as Key);
  const latest = () => orderList()[0];
  const sheetTitle: Record<Sheet, Key> = {
    products: "live.cast.products",
    deal: "live.deal.title",
    orders: "live.cast.orders",
    more: "live.cast.more",
  };
  const tab = (name: Sheet, label: string, count?: () => number) => (
    <button
      type="button"
      class="bcast-dock__tab"
      aria-expanded={sheet() === name}
      aria-controls="cast-sheet"
      data-testid={`cast-tab-${name}`}
      onClick={() => setSheet(sheet() === name ? null : name)}
    >
      {label}
      <Show when={count?.()}>
        {(n) => (
          <span class="bcast-dock__count" data-testid={`cast-${name}-count`}>
            {n()}
          </span>
        )}
      </Show>
    </button>
  );

  return (
    <div class="bcast" classList={{ "bcast--sheet": sheet() !== null }}>
      <div class="bcast__stage" classList={{ "bcast__stage--landscape": !portraitFrames() }}>
        <video
          ref={preview}
          class="bcast__video"
          classList={{ "bcast__video--mirror": facing() === "user" }}
          muted
          playsinline
          autoplay
          aria-label={t("live.cast.preview")}
          data-testid="camera-preview"
        />

        <header class="bcast__top">
          <A href="/ban-hang/live" class="bcast__back" aria-label={t("live.cast.toSessions")}>
            <BackIcon />
          </A>
          <div class="bcast__heading">
            <h1 class="bcast__title">{t("live.cast.title", { title: view().title })}</h1>
            <p class="bcast__chips">
              <span class={`bcast__state bcast__state--${shownCast()}`} role="status" data-testid="cast-state">
                {t("live.cast.connection", { state: stateLabel() })}
              </span>
              <span class="bcast__viewers" data-testid="cast-viewers">
                {t("live.watch.viewers", { n: room().viewers ?? 0 })}
              </span>
            </p>
          </div>
          <Show when={status() !== "ended"}>
            <button
              type="button"
              class="bcast__end"
              disabled={ending() || status() === "scheduled"}
              onClick={() => void endLive()}
            >
              {t("live.cast.end")}
            </button>
          </Show>
        </header>
        <VerificationNotice gate={gate} />

        <div class="bcast__rail">
          <button type="button" class="bcast__round" onClick={() => void switchCamera()}>
            {t("live.cast.switch")}
          </button>
          <button type="button" class="bcast__round" aria-pressed={!micOn()} onClick={toggleMic}>
            {micOn() ? t("live.cast.mute") : t("live.cast.unmute")}
          </button>
        </div>

        <Switch>
          <Match when={status() === "ended"}>
            <div class="bcast__notice" role="status">
              <p>{t("live.cast.ended")}</p>
              <A href={`/live/${id}/replay`} class="button button--small">
                {t("live.seller.live.replay")}
              </A>
            </div>
          </Match>
          <Match when={camera() === "starting"}>
            <p class="bcast__notice">{t("live.cast.cameraStarting")}</p>
          </Match>
          <Match when={cameraProblem()}>
            {(problem) => (
              <div class="bcast__notice" role="alert">
                <p>
                  {problem() === "denied"
                    ? t("live.cast.cameraDenied")
                    : problem() === "insecure"
                      ? t("live.cast.cameraInsecure")
                      : t("live.cast.cameraMissing")}
                </p>
                <button type="button" class="button button--small" onClick={() => void openCamera()}>
                  {t("live.cast.cameraRetry")}
                </button>
              </div>
            )}
          </Match>
        </Switch>

        {/* Where viewers see it: small, at the top, clear of the chat. */}
        <div class="bcast__deal-slot">
          <Show when={room().deal}>{(d) => <DealChip deal={d()} now={now()} />}</Show>
        </div>

        <div class="bcast__lower">
          <Show when={latest()}>
            {(o) => (
              <p class="bcast__order" data-testid="live-orders" aria-live="polite">
                {t("live.cast.latestOrder", { code: o().code, buyer: o().buyer, total: formatVnd(o().totalVnd) })}
              </p>
            )}
          </Show>
          <section class="bcast-chat" aria-labelledby="cast-chat">
            <h2 id="cast-chat" class="sr-only">
              {t("live.chat.title")}
            </h2>
            <ol class="bcast-chat__list" ref={chatList} aria-live="polite" aria-relevant="additions">
              <For each={room().messages} fallback={<li class="bcast-chat__empty">{t("live.cast.chatEmpty")}</li>}>
                {(m) => (
                  <ChatLine
                    look="desk"
                    message={m}
                    open={openLine() === m.id}
                    onToggle={() => setOpenLine(openLine() === m.id ? null : m.id)}
                    actions={
                      <ModerationChips
                        class="bcast-chat__mod"
                        name={m.user.name}
                        onDelete={() => deleteMessage(m)}
                        onMute={() => mute(m)}
                      />
                    }
                  />
                )}
              </For>
            </ol>
            <Show when={chatError() ?? modDone()}>
              <p class="bcast-chat__note" classList={{ "bcast-chat__note--error": !!chatError() }} role="status">
                {chatError() ?? modDone()}
              </p>
            </Show>
          </section>
          <Show when={status() === "live" && pinned()}>
            {(p) => (
              <div class="bcast-pin" data-testid="cast-pin">
                <img src={p().image ? mediaUrl(p().image ?? "") : ""} alt="" width="44" height="44" />
                <span class="bcast-pin__body">
                  <span class="bcast-pin__name">{p().name}</span>
                  <span class="bcast-pin__price">
                    <LivePrice priceVnd={p().priceVnd} deal={runningDeal(p().productId)} />
                  </span>
                </span>
                {/* What viewers tap; on the seller's preview it only shows where it is. */}
                <span class="bcast-pin__buy" aria-hidden="true">
                  {t("live.watch.buyNow")}
                </span>
              </div>
            )}
          </Show>
          <Show when={status() !== "ended"}>
            <Show when={live.canChat()}>
              <form class="bcast-chat__form" onSubmit={sendChat} novalidate>
                <label class="sr-only" for="cast-chat-text">
                  {t("live.chat.label")}
                </label>
                <input
                  id="cast-chat-text"
                  value={chatText()}
                  placeholder={t("live.cast.chatPlaceholder")}
                  autocomplete="off"
                  enterkeyhint="send"
                  maxLength={CHAT_MAX_LENGTH * 2}
                  aria-invalid={chatLength(chatText()) > CHAT_MAX_LENGTH}
                  onInput={(e) => {
                    setChatText(e.currentTarget.value);
                    setChatError(undefined);
                  }}
                />
                <button type="submit" class="bcast-chat__send" disabled={chatLength(chatText()) === 0}>
                  {t("live.chat.send")}
                </button>
              </form>
            </Show>
          </Show>
          <Show when={castError()}>
            <p class="bcast__error" role="alert">
              {t("live.cast.failed", { reason: castError() ?? "" })}
            </p>
          </Show>
        </div>

        <Show when={status() !== "ended"}>
          <nav class="bcast-dock" aria-label={t("live.cast.controls")}>
            <Show
              when={cast() === "idle" || cast() === "ended"}
              fallback={
                <button type="button" class="bcast-dock__tab bcast-dock__stop" onClick={stopCast}>
                  {t("live.cast.stop")}
                </button>
              }
            >
              <button
                type="button"
                class="bcast-dock__tab bcast-dock__go"
                disabled={camera() !== "on" || !gate.mayGoLive()}
                onClick={() => void goLive()}
              >
                {t("live.cast.goLive")}
              </button>
            </Show>
            {tab("products", t("live.cast.tab.products"))}
            {tab("deal", t("live.cast.tab.deal"))}
            {tab("orders", t("live.cast.tab.orders"), () => orderList().length)}
            {tab("more", t("live.cast.tab.more"))}
          </nav>
        </Show>

        <Show when={sheet()}>
          {(which) => (
            <section
              id="cast-sheet"
              class="bcast-sheet"
              role="dialog"
              aria-modal="false"
              aria-labelledby="cast-sheet-title"
              data-testid="cast-sheet"
            >
              <header class="bcast-sheet__head">
                <h2 id="cast-sheet-title">{t(sheetTitle[which()])}</h2>
                <button type="button" class="button button--small button--ghost" onClick={() => setSheet(null)}>
                  {t("live.cast.close")}
                </button>
              </header>
              <div class="bcast-sheet__body">
                <Show when={!onAir() && status() !== "ended" && (which() === "products" || which() === "deal")}>
                  <p class="note small">{t("live.cast.notLive")}</p>
                </Show>
                <Switch>
                  <Match when={which() === "products"}>
                    <ul class="bcast-products">
                      <For each={view().products}>
                        {(p) => (
                          <li
                            class="bcast-product"
                            classList={{ "bcast-product--pinned": room().pinId === p.productId }}
                          >
                            <img src={p.image ? mediaUrl(p.image) : ""} alt="" width="44" height="44" />
                            <span class="bcast-product__name">
                              {p.name}
                              <span class="muted small"> · {formatVnd(p.priceVnd)}</span>
                            </span>
                            <Show
                              when={room().pinId === p.productId}
                              fallback={
                                <button
                                  type="button"
                                  class="button button--small"
                                  disabled={!onAir()}
                                  aria-label={t("live.cast.pinLabel", { name: p.name })}
                                  onClick={() => void pin(p.productId)}
                                >
                                  {t("live.cast.pin")}
                                </button>
                              }
                            >
                              <button
                                type="button"
                                class="button button--small button--ghost"
                                disabled={!onAir()}
                                onClick={() => void pin(null)}
                              >
                                {t("live.cast.unpin")}
                              </button>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                    <Show when={pinError()}>
                      <p class="pfield__error" role="alert">
                        {pinError()}
                      </p>
                    </Show>
                    <NoticeControl
                      sessionId={id}
                      groups={view().products.map((p) => p.group)}
                      current={notice()}
                      disabled={!onAir()}
                      onChange={setNotice}
                    />
                  </Match>
                  <Match when={which() === "deal"}>
                    <DealForm view={view()} disabled={!onAir()} onStarted={(deal) => update((r) => ({ ...r, deal }))} />
                  </Match>
                  <Match when={which() === "orders"}>
                    <Show
                      when={orderList().length > 0}
                      fallback={<p class="muted small">{t("live.cast.ordersEmpty")}</p>}
                    >
                      <ol class="bcast-orders" data-testid="live-orders-list" aria-live="polite">
                        <For each={orderList()}>
                          {(o) => (
                            <li>
                              <strong>{o.code}</strong> · {o.buyer} · {formatVnd(o.totalVnd)}
                              <span class="muted small"> · {formatDateTime(o.createdAt)}</span>
                            </li>
                          )}
                        </For>
                      </ol>
                    </Show>
                  </Match>
                  <Match when={which() === "more"}>
                    <Show when={view().playback.provider === "ivs"}>
                      <p class="muted small">{t("live.cast.ivs")}</p>
                    </Show>
                    <Show when={gate.mayGoLive()}>
                      <IngestBox sessionId={id} />
                    </Show>
                  </Match>
                </Switch>
              </div>
            </section>
          )}
        </Show>
      </div>
    </div>
  );
}

/**
 * `/ban-hang/live/:id/phat`: the seller's broadcast desk, one thumb on a phone. The preview is framed as viewers
 * watch (full screen, portrait, the deal, the pin and the chat over the video); pinning, deals, orders and the OBS
 * details open in a sheet over its lower part.
 */
export default function Broadcast() {
  return (
    <LiveLoaded title={(v) => t("live.cast.title", { title: v.title })} loading={<div class="wrap" aria-busy="true" />}>
      {(v) => <BroadcastDesk view={v} />}
    </LiveLoaded>
  );
}
