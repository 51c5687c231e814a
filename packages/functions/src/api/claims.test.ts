import { CertificateEntity, CertificateNumberEntity } from "@cho-ocop/core/certificate/index";
import { ClaimEntity } from "@cho-ocop/core/claim/entities";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { describe, expect, it } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { producerInput, SON_LA, sonLaWard } from "../../test/catalogue";

/**
 * A province's imported list names producers who have no account here. A producer finds its record, claims it, and
 * becomes the seller of a producer holding the list's certificates: at once when the list gave the phone it signed
 * in with, else once the province's staff agree.
 */
interface Unclaimed {
  recordId: string;
  name: string;
  products: string[];
  certificates: number;
  phoneOnFile: boolean;
  state: string;
}
interface ClaimView {
  claimId: string;
  status: string;
  producerName: string;
  producerId?: string;
  reason?: string;
}
type Err = { error?: { code: string; field?: string; message: string } };

const stamp = Date.now().toString(36).toUpperCase();
const HEADER = "Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn,Số điện thoại";
const number = (n: number) => `CL-${stamp}-${n}`;

async function importList(rows: string[], token: string) {
  return call<{ failed: Array<{ line: number; errors: string[] }>; added: Array<{ phone?: string }> } & Err>(
    "POST",
    "/api/admin/certificates/import",
    { token, body: { csv: `${HEADER}\n${rows.join("\n")}\n`, commit: true } },
  );
}

const search = async (q: string) =>
  (await call<Unclaimed[]>("GET", `/api/producers/unclaimed?province=${SON_LA}&q=${encodeURIComponent(q)}`)).body;

const producerOf = async (n: string) => {
  const { data: located } = await CertificateNumberEntity.get({ number: n }).go();
  if (!located) return undefined;
  const { data } = await CertificateEntity.get({
    productId: located.productId,
    certificateId: located.certificateId,
  }).go();
  return data?.producerId;
};

const me = async (token: string) =>
  (await call<{ user: { role: string; producerId?: string } }>("GET", "/api/me", { token })).body.user;

