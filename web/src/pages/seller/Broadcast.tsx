import { A, useParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { BackLink } from "../../components/portal/bits";
import { createErrors, describedBy, Field, FormMessage, messageOf } from "../../components/portal/Field";
import { Loaded, NotFoundState } from "../../components/States";
import { CopyButton } from "../../components/shop/bits";
import { type LiveKey, tl } from "../../i18n/live";
import { formatDateTime, formatVnd } from "../../lib/format";
import {
  appendChat,
  CHAT_MAX_LENGTH,
  type ChatMessage,
  checkDeal,
  type DealField,
  dealPhase,
  type HubDeal,
  maskKey,
} from "../../lib/live";
import { type LiveOrder, type LiveView, liveApi } from "../../lib/live-api";
import { broadcastIvs, broadcastLocal, type Broadcast as Cast, type CastState } from "../../lib/live-broadcast";
import { connectHub, type Hub } from "../../lib/live-hub";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import { ChatPanel, DealBadge, ModerationButtons } from "../live/Watch";
import "../../styles/live.css";

type CameraProblem = "denied" | "missing" | "insecure" | undefined;

function IngestBox(props: { sessionId: string }) {
  const [ingest, { mutate }] = createResource(() => props.sessionId, liveApi.ingest);
  const [shown, setShown] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  const [rotated, setRotated] = createSignal<string>();
  const rotate = async () => {
    if (!globalThis.confirm(tl("cast.rotateConfirm"))) return;
    setRotating(true);
    setRotated(undefined);
    try {
      mutate(await liveApi.rotateStreamKey(props.sessionId));
      setShown(false);
      setRotated(tl("cast.rotated"));
    } catch (error) {
      setRotated(messageOf(error));
    } finally {
      setRotating(false);
    }
  };
  return (
    <details class="ingest-box">
      <summary>{tl("cast.obs")}</summary>
      <Show when={settled(ingest)} fallback={<span class="skeleton skeleton--line" />}>
        {(i) => (
          <dl class="ingest-box__list">
            <div>
              <dt>{tl("cast.server")}</dt>
              <dd>
                <code data-testid="ingest-url">{i().ingestUrl}</code>
                <CopyButton value={i().ingestUrl} what={tl("cast.server")} />
              </dd>
            </div>
            <div>
              <dt>{tl("cast.key")}</dt>
              <dd>
                <code data-testid="stream-key">{shown() ? i().streamKey : maskKey(i().streamKey)}</code>
                <button
                  type="button"
                  class="button button--small button--ghost"
                  aria-pressed={shown()}
                  onClick={() => setShown(!shown())}
                >
                  {shown() ? tl("cast.hide") : tl("cast.reveal")}
                </button>
                <CopyButton value={i().streamKey} what={tl("cast.key")} />
                <button
                  type="button"
                  class="button button--small button--ghost"
                  data-testid="rotate-key"
                  disabled={rotating()}
                  onClick={() => void rotate()}
                >
                  {tl("cast.rotate")}
                </button>
              </dd>
              <p class="muted small">{tl("cast.keyHint")}</p>
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
  const field = (name: DealField, label: LiveKey, initial: string, hint?: string) => (
    <Field id={`deal-${name}`} label={tl(label)} error={errors.of(name)} hint={hint}>
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
        errors.set(name, () => tl(`deal.error.${problem}` as LiveKey));
      return;
    }
    setBusy(true);
    try {
      const deal = await liveApi.startDeal(props.view.sessionId, { productId: p.productId, ...checked.value });
      props.onStarted(deal);
      setDone(tl("deal.started", { price: formatVnd(deal.priceVnd), n: deal.quantity }));
    } catch (error) {
      errors.fromApi(error, [...FIELDS, "productId"]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} class="pform deal-form" onSubmit={submit} novalidate>
      <h3>{tl("deal.title")}</h3>
      <Field id="deal-product" label={tl("deal.product")} error={errors.of("productId")}>
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
      <div class="deal-form__grid">
        {field("priceVnd", "deal.price", "", tl("deal.priceHint", { price: formatVnd(product()?.priceVnd ?? 0) }))}
        {field("quantity", "deal.quantity", "20")}
        {field("perBuyer", "deal.perBuyer", "2")}
        {field("countdownSeconds", "deal.countdown", "10")}
        {field("durationMinutes", "deal.duration", "5")}
      </div>
      <button type="submit" class="button button--seal button--block" disabled={busy() || props.disabled}>
        {busy() ? tl("deal.starting") : tl("deal.start")}
      </button>
      <FormMessage error={errors.general()} success={done()} />
    </form>
  );
}

function OrdersFeed(props: { sessionId: string; live: boolean }) {
  const [orders, { refetch }] = createResource(() => props.sessionId, liveApi.orders);
  const poll = setInterval(() => {
    if (props.live) void refetch();
  }, 5000);
  onCleanup(() => clearInterval(poll));
  return (
    <section class="cast-panel" aria-labelledby="orders-title">
      <h2 id="orders-title">{tl("cast.orders")}</h2>
      <Show when={(settled(orders) ?? []).length > 0} fallback={<p class="muted small">{tl("cast.ordersEmpty")}</p>}>
        <ol class="live-orders" data-testid="live-orders" aria-live="polite">
          <For each={settled(orders)}>
            {(o: LiveOrder) => (
              <li>
                <strong>{o.code}</strong> · {o.buyer} · {formatVnd(o.totalVnd)}
                <span class="muted small"> · {formatDateTime(o.createdAt)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function BroadcastDesk(props: { view: LiveView }) {
  const view = () => props.view;
  const id = view().sessionId;
  const [status, setStatus] = createSignal(view().status);
  const [cast, setCast] = createSignal<CastState>("idle");
  const [castError, setCastError] = createSignal<string>();
  const [camera, setCamera] = createSignal<"starting" | "on" | "off">("starting");
  const [cameraProblem, setCameraProblem] = createSignal<CameraProblem>();
  const [facing, setFacing] = createSignal<"user" | "environment">("user");
  const [micOn, setMicOn] = createSignal(true);
  const [viewers, setViewers] = createSignal(0);
  const [pinId, setPinId] = createSignal<string | null>(view().pin?.productId ?? null);
  const [pinError, setPinError] = createSignal<string>();
  const [deal, setDeal] = createSignal<HubDeal | null>(view().deal);
  const [messages, setMessages] = createSignal<ChatMessage[]>([]);
  const [chatError, setChatError] = createSignal<string>();
  const [canChat, setCanChat] = createSignal(false);
  const [modDone, setModDone] = createSignal<string>();
  const [now, setNow] = createSignal(Date.now());
  const [ending, setEnding] = createSignal(false);
  const onAir = () => status() === "live";
  const regular = createMemo(() => new Map(view().products.map((p) => [p.productId, p.priceVnd])));

  let preview: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;
  let broadcast: Cast | undefined;
  let hub: Hub | undefined;

  async function openCamera() {
    setCamera("starting");
    setCameraProblem(undefined);
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera("off");
      setCameraProblem(window.isSecureContext ? "missing" : "insecure");
      return;
    }
    try {
      const next = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: facing(), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
        audio: { echoCancellation: true, noiseSuppression: true },
      });
      for (const t of stream?.getTracks() ?? []) t.stop();
      stream = next;
      for (const t of next.getAudioTracks()) t.enabled = micOn();
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
      onError: (reason: string) => setCastError(reason === "unsupported" ? tl("cast.unsupported") : reason),
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
    if (!window.confirm(tl("cast.endAsk"))) return;
    setEnding(true);
    try {
      await liveApi.end(id);
      stopCast();
      setStatus("ended");
      setCast("ended");
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
      setPinId(productId);
    } catch (error) {
      setPinError(messageOf(error));
    }
  }

  onMount(() => {
    if (status() !== "ended") void openCamera();
    hub = connectHub(id, {
      onState: () => undefined,
      onMessage: (m) => {
        switch (m.type) {
          case "hello":
            setViewers(m.viewers);
            setStatus(m.status === "live" || m.status === "ended" ? m.status : "scheduled");
            if (ticket) hub?.auth(ticket);
            break;
          case "stream":
            if (m.state === "start") setStatus("live");
            break;
          case "viewers":
            setViewers(m.count);
            break;
          case "chat":
            setMessages((list) => appendChat(list, m));
            break;
          case "delete":
            setMessages((list) => list.filter((x) => x.id !== m.id));
            break;
          case "ended":
            setStatus("ended");
            stopCast();
            break;
          case "auth":
            setCanChat(true);
            break;
          case "error":
            if (m.code === "rate_limited") setChatError(tl("chat.rateLimited"));
            break;
        }
      },
    });
    liveApi
      .chatTicket(id)
      .then((t) => {
        ticket = t.token;
        hub?.auth(t.token);
      })
      .catch(() => undefined);
    const tick = setInterval(() => setNow(Date.now()), 500);
    onCleanup(() => {
      clearInterval(tick);
      stopCast();
      hub?.close();
      for (const t of stream?.getTracks() ?? []) t.stop();
    });
  });
  let ticket: string | undefined;

  const moderation = (m: ChatMessage) => (
    <ModerationButtons sessionId={id} message={m} onDone={setModDone} onError={setChatError} />
  );

  const stateLabel = () => tl(`cast.state.${cast()}` as LiveKey);
  return (
    <div class="wrap cast">
      <BackLink href="/ban-hang/live">{tl("cast.toSessions")}</BackLink>
      <h1 class="cast__title">{tl("cast.title", { title: view().title })}</h1>
      <div class="cast__layout">
        <div class="cast__stage">
          <div class="cast__preview">
            <video
              ref={preview}
              muted
              playsinline
              autoplay
              aria-label={tl("cast.preview")}
              data-testid="camera-preview"
            />
            <span class={`cast__indicator cast__indicator--${cast()}`} role="status" data-testid="cast-state">
              {tl("cast.connection", { state: stateLabel() })}
            </span>
            <span class="cast__viewers" data-testid="cast-viewers">
              {/* The hub counts this desk's own socket too. */}
              {tl("cast.viewers", { n: Math.max(0, viewers() - 1) })}
            </span>
            <Switch>
              <Match when={camera() === "starting" && status() !== "ended"}>
                <p class="cast__overlay">{tl("cast.cameraStarting")}</p>
              </Match>
              <Match when={cameraProblem()}>
                {(problem) => (
                  <div class="cast__overlay" role="alert">
                    <p>
                      {problem() === "denied"
                        ? tl("cast.cameraDenied")
                        : problem() === "insecure"
                          ? tl("cast.cameraInsecure")
                          : tl("cast.cameraMissing")}
                    </p>
                    <button type="button" class="button button--small" onClick={() => void openCamera()}>
                      {tl("cast.cameraRetry")}
                    </button>
                  </div>
                )}
              </Match>
            </Switch>
          </div>
          <Show
            when={status() !== "ended"}
            fallback={
              <p class="note" role="status">
                {tl("cast.ended")} <A href={`/live/${id}/replay`}>{tl("seller.live.replay")}</A>
              </p>
            }
          >
            <div class="cast__controls">
              <Show
                when={cast() === "idle" || cast() === "ended"}
                fallback={
                  <button type="button" class="button button--ghost" onClick={stopCast}>
                    {tl("cast.stop")}
                  </button>
                }
              >
                <button
                  type="button"
                  class="button button--seal button--big"
                  disabled={camera() !== "on"}
                  onClick={() => void goLive()}
                >
                  {tl("cast.goLive")}
                </button>
              </Show>
              <button type="button" class="button button--ghost" onClick={() => void switchCamera()}>
                {tl("cast.switch")}
              </button>
              <button type="button" class="button button--ghost" aria-pressed={!micOn()} onClick={toggleMic}>
                {micOn() ? tl("cast.mute") : tl("cast.unmute")}
              </button>
              <button
                type="button"
                class="button button--danger"
                disabled={ending() || status() === "scheduled"}
                onClick={() => void endLive()}
              >
                {tl("cast.end")}
              </button>
            </div>
          </Show>
          <Show when={castError()}>
            <p class="pfield__error" role="alert">
              {tl("cast.failed", { reason: castError() ?? "" })}
            </p>
          </Show>
          <Show when={view().playback.provider === "local"} fallback={<p class="muted small">{tl("cast.ivs")}</p>}>
            <IngestBox sessionId={id} />
          </Show>
        </div>

        <div class="cast__desk">
          <section class="cast-panel" aria-labelledby="cast-products">
            <h2 id="cast-products">{tl("cast.products")}</h2>
            <Show when={!onAir() && status() !== "ended"}>
              <p class="note small">{tl("cast.notLive")}</p>
            </Show>
            <Show when={deal()}>
              {(d) => (
                <Show when={dealPhase(d(), now()).phase !== "ended"}>
                  <DealBadge deal={d()} regularVnd={regular().get(d().productId)} now={now()} />
                </Show>
              )}
            </Show>
            <ul class="cast-products">
              <For each={view().products}>
                {(p) => (
                  <li class="cast-product" classList={{ "cast-product--pinned": pinId() === p.productId }}>
                    <span class="cast-product__name">
                      {p.name}
                      <span class="muted small"> · {formatVnd(p.priceVnd)}</span>
                    </span>
                    <Show
                      when={pinId() === p.productId}
                      fallback={
                        <button
                          type="button"
                          class="button button--small"
                          disabled={!onAir()}
                          aria-label={tl("cast.pinLabel", { name: p.name })}
                          onClick={() => void pin(p.productId)}
                        >
                          {tl("cast.pin")}
                        </button>
                      }
                    >
                      <button
                        type="button"
                        class="button button--small button--ghost"
                        disabled={!onAir()}
                        onClick={() => void pin(null)}
                      >
                        {tl("cast.unpin")}
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
            <DealForm view={view()} disabled={!onAir()} onStarted={setDeal} />
          </section>
          <div class="cast-panel">
            <ChatPanel
              messages={messages()}
              canWrite={canChat() && status() !== "ended"}
              joining={!canChat()}
              signedIn
              maxLength={CHAT_MAX_LENGTH}
              error={chatError()}
              signInHref="/dang-nhap"
              onSend={(text) => hub?.send({ type: "chat", text }) ?? false}
              actions={moderation}
              notice={modDone()}
              headingId="cast-chat"
            />
          </div>
          <OrdersFeed sessionId={id} live={onAir()} />
        </div>
      </div>
    </div>
  );
}

/** `/ban-hang/live/:id/phat`: the seller's broadcast desk, one hand on a phone. */
export default function Broadcast() {
  const params = useParams();
  const [view, { refetch }] = createResource(() => params.id, liveApi.view);
  useTitle(() => (view.latest ? tl("cast.title", { title: view.latest.title }) : undefined));
  return (
    <Loaded
      data={view}
      retry={refetch}
      loading={<div class="wrap" aria-busy="true" />}
      notFound={
        <div class="wrap">
          <NotFoundState title={tl("live.notFound")} text={tl("live.notFoundText")} />
        </div>
      }
    >
      {(v) => <BroadcastDesk view={v} />}
    </Loaded>
  );
}
