import { extname } from "node:path";
import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireCommuneStaff, requireSeller, requireUser, staffMayActOn } from "../account/actor";
import { Audit, AuditEntity } from "../audit";
import { CertificateEntity } from "../certificate/index";
import { lazyClient, tableName } from "../db/client";
import { serviceOnFirstUse } from "../db/on-first-use";
import { PROVINCE_CODES } from "../geo/province";
import { ward } from "../geo/ward";
import { Producer } from "../producer";
import { Product } from "../product";
import { Sheet } from "../sheet/index";
import { storage } from "../storage";
import { Upload } from "../upload";
import { DomainError, notFound } from "../util/error";
import { DossierEntity, type DossierRecord } from "./entity";
import { EVIDENCE_KINDS } from "./evidence";
import {
  BusinessPlan,
  completion,
  DraftFields,
  type Evidence,
  EvidenceInput,
  localWorkersFit,
  type Missing,
  missing,
  Registration,
  SelfAssessment,
} from "./form";
import {
  DOSSIER_PARTIES,
  DOSSIER_STATES,
  DossierLifecycle,
  type DossierParty,
  type DossierState,
  mayMove,
  movesFor,
} from "./lifecycle";
import { groupOf, SheetView, SubGroupView, sheetCriteria, sheetOf, subGroups } from "./sheet-of";

const DossierService = serviceOnFirstUse(
  { dossier: DossierEntity, audit: AuditEntity },
  { client: lazyClient, table: tableName() },
);

/**
 * An OCOP dossier from the producer's phone to the decision (Decision 148/QĐ-TTg as amended by 1489/QĐ-TTg): the
 * producer's sellers draft and submit it; the commune's staff pre-check the product's and raw material's origin and
 * local labour, then pass it to the province or return it; the province (and, for 5★, central) side — the councils —
 * moves it on with `toCentral`, `decide` and `returnFromCouncil`. Every move goes through the lifecycle's table of
 * who may make it.
 */
export namespace Dossier {
  export const STATES = DOSSIER_STATES;
  export const State = z.enum(DOSSIER_STATES);
  export const Party = z.enum(DOSSIER_PARTIES);
  export const MAX_EVIDENCE = 60;

  /** A save names the version it edited. */
  export const Save = DraftFields.extend({ version: z.number().int().min(1) }).superRefine(localWorkersFit);

  export const Create = z.object({
    /** Re-recognition: the certificate it renews (the reminder's link carries it). */
    renewFrom: z.string().trim().min(1).max(60).optional(),
  });

  /** A commune's pre-check (Decision 1489/QĐ-TTg): each part confirmed, with a note. */
  export const CommunePass = z.object({
    checks: z.object({
      productOrigin: z.literal(true, "confirm the product's origin, or return the dossier"),
      rawMaterialOrigin: z.literal(true, "confirm the raw material's origin, or return the dossier"),
      localLabour: z.literal(true, "confirm the local labour, or return the dossier"),
    }),
    note: z.string().trim().max(2000).optional(),
  });

  export const Return = z.object({
    reasons: z
      .array(z.string().trim().min(5, "give a reason of at least 5 characters").max(500))
      .min(1, "give at least one reason")
      .max(20),
  });

  export const Outcome = z.object({
    stars: z.number().int().min(1).max(5),
    total: z.number().min(0).max(100),
    decisionNumber: z.string().max(60).optional(),
    decisionDate: z.string().max(10).optional(),
    certificateId: z.string().max(60).optional(),
    certificateNumber: z.string().max(60).optional(),
  });
  export type Outcome = z.infer<typeof Outcome>;

  export const Move = z.object({
    from: State,
    to: State,
    at: z.string(),
    by: z.string(),
    party: Party,
    note: z.string().optional(),
    reasons: z.array(z.string()).optional(),
  });
  export type Move = z.infer<typeof Move>;

