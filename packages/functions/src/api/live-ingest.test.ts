import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { call, tokenFor } from "../../test/api";
import type { LiveServer } from "../local/live/testing";
import { Client, scheduleSession, sellerWithProducts, startLiveServer, status, until } from "../local/live/testing";

/** ffmpeg processes whose parent is this process (the bridge's, and the fake phones of these tests). */
function ffmpegChildren(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const [, comm, , ppid] = stat.match(/^\d+ \((.*)\) (\S) (\d+)/) ?? [];
        return comm === "ffmpeg" && Number(ppid) === process.pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * A phone stands in here as ffmpeg writing what MediaRecorder writes (H.264 or VP8 with Opus, in Matroska/WebM,
 * in real time); the chunks go over the ingest WebSocket as the broadcast page sends them.
 */
function phone(format: "h264" | "vp8"): ChildProcess {
  const video =
    format === "h264"
      ? ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30"]
      : ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-g", "30", "-b:v", "300k"];
  return spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-f", "lavfi", "-i", "sine=frequency=440"],
      ...video,
      ...["-c:a", "libopus", "-f", format === "h264" ? "matroska" : "webm", "pipe:1"],
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
}

describe("going live from a phone (MediaRecorder chunks over WebSocket, ffmpeg to RTMP)", () => {
  let server: LiveServer;
  let seller: string;
  let productIds: string[];
  const phones: ChildProcess[] = [];

  beforeAll(async () => {
    // A short reconnect grace: a closed broadcast ends its session seconds later.
    server = await startLiveServer({ reconnectGraceMs: 1500 });
    ({ seller, productIds } = await sellerWithProducts("HTX Lên Sóng", 1));
  });
  afterAll(async () => {
    for (const p of phones) p.kill("SIGKILL");
    await server?.stop();
  });

  function connect(path: string, headers: Record<string, string> = {}, protocols: string[] = []) {
    return new Client(new WebSocket(`${server.base.replace("http", "ws")}${path}`, protocols, { headers }));
  }

  /** Pipes a fake phone into the socket once the server says it is ready. */
  async function broadcast(socket: Client, format: "h264" | "vp8") {
    await socket.next((m) => m.type === "ready");
    const source = phone(format);
    phones.push(source);
    source.stdout?.on("data", (chunk: Buffer) => {
      if (socket.ws.readyState === WebSocket.OPEN) socket.ws.send(chunk);
    });
    return source;
  }

  it("refuses anyone but the producer's sellers", async () => {
    const { session } = await scheduleSession(seller, productIds);
    const path = `/live-ingest/${session.sessionId}?mime=${encodeURIComponent("video/x-matroska;codecs=avc1,opus")}`;
    await expect(connect(path).opened).rejects.toThrow(/401/);
    const stranger = await tokenFor();
    await expect(connect(path, { authorization: `Bearer ${stranger}` }).opened).rejects.toThrow(/403/);
    await expect(connect(path, {}, [`${session.sessionId}.x.9999999999.forged`]).opened).rejects.toThrow(/401/);
    expect((await call("POST", `/api/live/${session.sessionId}/end`, { token: seller })).status).toBe(200);
  });

  it("takes H.264 in Matroska with a ticket: acks, the session goes live, viewers get FLV; closing ends it", async () => {
    const { session } = await scheduleSession(seller, productIds);
    const ticket = await server.live.routes.request(`/live-ingest/${session.sessionId}/ticket`, {
      method: "POST",
      headers: { authorization: `Bearer ${seller}` },
    });
    expect(ticket.status).toBe(200);
    const { url, ticket: signed } = (await ticket.json()) as { url: string; ticket: string };
    const socket = connect(`${url}?mime=${encodeURIComponent("video/x-matroska;codecs=avc1,opus")}`, {}, [signed]);
    await socket.opened;
    const source = await broadcast(socket, "h264");
    expect(socket.messages.find((m) => m.type === "ready")).toMatchObject({ transcode: false });
    expect(await socket.next((m) => m.type === "ack")).toMatchObject({ seq: 1 });

    await until(async () => (await status(session.sessionId)) === "live", 20_000);
    expect(await socket.next((m) => m.type === "stream" && m.state === "start")).toMatchObject({
      sessionId: session.sessionId,
    });
    const res = await fetch(`${server.base}${session.playback.url}`);
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(
      Buffer.from(first?.value ?? [])
        .subarray(0, 3)
        .toString(),
    ).toBe("FLV");
    await reader?.cancel();

    // The page closes its socket: ffmpeg flushes, the stream ends, the session ends after the reconnect grace,
    // no ffmpeg is left.
    source.kill("SIGKILL");
    socket.close();
    await until(async () => (await status(session.sessionId)) === "ended", 30_000, 50);
    await until(async () => ffmpegChildren().length === 0, 5000);
  }, 45_000);

  it("encodes a WebM (VP8) broadcast, and a live ended by its seller stops the phone and refuses it a while", async () => {
    const { session } = await scheduleSession(seller, productIds);
    const socket = connect(
      `/live-ingest/${session.sessionId}?mime=${encodeURIComponent("video/webm;codecs=vp8,opus")}`,
      {
        authorization: `Bearer ${seller}`,
      },
    );
    await socket.opened;
    const source = await broadcast(socket, "vp8");
    expect(socket.messages.find((m) => m.type === "ready")).toMatchObject({ transcode: true });
    await until(async () => (await status(session.sessionId)) === "live", 20_000);

    const ended = await call("POST", `/api/live/${session.sessionId}/end`, { token: seller });
    expect(ended.status).toBe(200);
    expect(await socket.next((m) => m.type === "stream" && m.state === "end", 5000)).toBeTruthy();
    expect((await socket.whenClosed())?.code).toBe(1000);
    source.kill("SIGKILL");

    // OBS and the page would reconnect on their own: the channel refuses them for a while.
    const next = await scheduleSession(seller, productIds);
    const again = connect(`/live-ingest/${next.session.sessionId}`, { authorization: `Bearer ${seller}` });
    await again.opened;
    expect(await again.next((m) => m.type === "error")).toMatchObject({ code: "stopped" });
    expect(await status(next.session.sessionId)).toBe("scheduled");
    await until(async () => ffmpegChildren().length === 0, 8000);
  }, 45_000);
});
