import { randomBytes } from "node:crypto";
import { CertificateEntity } from "@cho-ocop/core/certificate/index";
import { ScoreEntity } from "@cho-ocop/core/council/entities";
import { Dossier } from "@cho-ocop/core/dossier/index";
import { Registry } from "@cho-ocop/core/register/index";
import { Sheet } from "@cho-ocop/core/sheet/index";
import { vietnamDay } from "@cho-ocop/core/util/date";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { call, phone, tokenFor } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";

/** The best option of every criterion of a sheet, then the given letters. */
function answers(sheetId: string, overrides: Record<string, string> = {}) {
  const sheet = Sheet.get(sheetId);
  const best = Object.fromEntries(
    Sheet.criteria(sheet).map((c) => [c.id, [...c.options].sort((a, b) => b.points - a.points)[0]?.id ?? "a"]),
  );
  return { ...best, ...overrides };
}

let staff = "";
let otherStaff = "";
let producerId = "";
let wardCode = "";
const members: { phone: string; token: string; userId: string }[] = [];
let secretary = { phone: "", token: "", userId: "" };
let outsider = "";

async function person() {
  const p = phone();
  const token = await tokenFor(undefined, { phone: p });
  const me = await call<{ user: { userId: string } }>("GET", "/api/me", { token });
  return { phone: p, token, userId: me.body.user.userId };
}

async function approvedProduct(seller: string) {
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: productInput(),
  });
  const productId = created.body.productId;
  await call("POST", `/api/seller/products/${productId}/submit`, {
    token: seller,
    body: { certificate: certificateInput(3) },
  });
  await call("POST", `/api/admin/products/${productId}/approve`, { token: staff });
  return productId;
}

async function waitingDossier(productId: string, productName: string, subGroup = "1.5.1") {
  const dossierId = Array.from(randomBytes(26), (b) => "0123456789abcdefghjkmnpqrstvwxyz"[b % 32]).join("");
  await Dossier.seed({
    dossierId,
    producerId,
    wardCode,
    provinceCode: SON_LA,
    state: "province_council",
    registration: { productId, productName, subGroup, group: "food" },
    businessPlan: {},
    selfAssessment: {},
    evidence: [],
    history: [],
  });
  return dossierId;
}

let seller = "";
let councilId = "";
let sittingId = "";

beforeAll(async () => {
  wardCode = await sonLaWard();
  staff = await tokenFor({ role: "staff", staffScope: SON_LA });
  otherStaff = await tokenFor({ role: "staff", staffScope: "01" });
  seller = await tokenFor();
  await call("POST", "/api/seller/producer", { token: seller, body: producerInput(wardCode, "HTX Chè Hội Đồng") });
  producerId = (await call<{ user: { producerId: string } }>("GET", "/api/me", { token: seller })).body.user.producerId;
  for (let i = 0; i < 4; i++) members.push(await person());
  secretary = await person();
  outsider = (await person()).token;
});

const councilInput = () => ({
  level: "province",
  provinceCode: SON_LA,
  name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La",
  chair: { phone: members[0]?.phone, name: "Chủ tịch Lò Văn A" },
  secretary: { phone: secretary.phone, name: "Thư ký Cầm Thị B" },
  members: [
    { phone: members[1]?.phone, name: "Thành viên Quàng Văn C" },
    { phone: members[2]?.phone, name: "Thành viên Lường Thị D" },
    { phone: members[3]?.phone, name: "Thành viên Tòng Văn E" },
  ],
  advisors: [{ name: "Tổ tư vấn Sở Nông nghiệp và Môi trường", unit: "Sở NN&MT Sơn La" }],
});