  export const EvidenceView = z.object({
    evidenceId: z.string(),
    kind: z.enum(EVIDENCE_KINDS.map((k) => k.id) as [Evidence["kind"], ...Evidence["kind"][]]),
    criterionIds: z.array(z.string()),
    fileName: z.string(),
    contentType: z.string(),
    addedAt: z.string(),
    /** A short-lived signed link to the private file. */
    url: z.string(),
  });

  const MissingView = z.object({ field: z.string(), vi: z.string(), en: z.string() });
  const ReturnView = z.object({ at: z.string(), party: Party, reasons: z.array(z.string()) });

  export const Summary = z.object({
    dossierId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    wardCode: z.string(),
    wardName: z.string(),
    provinceCode: z.string(),
    state: State,
    productName: z.string().nullable(),
    subGroup: z.string().nullable(),
    renewsCertificateId: z.string().nullable(),
    /** Share done (0–100) of what submitting needs. */
    completion: z.number().int(),
    /** The reasons of the last return, while it stands. */
    lastReturn: ReturnView.nullable(),
    outcome: Outcome.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
  });
  export type Summary = z.infer<typeof Summary>;

  export const View = Summary.extend({
    registration: Registration,
    businessPlan: BusinessPlan,
    selfAssessment: SelfAssessment,
    threeYearReview: z.string().nullable(),
    evidence: z.array(EvidenceView),
    missing: z.array(MissingView),
    history: z.array(Move),
    communeCheck: z.object({ at: z.string(), by: z.string(), note: z.string().nullable() }).nullable(),
    /** The moves the caller may make now. */
    moves: z.array(State),
    /** The sub-group's score sheet the self-assessment answers. */
    sheet: SheetView.nullable(),
  });
  export type View = z.infer<typeof View>;

  const now = () => new Date().toISOString();

  const changed = () =>
    new DomainError(409, "changed", {
      vi: "Hồ sơ vừa được sửa ở nơi khác; hãy tải lại.",
      en: "The dossier was just changed elsewhere; reload it.",
    });
  const isConditionFailure = (err: unknown) =>
    err instanceof Error && /conditional request failed|transaction cancel/i.test(err.message);

  async function load(dossierId: string): Promise<DossierRecord> {
    const { data } = z
      .string()
      .regex(/^[0-9a-z]{26}$/)
      .safeParse(dossierId).success
      ? await DossierEntity.get({ dossierId }).go({ consistent: true })
      : { data: null };
    if (!data) throw notFound({ vi: "hồ sơ OCOP", en: "OCOP dossier" });
    return data;
  }

  /**
   * The party the actor stands for on this dossier, or 403: its producer's sellers always; its commune's staff once
   * submitted; the province's staff (3★–4★ scope) and central staff once it has left the commune.
   */
  export function partyOf(
    actor: Actor,
    r: Pick<DossierRecord, "producerId" | "wardCode" | "provinceCode" | "state" | "history">,
  ): DossierParty {
    if (actor.kind === "system") return "central";
    const user = requireUser(actor);
    const submitted = r.state !== "draft" || (r.history as Move[]).length > 0;
    if (user.role === "seller" && user.producerId === r.producerId) return "producer";
    if (user.role === "commune" && user.staffScope === r.wardCode && submitted) return "commune";
    const atProvince =
      r.state !== "draft" && r.state !== "commune_check" && !(r.state === "returned" && lastParty(r) === "commune");
    if (user.role === "staff" && user.staffScope && atProvince) {
      if (user.staffScope === "central") return "central";
      if (staffMayActOn({ staffScope: user.staffScope }, { provinceCode: r.provinceCode })) return "province";
    }
    throw new DomainError(403, "forbidden", {
      vi: "Hồ sơ này không thuộc quyền của bạn.",
      en: "This dossier is not yours to see.",
    });
  }

  const lastParty = (r: Pick<DossierRecord, "history">) => (r.history as Move[]).at(-1)?.party;

