import { SYSTEM } from "@cho-ocop/core/account/actor";
import { AuditEntity } from "@cho-ocop/core/audit/index";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { Product } from "@cho-ocop/core/product/index";
import { Registry } from "@cho-ocop/core/register/index";
import { Reminder } from "@cho-ocop/core/register/reminder";
import { workbook } from "@cho-ocop/core/register/xlsx.fixture";
import { Storefront } from "@cho-ocop/core/storefront/index";
import { addDays, addMonths, vietnamDay } from "@cho-ocop/core/util/date";
import { describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { demoId } from "../local/seed";

const decision = (stars = 4, decisionDate = vietnamDay()) => ({
  ...certificateInput(stars),
  level: stars === 5 ? ("central" as const) : ("province" as const),
  decisionDate,
  signer: "Phó Chủ tịch UBND tỉnh Lò Văn A",
});

async function draftProduct(name: string) {
  const seller = await tokenFor();
  await call("POST", "/api/seller/producer", { token: seller, body: producerInput(await sonLaWard(), `HTX ${name}`) });
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: productInput(name),
  });
  return { seller, productId: created.body.productId };
}

const staff = () => tokenFor({ role: "staff", staffScope: SON_LA });

describe("issuing a certificate from a decision", () => {
  it("numbers it, makes it the product's certificate, lists the product and shows it in the public lookup", async () => {
    const { productId } = await draftProduct("Chè Tà Xùa cấp mới");
    const issued = await call<{ number: string; certificateId: string }>(
      "POST",
      `/api/admin/products/${productId}/certificates`,
      { token: await staff(), body: decision(4) },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.number).toMatch(new RegExp(`^OCOP-${SON_LA}-${vietnamDay().slice(0, 4)}-\\d{4,}$`));

    const product = await Product.get(productId);
    expect(product.status).toBe("approved");
    expect(product.certificate?.certificateId).toBe(issued.body.certificateId);
    expect((await call("GET", `/api/products/${productId}`)).status).toBe(200);

    const lookup = await call<Registry.PublicView>("GET", `/api/certificates/${issued.body.number.toLowerCase()}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      number: issued.body.number,
      status: "valid",
      stars: 4,
      productName: "Chè Tà Xùa cấp mới",
      producerName: "HTX Chè Tà Xùa cấp mới",
      provinceName: "Sơn La",
      decisionNumber: "1520/QĐ-UBND",
      issuer: "UBND tỉnh Sơn La",
      signer: "Phó Chủ tịch UBND tỉnh Lò Văn A",
      validUntil: addMonths(vietnamDay(), 36),
      productId,
    });
    expect(JSON.stringify(lookup.body)).not.toMatch(/phone|scanKey/);
    const qr = await call<string>("GET", `/api/certificates/${issued.body.number}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toBe("image/svg+xml");
    expect(String(qr.body)).toContain("<svg");
  });

  it("gives each certificate its own number and supersedes the old one on renewal", async () => {
    const { productId } = await draftProduct("Mật ong bạc hà gia hạn");
    const officer = await staff();
    const first = await call<{ number: string }>("POST", `/api/admin/products/${productId}/certificates`, {
      token: officer,
      body: decision(3, addMonths(vietnamDay(), -35)),
    });
    expect((await call<Registry.PublicView>("GET", `/api/certificates/${first.body.number}`)).body.status).toBe(
      "expiring",
    );
    const second = await call<{ number: string }>("POST", `/api/admin/products/${productId}/certificates`, {
      token: officer,
      body: decision(4),
    });
    expect(second.body.number).not.toBe(first.body.number);
    const old = await call<Registry.PublicView>("GET", `/api/certificates/${first.body.number}`);
    expect(old.body).toMatchObject({ superseded: true, stars: 3 });
    expect((await Product.get(productId)).certificate?.stars).toBe(4);
  });

  it("takes a council's averaged score with one decimal, and fewer stars than the band when a mandatory criterion failed", async () => {
    const { productId } = await draftProduct("Trà hoa vàng 92 điểm");
    const issued = await call<{ number: string }>("POST", `/api/admin/products/${productId}/certificates`, {
      token: await staff(),
      body: { ...decision(4), score: { a: 36.7, b: 23.3, c: 32 } },
    });
    expect(issued.status).toBe(201);
    expect((await call<Registry.PublicView>("GET", `/api/certificates/${issued.body.number}`)).body.stars).toBe(4);
  });

  it("refuses a 5★ certificate from province staff and a score outside the stars' band, changing nothing", async () => {
    const { productId } = await draftProduct("Gạo nếp tú lệ từ chối");
    const fiveStars = await call("POST", `/api/admin/products/${productId}/certificates`, {
      token: await staff(),
      body: decision(5),
    });
    expect(fiveStars.status).toBe(403);
    const badScore = await call<{ error: { code: string } }>("POST", `/api/admin/products/${productId}/certificates`, {
      token: await staff(),
      body: { ...decision(4), score: { a: 20, b: 10, c: 10 } },
    });
    expect(badScore.status).toBe(400);
    expect((await Product.get(productId)).status).toBe("draft");
  });
});

describe("revoking a certificate", () => {
  it("takes the product off the storefront at once, audits the reason, and keeps the certificate in the lookup", async () => {
    const { productId } = await draftProduct("Măng khô thu hồi");
    const officer = await staff();
    const { number } = await Registry.issue(SYSTEM, { productId, ...decision(4) });
    const before = await Storefront.counts();
    expect((await call("GET", `/api/products/${productId}`)).status).toBe(200);

    const tooShort = await call("POST", `/api/admin/certificates/${number}/revoke`, {
      token: officer,
      body: { reason: "x" },
    });
    expect(tooShort.status).toBe(400);
    const revoked = await call<Registry.PublicView>("POST", `/api/admin/certificates/${number}/revoke`, {
      token: officer,
      body: { reason: "Cơ sở không duy trì điều kiện an toàn thực phẩm." },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe("revoked");

    expect((await call("GET", `/api/products/${productId}`)).status).toBe(404);
    const product = await Product.get(productId);
    expect(product.status).toBe("expired");
    expect(product.statusReason).toBe("Cơ sở không duy trì điều kiện an toàn thực phẩm.");
    expect((await Storefront.counts()).province[SON_LA]).toBe((before.province[SON_LA] ?? 0) - 1);

    const lookup = await call<Registry.PublicView>("GET", `/api/certificates/${number}`);
    expect(lookup.body).toMatchObject({
      status: "revoked",
      revokedReason: "Cơ sở không duy trì điều kiện an toàn thực phẩm.",
    });
    const { data: trail } = await AuditEntity.query.byTarget({ targetId: number }).go();
    expect(trail.map((a) => [a.action, a.reason])).toEqual([
      ["revoke-certificate", "Cơ sở không duy trì điều kiện an toàn thực phẩm."],
    ]);

    const again = await call("POST", `/api/admin/certificates/${number}/revoke`, {
      token: officer,
      body: { reason: "Thu hồi lần hai." },
    });
    expect(again.status).toBe(409);
  });

  it("is refused to another province's staff", async () => {
    const { productId } = await draftProduct("Cà phê Sơn La giữ nguyên");
    const { number } = await Registry.issue(SYSTEM, { productId, ...decision(4) });
    const other = await tokenFor({ role: "staff", staffScope: "01" });
    const res = await call("POST", `/api/admin/certificates/${number}/revoke`, {
      token: other,
      body: { reason: "Không có thẩm quyền." },
    });
    expect(res.status).toBe(403);
    expect((await call<Registry.PublicView>("GET", `/api/certificates/${number}`)).body.status).toBe("valid");
  });
});

describe("finding a certificate", () => {
  it("by product name within a province, with or without accents, and 404 for an unknown number", async () => {
    const { productId } = await draftProduct("Khoai sọ Tủa Chùa tra cứu");
    const { number } = await Registry.issue(SYSTEM, { productId, ...decision(4) });
    const found = await call<Registry.PublicView[]>(
      "GET",
      `/api/certificates?province=${SON_LA}&q=${encodeURIComponent("khoai so tua chua")}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.map((c) => c.number)).toContain(number);
    const elsewhere = await call<Registry.PublicView[]>(
      "GET",
      `/api/certificates?province=01&q=${encodeURIComponent("khoai so tua chua")}`,
    );
    expect(elsewhere.body.map((c) => c.number)).not.toContain(number);
    expect((await call("GET", "/api/certificates/OCOP-14-1999-9999")).status).toBe(404);
    expect((await call("GET", `/api/certificates?province=${SON_LA}&q=k`)).status).toBe(400);
  });
});

describe("open data", () => {
  it("pages every certificate with its licence, feeds changes since a time, and exports CSV", async () => {
    const startedAt = new Date().toISOString();
    const { productId } = await draftProduct("Rượu táo mèo dữ liệu mở");
    const { number } = await Registry.issue(SYSTEM, { productId, ...decision(4) });

    const seen: Registry.PublicView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call<{ licence: { id: string }; items: Registry.PublicView[]; cursor?: string }>(
        "GET",
        `/api/open-data/certificates?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.licence.id).toBe("CC-BY-4.0");
      seen.push(...page.body.items);
      cursor = page.body.cursor;
      pages++;
    } while (cursor && pages < 1000);
    expect(seen.map((c) => c.number)).toContain(number);

    const changes = await call<{ items: Registry.PublicView[]; cursor?: string }>(
      "GET",
      `/api/open-data/certificates?since=${encodeURIComponent(startedAt)}`,
    );
    expect(changes.body.items.map((c) => c.number)).toEqual([number]);
    await Registry.revoke(SYSTEM, number, { reason: "Thu hồi để thử luồng thay đổi." });
    const afterRevoke = await call<{ items: Registry.PublicView[] }>(
      "GET",
      `/api/open-data/certificates?since=${encodeURIComponent(startedAt)}`,
    );
    expect(afterRevoke.body.items.map((c) => [c.number, c.status])).toEqual([[number, "revoked"]]);

    expect((await call("GET", "/api/open-data/certificates?since=yesterday")).status).toBe(400);
    expect((await call("GET", "/api/open-data/certificates?cursor=bm90LWEtY3Vyc29y")).status).toBe(400);

    const csv = await call<string>("GET", "/api/open-data/certificates.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("link")).toContain("creativecommons.org/licenses/by/4.0");
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "number,status,stars,productName,producerName,provinceCode,provinceName,decisionNumber,decisionDate,issuer,level,validFrom,validUntil,revokedAt,changedAt",
    );
    expect(lines.find((l) => l.startsWith(`${number},`))).toContain(",revoked,4,Rượu táo mèo dữ liệu mở,");
  });
});

describe("expiry reminders", () => {
  it("tell the producer's sellers at 90 and at 30 days, once each, with the renewal dossier's link", async () => {
    const { seller, productId } = await draftProduct("Bánh chưng gù nhắc hạn");
    const me = await call<{ user: { phone: string } }>("GET", "/api/me", { token: seller });
    const to = `+84${me.body.user.phone.slice(1)}`;
    const { number, certificateId } = await Registry.issue(SYSTEM, {
      productId,
      ...decision(4, addMonths(vietnamDay(), -33)),
    });
    const cert = await call<Registry.PublicView>("GET", `/api/certificates/${number}`);
    const ninetyBefore = addDays(cert.body.validUntil, -90);
    const thirtyBefore = addDays(cert.body.validUntil, -30);
    const textsTo = async () => (await OutboxMessenger.recent(2000)).filter((m) => m.to === to).map((m) => m.text);

    expect((await Reminder.sendDue(addDays(ninetyBefore, -1))).map((r) => r.number)).not.toContain(number);
    expect(await Reminder.sendDue(ninetyBefore)).toContainEqual({ number, days: 90 });
    expect((await Reminder.sendDue(ninetyBefore)).map((r) => r.number)).not.toContain(number);
    expect((await Reminder.sendDue(addDays(ninetyBefore, 10))).map((r) => r.number)).not.toContain(number);
    expect(await Reminder.sendDue(thirtyBefore)).toContainEqual({ number, days: 30 });
    expect((await Reminder.sendDue(addDays(thirtyBefore, 1))).map((r) => r.number)).not.toContain(number);

    const texts = await textsTo();
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).toContain(`số ${number}`);
      expect(text).toContain(`/ban-hang/ho-so/moi?renew=${certificateId}`);
    }
    expect(texts.some((t) => t.includes("còn 90 ngày"))).toBe(true);
    expect(texts.some((t) => t.includes("còn 30 ngày"))).toBe(true);
  });

  it("also reach the sellers of a listed product whose certificate they typed in and staff approved", async () => {
    const product = await Product.get(demoId("product", "hop-qua-gao-st25"));
    const held = product.certificate;
    expect(held?.validUntil).toBeDefined();
    const ninetyBefore = addDays(held?.validUntil ?? "", -90);
    expect(await Reminder.sendDue(ninetyBefore)).toContainEqual({ number: held?.certificateId, days: 90 });
    const texts = (await OutboxMessenger.recent(2000)).filter((m) => m.to === "+84983000136").map((m) => m.text);
    const reminder = texts.find((t) => t.includes("còn 90 ngày"));
    expect(reminder).toContain(`“Hộp quà gạo ST25 hút chân không” hết hạn`);
    expect(reminder).toContain(`theo quyết định ${held?.decisionNumber}`);
    expect(reminder).toContain(`/ban-hang/ho-so/moi?renew=${held?.certificateId}`);
  });

  it("are not sent for a revoked certificate", async () => {
    const { productId } = await draftProduct("Nấm hương thu hồi không nhắc");
    const { number } = await Registry.issue(SYSTEM, { productId, ...decision(4, addMonths(vietnamDay(), -34)) });
    await Registry.revoke(SYSTEM, number, { reason: "Thu hồi trước hạn." });
    expect((await Reminder.sendDue(vietnamDay())).map((r) => r.number)).not.toContain(number);
  });
});