describe("forming a council", () => {
  it("refuses bad input with a 400 naming the field, and another province's staff with a 403; nothing is made", async () => {
    const before = (await call<unknown[]>("GET", "/api/admin/councils", { token: staff })).body.length;
    const noProvince = await call<{ error: { field: string } }>("POST", "/api/admin/councils", {
      token: staff,
      body: { ...councilInput(), provinceCode: undefined },
    });
    expect(noProvince.status).toBe(400);
    expect(noProvince.body.error.field).toBe("provinceCode");
    const twice = await call("POST", "/api/admin/councils", {
      token: staff,
      body: { ...councilInput(), secretary: { phone: members[0]?.phone, name: "Lại là chủ tịch" } },
    });
    expect(twice.status).toBe(400);
    expect((await call("POST", "/api/admin/councils", { token: otherStaff, body: councilInput() })).status).toBe(403);
    expect((await call("POST", "/api/admin/councils", { token: members[0]?.token, body: councilInput() })).status).toBe(
      403,
    );
    expect((await call<unknown[]>("GET", "/api/admin/councils", { token: staff })).body.length).toBe(before);
  });

  it("makes the council with its people as accounts, and schedules a sitting", async () => {
    const made = await call<{ councilId: string; people: { duty: string; userId: string }[] }>(
      "POST",
      "/api/admin/councils",
      {
        token: staff,
        body: councilInput(),
      },
    );
    expect(made.status).toBe(201);
    expect(made.body.people.map((p) => p.duty)).toEqual(["chair", "secretary", "member", "member", "member"]);
    expect(made.body.people[1]?.userId).toBe(secretary.userId);
    councilId = made.body.councilId;
    const bad = await call("POST", `/api/admin/councils/${councilId}/sittings`, {
      token: staff,
      body: { date: "2026-02-30", place: "Hội trường" },
    });
    expect(bad.status).toBe(400);
    const sat = await call<{ sittingId: string; dossiers: unknown[] }>(
      "POST",
      `/api/admin/councils/${councilId}/sittings`,
      {
        token: staff,
        body: { date: "2026-12-10", place: "Hội trường Sở Nông nghiệp và Môi trường, Sơn La" },
      },
    );
    expect(sat.status).toBe(201);
    sittingId = sat.body.sittingId;
    const got = await call<{ sittings: { sittingId: string }[] }>("GET", `/api/admin/councils/${councilId}`, {
      token: staff,
    });
    expect(got.body.sittings.map((s) => s.sittingId)).toEqual([sittingId]);
    expect((await call("GET", `/api/admin/councils/${councilId}`, { token: otherStaff })).status).toBe(403);
  });
});

