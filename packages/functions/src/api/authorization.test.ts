import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM } from "@cho-ocop/core/account/actor";
import { RateEntity, UserEntity } from "@cho-ocop/core/account/entities";
import { Account } from "@cho-ocop/core/account/index";
import { ClaimEntity, recordIdOf } from "@cho-ocop/core/claim/entities";
import { Combo } from "@cho-ocop/core/combo/index";
import { ProvinceTarget } from "@cho-ocop/core/dashboard/targets";
import { DossierEntity } from "@cho-ocop/core/dossier/entity";
import { Dossier } from "@cho-ocop/core/dossier/index";
import { wardsOf } from "@cho-ocop/core/geo/ward";
import { chatProvider, useChatProvider } from "@cho-ocop/core/live/chat";
import { Live } from "@cho-ocop/core/live/index";
import { ReportEntity } from "@cho-ocop/core/live/report";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { Producer } from "@cho-ocop/core/producer/index";
import { Product } from "@cho-ocop/core/product/index";
import { RegistryImport } from "@cho-ocop/core/register/import";
import { Registry } from "@cho-ocop/core/register/index";
import { VerificationEntity } from "@cho-ocop/core/seller/verification/entity";
import { Settings } from "@cho-ocop/core/settings/index";
import { storage, useStorage } from "@cho-ocop/core/storage/index";
import { CollectionEntity } from "@cho-ocop/core/storefront/entities";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, phone, tokenFor, verifySeller } from "../../test/api";
import { certificateInput, producerInput, productInput, SON_LA, sonLaWard } from "../../test/catalogue";
import { type LocalLive, startLocalLive } from "../local/live/index";
import { app } from "./app";
import type { Role } from "./roles";

/**
 * Seller endpoints without a product id act on the caller's own producer, so any seller may call them;
 * those with a product id only that product's sellers.
 *
 * Every endpoint, called as each kind of person. The allowed ones must succeed; everyone else gets 401
 * (not signed in) or 403 and nothing changes: every mutating route that refuses someone has a probe, read before
 * and after each refused call, of what the call would change. Endpoints are read from the OpenAPI document, so a
 * new route without a case here fails the test, and the roles each route declares (`x-roles`) must be the ones its
 * case allows. Orders are the shopper's; `shopperOther` is a second shopper, never the buyer.
 */
type Who =
  | "anonymous"
  | "shopper"
  | "shopperOther"
  | "sellerOther"
  | "sellerOwn"
  | "staffOther"
  | "staffOwn"
  | "central"
  | "communeOwn"
  | "communeOther";
const EVERYONE: Who[] = [
  "anonymous",
  "shopper",
  "shopperOther",
  "sellerOther",
  "sellerOwn",
  "staffOther",
  "staffOwn",
  "central",
  "communeOwn",
  "communeOther",
];
const SIGNED_IN = EVERYONE.filter((w) => w !== "anonymous");
const SHOPPERS: Who[] = ["shopper", "shopperOther"];
const ANY_SELLER: Who[] = ["sellerOther", "sellerOwn"];
const ANY_STAFF: Who[] = ["staffOther", "staffOwn", "central"];
const OWN_STAFF: Who[] = ["staffOwn", "central"];
/** The roles of `x-roles` that allowing these callers stands for. */
function rolesOf(allowed: Who[]): Role[] {
  const has = (w: Who) => allowed.includes(w);
  const out: Role[] = [];
  if (has("anonymous")) out.push("anonymous");
  if (has("shopper")) out.push(has("shopperOther") ? "shopper" : "buyer");
  if (has("sellerOwn") || has("sellerOther")) out.push("seller");
  if (has("staffOwn") || has("staffOther")) out.push("staff-province");
  if (has("central")) out.push("staff-central");
  if (has("communeOwn") || has("communeOther")) out.push("staff-commune");
  return out;
}
/** A live's own sellers, and any staff member (moderation is not limited to a province: an abusive live ends at once). */
const LIVE_MODERATORS: Who[] = ["sellerOwn", ...ANY_STAFF];

interface Fixture {
  productId: string;
  orderId: string;
  /** A live session of the own producer featuring `productId` (live states only). */
  sessionId: string;
  /** A running deal of that session (state "live-deal" only). */
  dealId: string;
  token: Record<Exclude<Who, "anonymous">, string>;
}

interface Case {
  method: string;
  path: string;
  /** The declared roles, where the allowed callers cannot name them (the invited person is one shopper). */
  roles?: Role[];
  allowed: Who[];
  /** The product (or order of it) the call acts on, in the state it needs (fresh for each allowed caller). */
  state?:
    | "draft"
    | "pending"
    | "approved"
    | "suspended"
    | "order-cod"
    | "order-vietqr"
    | "live-scheduled"
    | "live-on-air"
    | "live-deal"
    | "live-ended";
  /** Per caller, before the call: e.g. put something in their own cart; may return extra headers and a url. */
  prepare?: (
    f: Fixture,
    who: Who,
    token: string | undefined,
  ) => Promise<{ url?: string; headers?: Record<string, string> }>;
  /** What an allowed caller gets when the fixture cannot make the call succeed (e.g. card not configured). */
  expect?: number;
  url?: (f: Fixture) => string;
  body?: (f: Fixture, who: Who) => unknown | Promise<unknown>;
  /** "spare": call with a second session of the same person. */
  session?: "spare";
  /** What must not change when the call is refused (read after `prepare`, with the caller's token and headers). */
  probe?: (f: Fixture, who: Who, caller: { token?: string; headers?: Record<string, string> }) => Promise<unknown>;
}

/** A one-row OCOP list of Sơn La, under a number nobody has. */
const IMPORT_STAMP = Date.now().toString(36);
const importNumber = (who: Who) => `MT-${IMPORT_STAMP}-${who}`.toUpperCase();
const importCsv = (who: Who) =>
  `Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn\nChè ma trận,HTX Ma Trận,Sơn La,4,${importNumber(who)},01/02/2025,01/02/2028\n`;
/** A certificate issued from a decision to the fixture's product (in force at once): its number. */
const issued = async (f: Fixture) =>
  (
    await Registry.issue(SYSTEM, {
      productId: f.productId,
      ...certificateInput(4),
      level: "province",
      signer: "Chủ tịch UBND tỉnh",
    })
  ).number;
const productProbe = async (f: Fixture) => {
  const p = await Product.get(f.productId);
  return { status: p.status, version: p.version, stock: p.stock, priceVnd: p.priceVnd };
};
let ownProducerId = "";
const producerProbe = async () => {
  const p = await Producer.get(ownProducerId);
  return { name: p.name, updatedAt: p.updatedAt };
};
const membersProbe = async () => (await Account.sellersOf(ownProducerId)).length;
const invitationsProbe = async () =>
  (await call<unknown[]>("GET", "/api/seller/invitations", { token: ownSeller })).body.length;
const roleProbe = async (f: Fixture, who: Who) =>
  who === "anonymous" ? null : (await UserEntity.query.byId({ userId: idOf(f, who) }).go()).data[0]?.role;

/** An invitation from the own producer to the phone of `token`'s person, or to a number nobody uses. */
async function invitationTo(token?: string) {
  const to = token ? (await call<{ user: { phone: string } }>("GET", "/api/me", { token })).body.user.phone : phone();
  // Ten callers per case send more invitations than a producer's day allows (60): the window starts afresh.
  await RateEntity.delete({
    bucket: `invite:${ownProducerId}`,
    window: Math.floor(Date.now() / 86_400_000) * 86_400,
  }).go();
  const sent = await call<{ invitationId: string }>("POST", "/api/seller/invitations", {
    token: ownSeller,
    body: { phone: to },
  });
  if (sent.status !== 201) throw new Error(`invitation fixture: ${sent.status} ${JSON.stringify(sent.body)}`);
  return sent.body.invitationId;
}

