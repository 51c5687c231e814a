import { Account } from "@cho-ocop/core/account/index";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { beforeAll, describe, expect, it } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, sonLaWard } from "../../test/catalogue";

const e164 = (local: string) => `+84${local.slice(1)}`;

interface Member {
  token: string;
  to: string;
}

/** A producer with three sellers (two phones, one e-mail only) and, beside it, another producer's seller. */
let members: Member[] = [];
let stranger: Member;
let central = "";
let otherProvince = "";
const tag = Date.now().toString(36);

async function producerWithSeller(name: string) {
  const local = phone();
  const token = await tokenFor(undefined, { phone: local });
  const registered = await call<{ producerId: string }>("POST", "/api/seller/producer", {
    token,
    body: producerInput(await sonLaWard(), name),
  });
  expect(registered.status).toBe(201);
  return { token, to: e164(local), producerId: registered.body.producerId };
}

async function submitted(token: string, name: string) {
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token,
    body: productInput(name),
  });
  expect(created.status).toBe(201);
  const id = created.body.productId;
  const sent = await call("POST", `/api/seller/products/${id}/submit`, {
    token,
    body: { certificate: certificateInput(4) },
  });
  expect(sent.status).toBe(200);
  return id;
}

/** The outbox's messages to these addresses about this product, oldest first. */
async function messagesAbout(productName: string, to: string[]) {
  const recent = await OutboxMessenger.recent(500);
  return recent.filter((m) => to.includes(m.to) && m.text.includes(`“${productName}”`)).reverse();
}

beforeAll(async () => {
  const first = await producerWithSeller(`HTX Tin Báo Mộc Châu ${tag}`);
  const second = phone();
  const secondToken = await tokenFor({ role: "seller", producerId: first.producerId }, { phone: second });
  const email = `ban-hang-${tag}@example.vn`;
  const byEmail = await Account.assign({ email }, { role: "seller", producerId: first.producerId });
  const emailToken = (await Account.createSession(byEmail.userId)).token;
  members = [first, { token: secondToken, to: e164(second) }, { token: emailToken, to: email }];
  stranger = await producerWithSeller(`HTX Bên Cạnh ${tag}`);
  central = await tokenFor({ role: "staff", staffScope: "central" });
  otherProvince = await tokenFor({ role: "staff", staffScope: "01" });
});