describe("a sitting scores a dossier and the decision certifies it", () => {
  let productId = "";
  let dossierId = "";
  const scorers = () => [members[1], members[2], members[3]] as { token: string; userId: string }[];
  const url = () => `/api/council/sittings/${sittingId}/dossiers/${dossierId}`;

  beforeAll(async () => {
    productId = await approvedProduct(seller);
    dossierId = await waitingDossier(productId, "Chè Shan Tuyết Hội Đồng");
  });

  it("puts the waiting dossier on the agenda with its sub-group's sheet, and the chosen members on the sitting", async () => {
    const cands = await call<{ dossierId: string }[]>("GET", `/api/admin/sittings/${sittingId}/candidates`, {
      token: staff,
    });
    expect(cands.body.map((d) => d.dossierId)).toContain(dossierId);
    const put = await call<{ dossiers: { dossierId: string; sheetId: string }[] }>(
      "PUT",
      `/api/admin/sittings/${sittingId}/dossiers`,
      { token: staff, body: { dossierIds: [dossierId] } },
    );
    expect(put.status).toBe(200);
    expect(put.body.dossiers).toMatchObject([{ dossierId, sheetId: "che@1" }]);
    const secretaryScores = await call("PUT", `/api/admin/sittings/${sittingId}/scorers`, {
      token: staff,
      body: { userIds: [secretary.userId] },
    });
    expect(secretaryScores.status).toBe(400);
    const chosen = await call<{ scorers: { userId: string }[] }>("PUT", `/api/admin/sittings/${sittingId}/scorers`, {
      token: staff,
      body: { userIds: scorers().map((m) => m.userId) },
    });
    expect(chosen.body.scorers.map((s) => s.userId)).toEqual(scorers().map((m) => m.userId));
    const mine = await call<{ sittingId: string }[]>("GET", "/api/council/sittings", { token: members[1]?.token });
    expect(mine.body.map((s) => s.sittingId)).toEqual([sittingId]);
    expect((await call<unknown[]>("GET", "/api/council/sittings", { token: members[0]?.token })).body).toEqual([]);
  });

  it("lets a scorer save a draft only they see; a bad option is a 400 that changes nothing", async () => {
    const m = scorers()[0] as { token: string; userId: string };
    const draft = await call<{ parts: { A: number }; total: number }>("PUT", `${url()}/score`, {
      token: m.token,
      body: { answers: { "A1.1": "d", "A1.2": "c" }, notes: { "A1.1": "Chè búp tươi từ vùng Tà Xùa" } },
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ parts: { A: 6 }, total: 6 });
    const bad = await call<{ error: { field: string } }>("PUT", `${url()}/score`, {
      token: m.token,
      body: { answers: { "A1.1": "z" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("A1.1");
    const read = await call<{ mine: { answers: Record<string, string>; notes: Record<string, string> } }>(
      "GET",
      url(),
      {
        token: m.token,
      },
    );
    expect(read.body.mine.answers).toEqual({ "A1.1": "d", "A1.2": "c" });
    expect(read.body.mine.notes["A1.1"]).toBe("Chè búp tươi từ vùng Tà Xùa");
    const other = scorers()[1] as { token: string };
    const peek = await call("GET", `${url()}/summary`, { token: other.token });
    expect(peek.status).toBe(403);
    const incomplete = await call<{ error: { code: string } }>("POST", `${url()}/score/submit`, {
      token: m.token,
      body: { answers: { "A1.1": "d" } },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe("unanswered");
    const stored = await ScoreEntity.get({ sittingId, dossierId, userId: m.userId }).go();
    expect(stored.data?.submittedAt).toBeUndefined();
  });

  it("refuses the secretary, staff, someone outside and a member of another sitting as scorers", async () => {
    const other = await call<{ sittingId: string }>("POST", `/api/admin/councils/${councilId}/sittings`, {
      token: staff,
      body: { date: "2026-12-11", place: "Hội trường" },
    });
    await call("PUT", `/api/admin/sittings/${other.body.sittingId}/scorers`, {
      token: staff,
      body: { userIds: [members[0]?.userId] },
    });
    for (const token of [members[0]?.token, secretary.token, staff, outsider]) {
      const res = await call("PUT", `${url()}/score`, { token, body: { answers: { "A1.1": "a" } } });
      expect(res.status).toBe(403);
    }
    const elsewhere = await call("PUT", `/api/council/sittings/${other.body.sittingId}/dossiers/${dossierId}/score`, {
      token: members[0]?.token,
      body: { answers: { "A1.1": "a" } },
    });
    expect(elsewhere.status).toBe(404);
    expect((await call("GET", `${url()}/summary`, { token: outsider })).status).toBe(403);
    expect((await call("GET", url(), { token: members[0]?.token })).status).toBe(403);
    const { data } = await ScoreEntity.query.bySitting({ sittingId }).go();
    expect(data.map((s) => s.userId)).toEqual([scorers()[0]?.userId]);
  });

  it("shows the secretary every submitted sheet, the average, the mandatory check and the stars", async () => {
    const [a, b, c] = scorers() as { token: string }[];
    // 92, 96 and 92 (93.3 on average), but two members find no certified quality system: the average fails the 5★ mark → 4★.
    await call("POST", `${url()}/score/submit`, {
      token: a?.token,
      body: { answers: answers("che@1", { "C2.4": "b", "B1.1": "c", "A1.6": "b", "C2.5": "b" }) },
    });
    const resubmit = await call("POST", `${url()}/score/submit`, {
      token: a?.token,
      body: { answers: answers("che@1") },
    });
    expect(resubmit.status).toBe(409);
    const seen = await call<{ submitted: number; members: unknown[] }>("GET", `${url()}/summary`, { token: a?.token });
    expect(seen.body).toMatchObject({ submitted: 1 });
    await call("POST", `${url()}/score/submit`, {
      token: b?.token,
      body: { answers: answers("che@1", { "C2.4": "b", "B1.1": "c" }), notes: { "C2.4": "Đang áp dụng VietGAP" } },
    });
    const early = await call<{ complete: boolean }>("GET", `${url()}/summary`, { token: secretary.token });
    expect(early.body.complete).toBe(false);
    const tooEarly = await call("POST", `/api/admin/sittings/${sittingId}/decision`, {
      token: staff,
      body: {
        number: "1520/QĐ-UBND",
        date: "2026-12-12",
        signer: "Phó Chủ tịch UBND tỉnh",
        issuer: "UBND tỉnh Sơn La",
        dossierIds: [dossierId],
      },
    });
    expect(tooEarly.status).toBe(409);
    await call("POST", `${url()}/score/submit`, {
      token: c?.token,
      body: { answers: answers("che@1", { "C3.1": "b", "B1.1": "c", "A1.6": "b" }) },
    });
    const sum = await call<{
      complete: boolean;
      members: { total: number; name: string; notes: Record<string, string> }[];
      average: { total: number; stars: number; band: number; failed: { criterionId: string }[] };
    }>("GET", `${url()}/summary`, { token: secretary.token });
    expect(sum.status).toBe(200);
    expect(sum.body.complete).toBe(true);
    expect(sum.body.members.map((m) => m.total).sort()).toEqual([92, 92, 96]);
    expect(sum.body.members.find((m) => m.total === 96)?.notes["C2.4"]).toBe("Đang áp dụng VietGAP");
    expect(sum.body.average).toMatchObject({ total: 93.3, band: 5, stars: 4 });
    expect(sum.body.average.failed.map((f) => f.criterionId)).toEqual(["C2.4"]);
    const forward = await call("POST", `/api/admin/sittings/${sittingId}/dossiers/${dossierId}/forward`, {
      token: staff,
    });
    expect(forward.status).toBe(409);
  });

  it("refuses a malformed decision and another province's staff, changing nothing; then certifies the product 4★", async () => {
    const decision = {
      number: "1520/QĐ-UBND",
      date: vietnamDay(),
      signer: "Phó Chủ tịch UBND tỉnh Sơn La",
      issuer: "UBND tỉnh Sơn La",
      dossierIds: [dossierId],
    };
    const before = (await call<{ certificate: { stars: number } }>("GET", `/api/products/${productId}`)).body;
    const bad = await call<{ error: { field: string } }>("POST", `/api/admin/sittings/${sittingId}/decision`, {
      token: staff,
      body: { ...decision, number: "QĐ 1520" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("number");
    const foreign = await call("POST", `/api/admin/sittings/${sittingId}/decision`, {
      token: otherStaff,
      body: decision,
    });
    expect(foreign.status).toBe(403);
    const byMember = await call("POST", `/api/admin/sittings/${sittingId}/decision`, {
      token: secretary.token,
      body: decision,
    });
    expect(byMember.status).toBe(403);
    expect((await call<{ certificate: unknown }>("GET", `/api/products/${productId}`)).body.certificate).toEqual(
      before.certificate,
    );

    const made = await call<{ entries: { stars: number; total: number; certificateNumber: string }[] }>(
      "POST",
      `/api/admin/sittings/${sittingId}/decision`,
      { token: staff, body: decision },
    );
    expect(made.status).toBe(201);
    expect(made.body.entries).toMatchObject([{ stars: 4, total: 93.3 }]);
    expect(made.body.entries[0]?.certificateNumber).toMatch(/^OCOP-14-2026-\d{4,}$/);
    const after = await call<{ stars: number; certificate: { decisionNumber: string; stars: number } }>(
      "GET",
      `/api/products/${productId}`,
    );
    expect(after.body.certificate).toMatchObject({ decisionNumber: "1520/QĐ-UBND", stars: 4 });
    expect(before.certificate.stars).toBe(3);
    const d = await Dossier.get({ kind: "system" }, dossierId);
    expect(d.state).toBe("decided");
    expect(d.outcome).toMatchObject({ stars: 4, decisionNumber: "1520/QĐ-UBND" });
    const again = await call("POST", `/api/admin/sittings/${sittingId}/decision`, { token: staff, body: decision });
    expect(again.status).toBe(409);
    const late = await call("PUT", `${url()}/score`, { token: members[1]?.token, body: { answers: { "A1.1": "a" } } });
    expect(late.status).toBe(409);
  });

  it("sends a 5★ result on to the central council instead of the province's decision", async () => {
    const product = await approvedProduct(seller);
    const top = await waitingDossier(product, "Chè Shan Tuyết cổ thụ");
    await call("PUT", `/api/admin/sittings/${sittingId}/dossiers`, { token: staff, body: { dossierIds: [top] } });
    for (const m of scorers()) {
      await call("POST", `/api/council/sittings/${sittingId}/dossiers/${top}/score/submit`, {
        token: m.token,
        body: { answers: answers("che@1", { "B1.1": "c" }) },
      });
    }
    const inDecision = await call<{ error: { code: string } }>("POST", `/api/admin/sittings/${sittingId}/decision`, {
      token: staff,
      body: {
        number: "1521/QĐ-UBND",
        date: "2026-12-12",
        signer: "Phó Chủ tịch",
        issuer: "UBND tỉnh Sơn La",
        dossierIds: [top],
      },
    });
    expect(inDecision.status).toBe(409);
    expect(inDecision.body.error.code).toBe("central_level");
    const fwd = await call<{ forwardedAt: string | null; average: { stars: number } }>(
      "POST",
      `/api/admin/sittings/${sittingId}/dossiers/${top}/forward`,
      { token: staff },
    );
    expect(fwd.status).toBe(200);
    expect(fwd.body.average.stars).toBe(5);
    expect((await Dossier.get({ kind: "system" }, top)).state).toBe("central_council");
  });

  it("finishes a decision cut off part-way when it is sent again, issuing each product's certificate once", async () => {
    const products = [await approvedProduct(seller), await approvedProduct(seller)] as [string, string];
    const ids = [
      await waitingDossier(products[0], "Chè búp Mộc Châu"),
      await waitingDossier(products[1], "Chè xanh Tà Xùa"),
    ];
    await call("PUT", `/api/admin/sittings/${sittingId}/dossiers`, { token: staff, body: { dossierIds: ids } });
    for (const id of ids) {
      for (const m of scorers()) {
        await call("POST", `/api/council/sittings/${sittingId}/dossiers/${id}/score/submit`, {
          token: m.token,
          body: { answers: answers("che@1", { "C2.4": "b", "B1.1": "c" }) },
        });
      }
    }
    const decision = {
      number: "1530/QĐ-UBND",
      date: vietnamDay(),
      signer: "Phó Chủ tịch UBND tỉnh Sơn La",
      issuer: "UBND tỉnh Sơn La",
      dossierIds: ids,
    };
    const issue = Registry.issue;
    let calls = 0;
    // The registry fails on the second product, as a lost connection would, after the first was certified.
    const spy = vi.spyOn(Registry, "issue").mockImplementation(async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error("connection reset");
      return issue(...args);
    });
    try {
      const cut = await call("POST", `/api/admin/sittings/${sittingId}/decision`, { token: staff, body: decision });
      expect(cut.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    const first = (await call<{ certificate: { decisionNumber: string } }>("GET", `/api/products/${products[0]}`)).body;
    expect(first.certificate.decisionNumber).toBe("1530/QĐ-UBND");
    expect((await Dossier.get({ kind: "system" }, ids[1] as string)).state).toBe("province_council");

    const otherWording = await call("POST", `/api/admin/sittings/${sittingId}/decision`, {
      token: staff,
      body: { ...decision, signer: "Chủ tịch UBND tỉnh Sơn La" },
    });
    expect(otherWording.status).toBe(409);
    const resumed = await call<{ entries: { dossierId: string; certificateNumber: string }[] }>(
      "POST",
      `/api/admin/sittings/${sittingId}/decision`,
      { token: staff, body: decision },
    );
    expect(resumed.status).toBe(201);
    expect(resumed.body.entries.map((e) => e.dossierId).sort()).toEqual([...ids].sort());
    const numbers = resumed.body.entries.map((e) => e.certificateNumber);
    expect(new Set(numbers).size).toBe(2);
    for (const [i, productId] of products.entries()) {
      const mine = await CertificateEntity.query.byProduct({ productId }).go({ pages: "all" });
      const fromDecision = mine.data.filter((x) => x.decisionNumber === "1530/QĐ-UBND");
      expect(fromDecision.map((x) => x.number)).toEqual([
        numbers[resumed.body.entries.findIndex((e) => e.dossierId === ids[i])],
      ]);
      expect((await Dossier.get({ kind: "system" }, ids[i] as string)).state).toBe("decided");
    }
    const again = await call("POST", `/api/admin/sittings/${sittingId}/decision`, { token: staff, body: decision });
    expect(again.status).toBe(409);
    const listed = await call<{ number: string; entries: unknown[] }[]>("GET", `/api/admin/decisions?scope=${SON_LA}`, {
      token: staff,
    });
    expect(listed.body.find((x) => x.number === "1530/QĐ-UBND")?.entries).toHaveLength(2);
    expect(Object.keys(listed.body[0] ?? {})).not.toContain("complete");
  });
});

describe("score sheets are public data", () => {
  it("serves the classification and a sheet; an unknown sheet is a 404", async () => {
    const groups = await call<{ categories: { subGroups: { sheetId: string }[] }[] }[]>(
      "GET",
      "/api/ocop-classification",
    );
    expect(groups.body.flatMap((g) => g.categories.flatMap((c) => c.subGroups.map((s) => s.sheetId)))).toEqual([
      "gao-ngu-coc@1",
      "che@1",
      "thu-cong-my-nghe@1",
    ]);
    const sheet = await call<{ parts: { code: string }[] }>("GET", "/api/score-sheets/che@1");
    expect(sheet.body.parts.map((p) => p.code)).toEqual(["A", "B", "C"]);
    expect((await call("GET", "/api/score-sheets/che@9")).status).toBe(404);
  });
});
