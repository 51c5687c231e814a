import { Sheet } from "@cho-ocop/core/sheet/index";
import { LocalStorage } from "@cho-ocop/core/storage/index";
import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { localApp } from "../local/server";

/**
 * An OCOP dossier from the producer's phone to the province (Decision 148/QĐ-TTg as amended by 1489/QĐ-TTg): the
 * seller drafts it as they go, attaches evidence per criterion, submits it complete; the commune's staff pre-check it
 * and pass it to the province or return it with reasons the seller sees. Nobody else sees it.
 */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const web = localApp({ webDist: "/nonexistent", storage: new LocalStorage(process.env.UPLOAD_DIR ?? "") });

interface View {
  dossierId: string;
  state: string;
  version: number;
  completion: number;
  registration: Record<string, unknown>;
  selfAssessment: Record<string, string>;
  evidence: Array<{ evidenceId: string; kind: string; criterionIds: string[]; url: string; contentType: string }>;
  missing: Array<{ field: string; vi: string }>;
  lastReturn: { party: string; reasons: string[] } | null;
  moves: string[];
  sheet: { sheetId: string } | null;
  error?: { code: string; field?: string; message: string };
}

let seller = "";
let otherSeller = "";
let commune = "";
let otherCommune = "";
let provinceStaff = "";
let wardCode = "";

async function upload(token: string, bytes: Uint8Array, contentType = "image/jpeg") {
  const ticket = await call<{ key: string; url: string; fields: Record<string, string> }>(
    "POST",
    "/api/seller/uploads",
    { token, body: { purpose: "dossier-evidence", contentType, size: bytes.length } },
  );
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: contentType }), "tep");
  expect((await web.request(ticket.body.url, { method: "POST", body: form })).status).toBe(204);
  return ticket.body.key;
}

const rice = () => Sheet.forSubGroup("1.3.1");
/** The highest option of every criterion of the rice sheet. */
const bestAnswers = () =>
  Object.fromEntries(
    Sheet.criteria(rice()).map((c) => [c.id, [...c.options].sort((a, b) => b.points - a.points)[0]?.id ?? "a"]),
  );

const form = (version: number, selfAssessment: Record<string, string> = {}) => ({
  version,
  registration: {
    productName: "Gạo séng cù Mường Lò",
    subGroup: "1.3.1",
    representative: "Lò Văn Hùng",
    phone: "0912000101",
    rawMaterialOrigin: "Lúa séng cù của 40 hộ trong xã",
    workers: 12,
    localWorkers: 10,
  },
  businessPlan: { summary: "Mở rộng vùng nguyên liệu 20 ha, bán qua sàn và siêu thị" },
  selfAssessment,
});

const get = (id: string, token = seller) => call<View>("GET", `/api/seller/dossiers/${id}`, { token });
const open = async () => {
  const made = await call<View>("POST", "/api/seller/dossiers", { token: seller, body: {} });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body;
};

