import { liveApi, socketUrl } from "../api/live";
import { recorderType } from "./live";

export type CastState = "idle" | "connecting" | "live" | "weak" | "reconnecting" | "ended";

export interface Broadcast {
  stop(): void;
}

/** What ffmpeg has not taken yet beyond which the page says the network is weak. */
const WEAK_BYTES = 512 * 1024;

/**
 * Going live from this page locally: MediaRecorder records the camera (H.264 in Matroska when the browser can,
 * keyframes every 2 s so viewers start fast) in half-second chunks, sent over a WebSocket to `/live-ingest/<id>`
 * where ffmpeg turns them into RTMP for the local ingest. A dropped socket is reopened with a fresh ticket and a
 * fresh recorder (ffmpeg needs the stream's header again); the live waits 60 s for it on the server.
 */
export function broadcastLocal(
  sessionId: string,
  stream: MediaStream,
  events: { onState(state: CastState): void; onError(reason: string): void },
): Broadcast {
  const mime = recorderType((t) => MediaRecorder.isTypeSupported(t));
  if (!mime) {
    events.onError("unsupported");
    return { stop() {} };
  }
  let stopped = false;
  let ws: WebSocket | undefined;
  let recorder: MediaRecorder | undefined;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let sentBytes = 0;
  let ackedBytes = 0;

  const teardown = () => {
    if (recorder && recorder.state !== "inactive") recorder.stop();
    recorder = undefined;
  };

  const connect = async () => {
    if (stopped) return;
    events.onState(attempt ? "reconnecting" : "connecting");
    let ticket: { url: string; ticket: string };
    try {
      ticket = await liveApi.ingestTicket(sessionId);
    } catch (error) {
      if (stopped) return;
      events.onError(error instanceof Error ? error.message : String(error));
      return again();
    }
    if (stopped) return;
    // The ticket is the subprotocol: it never appears in a URL.
    const socket = new WebSocket(socketUrl(`${ticket.url}?mime=${encodeURIComponent(mime)}`), [ticket.ticket]);
    socket.binaryType = "arraybuffer";
    ws = socket;
    sentBytes = 0;
    ackedBytes = 0;
    socket.onmessage = (event) => {
      let message: { type?: string; state?: string; bytes?: number; code?: string; message?: string } = {};
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (message.type === "ready") start(socket);
      else if (message.type === "ack" && typeof message.bytes === "number") {
        ackedBytes = message.bytes;
        events.onState(sentBytes - ackedBytes + socket.bufferedAmount > WEAK_BYTES ? "weak" : "live");
      } else if (message.type === "stream" && message.state === "start") {
        attempt = 0;
        events.onState("live");
      } else if (message.type === "error") {
        events.onError(message.message ?? message.code ?? "error");
        if (message.code === "stopped") stopped = true;
      }
    };
    socket.onclose = (event) => {
      if (ws !== socket) return;
      teardown();
      if (stopped || event.reason === "ended") {
        stopped = true;
        events.onState(event.reason === "ended" ? "ended" : "idle");
        return;
      }
      again();
    };
  };

  const again = () => {
    if (stopped) return;
    attempt++;
    events.onState("reconnecting");
    retry = setTimeout(() => void connect(), Math.min(10_000, 1000 * attempt));
  };

  const start = (socket: WebSocket) => {
    teardown();
    const options: MediaRecorderOptions & { videoKeyFrameIntervalDuration?: number } = {
      mimeType: mime,
      videoBitsPerSecond: 1_500_000,
      audioBitsPerSecond: 96_000,
      videoKeyFrameIntervalDuration: 2000,
    };
    const rec = new MediaRecorder(stream, options);
    recorder = rec;
    rec.ondataavailable = async (event) => {
      if (!event.data.size || socket.readyState !== WebSocket.OPEN) return;
      const bytes = await event.data.arrayBuffer();
      sentBytes += bytes.byteLength;
      socket.send(bytes);
    };
    rec.onerror = () => events.onError("recorder");
    rec.start(500);
  };

  void connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(retry);
      teardown();
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "end" }));
      ws?.close(1000, "end");
      events.onState("idle");
    },
  };
}

/*
 * Amazon IVS broadcasting (production): the IVS Web Broadcast SDK from npm (pinned), loaded on first use: the camera
 * and microphone in, RTMPS out to the channel's ingest. Its connection state drives the desk (connected → live,
 * disconnected while not stopped → reconnecting); the session's own state comes from the session view.
 */
export async function broadcastIvs(
  ingest: { ingestUrl: string; streamKey: string },
  stream: MediaStream,
  events: { onState(state: CastState): void; onError(reason: string): void },
): Promise<Broadcast> {
  events.onState("connecting");
  const { default: sdk } = await import("amazon-ivs-web-broadcast");
  if (!sdk.isSupported()) {
    events.onError("unsupported");
    return { stop() {} };
  }
  // A phone held upright sends portrait (as viewers watch it); a computer's webcam, landscape.
  const { width = 0, height = 0 } = stream.getVideoTracks()[0]?.getSettings() ?? {};
  const client = sdk.create({
    streamConfig: width > height ? sdk.STANDARD_LANDSCAPE : sdk.STANDARD_PORTRAIT,
    ingestEndpoint: ingestHost(ingest.ingestUrl),
  });
  let stopped = false;
  // The SDK types its callbacks without arguments; the state is the first.
  client.on(sdk.BroadcastClientEvents.CONNECTION_STATE_CHANGE, (...args: unknown[]) => {
    const state = args[0];
    if (stopped) return;
    if (state === sdk.ConnectionState.CONNECTED) events.onState("live");
    else if (state === sdk.ConnectionState.CONNECTING) events.onState("connecting");
    else if (state === sdk.ConnectionState.DISCONNECTED || state === sdk.ConnectionState.FAILED)
      events.onState("reconnecting");
  });
  await client.addVideoInputDevice(new MediaStream(stream.getVideoTracks()), "camera", { index: 0 });
  await client.addAudioInputDevice(new MediaStream(stream.getAudioTracks()), "mic");
  await client.startBroadcast(ingest.streamKey).then(
    () => events.onState("live"),
    (error: unknown) => events.onError(String(error)),
  );
  return {
    stop() {
      stopped = true;
      client.stopBroadcast();
      events.onState("idle");
    },
  };
}

/** The ingest server's host, as the Web Broadcast SDK takes it (rtmps://<host>:443/app/ → <host>). */
export const ingestHost = (ingestUrl: string) => ingestUrl.replace(/^rtmps?:\/\//, "").replace(/[:/].*$/, "");
