import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { beforeAll, describe, expect, it } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { producerInput, sonLaWard } from "../../test/catalogue";

interface Invitation {
  invitationId: string;
  producerId: string;
  producerName: string;
  login: string;
}
interface Member {
  userId: string;
  phone: string | null;
}

let owner = "";
let producerId = "";

const me = async (token: string) =>
  (await call<{ user: { userId: string; role: string; producerId?: string } }>("GET", "/api/me", { token })).body.user;
const members = async () => (await call<Member[]>("GET", "/api/seller/members", { token: owner })).body;
async function invite(login: Record<string, string>, by = owner) {
  const res = await call<Invitation>("POST", "/api/seller/invitations", { token: by, body: login });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  owner = await tokenFor();
  const made = await call<{ producerId: string }>("POST", "/api/seller/producer", {
    token: owner,
    body: producerInput(await sonLaWard(), "HTX Mời Bạn Bán"),
  });
  producerId = made.body.producerId;
});

describe("inviting a seller", () => {
  it("makes nobody a seller until they accept, signed in with the invited phone", async () => {
    const number = phone();
    const shopper = await tokenFor(undefined, { phone: number });
    const invitation = await invite({ phone: number });
    expect(invitation).toMatchObject({ producerId, producerName: "HTX Mời Bạn Bán", login: number });
    // Invited, not enrolled: still a shopper, not among the sellers, refused by the seller portal.
    expect((await me(shopper)).role).toBe("shopper");
    expect((await members()).map((m) => m.phone)).not.toContain(number);
    expect((await call("GET", "/api/seller/products", { token: shopper })).status).toBe(403);
    // The message went to that number, as sign-in codes do.
    const sent = await OutboxMessenger.recent(300);
    expect(sent.find((m) => m.to === `+84${number.slice(1)}`)?.text).toContain("HTX Mời Bạn Bán");
    // The seller sees it pending; inviting again is refused.
    expect((await call<Invitation[]>("GET", "/api/seller/invitations", { token: owner })).body).toContainEqual(
      expect.objectContaining({ invitationId: invitation.invitationId }),
    );
    const again = await call("POST", "/api/seller/invitations", { token: owner, body: { phone: number } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "already_invited" } });

    // Someone else cannot see or answer it.
    const stranger = await tokenFor();
    expect((await call<Invitation[]>("GET", "/api/invitations", { token: stranger })).body).toEqual([]);
    expect((await call("POST", `/api/invitations/${invitation.invitationId}/accept`, { token: stranger })).status).toBe(
      403,
    );
    expect((await me(stranger)).role).toBe("shopper");

    // The invitee sees it after signing in and accepts.
    expect((await call<Invitation[]>("GET", "/api/invitations", { token: shopper })).body).toEqual([
      expect.objectContaining({ invitationId: invitation.invitationId, producerName: "HTX Mời Bạn Bán" }),
    ]);
    const accepted = await call("POST", `/api/invitations/${invitation.invitationId}/accept`, { token: shopper });
    expect(accepted.status).toBe(200);
    expect(await me(shopper)).toMatchObject({ role: "seller", producerId });
    expect((await members()).map((m) => m.phone)).toContain(number);
    expect((await call<Invitation[]>("GET", "/api/seller/invitations", { token: owner })).body).toEqual([]);
    const member = await call("POST", "/api/seller/invitations", { token: owner, body: { phone: number } });
    expect(member.body).toMatchObject({ error: { code: "already_member" } });
  });

  it("lets the invitee decline and the seller cancel; neither makes a seller", async () => {
    const declining = phone();
    const shopper = await tokenFor(undefined, { phone: declining });
    const first = await invite({ phone: declining });
    expect((await call("POST", `/api/invitations/${first.invitationId}/decline`, { token: shopper })).status).toBe(204);
    expect((await me(shopper)).role).toBe("shopper");
    expect((await call("POST", `/api/invitations/${first.invitationId}/accept`, { token: shopper })).status).toBe(404);

    const cancelled = await invite({ email: `moi.${Date.now()}@example.vn` });
    const other = await tokenFor();
    await call("POST", "/api/seller/producer", {
      token: other,
      body: producerInput(await sonLaWard(), "HTX Khác Mời"),
    });
    // Another producer's seller cannot cancel it.
    expect((await call("DELETE", `/api/seller/invitations/${cancelled.invitationId}`, { token: other })).status).toBe(
      403,
    );
    expect((await call("DELETE", `/api/seller/invitations/${cancelled.invitationId}`, { token: owner })).status).toBe(
      204,
    );
    expect(
      (await call<Invitation[]>("GET", "/api/seller/invitations", { token: owner })).body.map((i) => i.invitationId),
    ).not.toContain(cancelled.invitationId);
  });

  it("tells an invitee who already sells for another producer, and changes nothing", async () => {
    const number = phone();
    const elsewhere = await tokenFor(undefined, { phone: number });
    await call("POST", "/api/seller/producer", {
      token: elsewhere,
      body: producerInput(await sonLaWard(), "HTX Đang Bán Chỗ Khác"),
    });
    const before = await me(elsewhere);
    const invitation = await invite({ phone: number });
    const res = await call("POST", `/api/invitations/${invitation.invitationId}/accept`, {
      token: elsewhere,
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: "sells_elsewhere", message: expect.stringContaining("HTX Đang Bán Chỗ Khác") },
    });
    expect(await me(elsewhere)).toEqual(before);
  });
});

describe("leaving and removing sellers", () => {
  it("a seller leaves, another is removed by a fellow seller, and the last one cannot go", async () => {
    const solo = await tokenFor();
    await call("POST", "/api/seller/producer", { token: solo, body: producerInput(await sonLaWard(), "HTX Một Mình") });
    const soloId = (await me(solo)).userId;
    const alone = await call("DELETE", `/api/seller/members/${soloId}`, { token: solo });
    expect(alone.status).toBe(409);
    expect(alone.body).toMatchObject({ error: { code: "last_seller" } });
    expect((await me(solo)).role).toBe("seller");

    const number = phone();
    const second = await tokenFor(undefined, { phone: number });
    const invitation = await invite({ phone: number }, solo);
    await call("POST", `/api/invitations/${invitation.invitationId}/accept`, { token: second });
    const secondId = (await me(second)).userId;

    // A seller of another producer cannot remove them.
    expect((await call("DELETE", `/api/seller/members/${secondId}`, { token: owner })).status).toBe(403);
    // The first seller leaves: the second stays, and is now the last.
    expect((await call("DELETE", `/api/seller/members/${soloId}`, { token: solo })).status).toBe(204);
    expect((await me(solo)).role).toBe("shopper");
    expect((await call("GET", "/api/seller/products", { token: solo })).status).toBe(403);
    expect((await call("DELETE", `/api/seller/members/${secondId}`, { token: second })).status).toBe(409);

    // Invited back, the second removes them.
    const back = await invite({ phone: (await meFull(solo)).phone ?? "" }, second);
    await call("POST", `/api/invitations/${back.invitationId}/accept`, { token: solo });
    expect((await me(solo)).role).toBe("seller");
    expect((await call("DELETE", `/api/seller/members/${soloId}`, { token: second })).status).toBe(204);
    expect((await me(solo)).role).toBe("shopper");
  });
});

async function meFull(token: string) {
  return (await call<{ user: { phone?: string } }>("GET", "/api/me", { token })).body.user;
}