/** A dossier with every part filled and its required evidence, ready to submit. */
async function complete(): Promise<View> {
  const d = await open();
  const saved = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
    token: seller,
    body: form(d.version, bestAnswers()),
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  for (const kind of ["food-safety", "test-report", "product-story", "label-photo"]) {
    const key = kind === "label-photo" ? await upload(seller, JPEG) : await upload(seller, PDF, "application/pdf");
    const added = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
      token: seller,
      body: { kind, key, fileName: `${kind}.pdf`, criterionIds: kind === "test-report" ? ["C1.1"] : [] },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  return (await get(d.dossierId)).body;
}

beforeAll(async () => {
  seller = await tokenFor();
  wardCode = await sonLaWard();
  const made = await call("POST", "/api/seller/producer", {
    token: seller,
    body: producerInput(wardCode, "HTX Hồ Sơ Mường Lò"),
  });
  expect(made.status).toBe(201);
  otherSeller = await tokenFor();
  await call("POST", "/api/seller/producer", { token: otherSeller, body: producerInput(wardCode, "HTX Khác") });
  commune = await tokenFor({ role: "commune", staffScope: wardCode, name: "Cán bộ xã" });
  const { wardsOf } = await import("@cho-ocop/core/geo/ward");
  otherCommune = await tokenFor({ role: "commune", staffScope: wardsOf(SON_LA)[1]?.code ?? "" });
  provinceStaff = await tokenFor({ role: "staff", staffScope: SON_LA });
});

describe("a producer drafts a dossier as they go", () => {
  it("opens an empty draft that says what it still lacks, and saves whatever is typed", async () => {
    const d = await open();
    expect(d).toMatchObject({ state: "draft", version: 1, sheet: null, evidence: [], lastReturn: null });
    expect(d.missing.map((m) => m.field)).toContain("registration.subGroup");
    const saved = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
      token: seller,
      body: { version: 1, registration: { productName: "Gạo séng cù" } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, registration: { productName: "Gạo séng cù" } });
    expect((await get(d.dossierId)).body.registration.productName).toBe("Gạo séng cù");
  });

  it("takes the sheet and group from the sub-group, and keeps each answer", async () => {
    const d = await open();
    const saved = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
      token: seller,
      body: form(1, { "A1.1": "a" }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.registration).toMatchObject({ group: "thuc-pham", sheetId: rice().sheetId });
    expect(saved.body.sheet?.sheetId).toBe(rice().sheetId);
    expect(saved.body.selfAssessment).toEqual({ "A1.1": "a" });
    expect(saved.body.missing.map((m) => m.field)).toContain("selfAssessment.A1.2");
  });

  it("refuses a save over a newer version (another tab) with 409 and keeps the newer", async () => {
    const d = await open();
    await call("PUT", `/api/seller/dossiers/${d.dossierId}`, {
      token: seller,
      body: { version: 1, registration: { productName: "Mới" } },
    });
    const stale = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
      token: seller,
      body: { version: 1, registration: { productName: "Cũ" } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe("changed");
    expect((await get(d.dossierId)).body.registration.productName).toBe("Mới");
  });

  it("refuses bad input with a 400 naming the field, and changes nothing", async () => {
    const d = await open();
    const before = (await get(d.dossierId)).body;
    const cases: Array<[unknown, string]> = [
      [{ version: 1, registration: { workers: 3, localWorkers: 5 } }, "registration.localWorkers"],
      [{ version: 1, registration: { subGroup: "9.9.9" } }, "registration.subGroup"],
      [{ version: 1, registration: { phone: "12" } }, "registration.phone"],
      [{ ...form(1), selfAssessment: { "A1.1": "z" } }, "A1.1"],
      [{ ...form(1), selfAssessment: { "Z9.9": "a" } }, "Z9.9"],
      [{ registration: {} }, "version"],
    ];
    for (const [body, field] of cases) {
      const res = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, { token: seller, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.field).toBe(field);
    }
    const junk = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
      token: seller,
      body: { kind: "selfie", key: "private/dossiers/x/y.jpg", fileName: "a" },
    });
    expect(junk.status).toBe(400);
    const after = (await get(d.dossierId)).body;
    expect(after).toEqual({ ...before, evidence: after.evidence });
    expect(after.evidence).toEqual([]);
  });

  it("names only the producer's own product: another producer's is a 400 that changes nothing", async () => {
    const d = await open();
    const theirs = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: otherSeller,
      body: productInput(),
    });
    const mine = await call<{ productId: string }>("POST", "/api/seller/products", {
      token: seller,
      body: productInput(),
    });
    expect([theirs.status, mine.status]).toEqual([201, 201]);
    for (const productId of [theirs.body.productId, "01hzzzzzzzzzzzzzzzzzzzzzzz"]) {
      const refused = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
        token: seller,
        body: { ...form(d.version), registration: { ...form(d.version).registration, productId } },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "not_your_product", field: "registration.productId" });
    }
    expect((await get(d.dossierId)).body.version).toBe(d.version);
    const named = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
      token: seller,
      body: { ...form(d.version), registration: { ...form(d.version).registration, productId: mine.body.productId } },
    });
    expect(named.status).toBe(200);
    expect(named.body.registration.productId).toBe(mine.body.productId);
  });

  it("attaches only the producer's own uploaded files, of their true type, and removes them", async () => {
    const d = await open();
    const foreign = await upload(otherSeller, JPEG);
    const refused = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
      token: seller,
      body: { kind: "label-photo", key: foreign, fileName: "nhan.jpg" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("invalid_upload");
    const fake = await upload(seller, new TextEncoder().encode("not a jpeg at all"));
    expect(
      (
        await call("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
          token: seller,
          body: { kind: "label-photo", key: fake, fileName: "nhan.jpg" },
        })
      ).status,
    ).toBe(400);
    const key = await upload(seller, JPEG);
    const added = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
      token: seller,
      body: { kind: "label-photo", key, fileName: "nhan.jpg", criterionIds: ["B1.1"] },
    });
    expect(added.status).toBe(201);
    expect(added.body.evidence).toHaveLength(1);
    expect(added.body.evidence[0]).toMatchObject({
      kind: "label-photo",
      criterionIds: ["B1.1"],
      contentType: "image/jpeg",
    });
    expect(added.body.evidence[0]?.url).toBeTruthy();
    const id = added.body.evidence[0]?.evidenceId ?? "";
    const removed = await call<View>("DELETE", `/api/seller/dossiers/${d.dossierId}/evidence/${id}`, { token: seller });
    expect(removed.status).toBe(200);
    expect(removed.body.evidence).toEqual([]);
  });

  it("takes files attached at once and a save beside them, losing none", async () => {
    const d = await open();
    const keys = await Promise.all([
      upload(seller, JPEG),
      upload(seller, JPEG),
      upload(seller, PDF, "application/pdf"),
    ]);
    const [a, b, c, saved] = await Promise.all([
      ...keys.map((key, i) =>
        call<View>("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
          token: seller,
          body: { kind: "label-photo", key, fileName: `anh-${i}.jpg` },
        }),
      ),
      call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
        token: seller,
        body: { version: 1, registration: { productName: "Cùng lúc" } },
      }),
    ]);
    expect([a?.status, b?.status, c?.status, saved?.status]).toEqual([201, 201, 201, 200]);
    const now = (await get(d.dossierId)).body;
    expect(now.evidence).toHaveLength(3);
    expect(now.registration.productName).toBe("Cùng lúc");
  });

  it("lists the producer's dossiers with their share done", async () => {
    const list = await call<Array<{ dossierId: string; completion: number; state: string }>>(
      "GET",
      "/api/seller/dossiers",
      { token: seller },
    );
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(6);
    expect(list.body.every((d) => d.state === "draft" && d.completion >= 0 && d.completion <= 100)).toBe(true);
  });
});