  function lastReturn(r: DossierRecord) {
    if (r.state !== "returned" && r.state !== "draft") return null;
    const back = [...(r.history as Move[])].reverse().find((m) => m.to === "returned");
    if (!back) return null;
    // Once resubmitted the return is history.
    const resubmitted = (r.history as Move[]).some((m) => m.at > back.at && m.to === "commune_check");
    return resubmitted ? null : { at: back.at, party: back.party, reasons: back.reasons ?? [] };
  }

  const names = new Map<string, string>();
  async function producerName(producerId: string) {
    if (!names.has(producerId)) {
      names.set(producerId, (await Producer.get(producerId).catch(() => undefined))?.name ?? "");
    }
    return names.get(producerId) ?? "";
  }

  const draftOf = (r: DossierRecord) => ({
    registration: r.registration as Registration,
    businessPlan: r.businessPlan as BusinessPlan,
    selfAssessment: r.selfAssessment as SelfAssessment,
    threeYearReview: r.threeYearReview,
    evidence: r.evidence as Evidence[],
    renewal: Boolean(r.renewsCertificateId),
  });

  async function summary(r: DossierRecord): Promise<Summary> {
    const d = draftOf(r);
    return {
      dossierId: r.dossierId,
      producerId: r.producerId,
      producerName: await producerName(r.producerId),
      wardCode: r.wardCode,
      wardName: ward(r.wardCode)?.name ?? r.wardCode,
      provinceCode: r.provinceCode,
      state: r.state,
      productName: d.registration.productName ?? null,
      subGroup: d.registration.subGroup ?? null,
      renewsCertificateId: r.renewsCertificateId ?? null,
      completion: completion(d, sheetCriteria(d.registration.subGroup)),
      lastReturn: lastReturn(r),
      outcome: (r.outcome as Outcome | undefined) ?? null,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt ?? null,
    };
  }

  async function view(r: DossierRecord, party: DossierParty): Promise<View> {
    const d = draftOf(r);
    const check = r.communeCheck as { at: string; by: string; note?: string } | undefined;
    return {
      ...(await summary(r)),
      registration: d.registration,
      businessPlan: d.businessPlan,
      selfAssessment: d.selfAssessment,
      threeYearReview: d.threeYearReview ?? null,
      evidence: await Promise.all(
        d.evidence.map(async (e) => ({
          evidenceId: e.evidenceId,
          kind: e.kind,
          criterionIds: e.criterionIds,
          fileName: e.fileName,
          contentType: e.contentType,
          addedAt: e.addedAt,
          url: await storage().readUrl(e.key),
        })),
      ),
      missing: missing(d, sheetCriteria(d.registration.subGroup)),
      history: r.history as Move[],
      communeCheck: check ? { at: check.at, by: check.by, note: check.note ?? null } : null,
      moves: movesFor(party, r.state).filter((to) => party !== "producer" || to !== "draft"),
      sheet: sheetOf(d.registration.subGroup) ?? null,
    };
  }

