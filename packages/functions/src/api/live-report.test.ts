import { Live } from "@cho-ocop/core/live/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import type { LiveServer } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer } from "../local/live/testing";

interface Report {
  reportId: string;
  at: string;
  streamSeconds: number;
  reason: string;
  text: string;
}
interface Problem {
  error: { code: string; field?: string };
}

/**
 * What the E-commerce Law (2025) asks of a live: viewers can complain while it runs, and staff read it and may end
 * it; the seller never learns who complained; the seller can show a safety warning over the stream, and the replay
 * keeps it.
 */
describe("a live's reports and safety notice", () => {
  let server: LiveServer;
  let seller: string;
  let staff: string;
  let productIds: string[];
  let sessionId: string;
  let viewerId = "";
  let viewer = "";

  beforeAll(async () => {
    server = await startLiveServer();
    const made = await sellerWithProducts("HTX Báo Cáo Live", 1);
    ({ seller, productIds } = made);
    staff = made.central;
    viewer = await tokenFor();
    viewerId = (await call<{ user: { userId: string } }>("GET", "/api/me", { token: viewer })).body.user.userId;
    const { session } = await scheduleSession(seller, productIds, "Phiên live có báo cáo");
    sessionId = session.sessionId;
    const channelId = session.playback.url.match(/\/live-media\/([0-9a-f]+)\.flv$/)?.[1] ?? "";
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBe(sessionId);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("reports", () => {
    it("takes a signed-in viewer's report in one call: a reason and text, at its moment in the stream", async () => {
      await new Promise((r) => setTimeout(r, 1100));
      const res = await call<Report>("POST", `/api/live/${sessionId}/reports`, {
        token: viewer,
        body: { reason: "false-claims", text: "Nói chè chữa được tiểu đường." },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ reason: "false-claims", text: "Nói chè chữa được tiểu đường." });
      expect(res.body.streamSeconds).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(res.body)).not.toContain(viewerId);
    });

    it("refuses someone not signed in, an unknown reason, 'other' without a word, text over 500 characters", async () => {
      expect((await call("POST", `/api/live/${sessionId}/reports`, { body: { reason: "scam" } })).status).toBe(401);
      for (const [body, field] of [
        [{ reason: "boring" }, "reason"],
        [{ reason: "other" }, "text"],
        [{ reason: "scam", text: "x".repeat(501) }, "text"],
      ] as const) {
        const res = await call<Problem>("POST", `/api/live/${sessionId}/reports`, { token: viewer, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.field).toBe(field);
      }
    });

    it("holds a viewer to 3 reports of a live in 10 minutes; a seller cannot report their own live", async () => {
      const another = await tokenFor();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const body = { reason: "counterfeit", text: `Lần ${i + 1}` };
        codes.push((await call("POST", `/api/live/${sessionId}/reports`, { token: another, body })).status);
      }
      expect(codes).toEqual([201, 201, 201, 429]);
      const own = await call("POST", `/api/live/${sessionId}/reports`, { token: seller, body: { reason: "scam" } });
      expect(own.status).toBe(403);
    });

    it("shows staff the reports newest first with their moment; never the reporter; not to sellers", async () => {
      const res = await call<Report[]>("GET", `/api/admin/live/${sessionId}/reports`, { token: staff });
      expect(res.status).toBe(200);
      expect(res.body.map((r) => r.text)).toEqual(["Lần 3", "Lần 2", "Lần 1", "Nói chè chữa được tiểu đường."]);
      expect(res.body.every((r) => r.streamSeconds >= 0 && !Number.isNaN(Date.parse(r.at)))).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain(viewerId);
      expect((await call("GET", `/api/admin/live/${sessionId}/reports`, { token: seller })).status).toBe(403);
      expect((await call("GET", `/api/admin/live/${sessionId}/reports`, { token: viewer })).status).toBe(403);
      // Another province's staff see only their own province's lives (the producer is of Sơn La).
      const hanoi = await tokenFor({ role: "staff", staffScope: "01" });
      expect((await call("GET", `/api/admin/live/${sessionId}/reports`, { token: hanoi })).status).toBe(403);
    });

    it("the seller's own views of the live say nothing of who reported, nor what", async () => {
      for (const path of [
        `/api/live/${sessionId}`,
        "/api/seller/live",
        `/api/live/${sessionId}/summary`,
        `/api/live/${sessionId}/orders`,
        `/api/live/${sessionId}/chat`,
      ]) {
        const res = await call("GET", path, { token: seller });
        expect(res.status, path).toBe(200);
        const text = JSON.stringify(res.body);
        expect(text, path).not.toContain(viewerId);
        expect(text, path).not.toContain("tiểu đường");
      }
    });
  });

  describe("safety notice", () => {
    it("reaches an open page as a cue, is on the session for late joiners, and is cleared", async () => {
      const page = server.socket(`/live-ws/${sessionId}`);
      await page.opened;
      await page.next((m) => m.type === "hello");
      const notice = "Sản phẩm không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh.";
      const set = await call<{ notice: string | null }>("POST", `/api/seller/live/${sessionId}/notice`, {
        token: seller,
        body: { notice: `  ${notice} ` },
      });
      expect(set.status).toBe(200);
      expect(set.body.notice).toBe(notice);
      const cue = await page.next<{ text: string }>((m) => m.type === "cue" && String(m.text).includes('"notice"'));
      expect(JSON.parse(cue.text)).toMatchObject({ t: "notice", s: sessionId, n: notice });
      const view = await call<{ notice: { text: string } | null }>("GET", `/api/live/${sessionId}`);
      expect(view.body.notice?.text).toBe(notice);
      const late = server.socket(`/live-ws/${sessionId}`);
      await late.opened;
      const hello = await late.next<{ cues: { text: string }[] }>((m) => m.type === "hello");
      expect(hello.cues.map((c) => JSON.parse(c.text).n)).toContain(notice);
      page.close();
      late.close();

      await new Promise((r) => setTimeout(r, 1100));
      const cleared = await call("POST", `/api/seller/live/${sessionId}/notice`, {
        token: seller,
        body: { notice: null },
      });
      expect(cleared.status).toBe(200);
      expect((await call<{ notice: unknown }>("GET", `/api/live/${sessionId}`)).body.notice).toBeNull();
    });

    it("refuses a notice over 80 characters or blank, from anyone but the live's sellers", async () => {
      for (const notice of ["a".repeat(81), "   "]) {
        const res = await call<Problem>("POST", `/api/seller/live/${sessionId}/notice`, {
          token: seller,
          body: { notice },
        });
        expect(res.status).toBe(400);
        expect(res.body.error.field).toBe("notice");
      }
      const other = await sellerWithProducts("HTX Người Khác", 1);
      const body = { notice: "Cảnh báo" };
      expect((await call("POST", `/api/seller/live/${sessionId}/notice`, { token: other.seller, body })).status).toBe(
        403,
      );
      expect((await call("POST", `/api/seller/live/${sessionId}/notice`, { token: viewer, body })).status).toBe(403);
    });

    it("the replay keeps each notice with its time in the stream", async () => {
      await call("POST", `/api/live/${sessionId}/end`, { token: seller });
      const replay = await call<{ notices: { atMs: number; text: string | null }[] }>(
        "GET",
        `/api/live/${sessionId}/replay`,
      );
      expect(replay.status).toBe(200);
      expect(replay.body.notices.map((n) => n.text)).toEqual([
        "Sản phẩm không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh.",
        null,
      ]);
      const [shown, cleared] = replay.body.notices;
      expect(shown && cleared && cleared.atMs - shown.atMs).toBeGreaterThanOrEqual(1000);
      const report = await call("POST", `/api/live/${sessionId}/reports`, { token: viewer, body: { reason: "scam" } });
      expect(report.status).toBe(409);
    });
  });
});
