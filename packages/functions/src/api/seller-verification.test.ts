import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Live } from "@cho-ocop/core/live/index";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { LocalStorage } from "@cho-ocop/core/storage/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { type LocalLive, startLocalLive } from "../local/live/index";
import { localApp } from "../local/server";

/**
 * E-commerce Law (since 1 July 2026): a producer's seller is identity-verified before their first live. They send
 * their CCCD number, both sides of the card and the business registration as private files; the province's staff
 * verify or reject with a reason and the seller is told; until then there is no stream key and no live.
 */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const web = localApp({ webDist: "/nonexistent", storage: new LocalStorage(process.env.UPLOAD_DIR ?? "") });

interface Own {
  status: string;
  fullName: string | null;
  cccdNumber: string | null;
  cardFrontUrl: string | null;
  cardBackUrl: string | null;
  registrationUrl: string | null;
  reason: string | null;
  attempts: number;
}

let live: LocalLive | undefined;
let seller = "";
let sellerId = "";
let sessionId = "";
let staff = "";
let otherStaff = "";
let central = "";
let phoneE164 = "";

/** Uploads a file as the seller would from the page: a ticket, then the form; returns the key to submit. */
async function upload(token: string, purpose: string, bytes: Uint8Array, contentType = "image/jpeg") {
  const ticket = await call<{ key: string; url: string; fields: Record<string, string> }>(
    "POST",
    "/api/seller/uploads",
    { token, body: { purpose, contentType, size: bytes.length } },
  );
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: contentType }), "anh");
  expect((await web.request(ticket.body.url, { method: "POST", body: form })).status).toBe(204);
  return ticket.body.key;
}

async function papers(token: string) {
  return {
    fullName: "Lò Thị Hoa",
    cccdNumber: "014 186 001 234",
    cardFrontKey: await upload(token, "identity-card", JPEG),
    cardBackKey: await upload(token, "identity-card", JPEG),
    registrationKey: await upload(token, "business-registration", PDF, "application/pdf"),
    registrationNumber: "5500123456",
  };
}

const ingest = () =>
  call<{ streamKey?: string; error?: { code: string; message: string } }>(
    "GET",
    `/api/seller/live/${sessionId}/ingest`,
    { token: seller },
  );
const mine = async (token = seller) => (await call<Own>("GET", "/api/seller/verification", { token })).body;
const told = async () => (await OutboxMessenger.recent(200)).filter((m) => m.to === phoneE164).map((m) => m.text);

beforeAll(async () => {
  live = await startLocalLive({
    dataDir: await mkdtemp(join(tmpdir(), "cho-ocop-verification-")),
    host: "127.0.0.1",
    rtmpPort: 0,
  });
  seller = await tokenFor();
  const made = await call("POST", "/api/seller/producer", {
    token: seller,
    body: producerInput(await sonLaWard(), "HTX Xác Minh Mộc Châu"),
  });
  expect(made.status).toBe(201);
  const me = (await call<{ user: { userId: string; phone: string } }>("GET", "/api/me", { token: seller })).body.user;
  sellerId = me.userId;
  phoneE164 = `+84${me.phone.slice(1)}`;
  staff = await tokenFor({ role: "staff", staffScope: SON_LA });
  otherStaff = await tokenFor({ role: "staff", staffScope: "01" });
  central = await tokenFor({ role: "staff", staffScope: "central" });
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: productInput("Chè xác minh"),
  });
  const productId = created.body.productId;
  await call("POST", `/api/seller/products/${productId}/submit`, {
    token: seller,
    body: { certificate: certificateInput(4) },
  });
  await call("POST", `/api/admin/products/${productId}/approve`, { token: central });
  const scheduled = await call<{ sessionId: string }>("POST", "/api/seller/live", {
    token: seller,
    body: { title: "Buổi live đầu tiên", startAt: new Date().toISOString(), productIds: [productId] },
  });
  expect(scheduled.status).toBe(201);
  sessionId = scheduled.body.sessionId;
});

afterAll(async () => {
  await live?.stop();
});