  /** Opens a draft for the caller's producer; a renewal starts from what the last dossier said. */
  export async function create(actor: Actor, input: z.input<typeof Create> = {}): Promise<View> {
    const seller = requireSeller(actor);
    const { renewFrom } = Create.parse(input);
    const producer = await Producer.get(seller.producerId);
    const last = renewFrom ? await lastDossierOf(seller.producerId, renewFrom) : undefined;
    const renewed = renewFrom ? await renewedProduct(seller.producerId, renewFrom) : undefined;
    const prefill = renewFrom
      ? renewalFrom(last ? draftOf(last) : undefined, renewed)
      : { registration: {}, businessPlan: {}, selfAssessment: {}, evidence: [] };
    const at = now();
    const record = {
      dossierId: ulid().toLowerCase(),
      producerId: producer.producerId,
      wardCode: producer.wardCode,
      provinceCode: producer.provinceCode,
      state: "draft" as const,
      ...(renewFrom ? { renewsCertificateId: renewFrom } : {}),
      registration: prefill.registration,
      businessPlan: prefill.businessPlan,
      selfAssessment: prefill.selfAssessment,
      evidence: prefill.evidence,
      history: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await DossierEntity.create(record).go();
    return view(await load(record.dossierId), "producer");
  }

  /** The dossier whose outcome was this certificate, or the producer's latest decided one. */
  async function lastDossierOf(producerId: string, certificateId: string) {
    const { data } = await DossierEntity.query.byProducer({ producerId }).go({ pages: "all" });
    const decided = data.filter((r) => r.state === "decided").sort((a, b) => b.dossierId.localeCompare(a.dossierId));
    return decided.find((r) => (r.outcome as Outcome | undefined)?.certificateId === certificateId) ?? decided[0];
  }

  /** The producer's own listed product that holds the certificate being renewed, if any. */
  async function renewedProduct(producerId: string, certificateId: string) {
    const { data } = await Product.entity.query.byProducer({ producerId }).go({ pages: "all" });
    for (const p of data) {
      const held = await CertificateEntity.get({ productId: p.productId, certificateId }).go();
      if (held.data) return { productId: p.productId, productName: p.name, group: p.group };
    }
    return undefined;
  }

  /**
   * A re-recognition's draft (Decision 148: a new registration and a self-assessment of the three years): everything
   * the last dossier said, its evidence still attached, and the three-year review left for the producer to write.
   * When the last dossier was another product's, only what it said of the producer carries over (who represents it,
   * its workers, its business plan): that product's sub-group, self-assessment and evidence are not this one's.
   */
  export function renewalFrom(
    last: ReturnType<typeof draftOf> | undefined,
    renewed?: { productId: string; productName: string; group?: Registration["group"] },
  ) {
    const same = !renewed || !last?.registration.productId || last.registration.productId === renewed.productId;
    if (same) {
      return {
        registration: { ...(last?.registration ?? {}), ...(renewed ?? {}) },
        businessPlan: { ...(last?.businessPlan ?? {}) },
        selfAssessment: { ...(last?.selfAssessment ?? {}) },
        evidence: [...(last?.evidence ?? [])],
      };
    }
    const { representative, phone, workers, localWorkers, annualOutput } = last?.registration ?? {};
    const producerLevel = Object.fromEntries(
      Object.entries({ representative, phone, workers, localWorkers, annualOutput }).filter(([, v]) => v !== undefined),
    );
    return {
      registration: { ...producerLevel, ...renewed },
      businessPlan: { ...(last?.businessPlan ?? {}) },
      selfAssessment: {},
      evidence: [],
    };
  }

  async function own(actor: Actor, dossierId: string) {
    const seller = requireSeller(actor);
    const r = await load(dossierId);
    if (r.producerId !== seller.producerId) {
      throw new DomainError(403, "forbidden", {
        vi: "Hồ sơ này thuộc chủ thể khác.",
        en: "This dossier belongs to another producer.",
      });
    }
    return r;
  }

  /** Only a draft is edited; editing a returned dossier reopens it as a draft. */
  function editable(r: DossierRecord): DossierState {
    if (r.state === "returned") return DossierLifecycle.move("returned", "draft");
    if (r.state !== "draft") {
      throw new DomainError(409, "not_editable", {
        vi: "Hồ sơ đã nộp, không sửa được nữa.",
        en: "The dossier has been submitted and can no longer be edited.",
      });
    }
    return "draft";
  }

  function reopened(actor: Actor, r: DossierRecord, state: DossierState): Move[] {
    const history = r.history as Move[];
    return state === r.state ? history : [...history, move(actor, "producer", r.state, state)];
  }

  function move(
    actor: Actor,
    party: DossierParty,
    from: DossierState,
    to: DossierState,
    extra: Partial<Move> = {},
  ): Move {
    return { from, to, at: now(), by: actor.kind === "user" ? actor.user.userId : "system", party, ...extra };
  }

  async function write(r: DossierRecord, set: Partial<DossierRecord>, sameEvidence = false) {
    try {
      await DossierEntity.patch({ dossierId: r.dossierId })
        .set({ ...set, version: r.version + 1, updatedAt: now() })
        .composite({ wardCode: r.wardCode, provinceCode: r.provinceCode })
        .where((a, { eq, notExists }) =>
          sameEvidence
            ? `${eq(a.version, r.version)} AND ${r.evidenceVersion === undefined ? notExists(a.evidenceVersion) : eq(a.evidenceVersion, r.evidenceVersion)}`
            : eq(a.version, r.version),
        )
        .go({ response: "none" });
    } catch (err) {
      if (isConditionFailure(err)) throw changed();
      throw err;
    }
  }

  /** Saves the form as typed (autosave): it may be incomplete; the version must be the one the form was loaded at. */
  export async function save(actor: Actor, dossierId: string, input: z.input<typeof Save>): Promise<View> {
    const fields = Save.parse(input);
    const r = await own(actor, dossierId);
    if (fields.version !== r.version) throw changed();
    await requireOwnProduct(r.producerId, fields.registration.productId);
    const state = editable(r);
    await write(r, {
      state,
      registration: withSheet(fields.registration),
      businessPlan: fields.businessPlan,
      selfAssessment: onSheet(fields.registration.subGroup, fields.selfAssessment),
      ...(fields.threeYearReview !== undefined ? { threeYearReview: fields.threeYearReview } : {}),
      history: reopened(actor, r, state),
    });
    return view(await load(dossierId), "producer");
  }

  /** A dossier may name only its own producer's product: a decision certifies the product the dossier names. */
  async function requireOwnProduct(producerId: string, productId: string | undefined) {
    if (!productId) return;
    const product = await Product.get(productId).catch(() => undefined);
    if (product?.producerId !== producerId) {
      throw new DomainError(
        400,
        "not_your_product",
        { vi: "Sản phẩm này không thuộc chủ thể của hồ sơ.", en: "This product is not the dossier's producer's." },
        "registration.productId",
      );
    }
  }

  export const SubGroup = SubGroupView;
  export const subGroupList = subGroups;

  /** The sub-group decides the sheet and the group; an unknown sub-group is a 400. */
  function withSheet(registration: Registration): Registration {
    const code = registration.subGroup;
    if (!code) {
      const { sheetId: _, ...rest } = registration;
      return rest;
    }
    const sheet = sheetOf(code);
    const group = groupOf(code);
    if (!sheet || !group) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: `Không có phân nhóm sản phẩm ${code}.`, en: `There is no product sub-group ${code}.` },
        "registration.subGroup",
      );
    }
    return { ...registration, sheetId: sheet.sheetId, group };
  }

  /** Answers to the sheet's criteria only, each one of its options (else a 400 naming the criterion). */
  function onSheet(subGroup: string | undefined, answers: SelfAssessment): SelfAssessment {
    const sheet = sheetOf(subGroup);
    if (sheet) Sheet.pointsOf(sheet, answers);
    else if (Object.keys(answers).length) {
      throw new DomainError(
        400,
        "invalid_input",
        { vi: "Hãy chọn phân nhóm trước khi tự chấm.", en: "Pick the sub-group before assessing." },
        "selfAssessment",
      );
    }
    return answers;
  }

  const TYPE_OF: Record<string, string> = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
  };

  /**
   * Evidence changes have their own counter, so a file attached while the form autosaves (or two files at once) does
   * not make either fail: each re-reads and tries again. A change that reopens a returned dossier raises the form's
   * version too.
   */
  async function changeEvidence(
    actor: Actor,
    dossierId: string,
    change: (evidence: Evidence[], r: DossierRecord) => Evidence[] | undefined,
  ): Promise<View> {
    for (let attempt = 0; ; attempt++) {
      const r = await own(actor, dossierId);
      const state = editable(r);
      const next = change(r.evidence as Evidence[], r);
      if (!next) return view(r, "producer");
      const counted = r.evidenceVersion;
      try {
        await DossierEntity.patch({ dossierId })
          .set({
            state,
            evidence: next,
            history: reopened(actor, r, state),
            evidenceVersion: (counted ?? 0) + 1,
            version: state === r.state ? r.version : r.version + 1,
            updatedAt: now(),
          })
          .composite({ wardCode: r.wardCode, provinceCode: r.provinceCode })
          .where(
            (a, { eq, notExists }) =>
              `${eq(a.state, r.state)} AND ${eq(a.version, r.version)} AND ${counted === undefined ? notExists(a.evidenceVersion) : eq(a.evidenceVersion, counted)}`,
          )
          .go({ response: "none" });
        return view(await load(dossierId), "producer");
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        if (attempt >= 4) throw changed();
      }
    }
  }

  /** Attaches an uploaded file (checked: this producer's, of this purpose, its bytes its type) as evidence. */
  export async function attach(actor: Actor, dossierId: string, input: z.input<typeof EvidenceInput>): Promise<View> {
    const fields = EvidenceInput.parse(input);
    const first = await own(actor, dossierId);
    editable(first);
    await Upload.verify(fields.key, { purpose: "dossier-evidence", producerId: first.producerId });
    const added: Evidence = {
      evidenceId: ulid().toLowerCase(),
      kind: fields.kind,
      criterionIds: [...new Set(fields.criterionIds)],
      key: fields.key,
      fileName: fields.fileName,
      contentType: TYPE_OF[extname(fields.key)] ?? "application/octet-stream",
      addedAt: now(),
    };
    return changeEvidence(actor, dossierId, (evidence) => {
      if (evidence.some((e) => e.key === fields.key)) return undefined;
      if (evidence.length >= MAX_EVIDENCE) {
        throw new DomainError(409, "too_many_files", {
          vi: `Một hồ sơ có tối đa ${MAX_EVIDENCE} tệp minh chứng.`,
          en: `A dossier holds at most ${MAX_EVIDENCE} evidence files.`,
        });
      }
      return [...evidence, added];
    });
  }

  export async function detach(actor: Actor, dossierId: string, evidenceId: string): Promise<View> {
    return changeEvidence(actor, dossierId, (evidence) => {
      if (!evidence.some((e) => e.evidenceId === evidenceId)) throw notFound({ vi: "tệp minh chứng", en: "Evidence" });
      return evidence.filter((e) => e.evidenceId !== evidenceId);
    });
  }

  /** Submits a complete draft to the commune's pre-check; an incomplete one is a 422 naming the first gap. */
  export async function submit(actor: Actor, dossierId: string): Promise<View> {
    const r = await own(actor, dossierId);
    const state = editable(r);
    const gaps = missing(draftOf(r), sheetCriteria((r.registration as Registration).subGroup));
    if (gaps.length) throw incomplete(gaps);
    const to = DossierLifecycle.move(state, "commune_check");
    await write(
      r,
      {
        state: to,
        submittedAt: now(),
        history: [...reopened(actor, r, state), move(actor, "producer", state, to)],
      },
      true,
    );
    return view(await load(dossierId), "producer");
  }

  const incomplete = (gaps: Missing[]) => {
    const first = gaps[0] as Missing;
    return new DomainError(
      422,
      "incomplete",
      {
        vi: `Hồ sơ còn thiếu ${gaps.length} mục, trước hết: ${first.vi}.`,
        en: `The dossier lacks ${gaps.length} item(s), first: ${first.en}.`,
      },
      first.field,
    );
  };

  /** The caller's producer's dossiers, newest first. */
  export async function mine(actor: Actor): Promise<Summary[]> {
    const seller = requireSeller(actor);
    const { data } = await DossierEntity.query.byProducer({ producerId: seller.producerId }).go({ pages: "all" });
    return Promise.all(data.sort((a, b) => b.dossierId.localeCompare(a.dossierId)).map(summary));
  }

  export const Evidence = EvidenceInput;

  /** One of the caller's producer's dossiers. */
  export async function getOwn(actor: Actor, dossierId: string): Promise<View> {
    return view(await own(actor, dossierId), "producer");
  }

  /** One dossier of the caller's commune, once submitted. */
  export async function communeGet(actor: Actor, dossierId: string): Promise<View> {
    const r = await asCommune(actor, dossierId);
    if (r.state === "draft" && (r.history as Move[]).length === 0)
      throw notFound({ vi: "hồ sơ OCOP", en: "OCOP dossier" });
    return view(r, "commune");
  }

  /** One dossier as the caller may see it (its producer, its commune, its province, central). */
  export async function get(actor: Actor, dossierId: string): Promise<View> {
    const r = await load(dossierId);
    return view(r, partyOf(actor, r));
  }

  /** A commune's staff: their commune's dossiers in one state, oldest first (the queue is commune_check). */
  export async function communeQueue(actor: Actor, state: DossierState = "commune_check"): Promise<Summary[]> {
    const staff = requireCommuneStaff(actor);
    const { data } = await DossierEntity.query
      .byWard({ wardCode: staff.wardCode })
      .begins({ state })
      .go({ pages: "all" });
    return Promise.all(data.filter((r) => r.state === state).map(summary));
  }

  /** The province's (or, for 5★, central) queue: dossiers waiting at that level, oldest first. */
  export async function queueAt(
    actor: Actor,
    at: { level: "province"; provinceCode: string } | { level: "central" },
  ): Promise<Summary[]> {
    const user = requireUser(actor);
    const central = user.role === "staff" && user.staffScope === "central";
    if (at.level === "central" && !central) throw forbiddenLevel();
    if (at.level === "province" && !central && !(user.role === "staff" && user.staffScope === at.provinceCode)) {
      throw forbiddenLevel();
    }
    if (at.level === "central") {
      const perProvince = await Promise.all(
        PROVINCE_CODES.map((provinceCode) =>
          DossierEntity.query.byProvince({ provinceCode, state: "central_council" }).go({ pages: "all" }),
        ),
      );
      const data = perProvince.flatMap((p) => p.data);
      return Promise.all(data.sort((a, b) => a.dossierId.localeCompare(b.dossierId)).map(summary));
    }
    const { data } = await DossierEntity.query
      .byProvince({ provinceCode: at.provinceCode })
      .begins({ state: "province_council" })
      .go({ pages: "all" });
    return Promise.all(data.filter((r) => r.state === "province_council").map(summary));
  }

  const forbiddenLevel = () =>
    new DomainError(403, "forbidden", {
      vi: "Hàng chờ này thuộc cấp khác.",
      en: "This queue is another level's.",
    });

  /** Moves a dossier as `party`, checking the table, with an audit entry in the same transaction. */
  async function transition(
    actor: Actor,
    r: DossierRecord,
    party: DossierParty,
    to: DossierState,
    extra: { note?: string; reasons?: string[] },
    set: Partial<DossierRecord> = {},
  ) {
    if (!mayMove(party, r.state, to)) {
      // A step this party has no say in any more (or yet) is the state's refusal; another party's move is not theirs.
      if (movesFor(party, r.state).length === 0) {
        throw new DomainError(409, "invalid_transition", {
          vi: `Hồ sơ đang ở bước "${r.state}", không còn chờ bạn xử lý.`,
          en: `The dossier is at "${r.state}" and no longer waits for you.`,
        });
      }
      DossierLifecycle.move(r.state, to);
      throw new DomainError(403, "forbidden", {
        vi: "Bạn không được chuyển hồ sơ này sang bước đó.",
        en: "You may not move this dossier to that step.",
      });
    }
    const entry = move(actor, party, r.state, to, extra);
    const result = await DossierService.transaction
      .write(({ dossier, audit }) => [
        dossier
          .patch({ dossierId: r.dossierId })
          .set({
            ...set,
            state: to,
            history: [...(r.history as Move[]), entry],
            version: r.version + 1,
            updatedAt: entry.at,
          })
          .composite({ wardCode: r.wardCode, provinceCode: r.provinceCode })
          .where(({ version }, { eq }) => eq(version, r.version))
          .commit(),
        audit
          .create(
            Audit.entry(
              actor,
              `dossier-${to}`,
              { type: "dossier", id: r.dossierId },
              { state: r.state },
              { state: to },
              extra.reasons?.join("; ") ?? extra.note,
            ),
          )
          .commit(),
      ])
      .go();
    if (result.canceled) throw changed();
    return view(await load(r.dossierId), party);
  }

  async function asCommune(actor: Actor, dossierId: string) {
    const staff = requireCommuneStaff(actor);
    const r = await load(dossierId);
    if (r.wardCode !== staff.wardCode) {
      throw new DomainError(403, "forbidden", {
        vi: "Hồ sơ này thuộc xã, phường khác.",
        en: "This dossier belongs to another commune or ward.",
      });
    }
    return r;
  }

  /** The commune confirms its part and passes the dossier to the province. */
  export async function communePass(actor: Actor, dossierId: string, input: z.input<typeof CommunePass>) {
    const { note } = CommunePass.parse(input);
    const r = await asCommune(actor, dossierId);
    const by = actor.kind === "user" ? actor.user.userId : "system";
    return transition(
      actor,
      r,
      "commune",
      "province_council",
      { note },
      {
        communeCheck: { at: now(), by, note, productOrigin: true, rawMaterialOrigin: true, localLabour: true },
      },
    );
  }

  /** The commune returns the dossier to the producer with its reasons. */
  export async function communeReturn(actor: Actor, dossierId: string, input: z.input<typeof Return>) {
    const { reasons } = Return.parse(input);
    const r = await asCommune(actor, dossierId);
    return transition(actor, r, "commune", "returned", { reasons });
  }

  async function asCouncil(actor: Actor, dossierId: string) {
    const r = await load(dossierId);
    const party = partyOf(actor, r);
    if (party !== "province" && party !== "central") {
      throw new DomainError(403, "forbidden", {
        vi: "Chỉ cán bộ OCOP cấp tỉnh hoặc trung ương làm được việc này.",
        en: "Only province or central OCOP staff can do this.",
      });
    }
    return { r, party };
  }

  /** The province's council scored 90 or more: the dossier goes on to the central council (5★). */
  export async function toCentral(actor: Actor, dossierId: string, input: { note?: string } = {}) {
    const { r, party } = await asCouncil(actor, dossierId);
    return transition(actor, r, party, "central_council", { note: input.note });
  }

  /** The council's decision: the stars and score, and once issued the decision and certificate. */
  export async function decide(
    actor: Actor,
    dossierId: string,
    input: { outcome: z.input<typeof Outcome>; note?: string },
  ) {
    const outcome = Outcome.parse(input.outcome);
    const { r, party } = await asCouncil(actor, dossierId);
    return transition(actor, r, party, "decided", { note: input.note }, { outcome });
  }

  /** A council returns the dossier to the producer with its reasons. */
  export async function returnFromCouncil(actor: Actor, dossierId: string, input: z.input<typeof Return>) {
    const { reasons } = Return.parse(input);
    const { r, party } = await asCouncil(actor, dossierId);
    return transition(actor, r, party, "returned", { reasons });
  }

  /** Seeds only: a dossier written as it stands at some step. */
  export async function seed(
    record: Omit<DossierRecord, "version" | "createdAt" | "updatedAt"> & { createdAt?: string },
  ) {
    const at = record.createdAt ?? now();
    await DossierEntity.put({ ...record, version: 1, createdAt: at, updatedAt: at }).go();
  }
}
