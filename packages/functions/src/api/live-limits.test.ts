import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { COUNTED_PER_ADDRESS, SOCKETS_PER_ADDRESS } from "../local/live/hub";
import type { Client, LiveServer, Publisher } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer, status, until } from "../local/live/testing";

/** The bridge's ffmpeg processes (reading the phone's chunks on stdin), children of this process. */
function bridgeEncoders(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const [, comm, , ppid] = readFileSync(`/proc/${pid}/stat`, "utf8").match(/^\d+ \((.*)\) (\S) (\d+)/) ?? [];
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return comm === "ffmpeg" && Number(ppid) === process.pid && args.includes("pipe:0");
      } catch {
        return false;
      }
    })
    .map(Number);
}

const MIME = encodeURIComponent("video/x-matroska;codecs=avc1,opus");

describe("the live hub and the browser ingest hold up against one client", () => {
  let server: LiveServer;
  let seller: string;
  let productIds: string[];
  const sockets: Client[] = [];
  const publishers: Publisher[] = [];

  beforeAll(async () => {
    server = await startLiveServer({ reconnectGraceMs: 30_000, hubLimits: { socketsPerSession: 30 } });
    ({ seller, productIds } = await sellerWithProducts("HTX Giới Hạn", 1));
  }, 40_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const p of publishers) await p.stop();
    await server?.stop();
  });

  function open(path: string, protocols?: string[], options?: Parameters<LiveServer["socket"]>[2]) {
    const socket = server.socket(path, protocols, options);
    sockets.push(socket);
    return socket;
  }

  it("counts at most a few sockets per address, so one client inflates neither the count nor the peak", async () => {
    const { session } = await scheduleSession(seller, productIds, "Phiên đếm người xem");
    const id = session.sessionId;
    const crowd = Array.from({ length: 10 }, () => open(`/live-ws/${id}`, undefined, { from: "127.0.0.5" }));
    const family = [open(`/live-ws/${id}`, undefined, { from: "127.0.0.6" })];
    family.push(open(`/live-ws/${id}`, undefined, { from: "127.0.0.6" }));
    await Promise.all([...crowd, ...family].map((s) => s.opened));
    const expected = COUNTED_PER_ADDRESS + 2;
    expect(await family[0]?.next((m) => m.type === "viewers" && m.count === expected, 8000)).toBeTruthy();
    expect(server.live.hub.viewers(id)).toBe(expected);
    const summary = await call<{ peakViewers: number }>("GET", `/api/live/${id}/summary`, { token: seller });
    expect(summary.body.peakViewers).toBe(expected);

    // Past its sockets an address is refused; another address is not; past the session's ceiling, nobody.
    const more = Array.from({ length: SOCKETS_PER_ADDRESS - 10 }, () =>
      open(`/live-ws/${id}`, undefined, { from: "127.0.0.5" }),
    );
    await Promise.all(more.map((s) => s.opened));
    await expect(open(`/live-ws/${id}`, undefined, { from: "127.0.0.5" }).opened).rejects.toThrow(/429/);
    const others = Array.from({ length: 30 - SOCKETS_PER_ADDRESS - 2 }, (_, i) =>
      open(`/live-ws/${id}`, undefined, { from: `127.0.1.${i + 1}` }),
    );
    await Promise.all(others.map((s) => s.opened));
    await expect(open(`/live-ws/${id}`, undefined, { from: "127.0.2.1" }).opened).rejects.toThrow(/503/);
    for (const s of [...crowd, ...more, ...others, ...family]) s.close();
    await until(async () => server.live.hub.viewers(id) === 0, 8000);
  }, 30_000);

  it("refuses an upgrade from another site's page or a null origin with 403, on the hub and the ingest", async () => {
    const { session } = await scheduleSession(seller, productIds, "Phiên nguồn lạ");
    const id = session.sessionId;
    for (const origin of ["null", "https://evil.example"]) {
      await expect(open(`/live-ws/${id}`, undefined, { headers: { origin } }).opened).rejects.toThrow(/403/);
      await expect(
        open(`/live-ingest/${id}?mime=${MIME}`, undefined, { headers: { origin, authorization: `Bearer ${seller}` } })
          .opened,
      ).rejects.toThrow(/403/);
    }
    const host = new URL(server.base).host;
    await open(`/live-ws/${id}`, undefined, { headers: { origin: `http://${host}` } }).opened;
  });

  it("takes the ingest ticket as the subprotocol, once; never in the URL", async () => {
    const { session } = await scheduleSession(seller, productIds, "Phiên vé phát");
    const id = session.sessionId;
    const issue = async () => {
      const reply = await server.live.routes.request(`/live-ingest/${id}/ticket`, {
        method: "POST",
        headers: { authorization: `Bearer ${seller}` },
      });
      expect(reply.status).toBe(200);
      return (await reply.json()) as { url: string; ticket: string };
    };
    const first = await issue();
    expect(first.url).toBe(`/live-ingest/${id}`);
    expect(first.url).not.toContain(first.ticket);
    await expect(open(`${first.url}?ticket=${encodeURIComponent(first.ticket)}&mime=${MIME}`).opened).rejects.toThrow(
      /401/,
    );
    const socket = open(`${first.url}?mime=${MIME}`, [first.ticket]);
    await socket.opened;
    expect(await socket.next((m) => m.type === "ready", 10_000)).toBeTruthy();
    socket.close();
    await expect(open(`${first.url}?mime=${MIME}`, [first.ticket]).opened).rejects.toThrow(/401/);
    await until(async () => bridgeEncoders().length === 0, 10_000);
    await call("POST", `/api/live/${id}/end`, { token: seller });
  }, 30_000);

  it("runs one ffmpeg per channel when four sockets open at once: the newest takes over, the others give way", async () => {
    const { session } = await scheduleSession(seller, productIds, "Phiên bốn điện thoại");
    const id = session.sessionId;
    let most = 0;
    const watch = setInterval(() => {
      most = Math.max(most, bridgeEncoders().length);
    }, 10);
    try {
      const four = Array.from({ length: 4 }, () =>
        open(`/live-ingest/${id}?mime=${MIME}`, undefined, { headers: { authorization: `Bearer ${seller}` } }),
      );
      await Promise.all(four.map((s) => s.opened));
      await until(async () => four.filter((s) => s.closed).length === 3, 20_000);
      const [winner] = four.filter((s) => !s.closed);
      expect(await winner?.next((m) => m.type === "ready", 10_000)).toBeTruthy();
      for (const loser of four.filter((s) => s.closed)) expect(loser.closed?.code).toBe(4000);
      await until(async () => bridgeEncoders().length === 1, 10_000);
      winner?.close();
      await until(async () => bridgeEncoders().length === 0, 10_000);
    } finally {
      clearInterval(watch);
    }
    expect(most).toBe(1);
    await call("POST", `/api/live/${id}/end`, { token: seller });
  }, 40_000);

  it("chats only while the session is live or reconnecting", async () => {
    // A producer of its own: the lives ended above keep their channel refusing publishes for a while.
    const own = await sellerWithProducts("HTX Trò Chuyện Đúng Lúc", 1);
    const { session, streamKey } = await scheduleSession(own.seller, own.productIds, "Phiên trò chuyện");
    const id = session.sessionId;
    const ticket = (await call<{ token: string }>("POST", `/api/live/${id}/chat`, { token: await tokenFor() })).body;
    const viewer = open(`/live-ws/${id}`, [ticket.token]);
    await viewer.opened;
    await viewer.next((m) => m.type === "hello");
    viewer.send({ type: "chat", text: "sớm quá", ref: "early" });
    expect(await viewer.next((m) => m.ref === "early")).toMatchObject({ type: "error", code: "not_live" });

    const publisher = server.publish(streamKey, 600);
    publishers.push(publisher);
    await until(async () => (await status(id)) === "live", 20_000);
    await viewer.next((m) => m.type === "stream" && m.state === "start", 10_000);
    viewer.send({ type: "chat", text: "chào cả nhà", ref: "on" });
    expect(await viewer.next((m) => m.ref === "on")).toMatchObject({ type: "chat" });

    await call("POST", `/api/live/${id}/end`, { token: own.seller });
    await viewer.next((m) => m.type === "ended", 10_000);
    viewer.send({ type: "chat", text: "muộn rồi", ref: "late" });
    expect(await viewer.next((m) => m.ref === "late")).toMatchObject({ type: "error", code: "not_live" });
    await publisher.stop();
  }, 40_000);

  it("rotates the stream key: a publish on air with the old key is cut off, the old key refused, the new one works", async () => {
    const other = await sellerWithProducts("HTX Đổi Khoá", 1);
    const { session, streamKey: oldKey } = await scheduleSession(other.seller, other.productIds, "Phiên đổi khoá");
    const id = session.sessionId;
    const onAir = server.publish(oldKey, 600);
    publishers.push(onAir);
    await until(async () => (await status(id)) === "live", 20_000);

    const stranger = await call("POST", `/api/seller/live/${id}/stream-key`, { token: seller });
    expect(stranger.status).toBe(403);
    const rotated = await call<{ streamKey: string }>("POST", `/api/seller/live/${id}/stream-key`, {
      token: other.seller,
    });
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.streamKey;
    expect(newKey).not.toBe(oldKey);
    expect(newKey).toMatch(/^sk_[0-9a-f]{16}_/);
    const shown = await call<{ streamKey: string }>("GET", `/api/seller/live/${id}/ingest`, { token: other.seller });
    expect(shown.body.streamKey).toBe(newKey);

    // Cut off: the publisher's connection ends, the live waits for the seller (reconnecting).
    await onAir.exited;
    await until(async () => (await call<{ offline: boolean }>("GET", `/api/live/${id}`)).body.offline, 10_000);

    const again = server.publish(oldKey, 600);
    publishers.push(again);
    await again.exited;
    expect((await call<{ offline: boolean }>("GET", `/api/live/${id}`)).body.offline).toBe(true);

    const fresh = server.publish(newKey, 600);
    publishers.push(fresh);
    await until(async () => !(await call<{ offline: boolean }>("GET", `/api/live/${id}`)).body.offline, 20_000);
    expect(await status(id)).toBe("live");
    await fresh.stop();
  }, 60_000);
});