describe("claiming a producer record from an imported list", () => {
  it("grants at once to the phone the list gave, and the certificates become the new seller's producer's", async () => {
    const staff = await tokenFor({ role: "staff", staffScope: SON_LA });
    const owner = phone();
    const name = `HTX Chè Tà Xùa ${stamp}`;
    const imported = await importList(
      [
        `Chè Shan tuyết Tà Xùa,${name},Sơn La,4,${number(1)},01/02/2025,01/02/2028,${owner.replace(/^0/, "+84 ")}`,
        `Chè xanh Tà Xùa,${name},Sơn La,3,${number(2)},01/02/2025,01/02/2028,`,
      ],
      staff,
    );
    expect(imported.status).toBe(200);
    expect(imported.body.added[0]?.phone).toBe(owner);

    const [found] = await search(`che ta xua ${stamp}`);
    expect(found).toMatchObject({ name, certificates: 2, phoneOnFile: true, state: "open" });
    expect(found?.products).toEqual(["Chè Shan tuyết Tà Xùa", "Chè xanh Tà Xùa"]);
    expect(JSON.stringify(found)).not.toContain(owner);

    const claimant = await tokenFor(undefined, { phone: owner });
    const claimed = await call<ClaimView & Err>("POST", `/api/producers/unclaimed/${found?.recordId}/claims`, {
      token: claimant,
      body: { kind: "cooperative", wardCode: await sonLaWard() },
    });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({ status: "granted", producerName: name });

    const user = await me(claimant);
    expect(user.role).toBe("seller");
    expect(user.producerId).toBe(claimed.body.producerId);
    const shop = await call<{ name: string; provinceCode: string }>("GET", "/api/seller/producer", {
      token: claimant,
    });
    expect(shop.body).toMatchObject({ name, provinceCode: SON_LA });
    expect(await producerOf(number(1))).toBe(user.producerId);
    expect(await producerOf(number(2))).toBe(user.producerId);
    expect(await search(`che ta xua ${stamp}`)).toEqual([]);

    const again = await call<Err>("POST", `/api/producers/unclaimed/${found?.recordId}/claims`, {
      token: await tokenFor(),
      body: { kind: "household", wardCode: await sonLaWard() },
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("already_claimed");

    // The province's next list adds a certificate of the same producer: it is the producer's from the start.
    expect(
      (await importList([`Chè búp Tà Xùa,${name},Sơn La,3,${number(3)},01/03/2025,01/03/2028,`], staff)).status,
    ).toBe(200);
    expect(await producerOf(number(3))).toBe(user.producerId);
  });

  it("lets the province's staff decide a claim the phone does not prove, refusing with a reason the claimant sees", async () => {
    const staff = await tokenFor({ role: "staff", staffScope: SON_LA });
    const otherStaff = await tokenFor({ role: "staff", staffScope: "01" });
    const name = `HTX Mận Mộc Châu ${stamp}`;
    await importList([`Mận hậu Mộc Châu,${name},Sơn La,3,${number(4)},01/02/2025,01/02/2028,`], staff);
    const [record] = await search(`man moc chau ${stamp}`);
    expect(record).toMatchObject({ phoneOnFile: false, state: "open" });
    const url = `/api/producers/unclaimed/${record?.recordId}/claims`;

    const claimantPhone = phone();
    const claimant = await tokenFor(undefined, { phone: claimantPhone });
    const bare = await call<Err>("POST", url, { token: claimant, body: {} });
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({ code: "producer_details_required", field: "kind" });
    const farWard = await call<Err>("POST", url, { token: claimant, body: { kind: "household", wardCode: "00004" } });
    expect(farWard.status).toBe(400);
    expect(farWard.body.error?.field).toBe("wardCode");
    expect((await ClaimEntity.query.byRecord({ recordId: record?.recordId ?? "" }).go()).data).toEqual([]);

    const details = { kind: "household", wardCode: await sonLaWard(), note: "Tôi là chủ hộ, có giấy ĐKKD." };
    const waiting = await call<ClaimView>("POST", url, { token: claimant, body: details });
    expect(waiting.status).toBe(201);
    expect(waiting.body.status).toBe("pending");
    expect((await search(`man moc chau ${stamp}`))[0]?.state).toBe("pending");

    const rival = await call<Err>("POST", url, { token: await tokenFor(), body: details });
    expect(rival.status).toBe(409);
    expect(rival.body.error?.code).toBe("claim_pending");

    const queue = await call<Array<ClaimView & { claimantPhone: string }>>("GET", "/api/admin/claims", {
      token: staff,
    });
    expect(queue.body.find((c) => c.claimId === waiting.body.claimId)).toMatchObject({
      claimantPhone,
      producerName: name,
    });
    const elsewhere = await call<Array<ClaimView>>("GET", "/api/admin/claims", { token: otherStaff });
    expect(elsewhere.body.some((c) => c.claimId === waiting.body.claimId)).toBe(false);
    const notTheirs = await call<Err>("POST", `/api/admin/claims/${waiting.body.claimId}/approve`, {
      token: otherStaff,
    });
    expect(notTheirs.status).toBe(403);

    const noReason = await call<Err>("POST", `/api/admin/claims/${waiting.body.claimId}/reject`, {
      token: staff,
      body: { reason: " " },
    });
    expect(noReason.status).toBe(400);
    const refused = await call<ClaimView>("POST", `/api/admin/claims/${waiting.body.claimId}/reject`, {
      token: staff,
      body: { reason: "Số điện thoại không khớp với hồ sơ của tỉnh." },
    });
    expect(refused.body).toMatchObject({ status: "rejected", reason: "Số điện thoại không khớp với hồ sơ của tỉnh." });
    const mine = await call<ClaimView[]>("GET", "/api/me/claims", { token: claimant });
    expect(mine.body[0]).toMatchObject({ status: "rejected", reason: "Số điện thoại không khớp với hồ sơ của tỉnh." });
    const told = (await OutboxMessenger.recent(100)).filter((m) => m.to === `+84${claimantPhone.slice(1)}`);
    expect(told.some((m) => m.text.includes("chưa được duyệt"))).toBe(true);
    expect((await me(claimant)).role).toBe("shopper");

    const second = await call<ClaimView>("POST", url, { token: claimant, body: details });
    expect(second.body.status).toBe("pending");
    const granted = await call<ClaimView>("POST", `/api/admin/claims/${second.body.claimId}/approve`, {
      token: staff,
    });
    expect(granted.status).toBe(200);
    expect(granted.body.status).toBe("granted");
    const user = await me(claimant);
    expect(user.role).toBe("seller");
    expect(await producerOf(number(4))).toBe(user.producerId);
    const twice = await call<Err>("POST", `/api/admin/claims/${second.body.claimId}/approve`, { token: staff });
    expect(twice.status).toBe(409);
  });

  it("gives a seller's own producer the record of its province, and refuses one of another province", async () => {
    const staff = await tokenFor({ role: "staff", staffScope: SON_LA });
    const hanoiStaff = await tokenFor({ role: "staff", staffScope: "01" });
    const seller = await tokenFor();
    const registered = await call("POST", "/api/seller/producer", {
      token: seller,
      body: producerInput(await sonLaWard(), `HTX Sơn La ${stamp}`),
    });
    expect(registered.status).toBe(201);
    const sellerPhone = (await call<{ user: { phone: string } }>("GET", "/api/me", { token: seller })).body.user.phone;
    await importList(
      [`Cà phê Nà Bó,HTX Nà Bó ${stamp},Sơn La,3,${number(5)},01/02/2025,01/02/2028,${sellerPhone}`],
      staff,
    );
    await importList(
      [`Bánh cốm Hà Nội,HTX Cốm ${stamp},Hà Nội,3,${number(6)},01/02/2025,01/02/2028,${sellerPhone}`],
      hanoiStaff,
    );
    const [sonLa] = await search(`na bo ${stamp}`);
    const hanoi = (
      await call<Unclaimed[]>("GET", `/api/producers/unclaimed?province=01&q=${encodeURIComponent(`com ${stamp}`)}`)
    ).body[0];

    const far = await call<Err>("POST", `/api/producers/unclaimed/${hanoi?.recordId}/claims`, {
      token: seller,
      body: {},
    });
    expect(far.status).toBe(409);
    expect(far.body.error?.code).toBe("other_province");

    const near = await call<ClaimView>("POST", `/api/producers/unclaimed/${sonLa?.recordId}/claims`, {
      token: seller,
      body: {},
    });
    expect(near.body.status).toBe("granted");
    expect(await producerOf(number(5))).toBe((await me(seller)).producerId);
  });

  it("refuses a list whose phone is not a mobile number, naming the row, and writes nothing", async () => {
    const staff = await tokenFor({ role: "staff", staffScope: SON_LA });
    const bad = await importList(
      [`Mật ong,HTX Ong ${stamp},Sơn La,3,${number(7)},01/02/2025,01/02/2028,024 3825 0000`],
      staff,
    );
    expect(bad.body.failed).toEqual([{ line: 2, errors: [expect.stringMatching(/^phone: /)] }]);
    expect(await search(`ong ${stamp}`)).toEqual([]);
    expect((await call("GET", `/api/certificates/${number(7)}`)).status).toBe(404);
  });

  it("answers a malformed search or record id with 400", async () => {
    expect((await call("GET", "/api/producers/unclaimed?province=x")).status).toBe(400);
    const token = await tokenFor();
    expect((await call("POST", "/api/producers/unclaimed/nope/claims", { token, body: {} })).status).toBe(400);
    const unknown = await call<Err>("POST", `/api/producers/unclaimed/${"0".repeat(32)}/claims`, { token, body: {} });
    expect(unknown.status).toBe(404);
  });
});