describe("importing a province's OCOP list", () => {
  const stamp = Date.now().toString(36).toUpperCase();
  const n = (i: number) => `SL-${stamp}-${i}`;
  const header = "Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn";
  const good = [
    `Chè Shan tuyết Tà Xùa,HTX Chè Tà Xùa,Sơn La,4 sao,${n(1)},15/03/2024,15/03/2027`,
    `"Mận hậu sấy dẻo, loại 1",HTX Mộc Châu,Sơn La,3,${n(2)},2023-01-10,2026-01-10`,
  ];
  const importAs = (token: string, csv: string, extra: object = {}) =>
    call<{
      rows: number;
      failed: Array<{ line: number; errors: string[] }>;
      added: Array<{ number: string }>;
      unchanged: Array<{ number: string }>;
      columns: Record<string, string>;
      headers: string[];
      missingColumns: string[];
      committed: boolean;
      error?: { code: string; message: string; field?: string };
    }>("POST", "/api/admin/certificates/import", { token, body: { csv, ...extra } });

  it("previews, then creates the certificates, shows them in the lookup with their status, and re-importing changes nothing", async () => {
    const officer = await staff();
    const csv = `\uFEFF${header}\r\n${good.join("\r\n")}\r\n`;
    const preview = await importAs(officer, csv);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 2, failed: [], committed: false });
    expect(preview.body.added.map((r) => r.number)).toEqual([n(1), n(2)]);
    expect((await call("GET", `/api/certificates/${n(1)}`)).status).toBe(404);

    const done = await importAs(officer, csv, { commit: true });
    expect(done.body.committed).toBe(true);
    const first = await call<Registry.PublicView>("GET", `/api/certificates/${n(1)}`);
    expect(first.body).toMatchObject({
      productName: "Chè Shan tuyết Tà Xùa",
      producerName: "HTX Chè Tà Xùa",
      stars: 4,
      validFrom: "2024-03-15",
      validUntil: "2027-03-15",
      issuer: "UBND tỉnh Sơn La",
    });
    expect(first.body.productId).toBeUndefined();
    const second = await call<Registry.PublicView>("GET", `/api/certificates/${n(2)}`);
    expect(second.body).toMatchObject({ productName: "Mận hậu sấy dẻo, loại 1", status: "expired" });

    const again = await importAs(officer, csv, { commit: true });
    expect(again.body.added).toEqual([]);
    expect(again.body.unchanged.map((r) => r.number)).toEqual([n(1), n(2)]);
  });

  it("maps the columns of another layout", async () => {
    const csv = `San pham;Don vi;Dia ban;Hang;Ma so;Cap ngay;Het han\nGạo séng cù;HTX Gạo;Sơn La;3;${n(3)};01/06/2024;01/06/2027\n`;
    const unmapped = await importAs(await staff(), csv);
    expect(unmapped.status).toBe(200);
    expect(unmapped.body).toMatchObject({
      rows: 1,
      added: [],
      committed: false,
      headers: ["San pham", "Don vi", "Dia ban", "Hang", "Ma so", "Cap ngay", "Het han"],
      columns: { productName: "San pham" },
      missingColumns: ["producerName", "province", "stars", "number", "issuedOn", "expiresOn"],
    });
    expect((await importAs(await staff(), csv, { commit: true })).body.error?.code).toBe("missing_columns");
    expect((await call("GET", `/api/certificates/${n(3)}`)).status).toBe(404);
    const wrong = await importAs(await staff(), csv, { mapping: { productName: "Ten hang" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: "unknown_column", field: "mapping.productName" });
    expect(wrong.body.error?.message).toContain("Ten hang");
    const mapped = await importAs(await staff(), csv, {
      commit: true,
      mapping: {
        productName: "San pham",
        producerName: "Don vi",
        province: "Dia ban",
        stars: "Hang",
        number: "Ma so",
        issuedOn: "Cap ngay",
        expiresOn: "Het han",
      },
    });
    expect(mapped.body.committed).toBe(true);
    expect((await call<Registry.PublicView>("GET", `/api/certificates/${n(3)}`)).body.productName).toBe("Gạo séng cù");
  });

  it("writes nothing from a file with bad rows, duplicate numbers, missing columns or a wrong encoding, and names the rows", async () => {
    const officer = await staff();
    const bad = [
      ...good.map((l) => l.replace(stamp, `${stamp}X`)),
      `Măng khô,HTX Măng,Sơn La,6,${n(90)},01/01/2024,01/01/2027`,
      `Mật ong,HTX Ong,Hà Nội,4,${n(91)},01/01/2024,01/01/2027`,
      `Trùng số,HTX Trùng,Sơn La,4,${n(1).replace(stamp, `${stamp}X`)},01/01/2024,31/02/2027`,
    ];
    const res = await importAs(officer, `${header}\n${bad.join("\n")}\n`, { commit: true });
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(false);
    expect(res.body.failed.map((f) => f.line)).toEqual([4, 5, 6]);
    expect(res.body.failed[0]?.errors.join()).toContain("stars");
    expect(res.body.failed[1]?.errors.join()).toContain("outside your province");
    expect(res.body.failed[2]?.errors.join()).toContain("also on line 2");
    expect(res.body.failed[2]?.errors.join()).toContain("expiresOn");
    expect((await call("GET", `/api/certificates/${n(1).replace(stamp, `${stamp}X`)}`)).status).toBe(404);

    const missing = await importAs(officer, `Tên sản phẩm,Chủ thể\nChè,HTX\n`, { commit: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.message).toContain("province");

    const mojibake = await importAs(officer, `${header}\nCh\uFFFD,HTX,Sơn La,4,${n(92)},01/01/2024,01/01/2027\n`, {
      commit: true,
    });
    expect(mojibake.status).toBe(400);
    expect(mojibake.body.error?.code).toBe("invalid_file");
    expect((await call("GET", `/api/certificates/${n(92)}`)).status).toBe(404);
  });
});