/** A new seller of the own producer: invited, and accepted. */
async function freshMember() {
  const token = await tokenFor();
  const accepted = await call("POST", `/api/invitations/${await invitationTo(token)}/accept`, { token });
  if (accepted.status !== 200) throw new Error(`member fixture: ${accepted.status}`);
  return (await call<{ user: { userId: string } }>("GET", "/api/me", { token })).body.user.userId;
}
const productsProbe = async () =>
  (await Product.entity.query.byProducer({ producerId: ownProducerId }).go({ pages: "all" })).data.length;
const collectionProbe = (collectionId: string) => async () =>
  (await CollectionEntity.get({ scope: "storefront", collectionId }).go()).data ?? null;
/** The papers of a seller's identity verification, stored where their uploads would have been checked into. */
async function identityPapers(token: string) {
  const me = (await call<{ user: { userId: string; producerId: string } }>("GET", "/api/me", { token })).body.user;
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)]);
  const keys = ["front", "back", "dkkd"].map(
    (n) => `private/identity/${me.producerId}/${me.userId}/${n}${ulidish()}.jpg`,
  );
  for (const key of keys) await storage().put(key, jpeg, "image/jpeg");
  const [cardFrontKey = "", cardBackKey = "", registrationKey = ""] = keys;
  return { fullName: "Lò Thị Hoa", cccdNumber: "014186001234", cardFrontKey, cardBackKey, registrationKey };
}
const ulidish = () => Math.random().toString(36).slice(2, 10);
/** The verification the last `prepare` submitted: a new seller of the own producer waiting for staff. */
let waiting = "";
async function waitingVerification() {
  const token = await tokenFor();
  const accepted = await call("POST", `/api/invitations/${await invitationTo(token)}/accept`, { token });
  if (accepted.status !== 200) throw new Error(`verification fixture: ${accepted.status}`);
  const sent = await call("POST", "/api/seller/verification", { token, body: await identityPapers(token) });
  if (sent.status !== 200) throw new Error(`verification fixture: ${sent.status} ${JSON.stringify(sent.body)}`);
  waiting = users[token] = (await call<{ user: { userId: string } }>("GET", "/api/me", { token })).body.user.userId;
  return waiting;
}
/** The last dossier `seededDossier` wrote: the own producer's, complete, at the step a case needs. */
let dossierId = "";

/** A producer of Sơn La that an imported list names, without a phone (so claims wait for staff): its record id. */
async function unclaimedRecord() {
  const name = `HTX Nhận ${ulidish()}`;
  const number = `CL-${ulidish()}`.toUpperCase();
  await RegistryImport.run(SYSTEM, {
    csv: `Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn\nMật ong bạc hà,${name},Sơn La,3,${number},01/02/2025,01/02/2028\n`,
    commit: true,
  });
  return recordIdOf(SON_LA, name);
}
const claimsOfRecord = (recordId: string) => async () =>
  ClaimEntity.query
    .byRecord({ recordId })
    .go()
    .then((r) => r.data.length);
/** A fresh shopper's claim on a fresh record, waiting for staff: its id. */
async function waitingClaim() {
  const recordId = await unclaimedRecord();
  const token = await tokenFor();
  const sent = await call<{ claimId: string }>("POST", `/api/producers/unclaimed/${recordId}/claims`, {
    token,
    body: { kind: "cooperative", wardCode: await sonLaWard(), note: "Tôi là chủ nhiệm HTX." },
  });
  expect(sent.status).toBe(201);
  return sent.body.claimId;
}
const claimProbe = (claimId: () => string) => async () =>
  ClaimEntity.get({ claimId: claimId() })
    .go()
    .then((r) => r.data?.status);
let lastClaim = "";
let lastRecord = "";

const SEEDED_EVIDENCE = "01jdossierevidence00000000";
async function seededDossier(state: "draft" | "commune_check") {
  const { Sheet } = await import("@cho-ocop/core/sheet/index");
  const sheet = Sheet.forSubGroup("1.3.1");
  dossierId = ulidLike();
  const at = new Date().toISOString();
  await Dossier.seed({
    dossierId,
    producerId: ownProducerId,
    wardCode: await sonLaWard(),
    provinceCode: SON_LA,
    state,
    registration: {
      productName: "Gạo ma trận",
      group: "thuc-pham",
      subGroup: "1.3.1",
      sheetId: sheet.sheetId,
      representative: "Lò Văn Hùng",
      phone: "0912000101",
      rawMaterialOrigin: "Lúa của các hộ trong xã",
      workers: 5,
      localWorkers: 5,
    },
    businessPlan: { summary: "Bán qua sàn" },
    selfAssessment: Object.fromEntries(Sheet.criteria(sheet).map((c) => [c.id, c.options[0]?.id ?? "a"])),
    evidence: ["food-safety", "test-report", "product-story", "label-photo"].map((kind, i) => ({
      evidenceId: i === 0 ? SEEDED_EVIDENCE : `01jdossierevidence0000000${i}`,
      kind,
      criterionIds: [],
      key: `private/dossiers/${ownProducerId}/${kind}.pdf`,
      fileName: `${kind}.pdf`,
      contentType: "application/pdf",
      addedAt: at,
    })),
    history: state === "draft" ? [] : [{ from: "draft", to: state, at, by: "matrix", party: "producer" }],
    ...(state === "draft" ? {} : { submittedAt: at }),
  });
  return dossierId;
}
const ulidLike = () =>
  Array.from({ length: 26 }, () => "0123456789abcdefghjkmnpqrstvwxyz"[Math.floor(Math.random() * 32)]).join("");
const dossierProbe = async () => {
  const { data } = await DossierEntity.get({ dossierId }).go();
  return data && { state: data.state, version: data.version, evidence: (data.evidence as unknown[]).length };
};
const dossiersProbe = async () =>
  (await DossierEntity.query.byProducer({ producerId: ownProducerId }).go({ pages: "all" })).data.length;
/** A photo the own producer uploaded for a dossier, stored where its upload would have been checked into. */
async function evidenceFile() {
  const key = `private/dossiers/${ownProducerId}/${ulidish()}.jpg`;
  await storage().put(key, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(1)]), "image/jpeg");
  return key;
}
const verificationProbe = async () =>
  (await call<{ status: string }>("GET", `/api/admin/verifications/${waiting}`, { token: tokens.central })).body.status;
const pendingProbe = async () =>
  (await call<unknown[]>("GET", "/api/admin/verifications", { token: tokens.central })).body.length;
/** The order as central staff see it: status, payment, fulfilments. */
const orderProbe = async (f: Fixture) =>
  (await call("GET", `/api/orders/${f.orderId}`, { token: tokens.central })).body;
