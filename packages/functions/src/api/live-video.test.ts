import { Live } from "@cho-ocop/core/live/index";
import { MetadataError } from "@cho-ocop/core/live/provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call } from "../../test/api";
import type { LiveServer, Publisher } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer, status, until } from "../local/live/testing";

/**
 * The local video provider end to end: ffmpeg publishes over RTMP to node-media-server as OBS would, the stream
 * key decides, the provider's stream events drive the session, our server plays the stream and records it, and
 * pins reach WebSocket viewers with their stream timestamp — under the same limits as IVS PutMetadata.
 */
const GRACE_MS = 2000;

describe("local live video", () => {
  let server: LiveServer;
  beforeAll(async () => {
    // A short reconnect grace, so that the end after a dropped stream is seen in seconds.
    server = await startLiveServer({ reconnectGraceMs: GRACE_MS });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function firstBytes(url: string, n: number) {
    const res = await fetch(url);
    if (res.status !== 200 || !res.body) return { status: res.status, bytes: Buffer.alloc(0), headers: res.headers };
    const reader = res.body.getReader();
    let bytes = Buffer.alloc(0);
    while (bytes.length < n) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes = Buffer.concat([bytes, value]);
    }
    await reader.cancel();
    return { status: res.status, bytes, headers: res.headers };
  }

  it("refuses a wrong stream key: nothing goes live, nothing plays", async () => {
    const { seller, productIds } = await sellerWithProducts("HTX Sai Khoá", 1);
    const { session, streamKey } = await scheduleSession(seller, productIds);
    const channelId = session.playback.url.match(/\/live-media\/([0-9a-f]+)\.flv$/)?.[1] ?? "";
    expect(session.playback.url).not.toContain(streamKey);

    // The right channel id with another secret, and a key of no channel at all.
    const forged = `${streamKey.slice(0, -4)}AAAA`;
    for (const key of [forged, "sk_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-key"]) {
      const publisher = server.publish(key, 20);
      const code = await Promise.race([publisher.exited, new Promise((r) => setTimeout(() => r("running"), 5000))]);
      expect(code).not.toBe("running");
      expect(code).not.toBe(0);
    }
    await server.live.video.settled();
    expect(await status(session.sessionId)).toBe("scheduled");
    expect((await fetch(`${server.base}/live-media/${channelId}.flv`)).status).toBe(404);
  });

  describe("with the right key", () => {
    let publisher: Publisher;
    let sessionId: string;
    let channelId: string;
    let seller: string;
    let productIds: string[];

    beforeAll(async () => {
      ({ seller, productIds } = await sellerWithProducts("HTX Phát Sóng", 2));
      const scheduled = await scheduleSession(seller, productIds);
      sessionId = scheduled.session.sessionId;
      channelId = scheduled.session.playback.url.match(/\/live-media\/([0-9a-f]+)\.flv$/)?.[1] ?? "";
      expect(scheduled.ingestUrl).toBe(server.live.rtmpUrl);
      publisher = server.publish(scheduled.streamKey);
    });

    it("accepts the publish: the session goes live and FLV plays at the channel's path", async () => {
      await until(async () => (await status(sessionId)) === "live", 15_000);
      const view = await call<{ playback: { url: string } }>("GET", `/api/live/${sessionId}`);
      expect(view.body.playback.url).toBe(`/live-media/${channelId}.flv`);
      const { status: code, bytes, headers } = await firstBytes(`${server.base}${view.body.playback.url}`, 4096);
      expect(code).toBe(200);
      expect(headers.get("content-type")).toBe("video/x-flv");
      expect(bytes.subarray(0, 3).toString()).toBe("FLV");
      expect(bytes.length).toBeGreaterThanOrEqual(4096);
    }, 30_000);

    it("sends a pin to a WebSocket viewer with its stream timestamp; a late joiner gets it on connect", async () => {
      await until(async () => (await status(sessionId)) === "live", 15_000);
      const viewer = server.socket(`/live-ws/${sessionId}`);
      await viewer.opened;
      const hello = await viewer.next((m) => m.type === "hello");
      expect(hello).toMatchObject({ status: "live", pin: null, user: null });
      // The stream has been running a moment: its clock has passed 0.
      await new Promise((r) => setTimeout(r, 500));

      const pinned = await call("POST", `/api/seller/live/${sessionId}/pin`, {
        token: seller,
        body: { productId: productIds[0] },
      });
      expect(pinned.status).toBe(200);
      // How fast a pin arrives is measured by packages/bench (live); here it only has to arrive.
      const cue = await viewer.next<{ text: string; ts: number }>((m) => m.type === "cue", 15_000);
      expect(cue.ts).toBeGreaterThan(0);
      const payload = JSON.parse(cue.text);
      expect(payload).toMatchObject({ t: "pin", s: sessionId, p: { id: productIds[0] } });

      const late = server.socket(`/live-ws/${sessionId}`);
      await late.opened;
      const lateHello = await late.next<{ pin: { productId: string } | null; cues: Array<{ text: string }> }>(
        (m) => m.type === "hello",
      );
      expect(lateHello.pin?.productId ?? JSON.parse(lateHello.cues[0]?.text ?? "{}").p?.id).toBe(productIds[0]);
      const view = await call<{ pin: { productId: string } | null }>("GET", `/api/live/${sessionId}`);
      expect(view.body.pin?.productId).toBe(productIds[0]);
      viewer.close();
      late.close();
    });

    it("applies IVS's limits to timed metadata: over 1 KB is refused (413), the 6th in a second gets 429", async () => {
      // The clock stands still while the pins are sent, so "in a second" does not depend on how fast this machine is;
      // it starts past the window of the previous test's pin.
      const t0 = Date.now() + 1100;
      vi.useFakeTimers({ toFake: ["Date"], now: t0 });
      try {
        await limits(t0);
      } finally {
        vi.useRealTimers();
      }
      // The window remembers the stood-still times: later tests start once the real clock has passed them.
      await until(async () => Date.now() > t0 + 3300, 10_000);
    });

    async function limits(t0: number) {
      const channel = await Live.channelOf((await Live.get(sessionId)).producerId);
      await expect(server.live.video.putMetadata(channel, "x".repeat(1025))).rejects.toMatchObject({
        status: 413,
        code: "metadata_too_large",
      });
      await expect(server.live.video.putMetadata(channel, "é".repeat(513))).rejects.toBeInstanceOf(MetadataError);
      await server.live.video.putMetadata(channel, "x".repeat(1024));

      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        // A millisecond apart: a pin's record is keyed by its time.
        vi.setSystemTime(t0 + 1100 + i);
        const reply = await call("POST", `/api/seller/live/${sessionId}/pin`, {
          token: seller,
          body: { productId: productIds[i % 2] ?? null },
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      vi.setSystemTime(t0 + 2200);
      expect(
        (await call("POST", `/api/seller/live/${sessionId}/pin`, { token: seller, body: { productId: null } })).status,
      ).toBe(200);
    }

    it("keeps the session through a dropped stream that comes back within the grace", async () => {
      const viewer = server.socket(`/live-ws/${sessionId}`);
      await viewer.opened;
      await viewer.next((m) => m.type === "hello");
      await publisher.stop();
      await viewer.next((m) => m.type === "stream" && m.state === "end", 5000);
      const offline = await call<{ status: string; offline: boolean }>("GET", `/api/live/${sessionId}`);
      expect(offline.body).toMatchObject({ status: "live", offline: true });

      // The seller's phone (or OBS) reconnects with the same key: the same session goes on.
      const { streamKey } = (
        await call<{ streamKey: string }>("GET", `/api/seller/live/${sessionId}/ingest`, { token: seller })
      ).body;
      publisher = server.publish(streamKey);
      await viewer.next((m) => m.type === "stream" && m.state === "start" && m.sessionId === sessionId, 15_000);
      await new Promise((r) => setTimeout(r, GRACE_MS + 500));
      const back = await call<{ status: string; offline: boolean }>("GET", `/api/live/${sessionId}`);
      expect(back.body).toMatchObject({ status: "live", offline: false });
      expect((await firstBytes(`${server.base}/live-media/${channelId}.flv`, 3)).bytes.subarray(0, 3).toString()).toBe(
        "FLV",
      );
      viewer.close();
    }, 40_000);

    it("ends the session when the stream stays gone past the grace, and keeps the recording for the replay", async () => {
      const viewer = server.socket(`/live-ws/${sessionId}`);
      await viewer.opened;
      await viewer.next((m) => m.type === "hello");
      const stoppedAt = Date.now();
      await publisher.stop();
      await viewer.next((m) => m.type === "ended" && m.sessionId === sessionId, GRACE_MS + 5000);
      expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(GRACE_MS - 200);
      expect(await status(sessionId)).toBe("ended");
      expect((await fetch(`${server.base}/live-media/${channelId}.flv`)).status).toBe(404);
      viewer.close();

      await server.live.video.settled();
      const replay = await call<{ recordingUrl: string | null; pins: unknown[] }>(
        "GET",
        `/api/live/${sessionId}/replay`,
      );
      expect(replay.body.recordingUrl).toMatch(new RegExp(`^/recordings/${channelId}-\\d+\\.mp4$`));
      expect(replay.body.pins.length).toBeGreaterThan(0);
      const recording = await fetch(`${server.base}${replay.body.recordingUrl}`, { headers: { range: "bytes=0-15" } });
      expect(recording.status).toBe(206);
      expect(recording.headers.get("content-type")).toBe("video/mp4");
      expect(
        Buffer.from(await recording.arrayBuffer())
          .subarray(4, 8)
          .toString(),
      ).toBe("ftyp");
    }, 20_000);
  });
});