describe("sellers are told when staff decide on their product", () => {
  it("an approval sends each of the producer's sellers one message with the product, the decision and its link", async () => {
    const name = `Trà hoa ban báo duyệt ${tag}`;
    const id = await submitted(members[0]?.token ?? "", name);
    expect((await call("POST", `/api/admin/products/${id}/approve`, { token: central })).status).toBe(200);

    const sent = await messagesAbout(name, [...members.map((m) => m.to), stranger.to]);
    expect(sent.map((m) => m.to).sort()).toEqual(members.map((m) => m.to).sort());
    for (const m of sent) {
      expect(m.text).toBe(
        `Chợ OCOP: sản phẩm “${name}” của HTX Tin Báo Mộc Châu ${tag} đã được duyệt và đang bán trên Chợ OCOP. Xem: http://localhost/ban-hang/san-pham/${id}`,
      );
      expect(m.subject).toBe(`Sản phẩm đã được duyệt: ${name}`);
    }
    expect(sent.find((m) => m.to.includes("@"))?.channel).toBe("email");
    expect(sent.filter((m) => m.channel === "sms")).toHaveLength(2);
  });

  it("a rejection sends each one message with the reason and the way back to the product", async () => {
    const name = `Mứt mận báo từ chối ${tag}`;
    const id = await submitted(members[1]?.token ?? "", name);
    const reason = "Ảnh giấy chứng nhận bị mờ, không đọc được số quyết định";
    const res = await call("POST", `/api/admin/products/${id}/reject`, { token: central, body: { reason } });
    expect(res.status).toBe(200);

    const sent = await messagesAbout(name, [...members.map((m) => m.to), stranger.to]);
    expect(sent.map((m) => m.to).sort()).toEqual(members.map((m) => m.to).sort());
    for (const m of sent) {
      expect(m.text).toBe(
        `Chợ OCOP: sản phẩm “${name}” của HTX Tin Báo Mộc Châu ${tag} chưa được duyệt. Lý do: ${reason}. Sửa rồi gửi duyệt lại: http://localhost/ban-hang/san-pham/${id}`,
      );
    }
    // What the seller then reads in the portal: the status and the reason.
    const mine = await call<{ product: { status: string; statusReason?: string } }>(
      "GET",
      `/api/seller/products/${id}`,
      { token: members[2]?.token },
    );
    expect(mine.body.product).toMatchObject({ status: "rejected", statusReason: reason });
  });

  it("another producer's seller is told only about their own products", async () => {
    const name = `Chè của bên cạnh ${tag}`;
    const id = await submitted(stranger.token, name);
    expect((await call("POST", `/api/admin/products/${id}/approve`, { token: central })).status).toBe(200);
    const sent = await messagesAbout(name, [...members.map((m) => m.to), stranger.to]);
    expect(sent.map((m) => m.to)).toEqual([stranger.to]);
  });

  it("a refused decision sends nothing, and the refusal names the product's province", async () => {
    const name = `Trà của Sơn La ${tag}`;
    const id = await submitted(members[0]?.token ?? "", name);
    const refused = await call<{ error: { code: string; message: string } }>(
      "POST",
      `/api/admin/products/${id}/approve`,
      { token: otherProvince },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      "Sản phẩm này thuộc Sơn La: chỉ cán bộ OCOP của Sơn La (hoặc cấp trung ương) mới duyệt được.",
    );
    const opened = await call<{ error: { message: string } }>("GET", `/api/admin/products/${id}`, {
      token: otherProvince,
      headers: { "accept-language": "en" },
    });
    expect(opened.status).toBe(403);
    expect(opened.body.error.message).toBe(
      "This product belongs to Sơn La: only Sơn La's OCOP staff (or central staff) can review it.",
    );
    expect(await messagesAbout(name, [...members.map((m) => m.to), stranger.to])).toEqual([]);
  });

  it("5★ products are central staff's: their province's staff are told so", async () => {
    const sonLa = await tokenFor({ role: "staff", staffScope: "14" });
    const created = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: members[0]?.token,
      body: productInput(`Trà 5 sao ${tag}`),
    });
    const id = created.body.productId;
    await call("POST", `/api/seller/products/${id}/submit`, {
      token: members[0]?.token,
      body: { certificate: certificateInput(5) },
    });
    const opened = await call<{ error: { message: string } }>("GET", `/api/admin/products/${id}`, { token: sonLa });
    expect(opened.status).toBe(403);
    expect(opened.body.error.message).toBe("Sản phẩm 5★ do cán bộ OCOP cấp trung ương duyệt.");
  });
});

describe("staff names in the product's audit trail", () => {
  it("shows who decided by name and role", async () => {
    const named = await Account.assign({ phone: phone() }, { role: "staff", staffScope: "14", name: "Lò Văn Thắng" });
    const { token } = await Account.createSession(named.userId);
    const id = await submitted(members[0]?.token ?? "", `Trà có người duyệt ${tag}`);
    expect((await call("POST", `/api/admin/products/${id}/approve`, { token })).status).toBe(200);
    const item = await call<{ audit: Array<{ action: string; actorInfo: unknown }> }>(
      "GET",
      `/api/admin/products/${id}`,
      { token },
    );
    expect(item.body.audit[0]).toMatchObject({
      action: "approve",
      actorInfo: { kind: "staff", name: "Lò Văn Thắng", staffScope: "14", producerName: null },
    });
  });
});
