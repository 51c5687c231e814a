import { Account } from "@cho-ocop/core/account/index";
import { wardsOf } from "@cho-ocop/core/geo/ward";
import { beforeAll, describe, expect, it } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";

interface Row {
  action: string;
  targetId: string;
  reason?: string;
  actorInfo: { kind: string; name: string | null; staffScope: string | null; producerName: string | null };
  target: { type: string; id: string; name: string | null; producerId: string | null; producerName: string | null };
}

const tag = Date.now().toString(36);
const HA_NOI = "01";
let central = "";
let sonLaStaff = "";
let sonLaProduct = "";
let haNoiProduct = "";
let sonLaProducer = "";

async function staff(scope: string, name: string) {
  const user = await Account.assign({ phone: phone() }, { role: "staff", staffScope: scope, name });
  return (await Account.createSession(user.userId)).token;
}

async function submittedBy(producer: string, provinceCode: string, ward: string, name: string) {
  const seller = await tokenFor();
  const registered = await call<{ producerId: string }>("POST", "/api/seller/producer", {
    token: seller,
    body: producerInput(ward, producer, provinceCode),
  });
  expect(registered.status).toBe(201);
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: productInput(name),
  });
  const id = created.body.productId;
  const cert = { ...certificateInput(4), issuer: "UBND tỉnh" };
  expect(
    (await call("POST", `/api/seller/products/${id}/submit`, { token: seller, body: { certificate: cert } })).status,
  ).toBe(200);
  return { id, producerId: registered.body.producerId };
}

beforeAll(async () => {
  central = await staff("central", "Nguyễn Thị Lan");
  sonLaStaff = await staff(SON_LA, "Lò Văn Thắng");
  const sonLa = await submittedBy(`HTX Nhật Ký Sơn La ${tag}`, SON_LA, await sonLaWard(), `Trà nhật ký ${tag}`);
  sonLaProduct = sonLa.id;
  sonLaProducer = sonLa.producerId;
  const haNoi = await submittedBy(
    `HTX Nhật Ký Hà Nội ${tag}`,
    HA_NOI,
    wardsOf(HA_NOI)[0]?.code ?? "",
    `Bánh cốm nhật ký ${tag}`,
  );
  haNoiProduct = haNoi.id;
  const reason = "Ảnh giấy chứng nhận bị mờ, xin gửi lại";
  expect(
    (await call("POST", `/api/admin/products/${sonLaProduct}/reject`, { token: sonLaStaff, body: { reason } })).status,
  ).toBe(200);
  expect((await call("POST", `/api/admin/products/${haNoiProduct}/approve`, { token: central })).status).toBe(200);
});

describe("the audit log names who acted and on what", () => {
  it("central staff read every entry with the staff member's name and role, the product and its producer", async () => {
    const log = await call<Row[]>("GET", "/api/admin/audit?limit=200", { token: central });
    expect(log.status).toBe(200);
    const rejected = log.body.find((e) => e.targetId === sonLaProduct);
    expect(rejected).toMatchObject({
      action: "reject",
      reason: "Ảnh giấy chứng nhận bị mờ, xin gửi lại",
      actorInfo: { kind: "staff", name: "Lò Văn Thắng", staffScope: SON_LA, producerName: null },
      target: {
        type: "product",
        name: `Trà nhật ký ${tag}`,
        producerId: sonLaProducer,
        producerName: `HTX Nhật Ký Sơn La ${tag}`,
      },
    });
    const approved = log.body.find((e) => e.targetId === haNoiProduct);
    expect(approved).toMatchObject({
      action: "approve",
      actorInfo: { kind: "staff", name: "Nguyễn Thị Lan", staffScope: "central" },
      target: { name: `Bánh cốm nhật ký ${tag}`, producerName: `HTX Nhật Ký Hà Nội ${tag}` },
    });
  });

  it("a province's staff read their province's entries, and nothing of another province's products", async () => {
    const log = await call<Row[]>("GET", "/api/admin/audit?limit=200", { token: sonLaStaff });
    expect(log.status).toBe(200);
    expect(log.body.some((e) => e.targetId === sonLaProduct)).toBe(true);
    const text = JSON.stringify(log.body);
    expect(text).not.toContain(haNoiProduct);
    expect(text).not.toContain(`Bánh cốm nhật ký ${tag}`);
    expect(text).not.toContain(`HTX Nhật Ký Hà Nội ${tag}`);
    // Orders are read only when they are the province's; no entry carries a phone number or an e-mail address.
    for (const e of log.body) {
      if (e.target.type === "order") expect(e.target.name).toMatch(/^[A-Z0-9-]+$/);
      expect(Object.keys(e.actorInfo).sort()).toEqual(["kind", "name", "producerName", "staffScope"]);
    }
    expect(text).not.toMatch(/\+84\d{9}|"phone"|"email"/);
  });

  it("is for staff only", async () => {
    const seller = await tokenFor();
    expect((await call("GET", "/api/admin/audit", { token: seller })).status).toBe(403);
    expect((await call("GET", "/api/admin/audit")).status).toBe(401);
  });
});
