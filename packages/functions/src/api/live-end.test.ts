import { AuditEntity } from "@cho-ocop/core/audit/index";
import { Live } from "@cho-ocop/core/live/index";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/api";
import type { LiveServer, SessionView } from "../local/live/testing";
import { scheduleSession, sellerWithProducts, startLiveServer } from "../local/live/testing";

interface OwnCard {
  sessionId: string;
  status: string;
  cancelled: boolean;
  endReason: string | null;
}
interface Problem {
  error: { code: string; field?: string };
}

/**
 * Staff closing a live: a live on air is ended, one coming up is cancelled, each with a reason that is required,
 * audited and sent to the seller (the outbox locally), who also reads it on their sessions page.
 */
describe("staff ending and cancelling a live", () => {
  let server: LiveServer;
  let seller: string;
  let staff: string;
  let productIds: string[];

  beforeAll(async () => {
    server = await startLiveServer();
    const made = await sellerWithProducts("HTX Kết Thúc Live", 1);
    seller = made.seller;
    staff = made.central;
    productIds = made.productIds;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function onAir(title: string) {
    const { session } = await scheduleSession(seller, productIds, title);
    const channelId = session.playback.url.match(/\/live-media\/([0-9a-f]+)\.flv$/)?.[1] ?? "";
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBe(session.sessionId);
    return session.sessionId;
  }
  const mine = async (sessionId: string) =>
    (await call<OwnCard[]>("GET", "/api/seller/live", { token: seller })).body.find((s) => s.sessionId === sessionId);
  const smsAbout = async (title: string) =>
    (await OutboxMessenger.recent(300)).filter((m) => m.text.includes(`“${title}”`)).map((m) => m.text);
  const audits = async (sessionId: string) =>
    (await AuditEntity.query.byTarget({ targetId: sessionId }).go()).data.map((a) => ({
      action: a.action,
      reason: a.reason,
    }));

  it("refuses staff ending a live without a reason, or with one too long or too short: 400, still on air", async () => {
    const sessionId = await onAir("Phiên live cần lý do");
    for (const body of [undefined, {}, { reason: "   " }, { reason: "abc" }, { reason: "x".repeat(301) }]) {
      const res = await call<Problem>("POST", `/api/live/${sessionId}/end`, { token: staff, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe("reason");
    }
    expect((await Live.get(sessionId)).status).toBe("live");
    expect(await audits(sessionId)).toEqual([]);
    expect(await smsAbout("Phiên live cần lý do")).toEqual([]);
    await call("POST", `/api/live/${sessionId}/end`, { token: seller });
  });

  it("ends a live on air with the reason: audited, the seller told by SMS and on their sessions page", async () => {
    const sessionId = await onAir("Phiên live bị dừng");
    const reason = "Giới thiệu sản phẩm chưa được chứng nhận OCOP.";
    const res = await call<SessionView>("POST", `/api/live/${sessionId}/end`, { token: staff, body: { reason } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ended");
    expect(await audits(sessionId)).toEqual([{ action: "live.end", reason }]);
    const sms = await smsAbout("Phiên live bị dừng");
    expect(sms).toHaveLength(1);
    expect(sms[0]).toContain("đã kết thúc buổi live");
    expect(sms[0]).toContain(reason);
    expect(await mine(sessionId)).toMatchObject({ status: "ended", cancelled: false, endReason: reason });
    // Staff read the same on their list; the viewer's page does not carry it.
    const all = (await call<OwnCard[]>("GET", "/api/admin/live", { token: staff })).body;
    expect(all.find((s) => s.sessionId === sessionId)?.endReason).toBe(reason);
    expect(JSON.stringify((await call("GET", `/api/live/${sessionId}`)).body)).not.toContain(reason);
  });

  it("a seller ends their own live without giving a reason, and nobody is messaged", async () => {
    const sessionId = await onAir("Phiên live tự kết thúc");
    const res = await call<SessionView>("POST", `/api/live/${sessionId}/end`, { token: seller });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ended");
    expect(await mine(sessionId)).toMatchObject({ status: "ended", cancelled: false, endReason: null });
    expect(await smsAbout("Phiên live tự kết thúc")).toEqual([]);
  });

  it("staff cancel a scheduled live (not end it), with a reason the seller is told", async () => {
    const { session } = await scheduleSession(seller, productIds, "Phiên live bị huỷ");
    const id = session.sessionId;
    // Ending is for lives on air: a scheduled one is cancelled.
    const ended = await call<Problem>("POST", `/api/live/${id}/end`, { token: staff, body: { reason: "Trùng lịch." } });
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe("not_live");
    const bare = await call<Problem>("POST", `/api/live/${id}/cancel`, { token: staff, body: {} });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe("reason");
    expect((await Live.get(id)).status).toBe("scheduled");

    const reason = "Trùng giờ với phiên live của tỉnh.";
    const res = await call<SessionView>("POST", `/api/live/${id}/cancel`, { token: staff, body: { reason } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ended");
    expect(await mine(id)).toMatchObject({ status: "ended", cancelled: true, endReason: reason });
    expect(await audits(id)).toEqual([{ action: "live.cancel", reason }]);
    const sms = await smsAbout("Phiên live bị huỷ");
    expect(sms).toHaveLength(1);
    expect(sms[0]).toContain("đã huỷ buổi live");
    expect(sms[0]).toContain(reason);
    // Once closed it cannot be cancelled again.
    const again = await call<Problem>("POST", `/api/live/${id}/cancel`, { token: staff, body: { reason } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("not_scheduled");
  });

  it("refuses cancelling a live already on air: 409, it stays live", async () => {
    const sessionId = await onAir("Phiên live đang phát");
    const res = await call<Problem>("POST", `/api/live/${sessionId}/cancel`, {
      token: staff,
      body: { reason: "Muốn huỷ giữa chừng." },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("not_scheduled");
    expect((await Live.get(sessionId)).status).toBe("live");
    await call("POST", `/api/live/${sessionId}/end`, { token: seller });
  });
});