describe("submitting and the commune's pre-check", () => {
  it("refuses an incomplete dossier with 422 naming the first gap, and it stays a draft", async () => {
    const d = await open();
    const res = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/submit`, { token: seller });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "incomplete", field: "registration.group" });
    expect((await get(d.dossierId)).body.state).toBe("draft");
  });

  it("submits a complete one to the commune, which passes it to the province; it can no longer be edited", async () => {
    const d = await complete();
    expect(d.missing).toEqual([]);
    expect(d.completion).toBe(100);
    const sent = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/submit`, { token: seller });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.state).toBe("commune_check");
    const edit = await call<View>("PUT", `/api/seller/dossiers/${d.dossierId}`, {
      token: seller,
      body: form(sent.body.version),
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error?.code).toBe("not_editable");

    const queue = await call<Array<{ dossierId: string; producerName: string }>>("GET", "/api/commune/dossiers", {
      token: commune,
    });
    expect(queue.status).toBe(200);
    expect(queue.body.find((q) => q.dossierId === d.dossierId)?.producerName).toBe("HTX Hồ Sơ Mường Lò");
    const seen = await call<View>("GET", `/api/commune/dossiers/${d.dossierId}`, { token: commune });
    expect(seen.status).toBe(200);
    expect(seen.body.moves).toEqual(["province_council", "returned"]);

    const half = await call<View>("POST", `/api/commune/dossiers/${d.dossierId}/pass`, {
      token: commune,
      body: { checks: { productOrigin: true, rawMaterialOrigin: true, localLabour: false } },
    });
    expect(half.status).toBe(400);
    expect(half.body.error?.field).toBe("checks.localLabour");
    expect((await get(d.dossierId)).body.state).toBe("commune_check");

    const passed = await call<View & { communeCheck: { note: string } }>(
      "POST",
      `/api/commune/dossiers/${d.dossierId}/pass`,
      {
        token: commune,
        body: {
          checks: { productOrigin: true, rawMaterialOrigin: true, localLabour: true },
          note: "Đã xác minh tại bản",
        },
      },
    );
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body).toMatchObject({ state: "province_council", communeCheck: { note: "Đã xác minh tại bản" } });
    expect((await get(d.dossierId)).body.state).toBe("province_council");
    const again = await call<View>("POST", `/api/commune/dossiers/${d.dossierId}/return`, {
      token: commune,
      body: { reasons: ["Quá muộn để trả lại"] },
    });
    expect(again.status).toBe(409);
  });

  it("a return's reasons reach the producer, who edits and resubmits it", async () => {
    const d = await complete();
    await call("POST", `/api/seller/dossiers/${d.dossierId}/submit`, { token: seller });
    const short = await call<View>("POST", `/api/commune/dossiers/${d.dossierId}/return`, {
      token: commune,
      body: { reasons: ["ít"] },
    });
    expect(short.status).toBe(400);
    const back = await call<View>("POST", `/api/commune/dossiers/${d.dossierId}/return`, {
      token: commune,
      body: { reasons: ["Thiếu hợp đồng thu mua lúa với các hộ trong xã"] },
    });
    expect(back.status).toBe(200);
    const seen = (await get(d.dossierId)).body;
    expect(seen).toMatchObject({
      state: "returned",
      lastReturn: { party: "commune", reasons: ["Thiếu hợp đồng thu mua lúa với các hộ trong xã"] },
    });
    const listed = await call<Array<{ dossierId: string; lastReturn: { reasons: string[] } | null }>>(
      "GET",
      "/api/seller/dossiers",
      { token: seller },
    );
    expect(listed.body.find((x) => x.dossierId === d.dossierId)?.lastReturn?.reasons).toHaveLength(1);
    const key = await upload(seller, PDF, "application/pdf");
    const added = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/evidence`, {
      token: seller,
      body: { kind: "raw-material-contract", key, fileName: "hop-dong.pdf", criterionIds: ["A1.1"] },
    });
    expect(added.body.state).toBe("draft");
    const again = await call<View>("POST", `/api/seller/dossiers/${d.dossierId}/submit`, { token: seller });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ state: "commune_check", lastReturn: null });
  });
});

describe("nobody else sees or moves a dossier", () => {
  it("another producer's seller, another commune, province staff at the commune step and shoppers are refused", async () => {
    const d = await complete();
    const shopper = await tokenFor();
    for (const token of [otherSeller, shopper]) {
      expect((await get(d.dossierId, token)).status).toBe(403);
      expect((await call("PUT", `/api/seller/dossiers/${d.dossierId}`, { token, body: form(d.version) })).status).toBe(
        403,
      );
      expect((await call("POST", `/api/seller/dossiers/${d.dossierId}/submit`, { token })).status).toBe(403);
    }
    const others = await call<Array<{ dossierId: string }>>("GET", "/api/seller/dossiers", { token: otherSeller });
    expect(others.body.some((x) => x.dossierId === d.dossierId)).toBe(false);
    expect((await get(d.dossierId, "")).status).toBe(401);

    // A draft is the producer's alone, even for its commune.
    expect((await call("GET", `/api/commune/dossiers/${d.dossierId}`, { token: commune })).status).toBe(404);
    await call("POST", `/api/seller/dossiers/${d.dossierId}/submit`, { token: seller });
    for (const token of [otherCommune, provinceStaff, seller]) {
      expect((await call("GET", `/api/commune/dossiers/${d.dossierId}`, { token })).status).toBe(403);
      const pass = await call("POST", `/api/commune/dossiers/${d.dossierId}/pass`, {
        token,
        body: { checks: { productOrigin: true, rawMaterialOrigin: true, localLabour: true } },
      });
      expect(pass.status).toBe(403);
    }
    const otherQueue = await call<Array<{ dossierId: string }>>("GET", "/api/commune/dossiers", {
      token: otherCommune,
    });
    expect(otherQueue.body.some((x) => x.dossierId === d.dossierId)).toBe(false);
    expect((await get(d.dossierId)).body.state).toBe("commune_check");
  });

  it("commune staff are not programme staff: the review queue and dashboard refuse them", async () => {
    expect((await call("GET", "/api/admin/reviews", { token: commune })).status).toBe(403);
    expect((await call("GET", "/api/admin/verifications", { token: commune })).status).toBe(403);
  });
});

describe("a renewal", () => {
  it("opens prefilled from the last dossier, asking for the three-year self-assessment", async () => {
    const d = await open();
    const renewal = await call<View & { renewsCertificateId: string }>("POST", "/api/seller/dossiers", {
      token: seller,
      body: { renewFrom: "cert-cu-2023" },
    });
    expect(renewal.status).toBe(201);
    expect(renewal.body.renewsCertificateId).toBe("cert-cu-2023");
    expect(renewal.body.dossierId).not.toBe(d.dossierId);
    const saved = await call<View>("PUT", `/api/seller/dossiers/${renewal.body.dossierId}`, {
      token: seller,
      body: form(renewal.body.version, bestAnswers()),
    });
    expect(saved.body.missing.map((m) => m.field)).toContain("threeYearReview");
  });
});