/** Calls to the providers that hand out upload and chat tickets or delete chat messages (counted, then passed on). */
const providerCalls = { presignUpload: 0, join: 0, deleteMessage: 0 };
function counted<T extends object>(target: T, method: keyof typeof providerCalls): T {
  return new Proxy(target, {
    get(obj, name) {
      const value = Reflect.get(obj, name, obj);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (name === method) providerCalls[method]++;
        return value.apply(obj, args);
      };
    },
  });
}
/** Puts a collection as central staff, so that a refused call has something to change. */
async function putCollection(collectionId: string) {
  const res = await call("PUT", `/api/admin/collections/${collectionId}`, {
    token: tokens.central,
    body: { titleVi: "Trước ma trận", titleEn: "Before the matrix", position: 98, productIds: [] },
  });
  if (res.status !== 200) throw new Error(`collection fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return {};
}
const giftBox = {
  nameVi: "Hộp ma trận",
  nameEn: "Matrix box",
  priceVnd: 10_000,
  capacityGrams: 1_000,
  weightGrams: 100,
  active: false,
};

async function sentCode(local: string) {
  const messages = await OutboxMessenger.recent(300);
  return messages.find((m) => m.to === `+84${local.slice(1)}`)?.text.match(/\b(\d{6})\b/)?.[1] ?? "";
}

/** A Sơn La council with a sitting that has a waiting dossier of the own producer on its agenda and two scorers. */
let councilFixture: Promise<{ councilId: string; sittingId: string; dossierId: string; scorers: string[] }> | undefined;
const councilOf = () => {
  councilFixture ??= (async () => {
    const { Council } = await import("@cho-ocop/core/council/index");
    const { Dossier } = await import("@cho-ocop/core/dossier/index");
    const person = (name: string) => ({ phone: phone(), name });
    const council = await Council.create(SYSTEM, {
      level: "province",
      provinceCode: SON_LA,
      name: "Hội đồng ma trận tỉnh Sơn La",
      chair: person("Chủ tịch ma trận"),
      secretary: person("Thư ký ma trận"),
      members: [person("Thành viên ma trận")],
    });
    const sitting = await Council.schedule(SYSTEM, council.councilId, { date: "2026-12-10", place: "Hội trường" });
    const agendaDossier = Array.from(
      { length: 26 },
      () => "0123456789abcdefghjkmnpqrstvwxyz"[Math.floor(Math.random() * 32)],
    ).join("");
    await Dossier.seed({
      dossierId: agendaDossier,
      producerId: ownProducerId,
      wardCode: await sonLaWard(),
      provinceCode: SON_LA,
      state: "province_council",
      registration: { productName: "Chè ma trận", subGroup: "1.5.1" },
      businessPlan: {},
      selfAssessment: {},
      evidence: [],
      history: [],
    });
    await Council.assignDossiers(SYSTEM, sitting.sittingId, { dossierIds: [agendaDossier] });
    const scorers = council.people.filter((p) => p.duty !== "secretary").map((p) => p.userId);
    await Council.assignScorers(SYSTEM, sitting.sittingId, { userIds: scorers });
    return { councilId: council.councilId, sittingId: sitting.sittingId, dossierId: agendaDossier, scorers };
  })();
  return councilFixture;
};
const atSitting =
  (tail = "") =>
  async () => {
    const c = await councilOf();
    return { url: `/api/council/sittings/${c.sittingId}${tail.replace("{dossierId}", c.dossierId)}` };
  };
const adminSitting =
  (tail = "") =>
  async () => {
    const c = await councilOf();
    return { url: `/api/admin/sittings/${c.sittingId}${tail.replace("{dossierId}", c.dossierId)}` };
  };
const sittingProbe = async () => {
  const { Council } = await import("@cho-ocop/core/council/index");
  const s = await Council.sitting(SYSTEM, (await councilOf()).sittingId);
  return { dossiers: s.dossiers, scorers: s.scorers.map((p) => p.userId) };
};
const scoresProbe = async () => {
  const { ScoreEntity } = await import("@cho-ocop/core/council/entities");
  return (await ScoreEntity.query.bySitting({ sittingId: (await councilOf()).sittingId }).go()).data.length;
};
const AT_SITTING_ROLES: Role[] = ["council-member", "council-secretary", "staff-province", "staff-central"];
const councilBody = () => ({
  level: "province",
  provinceCode: SON_LA,
  name: "Hội đồng đánh giá sản phẩm OCOP tỉnh Sơn La",
  chair: { phone: phone(), name: "Chủ tịch" },
  secretary: { phone: phone(), name: "Thư ký" },
  members: [{ phone: phone(), name: "Thành viên" }],
});

const CASES: Case[] = [
  { method: "GET", path: "/api/products", allowed: EVERYONE },
  { method: "GET", path: "/api/products/{id}", allowed: EVERYONE, state: "approved" },
  { method: "GET", path: "/api/producers/{id}", allowed: EVERYONE, url: () => `/api/producers/${ownProducerId}` },
  { method: "GET", path: "/api/home", allowed: EVERYONE },
  { method: "GET", path: "/api/provinces", allowed: EVERYONE },
  { method: "GET", path: "/api/groups", allowed: EVERYONE },
  { method: "GET", path: "/api/facets", allowed: EVERYONE, url: () => "/api/facets?q=mat%20ong&group=do-uong" },
  {
    method: "GET",
    path: "/api/provinces/{code}/wards",
    allowed: EVERYONE,
    url: () => `/api/provinces/${SON_LA}/wards`,
  },
  { method: "GET", path: "/api/trace/{id}", allowed: EVERYONE, state: "approved" },
  { method: "GET", path: "/api/trace/{id}/qr.svg", allowed: EVERYONE, state: "approved" },
  {
    method: "GET",
    path: "/api/certificates/{number}",
    allowed: EVERYONE,
    state: "approved",
    prepare: async (f) => ({ url: `/api/certificates/${await issued(f)}` }),
  },
  {
    method: "GET",
    path: "/api/certificates/{number}/qr.svg",
    allowed: EVERYONE,
    state: "approved",
    prepare: async (f) => ({ url: `/api/certificates/${await issued(f)}/qr.svg` }),
  },
  {
    method: "GET",
    path: "/api/certificates/{number}/pdf",
    allowed: EVERYONE,
    state: "approved",
    prepare: async (f) => ({ url: `/api/certificates/${await issued(f)}/pdf` }),
  },
  {
    method: "GET",
    path: "/api/certificates",
    allowed: EVERYONE,
    url: () => `/api/certificates?province=${SON_LA}&q=che`,
  },
  { method: "GET", path: "/api/open-data/certificates", allowed: EVERYONE },
  { method: "GET", path: "/api/open-data/certificates.csv", allowed: EVERYONE },
  {
    method: "POST",
    path: "/api/admin/products/{id}/certificates",
    allowed: OWN_STAFF,
    state: "approved",
    body: () => ({ ...certificateInput(4), signer: "Chủ tịch UBND tỉnh" }),
    probe: productProbe,
  },
  {
    method: "POST",
    path: "/api/admin/certificates/import",
    allowed: ANY_STAFF,
    body: (_, who) => ({ csv: importCsv(who), commit: true }),
    probe: async (_, who) => (await call("GET", `/api/certificates/${importNumber(who)}`)).status,
  },
  {
    method: "POST",
    path: "/api/admin/certificates/{number}/revoke",
    allowed: OWN_STAFF,
    state: "approved",
    prepare: async (f) => ({ url: `/api/admin/certificates/${await issued(f)}/revoke` }),
    body: () => ({ reason: "Cơ sở vi phạm điều kiện sản xuất." }),
    probe: productProbe,
  },
  { method: "POST", path: "/api/auth/code", allowed: EVERYONE, body: () => ({ phone: phone() }) },
  {
    method: "POST",
    path: "/api/auth/verify",
    allowed: EVERYONE,
    body: async () => {
      const local = phone();
      await call("POST", "/api/auth/code", { body: { phone: local } });
      return { phone: local, code: await sentCode(local) };
    },
  },
  // Signs out a second session of each person, so that their main session stays for the other cases.
  { method: "POST", path: "/api/auth/signout", allowed: EVERYONE, session: "spare" },
  { method: "GET", path: "/api/me", allowed: SIGNED_IN },
  {
    method: "POST",
    path: "/api/seller/producer",
    allowed: SHOPPERS,
    body: async () => producerInput(await sonLaWard(), "HTX Ma Trận"),
    probe: async (f, who) =>
      who === "anonymous" ? null : (await UserEntity.query.byId({ userId: idOf(f, who) }).go()).data[0]?.role,
  },
  { method: "GET", path: "/api/seller/producer", allowed: ANY_SELLER },
  {
    method: "PATCH",
    path: "/api/seller/producer",
    allowed: ANY_SELLER,
    body: () => ({ story: `Cập nhật ${Date.now()}` }),
    probe: producerProbe,
  },
  { method: "GET", path: "/api/seller/members", allowed: ANY_SELLER },
  {
    method: "DELETE",
    path: "/api/seller/members/{id}",
    allowed: ["sellerOwn"],
    prepare: async () => ({ url: `/api/seller/members/${await freshMember()}` }),
    probe: membersProbe,
  },
  // Invitations to sell: sent by any seller for their own producer; answered only by the invited person.
  { method: "GET", path: "/api/seller/invitations", allowed: ANY_SELLER },
  {
    method: "POST",
    path: "/api/seller/invitations",
    allowed: ANY_SELLER,
    body: () => ({ phone: phone() }),
    probe: invitationsProbe,
  },
  {
    method: "DELETE",
    path: "/api/seller/invitations/{id}",
    allowed: ["sellerOwn"],
    prepare: async () => ({ url: `/api/seller/invitations/${await invitationTo()}` }),
    probe: invitationsProbe,
  },
  { method: "GET", path: "/api/invitations", allowed: SIGNED_IN },
  {
    method: "POST",
    path: "/api/invitations/{id}/accept",
    allowed: ["shopper"],
    roles: ["invitee"],
    prepare: async (_f, who, token) => ({
      url: `/api/invitations/${await invitationTo(who === "shopper" ? token : undefined)}/accept`,
    }),
    probe: async (f, who) => [await invitationsProbe(), await roleProbe(f, who)],
  },
  {
    method: "POST",
    path: "/api/invitations/{id}/decline",
    allowed: ["shopper"],
    roles: ["invitee"],
    prepare: async (_f, who, token) => ({
      url: `/api/invitations/${await invitationTo(who === "shopper" ? token : undefined)}/decline`,
    }),
    probe: invitationsProbe,
  },
  { method: "GET", path: "/api/seller/products", allowed: ANY_SELLER },
  {
    method: "POST",
    path: "/api/seller/products",
    allowed: ANY_SELLER,
    body: () => productInput("Sản phẩm ma trận"),
    probe: productsProbe,
  },
  { method: "GET", path: "/api/seller/products/{id}", allowed: ["sellerOwn"], state: "draft" },
  {
    method: "PATCH",
    path: "/api/seller/products/{id}",
    allowed: ["sellerOwn"],
    state: "approved",
    body: () => ({ priceVnd: 99000, stock: 3 }),
    probe: productProbe,
  },
  {
    method: "POST",
    path: "/api/seller/products/{id}/submit",
    allowed: ["sellerOwn"],
    state: "draft",
    body: () => ({ certificate: certificateInput(4) }),
    probe: productProbe,
  },
  {
    method: "POST",
    path: "/api/seller/products/{id}/batches",
    allowed: ["sellerOwn"],
    state: "approved",
    body: () => ({ code: "LO-MT-1", productionDate: "2026-01-05", quantity: 10 }),
    probe: async (f) => (await call("GET", `/api/trace/${f.productId}`)).body,
  },
  {
    method: "POST",
    path: "/api/seller/uploads",
    allowed: ANY_SELLER,
    body: () => ({ purpose: "product-image", contentType: "image/jpeg", size: 1000 }),
    probe: async () => providerCalls.presignUpload,
  },
  { method: "GET", path: "/api/seller/verification", allowed: ANY_SELLER },
  {
    method: "POST",
    path: "/api/seller/verification",
    allowed: ANY_SELLER,
    // The own seller is verified for the live cases: here they submit as a seller who never did.
    prepare: async (f, who) => {
      if (who === "sellerOwn") await VerificationEntity.delete({ userId: idOf(f, "sellerOwn") }).go();
      return {};
    },
    body: (f, who) => identityPapers(who === "sellerOther" ? f.token.sellerOther : f.token.sellerOwn),
    probe: pendingProbe,
  },
  // OCOP dossiers: the producer's sellers draft and submit; the commune's staff (of the producer's ward) pre-check.
  { method: "GET", path: "/api/seller/dossier-evidence-kinds", allowed: ANY_SELLER },
  { method: "GET", path: "/api/seller/dossier-sub-groups", allowed: ANY_SELLER },
  { method: "GET", path: "/api/seller/dossiers", allowed: ANY_SELLER },
  { method: "POST", path: "/api/seller/dossiers", allowed: ANY_SELLER, body: () => ({}), probe: dossiersProbe },
  {
    method: "GET",
    path: "/api/seller/dossiers/{id}",
    allowed: ["sellerOwn"],
    prepare: async () => ({ url: `/api/seller/dossiers/${await seededDossier("draft")}` }),
  },
  {
    method: "PUT",
    path: "/api/seller/dossiers/{id}",
    allowed: ["sellerOwn"],
    prepare: async () => ({ url: `/api/seller/dossiers/${await seededDossier("draft")}` }),
    body: () => ({ version: 1, registration: { productName: "Gạo ma trận" } }),
    probe: dossierProbe,
  },
  {
    method: "POST",
    path: "/api/seller/dossiers/{id}/evidence",
    allowed: ["sellerOwn"],
    prepare: async () => ({ url: `/api/seller/dossiers/${await seededDossier("draft")}/evidence` }),
    body: async () => ({ kind: "label-photo", key: await evidenceFile(), fileName: "nhan.jpg" }),
    probe: dossierProbe,
  },
  {
    method: "DELETE",
    path: "/api/seller/dossiers/{id}/evidence/{evidenceId}",
    allowed: ["sellerOwn"],
    prepare: async () => ({
      url: `/api/seller/dossiers/${await seededDossier("draft")}/evidence/${SEEDED_EVIDENCE}`,
    }),
    probe: dossierProbe,
  },
  {
    method: "POST",
    path: "/api/seller/dossiers/{id}/submit",
    allowed: ["sellerOwn"],
    prepare: async () => ({ url: `/api/seller/dossiers/${await seededDossier("draft")}/submit` }),
    probe: dossierProbe,
  },
  { method: "GET", path: "/api/commune/dossiers", allowed: ["communeOwn", "communeOther"] },
  {
    method: "GET",
    path: "/api/commune/dossiers/{id}",
    allowed: ["communeOwn"],
    prepare: async () => ({ url: `/api/commune/dossiers/${await seededDossier("commune_check")}` }),
  },
  {
    method: "POST",
    path: "/api/commune/dossiers/{id}/pass",
    allowed: ["communeOwn"],
    prepare: async () => ({ url: `/api/commune/dossiers/${await seededDossier("commune_check")}/pass` }),
    body: () => ({ checks: { productOrigin: true, rawMaterialOrigin: true, localLabour: true } }),
    probe: dossierProbe,
  },
  {
    method: "POST",
    path: "/api/commune/dossiers/{id}/return",
    allowed: ["communeOwn"],
    prepare: async () => ({ url: `/api/commune/dossiers/${await seededDossier("commune_check")}/return` }),
    body: () => ({ reasons: ["Thiếu xác nhận vùng nguyên liệu của xã"] }),
    probe: dossierProbe,
  },
  {
    method: "GET",
    path: "/api/producers/unclaimed",
    allowed: EVERYONE,
    url: () => `/api/producers/unclaimed?province=${SON_LA}&q=htx`,
  },
  {
    method: "POST",
    path: "/api/producers/unclaimed/{id}/claims",
    allowed: [...SHOPPERS, ...ANY_SELLER],
    roles: ["shopper", "seller"],
    prepare: async () => {
      lastRecord = await unclaimedRecord();
      return { url: `/api/producers/unclaimed/${lastRecord}/claims` };
    },
    body: async () => ({ kind: "household", wardCode: await sonLaWard() }),
    probe: () => claimsOfRecord(lastRecord)(),
  },
  { method: "GET", path: "/api/me/claims", allowed: SIGNED_IN },
  { method: "GET", path: "/api/admin/claims", allowed: ANY_STAFF },
  {
    method: "POST",
    path: "/api/admin/claims/{id}/approve",
    allowed: OWN_STAFF,
    prepare: async () => {
      lastClaim = await waitingClaim();
      return { url: `/api/admin/claims/${lastClaim}/approve` };
    },
    probe: () => claimProbe(() => lastClaim)(),
  },
  {
    method: "POST",
    path: "/api/admin/claims/{id}/reject",
    allowed: OWN_STAFF,
    prepare: async () => {
      lastClaim = await waitingClaim();
      return { url: `/api/admin/claims/${lastClaim}/reject` };
    },
    body: () => ({ reason: "Không liên lạc được với số điện thoại của HTX." }),
    probe: () => claimProbe(() => lastClaim)(),
  },
  { method: "GET", path: "/api/admin/verifications", allowed: ANY_STAFF },
  {
    method: "GET",
    path: "/api/admin/verifications/{id}",
    allowed: OWN_STAFF,
    prepare: async () => ({ url: `/api/admin/verifications/${await waitingVerification()}` }),
  },
  {
    method: "POST",
    path: "/api/admin/verifications/{id}/verify",
    allowed: OWN_STAFF,
    prepare: async () => ({ url: `/api/admin/verifications/${await waitingVerification()}/verify` }),
    probe: verificationProbe,
  },
  {
    method: "POST",
    path: "/api/admin/verifications/{id}/reject",
    allowed: OWN_STAFF,
    prepare: async () => ({ url: `/api/admin/verifications/${await waitingVerification()}/reject` }),
    body: () => ({ reason: "Ảnh CCCD bị mờ, không đọc được số." }),
    probe: verificationProbe,
  },
  { method: "GET", path: "/api/admin/reviews", allowed: ANY_STAFF },
  { method: "GET", path: "/api/admin/products/{id}", allowed: OWN_STAFF, state: "pending" },
  {
    method: "POST",
    path: "/api/admin/products/{id}/approve",
    allowed: OWN_STAFF,
    state: "pending",
    probe: productProbe,
  },
  {
    method: "POST",
    path: "/api/admin/products/{id}/reject",
    allowed: OWN_STAFF,
    state: "pending",
    body: () => ({ reason: "Thiếu bản chụp giấy chứng nhận." }),
    probe: productProbe,
  },
  {
    method: "POST",
    path: "/api/admin/products/{id}/suspend",
    allowed: OWN_STAFF,
    state: "approved",
    body: () => ({ reason: "Tạm ngừng để kiểm tra." }),
    probe: productProbe,
  },
  {
    method: "POST",
    path: "/api/admin/products/{id}/reinstate",
    allowed: OWN_STAFF,
    state: "suspended",
    probe: productProbe,
  },
  { method: "GET", path: "/api/admin/expiring", allowed: ANY_STAFF },
  { method: "GET", path: "/api/admin/dashboard", allowed: ANY_STAFF },
  { method: "GET", path: "/api/admin/dashboard/programme", allowed: ANY_STAFF },
  {
    method: "PUT",
    path: "/api/admin/dashboard/targets/{province}",
    allowed: OWN_STAFF,
    url: () => `/api/admin/dashboard/targets/${SON_LA}`,
    body: (_, who) => ({ products: who === "central" ? 410 : 400, fiveStars: 12 }),
    probe: async () => (await ProvinceTarget.all()).get(SON_LA)?.products,
  },
  {
    method: "GET",
    path: "/api/admin/dashboard/export.csv",
    allowed: ANY_STAFF,
    url: () => "/api/admin/dashboard/export.csv?what=stars",
  },
  { method: "GET", path: "/api/admin/dashboard/programme", allowed: ANY_STAFF },
  {
    method: "GET",
    path: "/api/admin/dashboard/export.csv",
    allowed: ANY_STAFF,
    url: () => "/api/admin/dashboard/export.csv?what=targets",
  },
  {
    method: "PUT",
    path: "/api/admin/dashboard/targets/{province}",
    allowed: OWN_STAFF,
    url: () => `/api/admin/dashboard/targets/${SON_LA}`,
    body: () => ({ products: 120, fiveStars: 3 }),
    probe: async () => (await Settings.entity.get({ scope: "settings", key: `target:${SON_LA}` }).go()).data ?? null,
  },
  { method: "GET", path: "/api/admin/audit", allowed: ANY_STAFF },
  { method: "GET", path: "/api/admin/collections", allowed: ANY_STAFF },
  {
    method: "PUT",
    path: "/api/admin/collections/{id}",
    allowed: ["central"],
    state: "approved",
    url: () => "/api/admin/collections/ma-tran",
    prepare: () => putCollection("ma-tran"),
    body: async (f) => ({ titleVi: "Ma trận", titleEn: "Matrix", position: 99, productIds: [f.productId] }),
    probe: collectionProbe("ma-tran"),
  },
  {
    method: "DELETE",
    path: "/api/admin/collections/{id}",
    allowed: ["central"],
    url: () => "/api/admin/collections/tam-thoi",
    prepare: () => putCollection("tam-thoi"),
    probe: collectionProbe("tam-thoi"),
  },
  // ── Cart, combos, checkout and orders ──
  { method: "GET", path: "/api/cart", allowed: EVERYONE },
  {
    method: "POST",
    path: "/api/cart/items",
    allowed: EVERYONE,
    state: "approved",
    body: (f) => ({ productId: f.productId }),
  },
  { method: "POST", path: "/api/cart/combos", allowed: EVERYONE, body: () => ({ comboId: "tra-banh-co-do" }) },
  {
    method: "PATCH",
    path: "/api/cart/items/{lineId}",
    allowed: EVERYONE,
    prepare: async (_f, _who, token) => {
      const { lineId, headers } = await intoCart(token);
      return { url: `/api/cart/items/${lineId}`, headers };
    },
    body: () => ({ quantity: 2 }),
  },
  {
    method: "DELETE",
    path: "/api/cart/items/{lineId}",
    allowed: EVERYONE,
    prepare: async (_f, _who, token) => {
      const { lineId, headers } = await intoCart(token);
      return { url: `/api/cart/items/${lineId}`, headers };
    },
  },
  {
    method: "GET",
    path: "/api/cart/preview",
    allowed: EVERYONE,
    state: "approved",
    url: (f) => `/api/cart/preview?productId=${f.productId}&quantity=2&province=${SON_LA}`,
  },
  // ── Address book: each person's own (another's address id is a 404, tested in addresses.test.ts) ──
  { method: "GET", path: "/api/me/addresses", allowed: SIGNED_IN },
  { method: "POST", path: "/api/me/addresses", allowed: SIGNED_IN, body: () => address(), probe: bookProbe },
  {
    method: "PATCH",
    path: "/api/me/addresses/{id}",
    allowed: SIGNED_IN,
    prepare: async (_f, _who, token) => ({ url: `/api/me/addresses/${await savedAddress(token)}` }),
    body: () => ({ street: "Số 9 Tô Hiệu", isDefault: true }),
    probe: bookProbe,
  },
  {
    method: "DELETE",
    path: "/api/me/addresses/{id}",
    allowed: SIGNED_IN,
    prepare: async (_f, _who, token) => ({ url: `/api/me/addresses/${await savedAddress(token)}` }),
    probe: bookProbe,
  },
  { method: "GET", path: "/api/gift-boxes", allowed: EVERYONE },
  { method: "GET", path: "/api/combos", allowed: EVERYONE },
  {
    method: "POST",
    path: "/api/combos",
    allowed: EVERYONE,
    body: () => ({ templateId: "tra-banh-co-do", greeting: "Chúc mừng năm mới" }),
  },
  { method: "GET", path: "/api/combos/{id}", allowed: EVERYONE, url: () => "/api/combos/huong-vi-mien-tay" },
  { method: "GET", path: "/api/checkout/options", allowed: EVERYONE },
  {
    method: "POST",
    path: "/api/orders",
    allowed: SIGNED_IN,
    state: "approved",
    prepare: async (f, _who, token) => {
      const { headers } = await intoCart(token, f.productId);
      return { headers: { ...headers, "idempotency-key": `m-${Date.now()}-${Math.random().toString(36).slice(2)}` } };
    },
    body: async () => ({ address: await address(), paymentMethod: "cod" }),
    // An order would take the stock and empty the caller's cart.
    probe: async (f, _who, caller) => ({
      stock: (await Product.get(f.productId)).stock,
      cart: (await call<{ lines: unknown[] }>("GET", "/api/cart", caller)).body.lines,
    }),
  },
  { method: "GET", path: "/api/orders", allowed: SIGNED_IN },
  // An order of the own (Sơn La) producer: its province's staff and central staff, never another province's.
  { method: "GET", path: "/api/orders/{id}", allowed: ["shopper", ...OWN_STAFF], state: "order-cod" },
  {
    method: "POST",
    path: "/api/orders/{id}/cancel",
    allowed: ["shopper", ...OWN_STAFF],
    state: "order-cod",
    probe: orderProbe,
  },
  // Card payment is not configured in this test: the buyer reaches the order and is told so (409).
  {
    method: "POST",
    path: "/api/orders/{id}/card",
    allowed: ["shopper"],
    state: "order-cod",
    expect: 409,
    probe: orderProbe,
  },
  { method: "GET", path: "/api/orders/{id}/vietqr.svg", allowed: ["shopper", ...OWN_STAFF], state: "order-vietqr" },
  {
    method: "POST",
    path: "/api/orders/{id}/confirm-transfer",
    allowed: ["sellerOwn", ...OWN_STAFF],
    state: "order-vietqr",
    probe: orderProbe,
  },
  { method: "GET", path: "/api/seller/fulfilments", allowed: ANY_SELLER },
  {
    method: "POST",
    path: "/api/seller/fulfilments/{orderId}/{move}",
    allowed: ["sellerOwn"],
    state: "order-cod",
    url: (f) => `/api/seller/fulfilments/${f.orderId}/pack`,
    probe: orderProbe,
  },
  // Without a card processor configured the webhook answers 404 to everyone; card-payment.test.ts covers it configured.
  {
    method: "POST",
    path: "/api/webhooks/stripe",
    allowed: EVERYONE,
    expect: 404,
    prepare: async () => ({ headers: { "stripe-signature": "t=1,v1=forged" } }),
  },
  { method: "GET", path: "/api/admin/orders", allowed: ANY_STAFF },
  {
    method: "PUT",
    path: "/api/admin/gift-boxes/{id}",
    allowed: ["central"],
    url: () => "/api/admin/gift-boxes/hop-ma-tran",
    prepare: async () => {
      await Combo.putBox(SYSTEM, "hop-ma-tran", { ...giftBox, nameVi: "Hộp trước ma trận", priceVnd: 5_000 });
      return {};
    },
    body: () => giftBox,
    probe: async () => (await Combo.boxEntity.get({ scope: "giftboxes", boxId: "hop-ma-tran" }).go()).data ?? null,
  },
  {
    method: "PUT",
    path: "/api/admin/combo-templates/{id}",
    allowed: ["central"],
    state: "approved",
    url: () => "/api/admin/combo-templates/mau-ma-tran",
    body: async (f) => ({
      titleVi: "Mẫu ma trận",
      titleEn: "Matrix template",
      productIds: [f.productId, (await freshFixture("approved")).productId],
      boxId: "gio-may-tre",
      fixedPriceVnd: 250_000,
      position: 99,
      active: false,
    }),
    probe: async () => (await Combo.entity.get({ comboId: "mau-ma-tran" }).go()).data ?? null,
  },
  { method: "GET", path: "/api/admin/pricing", allowed: ANY_STAFF },
  {
    method: "PUT",
    path: "/api/admin/pricing",
    allowed: ["central"],
    body: () => Settings.DEFAULT_PRICING,
    probe: async () => (await Settings.entity.get({ scope: "settings", key: "pricing" }).go()).data ?? null,
  },
  // ── Live selling ──
  { method: "GET", path: "/api/live", allowed: EVERYONE },
  { method: "GET", path: "/api/live/{id}", allowed: EVERYONE, state: "live-scheduled" },
  { method: "POST", path: "/api/live/{id}/like", allowed: EVERYONE, state: "live-on-air" },
  {
    method: "POST",
    path: "/api/live/{id}/chat",
    allowed: SIGNED_IN,
    state: "live-on-air",
    probe: async () => providerCalls.join,
  },
  // The recent chat, for someone joining: public like watching.
  { method: "GET", path: "/api/live/{id}/chat", allowed: EVERYONE, state: "live-on-air" },
  // The room now, for a page joining on IVS Chat: public like watching.
  { method: "GET", path: "/api/live/{id}/room", allowed: EVERYONE, state: "live-on-air" },
  { method: "GET", path: "/api/live/{id}/replay", allowed: EVERYONE, state: "live-ended" },
  {
    method: "GET",
    path: "/api/live/deals/{id}",
    allowed: EVERYONE,
    state: "live-deal",
    url: (f) => `/api/live/deals/${f.dealId}`,
  },
  {
    method: "POST",
    path: "/api/seller/live",
    allowed: ANY_SELLER,
    body: (f, who) => ({
      title: "Live ma trận",
      startAt: new Date(Date.now() + 3_600_000).toISOString(),
      productIds: [who === "sellerOther" ? otherProductId : f.productId || otherProductId],
    }),
    state: "approved",
    probe: async () => (await call<unknown[]>("GET", "/api/seller/live", { token: ownSeller })).body.length,
  },
  { method: "GET", path: "/api/seller/live", allowed: ANY_SELLER },
  // The stream key: only the producer's own sellers (nobody else's response may carry it).
  { method: "GET", path: "/api/seller/live/{id}/ingest", allowed: ["sellerOwn"], state: "live-scheduled" },
  // A new stream key: only the producer's own sellers; anyone else's call leaves the key as it was.
  {
    method: "POST",
    path: "/api/seller/live/{id}/stream-key",
    allowed: ["sellerOwn"],
    state: "live-scheduled",
    probe: async () => (await Live.channelOf(ownProducerId)).streamKey,
  },
  {
    method: "POST",
    path: "/api/seller/live/{id}/pin",
    allowed: ["sellerOwn"],
    state: "live-on-air",
    body: (f) => ({ productId: f.productId }),
    probe: async (f) => (await Live.get(f.sessionId)).pinProductId ?? null,
  },
  {
    method: "POST",
    path: "/api/seller/live/{id}/deals",
    allowed: ["sellerOwn"],
    state: "live-on-air",
    body: (f) => ({
      productId: f.productId,
      priceVnd: 50_000,
      quantity: 5,
      perBuyer: 1,
      countdownSeconds: 10,
      durationMinutes: 1,
    }),
    probe: async (f) => (await Live.view(f.sessionId)).deal,
  },
  { method: "GET", path: "/api/live/{id}/orders", allowed: LIVE_MODERATORS, state: "live-on-air" },
  { method: "GET", path: "/api/live/{id}/summary", allowed: LIVE_MODERATORS, state: "live-on-air" },
  { method: "GET", path: "/api/live/{id}/viewers", allowed: LIVE_MODERATORS, state: "live-on-air" },
  {
    method: "POST",
    path: "/api/live/{id}/end",
    allowed: LIVE_MODERATORS,
    state: "live-on-air",
    body: () => ({ reason: "Bán hàng không đúng mô tả." }),
    probe: async (f) => (await Live.get(f.sessionId)).status,
  },
  {
    method: "POST",
    path: "/api/live/{id}/cancel",
    allowed: LIVE_MODERATORS,
    state: "live-scheduled",
    body: () => ({ reason: "Trùng lịch với buổi khác." }),
    probe: async (f) => (await Live.get(f.sessionId)).status,
  },
  {
    method: "POST",
    path: "/api/live/{id}/chat/delete",
    allowed: LIVE_MODERATORS,
    state: "live-on-air",
    body: () => ({ messageId: "tin-nhan-1" }),
    probe: async () => providerCalls.deleteMessage,
  },
  {
    method: "POST",
    path: "/api/live/{id}/chat/mute",
    allowed: LIVE_MODERATORS,
    state: "live-on-air",
    body: (f) => ({ userId: idOf(f, "shopper") }),
    probe: async (f) => Live.isMuted(f.sessionId, idOf(f, "shopper")),
  },
  // Anyone signed in reports a live but its own sellers; staff of its province (and central) read the reports.
  {
    method: "POST",
    path: "/api/live/{id}/reports",
    allowed: SIGNED_IN.filter((w) => w !== "sellerOwn"),
    state: "live-on-air",
    body: () => ({ reason: "false-claims", text: "Quảng cáo sai công dụng." }),
    probe: async (f) => (await ReportEntity.query.bySession({ sessionId: f.sessionId }).go()).data.length,
  },
  { method: "GET", path: "/api/admin/live/{id}/reports", allowed: OWN_STAFF, state: "live-on-air" },
  {
    method: "POST",
    path: "/api/seller/live/{id}/notice",
    allowed: ["sellerOwn"],
    state: "live-on-air",
    body: () => ({ notice: "Sản phẩm không phải là thuốc." }),
    probe: async (f) => (await Live.get(f.sessionId)).noticeText ?? null,
  },
  { method: "GET", path: "/api/admin/live", allowed: ANY_STAFF },
  { method: "GET", path: "/api/ocop-classification", allowed: EVERYONE },
  { method: "GET", path: "/api/score-sheets/{sheetId}", allowed: EVERYONE, url: () => "/api/score-sheets/che@1" },
  { method: "GET", path: "/api/admin/councils", allowed: ANY_STAFF },
  {
    method: "POST",
    path: "/api/admin/councils",
    allowed: OWN_STAFF,
    body: councilBody,
    probe: async () => {
      const { Council } = await import("@cho-ocop/core/council/index");
      return (await Council.list(SYSTEM, SON_LA)).length;
    },
  },
  {
    method: "GET",
    path: "/api/admin/councils/{id}",
    allowed: OWN_STAFF,
    prepare: async () => ({ url: `/api/admin/councils/${(await councilOf()).councilId}` }),
  },
  {
    method: "POST",
    path: "/api/admin/councils/{id}/sittings",
    allowed: OWN_STAFF,
    prepare: async () => ({ url: `/api/admin/councils/${(await councilOf()).councilId}/sittings` }),
    body: () => ({ date: "2026-12-20", place: "Hội trường tỉnh" }),
    probe: async () => {
      const { Council } = await import("@cho-ocop/core/council/index");
      return (await Council.get(SYSTEM, (await councilOf()).councilId)).sittings.length;
    },
  },
  {
    method: "GET",
    path: "/api/admin/sittings/{id}/candidates",
    allowed: OWN_STAFF,
    prepare: adminSitting("/candidates"),
  },
  {
    method: "PUT",
    path: "/api/admin/sittings/{id}/dossiers",
    allowed: OWN_STAFF,
    prepare: adminSitting("/dossiers"),
    body: async () => ({ dossierIds: [(await councilOf()).dossierId] }),
    probe: sittingProbe,
  },
  {
    method: "PUT",
    path: "/api/admin/sittings/{id}/scorers",
    allowed: OWN_STAFF,
    prepare: adminSitting("/scorers"),
    body: async () => ({ userIds: (await councilOf()).scorers }),
    probe: sittingProbe,
  },
  {
    method: "POST",
    path: "/api/admin/sittings/{id}/dossiers/{dossierId}/forward",
    allowed: OWN_STAFF,
    // Nobody has scored the fixture's dossier: staff are let through and told so.
    expect: 409,
    prepare: adminSitting("/dossiers/{dossierId}/forward"),
    probe: async () => {
      const { DossierEntity } = await import("@cho-ocop/core/dossier/entity");
      return (await DossierEntity.get({ dossierId: (await councilOf()).dossierId }).go()).data?.state;
    },
  },
  {
    method: "POST",
    path: "/api/admin/sittings/{id}/decision",
    allowed: OWN_STAFF,
    expect: 409,
    prepare: adminSitting("/decision"),
    body: async () => ({
      number: "99/QĐ-UBND",
      date: "2026-12-12",
      signer: "Phó Chủ tịch UBND tỉnh",
      issuer: "UBND tỉnh Sơn La",
      dossierIds: [(await councilOf()).dossierId],
    }),
    probe: async () => {
      const { Council } = await import("@cho-ocop/core/council/index");
      return (await Council.decisions(SYSTEM, SON_LA)).length;
    },
  },
  { method: "GET", path: "/api/admin/decisions", allowed: ANY_STAFF },
  // Nobody of the matrix sits on the fixture's council: the council's own members are tested in councils.test.ts.
  { method: "GET", path: "/api/council/sittings", roles: ["council-member"], allowed: SIGNED_IN },
  {
    method: "GET",
    path: "/api/council/sittings/{id}",
    roles: AT_SITTING_ROLES,
    allowed: OWN_STAFF,
    prepare: atSitting(),
  },
  {
    method: "GET",
    path: "/api/council/sittings/{id}/dossiers/{dossierId}",
    roles: AT_SITTING_ROLES,
    allowed: OWN_STAFF,
    prepare: atSitting("/dossiers/{dossierId}"),
  },
  {
    method: "PUT",
    path: "/api/council/sittings/{id}/dossiers/{dossierId}/score",
    roles: ["council-member"],
    allowed: [],
    prepare: atSitting("/dossiers/{dossierId}/score"),
    body: () => ({ answers: { "A1.1": "a" } }),
    probe: scoresProbe,
  },
  {
    method: "POST",
    path: "/api/council/sittings/{id}/dossiers/{dossierId}/score/submit",
    roles: ["council-member"],
    allowed: [],
    prepare: atSitting("/dossiers/{dossierId}/score/submit"),
    body: () => ({ answers: { "A1.1": "a" } }),
    probe: scoresProbe,
  },
  {
    method: "GET",
    path: "/api/council/sittings/{id}/dossiers/{dossierId}/summary",
    roles: AT_SITTING_ROLES,
    allowed: OWN_STAFF,
    prepare: atSitting("/dossiers/{dossierId}/summary"),
  },
];

const users: Record<string, string> = {};
function idOf(f: Fixture, who: Exclude<Who, "anonymous">) {
  return users[f.token[who]] ?? "";
}

let ownSeller = "";
let otherProductId = "";
let live: LocalLive | undefined;
let tokens: Fixture["token"];

const blank = { productId: "", orderId: "", sessionId: "", dealId: "" };
let onAir = "";

/** A session of the own producer with a fresh product, put live by the provider's stream event when asked. */
async function freshSession(state: "live-scheduled" | "live-on-air" | "live-deal" | "live-ended"): Promise<Fixture> {
  // Only a verified seller goes live (the verification cases leave the own seller's waiting).
  await verifySeller(ownSeller);
  const productId = await freshProduct("approved");
  const scheduled = await call<{ sessionId: string }>("POST", "/api/seller/live", {
    token: ownSeller,
    // Starting now: the stream event puts live the scheduled session nearest to its time, which is this one.
    body: { title: "Phiên ma trận", startAt: new Date().toISOString(), productIds: [productId] },
  });
  if (scheduled.status !== 201) throw new Error(`live fixture: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
  const sessionId = scheduled.body.sessionId;
  const fixture = { ...blank, productId, sessionId, token: tokens };
  if (state === "live-scheduled") return fixture;
  // One live at a time per channel: end the previous one first.
  if (onAir) await call("POST", `/api/live/${onAir}/end`, { token: ownSeller });
  const { channelId } = await Live.get(sessionId);
  if ((await Live.onStreamEvent({ channelId, type: "start" })) !== sessionId) throw new Error("live fixture: not live");
  onAir = sessionId;
  if (state === "live-ended") {
    await call("POST", `/api/live/${sessionId}/end`, { token: ownSeller });
    onAir = "";
  }
  if (state !== "live-deal") return fixture;
  const deal = await call<{ dealId: string }>("POST", `/api/seller/live/${sessionId}/deals`, {
    token: ownSeller,
    body: { productId, priceVnd: 50_000, quantity: 5, perBuyer: 1, countdownSeconds: 10, durationMinutes: 1 },
  });
  if (deal.status !== 201) throw new Error(`deal fixture: ${deal.status} ${JSON.stringify(deal.body)}`);
  return { ...fixture, dealId: deal.body.dealId };
}

async function freshFixture(state: Case["state"]): Promise<Fixture> {
  if (!state) return { ...blank, token: tokens };
  if (state.startsWith("live-")) return freshSession(state as Parameters<typeof freshSession>[0]);
  if (state !== "order-cod" && state !== "order-vietqr") {
    return { ...blank, productId: await freshProduct(state as "draft"), token: tokens };
  }
  // The shopper buys one of the own producer's products.
  const productId = await freshProduct("approved");
  await call("POST", "/api/cart/items", { token: tokens.shopper, body: { productId, quantity: 1 } });
  const placed = await call<{ order: { orderId: string } }>("POST", "/api/orders", {
    token: tokens.shopper,
    headers: { "idempotency-key": `matrix-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    body: { address: await address(), paymentMethod: state === "order-cod" ? "cod" : "vietqr" },
  });
  if (placed.status !== 201) throw new Error(`order fixture: ${placed.status} ${JSON.stringify(placed.body)}`);
  return { ...blank, productId, orderId: placed.body.order.orderId, token: tokens };
}

async function address() {
  return {
    name: "Nguyễn Thị Lan",
    phone: "0912345678",
    provinceCode: SON_LA,
    wardCode: await sonLaWard(),
    street: "Số 1 Tô Hiệu",
  };
}

/** The address book of the caller, or of the shopper when nobody is signed in (whose address an anonymous call names). */
async function bookProbe(_f: Fixture, _who: Who, caller: { token?: string }) {
  return (await call("GET", "/api/me/addresses", { token: caller.token ?? tokens.shopper })).body;
}
/** Saves an address in the caller's book (the shopper's for anonymous callers) and returns its id. */
async function savedAddress(token: string | undefined) {
  const res = await call<{ addresses: Array<{ addressId: string }> }>("POST", "/api/me/addresses", {
    token: token ?? tokens.shopper,
    body: await address(),
  });
  if (res.status !== 201) throw new Error(`address fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.addresses.at(-1)?.addressId ?? "";
}

/** Adds a product to the caller's own cart (anonymous callers get their cart cookie back). */
async function intoCart(token: string | undefined, productId?: string) {
  const ids = await call<{ items: Array<{ productId: string }> }>("GET", "/api/products?limit=1&sort=price_asc");
  const res = await call<{ lines: Array<{ lineId: string }> }>("POST", "/api/cart/items", {
    token,
    body: { productId: productId ?? ids.body.items[0]?.productId, quantity: 1 },
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  // As the web app sends it: from one of the site's pages (src/api/cross-site.ts).
  const headers: Record<string, string> = cookie ? { cookie, origin: "http://localhost" } : {};
  return { lineId: res.body.lines.at(-1)?.lineId ?? "", headers };
}

async function freshProduct(
  state: "draft" | "pending" | "approved" | "suspended",
  seller = ownSeller,
): Promise<string> {
  const created = await call<{ productId: string }>("POST", "/api/seller/products", {
    token: seller,
    body: productInput(),
  });
  const productId = created.body.productId;
  if (state === "draft") return productId;
  await call("POST", `/api/seller/products/${productId}/submit`, {
    token: seller,
    body: { certificate: certificateInput(4) },
  });
  if (state === "pending") return productId;
  await call("POST", `/api/admin/products/${productId}/approve`, { token: tokens.central });
  if (state === "approved") return productId;
  await call("POST", `/api/admin/products/${productId}/suspend`, {
    token: tokens.central,
    body: { reason: "Chuẩn bị cho bài kiểm tra." },
  });
  return productId;
}

beforeAll(async () => {
  const ward = await sonLaWard();
  ownSeller = await tokenFor();
  await call("POST", "/api/seller/producer", { token: ownSeller, body: producerInput(ward, "HTX Chủ Sở Hữu") });
  const otherSeller = await tokenFor();
  await call("POST", "/api/seller/producer", { token: otherSeller, body: producerInput(ward, "HTX Khác") });
  const me = await call<{ user: { producerId: string } }>("GET", "/api/me", { token: ownSeller });
  ownProducerId = me.body.user.producerId;
  tokens = {
    shopper: await tokenFor(),
    shopperOther: await tokenFor(),
    sellerOwn: ownSeller,
    sellerOther: otherSeller,
    staffOwn: await tokenFor({ role: "staff", staffScope: SON_LA }),
    staffOther: await tokenFor({ role: "staff", staffScope: "01" }),
    central: await tokenFor({ role: "staff", staffScope: "central" }),
    communeOwn: await tokenFor({ role: "commune", staffScope: ward }),
    communeOther: await tokenFor({ role: "commune", staffScope: wardsOf(SON_LA)[1]?.code ?? "" }),
  };
  for (const token of Object.values(tokens)) {
    const me = await call<{ user: { userId: string } }>("GET", "/api/me", { token });
    users[token] = me.body.user.userId;
  }
  otherProductId = await freshProduct("approved", otherSeller);
  // The local video and chat providers, as `pnpm start` registers them (no stream is published here).
  live = await startLocalLive({
    dataDir: await mkdtemp(join(tmpdir(), "cho-ocop-matrix-")),
    host: "127.0.0.1",
    rtmpPort: 0,
  });
  useChatProvider(counted(chatProvider(), "join"));
  useChatProvider(counted(chatProvider(), "deleteMessage"));
  useStorage(counted(storage(), "presignUpload"));
});

afterAll(async () => {
  await live?.stop();
});

describe("who may call what", () => {
  it("has a case for every endpoint of the OpenAPI document, with the roles it declares", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { "x-roles"?: string[] }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, roles: op["x-roles"] })),
    );
    const covered = new Set(CASES.map((c) => `${c.method} ${c.path}`));
    expect.soft(operations.filter((o) => !covered.has(o.key)).map((o) => o.key)).toEqual([]);
    const cases = new Map(CASES.map((c) => [`${c.method} ${c.path}`, c]));
    const mismatched = operations.flatMap((o) => {
      const c = cases.get(o.key);
      const allowed = c ? (c.roles ?? rolesOf(c.allowed)) : [];
      return c && [...(o.roles ?? [])].sort().join() !== [...allowed].sort().join()
        ? [`${o.key}: declares ${o.roles?.join(", ")}, its case allows ${allowed.join(", ")}`]
        : [];
    });
    expect(mismatched).toEqual([]);
  });

  it("has a probe for every mutating route that refuses someone", () => {
    const unprobed = CASES.filter((c) => c.method !== "GET" && c.allowed.length < EVERYONE.length && !c.probe);
    expect(unprobed.map((c) => `${c.method} ${c.path}`)).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.path}: ${c.allowed.length === EVERYONE.length ? "everyone" : c.allowed.join(", ")}`, async () => {
      const prepare = async (who: Who, fixture: Fixture) => {
        const main = who === "anonymous" ? undefined : fixture.token[who];
        return c.prepare ? await c.prepare(fixture, who, main) : {};
      };
      const run = async (who: Who, fixture: Fixture, prepared: Awaited<ReturnType<typeof prepare>>) => {
        const main = who === "anonymous" ? undefined : fixture.token[who];
        const url =
          prepared.url ??
          (c.url
            ? c.url(fixture)
            : c.path
                .replace("{id}", fixture.sessionId || fixture.orderId || fixture.productId)
                .replace("{orderId}", fixture.orderId));
        const token = main && c.session === "spare" ? (await Account.createSession(users[main] ?? "")).token : main;
        return call(c.method, url, {
          token,
          headers: prepared.headers,
          body: c.body ? await c.body(fixture, who) : undefined,
        });
      };

      const refused = EVERYONE.filter((w) => !c.allowed.includes(w));
      if (refused.length) {
        const fixture = await freshFixture(c.state);
        for (const who of refused) {
          const prepared = await prepare(who, fixture);
          const caller = { token: who === "anonymous" ? undefined : fixture.token[who], headers: prepared.headers };
          const before = c.probe ? await c.probe(fixture, who, caller) : undefined;
          const res = await run(who, fixture, prepared);
          // Soft: a guard that lets the call through shows both the wrong status and what changed.
          if (c.probe) expect.soft(await c.probe(fixture, who, caller), `${who} changed something`).toEqual(before);
          expect.soft(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(who === "anonymous" ? 401 : 403);
          expect.soft(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
      }

      for (const who of c.allowed) {
        const fixture = await freshFixture(c.state);
        if ((c.path === "/api/seller/producer" && c.method === "POST") || c.path === "/api/invitations/{id}/accept") {
          // Registering or accepting an invitation turns the shopper into a seller: use a fresh shopper.
          fixture.token = { ...tokens, [who]: await tokenFor() };
        }
        const res = await run(who, fixture, await prepare(who, fixture));
        const detail = `${who}: ${JSON.stringify(res.body).slice(0, 300)}`;
        if (c.expect) {
          expect(res.status, detail).toBe(c.expect);
        } else {
          expect(res.status, detail).toBeGreaterThanOrEqual(200);
          expect(res.status, detail).toBeLessThan(300);
        }
      }
    });
  }
});