describe("a seller is verified before their first live", () => {
  it("an unverified seller gets no stream key (403 seller_unverified, saying what to do) and their stream puts nothing on air", async () => {
    expect(await mine()).toMatchObject({ status: "unsubmitted", attempts: 0, reason: null });
    const refused = await ingest();
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "seller_unverified" });
    expect(refused.body.error?.message).toMatch(/xác minh danh tính \(CCCD và giấy đăng ký kinh doanh\)/);
    expect(refused.body.streamKey).toBeUndefined();
    const rotated = await call("POST", `/api/seller/live/${sessionId}/stream-key`, { token: seller });
    expect(rotated.status).toBe(403);
    const ticket = await live?.routes.request(`/live-ingest/${sessionId}/ticket`, {
      method: "POST",
      headers: { authorization: `Bearer ${seller}`, origin: "http://localhost" },
    });
    expect(ticket?.status).toBe(403);
    const { channelId } = await Live.get(sessionId);
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBeNull();
    expect((await Live.get(sessionId)).status).toBe("scheduled");
  });

  it("checks the CCCD number strictly and takes only the seller's own uploads", async () => {
    const good = await papers(seller);
    for (const [cccdNumber, message] of [
      ["01418600123", "a CCCD number is 12 digits"],
      ["003186001234", "the first 3 digits of a CCCD number are a province code"],
      ["014986001234", "the 4th to 6th digits give a year of birth"],
    ] as const) {
      const res = await call("POST", "/api/seller/verification", { token: seller, body: { ...good, cccdNumber } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: "invalid_input", field: "cccdNumber", message: expect.stringContaining(message) },
      });
    }
    // A colleague's (or another producer's) upload is not this seller's.
    const colleague = await tokenFor();
    await call("POST", "/api/seller/producer", { token: colleague, body: producerInput(await sonLaWard(), "HTX Bên") });
    const theirs = await upload(colleague, "identity-card", JPEG);
    expect(theirs).toMatch(/^private\/identity\/[0-9a-z]{26}\/[0-9a-z]{26}\/[0-9a-z]{26}\.jpg$/);
    const foreign = await call("POST", "/api/seller/verification", {
      token: seller,
      body: { ...good, cardBackKey: theirs },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ error: { code: "invalid_upload", field: "cardBackKey" } });
    // A product photo is not an identity card.
    const product = await upload(seller, "product-image", JPEG);
    const wrong = await call("POST", "/api/seller/verification", {
      token: seller,
      body: { ...good, cardFrontKey: product },
    });
    expect(wrong.status).toBe(400);
    expect((await mine()).status).toBe("unsubmitted");
  });

  it("the seller submits; the papers are private files only the seller and their province's staff get links to", async () => {
    const sent = await call<Own>("POST", "/api/seller/verification", { token: seller, body: await papers(seller) });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      status: "submitted",
      cccdNumber: "014186001234",
      fullName: "Lò Thị Hoa",
      attempts: 1,
    });
    const own = await mine();
    for (const url of [own.cardFrontUrl, own.cardBackUrl, own.registrationUrl]) {
      expect(url).toMatch(/^\/local-files\/private\/identity\/.+\?expires=/);
      expect((await web.request(url ?? "")).status).toBe(200);
      // Never as a public file.
      expect((await web.request((url ?? "").split("?")[0] ?? "")).status).not.toBe(200);
    }
    const waiting = await ingest();
    expect(waiting.status).toBe(403);
    expect(waiting.body.error?.message).toMatch(/đang chờ cán bộ OCOP duyệt/);

    const listed = await call<Array<{ userId: string; cccdLast: string; producerName: string }>>(
      "GET",
      "/api/admin/verifications",
      { token: staff },
    );
    expect(listed.body.find((v) => v.userId === sellerId)).toMatchObject({
      cccdLast: "•••••••••234",
      producerName: "HTX Xác Minh Mộc Châu",
    });
    const elsewhere = await call<Array<{ userId: string }>>("GET", "/api/admin/verifications", { token: otherStaff });
    expect(elsewhere.body.some((v) => v.userId === sellerId)).toBe(false);
    const review = await call<Own>("GET", `/api/admin/verifications/${sellerId}`, { token: staff });
    expect(review.status).toBe(200);
    expect((await web.request(review.body.cardBackUrl ?? "")).status).toBe(200);
    const refused = await call<Own>("GET", `/api/admin/verifications/${sellerId}`, { token: otherStaff });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain("private/identity");
  });

  it("staff reject with a reason: the seller is told and sees it, and still cannot go live", async () => {
    const short = await call("POST", `/api/admin/verifications/${sellerId}/reject`, {
      token: staff,
      body: { reason: "mờ" },
    });
    expect(short.status).toBe(400);
    expect((await call("POST", `/api/admin/verifications/${sellerId}/verify`, { token: otherStaff })).status).toBe(403);
    const reason = "Ảnh mặt sau CCCD bị mờ, không đọc được ngày cấp.";
    const rejected = await call("POST", `/api/admin/verifications/${sellerId}/reject`, {
      token: staff,
      body: { reason },
    });
    expect(rejected.status).toBe(200);
    expect(await mine()).toMatchObject({ status: "rejected", reason });
    expect(await told()).toContainEqual(expect.stringContaining(`chưa được chấp nhận. Lý do: ${reason}`));
    const again = await ingest();
    expect(again.status).toBe(403);
    expect(again.body.error?.message).toContain(reason);
    // Decided once: a second decision on the same papers is refused.
    expect((await call("POST", `/api/admin/verifications/${sellerId}/verify`, { token: staff })).status).toBe(409);
  });

  it("the seller resubmits; staff verify; the seller is told, gets the stream key and goes on air", async () => {
    const resent = await call<Own>("POST", "/api/seller/verification", { token: seller, body: await papers(seller) });
    expect(resent.body).toMatchObject({ status: "submitted", attempts: 2, reason: null });
    const verified = await call<Own>("POST", `/api/admin/verifications/${sellerId}/verify`, { token: staff });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe("verified");
    expect(await mine()).toMatchObject({ status: "verified" });
    expect(await told()).toContainEqual(expect.stringContaining("đã được xác minh. Bạn đã có thể phát live"));
    const listed = await call<Array<{ userId: string }>>("GET", "/api/admin/verifications", { token: staff });
    expect(listed.body.some((v) => v.userId === sellerId)).toBe(false);
    const key = await ingest();
    expect(key.status).toBe(200);
    expect(key.body.streamKey).toMatch(/^sk_/);
    const { channelId } = await Live.get(sessionId);
    expect(await Live.onStreamEvent({ channelId, type: "start" })).toBe(sessionId);
    expect((await Live.get(sessionId)).status).toBe("live");
    await call("POST", `/api/live/${sessionId}/end`, { token: seller });
    // Verified stays verified: nothing to resubmit.
    const more = await call("POST", "/api/seller/verification", { token: seller, body: await papers(seller) });
    expect(more.status).toBe(409);
  });
});