describe("importing a province's OCOP list from an Excel workbook", () => {
  const stamp = `X${Date.now().toString(36).toUpperCase()}`;
  const n = (i: number) => `SL-${stamp}-${i}`;
  const importXlsx = (token: string, file: Uint8Array, extra: object = {}) =>
    call<{
      rows: number;
      failed: Array<{ line: number; errors: string[] }>;
      added: Array<{ number: string; issuedOn: string; expiresOn: string }>;
      unchanged: Array<{ number: string }>;
      committed: boolean;
      error?: { code: string; message: string };
    }>("POST", "/api/admin/certificates/import", {
      token,
      body: { xlsx: Buffer.from(file).toString("base64"), ...extra },
    });
  const national = ["Tên sản phẩm", "Chủ thể", "Tỉnh", "Hạng sao", "Số GCN", "Ngày cấp", "Ngày hết hạn"];

  it("reads the national columns with serial and text dates, creates the certificates, and re-importing changes nothing", async () => {
    const officer = await staff();
    const file = workbook([
      national,
      ["Cà phê Arabica", "HTX Cà phê Sơn La", "Sơn La", 4, n(1), { date: 45366 }, "15/03/2027"],
      ["Mật ong bạc hà", "HTX Ong", "Sơn La", "3 sao", n(2), "01/06/2024", { date: 46539 }],
    ]);
    const preview = await importXlsx(officer, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 2, failed: [], committed: false });
    expect(preview.body.added.map((r) => [r.number, r.issuedOn, r.expiresOn])).toEqual([
      [n(1), "2024-03-15", "2027-03-15"],
      [n(2), "2024-06-01", "2027-06-01"],
    ]);
    expect((await importXlsx(officer, file, { commit: true })).body.committed).toBe(true);
    const view = await call<Registry.PublicView>("GET", `/api/certificates/${n(1)}`);
    expect(view.body).toMatchObject({ productName: "Cà phê Arabica", stars: 4, validFrom: "2024-03-15" });
    const again = await importXlsx(officer, file, { commit: true });
    expect(again.body.added).toEqual([]);
    expect(again.body.unchanged.map((r) => r.number)).toEqual([n(1), n(2)]);
  });

  it("maps another layout's headers, and names failing rows by their sheet row number while writing nothing", async () => {
    const officer = await staff();
    const header = ["Mã", "Sản phẩm OCOP", "Đơn vị", "Địa bàn", "Xếp loại", "Cấp ngày", "Hết hạn"];
    const mapping = {
      productName: "Sản phẩm OCOP",
      producerName: "Đơn vị",
      province: "Địa bàn",
      stars: "Xếp loại",
      number: "Mã",
      issuedOn: "Cấp ngày",
      expiresOn: "Hết hạn",
    };
    const bad = workbook(
      [
        ["Danh sách sản phẩm OCOP tỉnh Sơn La"],
        [],
        header,
        [n(3), "Gạo séng cù", "HTX Gạo", "Sơn La", 3, "01/06/2024", "01/06/2027"],
        [n(1), "Trùng với sổ đăng ký", "HTX", "Sơn La", 3, "01/06/2024", "01/06/2027"],
        [n(3), "Trùng trong tệp", "HTX", "Sơn La", 3, "01/06/2024", "01/06/2027"],
        [n(4), "Ngày sai", "HTX", "Sơn La", 3, "31/02/2024", "01/06/2027"],
      ],
      { firstRow: 2 },
    );
    // A title above the header: the first row read is the header, so the mapped columns are not found.
    const missing = await importXlsx(officer, bad, { mapping });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe("unknown_column");

    const rows = [
      header,
      [n(3), "Gạo séng cù", "HTX Gạo", "Sơn La", 3, "01/06/2024", "01/06/2027"],
      [n(3), "Trùng trong tệp", "HTX", "Sơn La", 3, "01/06/2024", "01/06/2027"],
      [n(4), "Ngày sai", "HTX", "Sơn La", 3, "31/02/2024", "01/06/2027"],
    ];
    const refused = await importXlsx(officer, workbook(rows, { firstRow: 4 }), { mapping, commit: true });
    expect(refused.body.committed).toBe(false);
    expect(refused.body.failed.map((f) => f.line)).toEqual([6, 7]);
    expect(refused.body.failed[0]?.errors.join()).toContain("also on line 5");
    expect(refused.body.failed[1]?.errors.join()).toContain("issuedOn");
    expect((await call("GET", `/api/certificates/${n(3)}`)).status).toBe(404);

    const good = await importXlsx(officer, workbook(rows.slice(0, 2), { firstRow: 4 }), { mapping, commit: true });
    expect(good.body.committed).toBe(true);
    expect((await call<Registry.PublicView>("GET", `/api/certificates/${n(3)}`)).body.productName).toBe("Gạo séng cù");
  });

  it("refuses a file that is not an .xlsx with a clear message", async () => {
    const res = await importXlsx(await staff(), new TextEncoder().encode("Tên sản phẩm,Chủ thể\n"));
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("invalid_file");
    const both = await call<{ error?: { code: string } }>("POST", "/api/admin/certificates/import", {
      token: await staff(),
      body: { csv: "a", xlsx: "UEs=" },
    });
    expect(both.status).toBe(400);
  });
});

describe("the certificate as a PDF", () => {
  it("is a PDF for an issued certificate, cached briefly; 404 for an unknown number, 400 for a malformed one", async () => {
    const { productId } = await draftProduct("Mận hậu Mộc Châu giấy chứng nhận");
    const { number } = await Registry.issue(SYSTEM, { productId, ...decision(4) });
    const pdf = await call<string>("GET", `/api/certificates/${number}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("public, max-age=300");
    expect(String(pdf.body).startsWith("%PDF-")).toBe(true);
    const unknown = await call<{ error: { code: string } }>("GET", "/api/certificates/OCOP-14-1999-9999/pdf");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBeTruthy();
    expect((await call("GET", `/api/certificates/${encodeURIComponent("số sai!")}/pdf`)).status).toBe(400);
  });
});
