import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireUser, SYSTEM } from "../account/actor";
import { Account, LoginInput } from "../account/index";
import { Certificate, CertificateEntity } from "../certificate/index";
import { Dossier } from "../dossier/index";
import { province } from "../geo/province";
import { Product } from "../product";
import { Registry } from "../register/index";
import { Sheet } from "../sheet/index";
import { IsoDate } from "../util/date";
import { DomainError, notFound } from "../util/error";
import { CouncilEntity, DecisionEntity, ScoreEntity, SeatEntity, SittingEntity } from "./entities";
import { tally } from "./tally";

/**
 * Evaluation councils (Decision 148/QĐ-TTg as amended by 1489/QĐ-TTg): a province's council scores and its
 * province recognises 3★ and 4★; products the province scores 5★ go on to the central council, which recognises 5★.
 * Members score on their own: a member sees nobody else's sheet until they have submitted theirs, and a
 * submitted sheet is final. The secretary, and the staff who formed the council, see every submitted sheet.
 */
export namespace Council {
  export const Level = Certificate.Level;
  export type Level = Certificate.Level;
  export const Duty = z.enum(["chair", "secretary", "member"]);
  export type Duty = z.infer<typeof Duty>;

  const Name = z.string().trim().min(2, "give a name of at least 2 characters").max(120);
  const Person = z.intersection(LoginInput, z.object({ name: Name }));

  export const Create = z
    .object({
      level: Level,
      /** The province, for a province's council. */
      provinceCode: z
        .string()
        .regex(/^\d{2}$/)
        .optional(),
      name: z.string().trim().min(5).max(200),
      chair: Person,
      secretary: Person,
      members: z.array(Person).min(1, "name at least one member").max(20),
      advisors: z
        .array(z.object({ name: Name, unit: z.string().trim().max(200).default("") }))
        .max(20)
        .default([]),
    })
    .superRefine((c, ctx) => {
      if (c.level === "province" && !c.provinceCode) {
        ctx.addIssue({ code: "custom", path: ["provinceCode"], message: "a province's council names its province" });
      }
      if (c.provinceCode && !province(c.provinceCode)) {
        ctx.addIssue({ code: "custom", path: ["provinceCode"], message: "no such province" });
      }
    });

  export const Schedule = z.object({
    date: IsoDate,
    place: z.string().trim().min(3).max(200),
  });

  export const AssignDossiers = z.object({ dossierIds: z.array(z.string().min(1).max(60)).min(1).max(50) });
  export const AssignScorers = z.object({
    userIds: z
      .array(z.string().regex(/^[0-9a-z]{26}$/))
      .min(1, "choose at least one member")
      .max(20),
  });

  export const ScoreInput = z.object({
    answers: Sheet.Answers,
    notes: z.record(z.string().max(8), z.string().trim().max(1000)).default({}),
  });

  export const DecideInput = z.object({
    number: Certificate.DecisionNumber,
    date: IsoDate,
    signer: z.string().trim().min(2).max(200),
    issuer: z.string().trim().min(2).max(200),
    dossierIds: z.array(z.string().min(1).max(60)).min(1).max(50),
  });

  const PersonView = z.object({ userId: z.string(), name: z.string(), duty: Duty });
  export const View = z.object({
    councilId: z.string(),
    level: Level,
    scope: z.string(),
    name: z.string(),
    people: z.array(PersonView),
    advisors: z.array(z.object({ name: z.string(), unit: z.string() })),
    createdAt: z.string(),
  });
  export type View = z.infer<typeof View>;

  const SittingDossier = z.object({
    dossierId: z.string(),
    sheetId: z.string(),
    productName: z.string(),
    producerName: z.string(),
    forwardedAt: z.string().optional(),
    decisionNumber: z.string().optional(),
  });
  export const SittingView = z.object({
    sittingId: z.string(),
    councilId: z.string(),
    councilName: z.string(),
    level: Level,
    scope: z.string(),
    date: z.string(),
    place: z.string(),
    dossiers: z.array(SittingDossier),
    scorers: z.array(PersonView),
    /** What the caller is at this sitting. */
    you: z.enum(["staff", "secretary", "scorer", "member"]),
  });
  export type SittingView = z.infer<typeof SittingView>;

  const Parts = z.object({ A: z.number(), B: z.number(), C: z.number() });
  export const ScoreView = z.object({
    sittingId: z.string(),
    dossierId: z.string(),
    sheetId: z.string(),
    answers: z.record(z.string(), z.string()),
    notes: z.record(z.string(), z.string()),
    parts: Parts,
    total: z.number(),
    submittedAt: z.string().nullable(),
  });
  export type ScoreView = z.infer<typeof ScoreView>;

  export const Summary = z.object({
    sittingId: z.string(),
    dossierId: z.string(),
    sheetId: z.string(),
    productName: z.string(),
    scorers: z.number().int(),
    submitted: z.number().int(),
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        parts: Parts,
        total: z.number(),
        notes: z.record(z.string(), z.string()),
        answers: z.record(z.string(), z.string()),
      }),
    ),
    /** The average over the submitted sheets, while at least one is. */
    average: z
      .object({
        parts: Parts,
        total: z.number(),
        band: z.number().int(),
        stars: z.number().int(),
        points: z.record(z.string(), z.number()),
        failed: z.array(
          z.object({ criterionId: z.string(), stars: z.number().int(), atLeast: z.number(), points: z.number() }),
        ),
      })
      .nullable(),
    /** Every scorer has submitted: the result can go into a decision (or on to the central council). */
    complete: z.boolean(),
    forwardedAt: z.string().nullable(),
    decisionNumber: z.string().nullable(),
  });
  export type Summary = z.infer<typeof Summary>;

  const Entry = z.object({
    dossierId: z.string(),
    productId: z.string().nullable(),
    productName: z.string(),
    producerName: z.string(),
    stars: z.number().int(),
    total: z.number(),
    parts: Parts,
    certificateId: z.string().nullable(),
    certificateNumber: z.string().nullable(),
  });
  export const DecisionView = z.object({
    scope: z.string(),
    number: z.string(),
    level: Level,
    date: z.string(),
    signer: z.string(),
    issuer: z.string(),
    sittingId: z.string(),
    entries: z.array(Entry),
    createdAt: z.string(),
  });
  export type DecisionView = z.infer<typeof DecisionView>;

  type Person = z.infer<typeof PersonView>;
  type CouncilRecord = NonNullable<Awaited<ReturnType<ReturnType<typeof CouncilEntity.get>["go"]>>["data"]>;
  type SittingRecord = NonNullable<Awaited<ReturnType<ReturnType<typeof SittingEntity.get>["go"]>>["data"]>;
  type SittingDossier = z.infer<typeof SittingDossier>;

  const forbidden = (vi: string, en: string) => new DomainError(403, "forbidden", { vi, en });
  const conflict = (code: string, vi: string, en: string) => new DomainError(409, code, { vi, en });
  const now = () => new Date().toISOString();

  /** Province staff run their province's councils; central staff the central council (and may act for any province). */
  export function requireOrganiser(actor: Actor, council: { level: Level; scope: string }) {
    if (actor.kind === "system") return { userId: "system", staffScope: "central" };
    const user = requireUser(actor);
    const scope = user.role === "staff" ? user.staffScope : undefined;
    if (scope === "central" || (council.level === "province" && scope === council.scope)) {
      return { userId: user.userId, staffScope: scope };
    }
    throw forbidden(
      council.level === "central"
        ? "Hội đồng cấp trung ương do cán bộ OCOP trung ương tổ chức."
        : "Hội đồng này thuộc tỉnh khác: cán bộ OCOP của tỉnh đó (hoặc trung ương) tổ chức.",
      council.level === "central"
        ? "The central council is run by central OCOP staff."
        : "This council is another province's: its OCOP staff (or central staff) run it.",
    );
  }

  function view(c: CouncilRecord): View {
    return {
      councilId: c.councilId,
      level: c.level,
      scope: c.scope,
      name: c.name,
      people: c.people as Person[],
      advisors: c.advisors as View["advisors"],
      createdAt: c.createdAt,
    };
  }

  async function loadCouncil(councilId: string) {
    const { data } = await CouncilEntity.get({ councilId }).go({ consistent: true });
    if (!data) throw notFound({ vi: "hội đồng", en: "Council" });
    return data;
  }

  async function loadSitting(sittingId: string) {
    const { data } = await SittingEntity.get({ sittingId }).go({ consistent: true });
    if (!data) throw notFound({ vi: "phiên họp", en: "Sitting" });
    return data;
  }

  export async function create(actor: Actor, input: z.input<typeof Create>): Promise<View> {
    const c = Create.parse(input);
    const scope = c.level === "central" ? "central" : (c.provinceCode as string);
    const by = requireOrganiser(actor, { level: c.level, scope });
    const seat = async (p: z.output<typeof Person>, duty: Duty): Promise<Person> => {
      const { name, ...login } = p;
      const user = await Account.findOrCreate(login as LoginInput);
      return { userId: user.userId, name, duty };
    };
    const people = [
      await seat(c.chair, "chair"),
      await seat(c.secretary, "secretary"),
      ...(await Promise.all(c.members.map((m) => seat(m, "member")))),
    ];
    if (new Set(people.map((p) => p.userId)).size !== people.length) {
      throw new DomainError(400, "same_person", {
        vi: "Một người chỉ giữ một vị trí trong hội đồng.",
        en: "One person holds one seat on the council.",
      });
    }
    const record = {
      councilId: ulid().toLowerCase(),
      scope,
      level: c.level,
      name: c.name,
      people,
      advisors: c.advisors,
      createdBy: by.userId,
      createdAt: now(),
    };
    await CouncilEntity.create(record).go();
    return view(record as CouncilRecord);
  }

  /** The councils of the staff's own scope (a province's, or the central one), newest first. */
  export async function list(actor: Actor, scope?: string): Promise<View[]> {
    const user = actor.kind === "system" ? undefined : requireUser(actor);
    const own = user?.role === "staff" ? user.staffScope : undefined;
    const wanted = scope ?? own;
    if (!wanted) throw forbidden("Chỉ cán bộ OCOP xem được các hội đồng.", "Only OCOP staff see councils.");
    requireOrganiser(actor, { level: wanted === "central" ? "central" : "province", scope: wanted });
    const { data } = await CouncilEntity.query.byScope({ scope: wanted }).go({ pages: "all", order: "desc" });
    return data.map(view);
  }

  export async function get(actor: Actor, councilId: string) {
    const c = await loadCouncil(councilId);
    requireOrganiser(actor, c);
    const { data } = await SittingEntity.query.byCouncil({ councilId }).go({ pages: "all" });
    return { council: view(c), sittings: data.map((s) => sittingView(s, c, "staff")) };
  }

  function sittingView(s: SittingRecord, c: CouncilRecord, you: SittingView["you"]): SittingView {
    const people = c.people as Person[];
    return {
      sittingId: s.sittingId,
      councilId: s.councilId,
      councilName: c.name,
      level: s.level,
      scope: s.scope,
      date: s.date,
      place: s.place,
      dossiers: s.dossiers as SittingDossier[],
      scorers: s.scorers.map((id: string) => people.find((p) => p.userId === id) as Person),
      you,
    };
  }

  export async function schedule(
    actor: Actor,
    councilId: string,
    input: z.input<typeof Schedule>,
  ): Promise<SittingView> {
    const { date, place } = Schedule.parse(input);
    const c = await loadCouncil(councilId);
    requireOrganiser(actor, c);
    const record = {
      sittingId: ulid().toLowerCase(),
      councilId,
      scope: c.scope,
      level: c.level,
      date,
      place,
      dossiers: [],
      scorers: [],
      createdAt: now(),
    };
    await SittingEntity.create(record).go();
    return sittingView(record as SittingRecord, c, "staff");
  }

  async function asOrganiser(actor: Actor, sittingId: string) {
    const s = await loadSitting(sittingId);
    const c = await loadCouncil(s.councilId);
    requireOrganiser(actor, c);
    return { s, c };
  }

  /** The dossiers waiting at the sitting's level (and province) join its agenda, each with its sub-group's sheet. */
  export async function assignDossiers(actor: Actor, sittingId: string, input: z.input<typeof AssignDossiers>) {
    const { dossierIds } = AssignDossiers.parse(input);
    const { s, c } = await asOrganiser(actor, sittingId);
    const waiting = s.level === "central" ? "central_council" : "province_council";
    const agenda = [...(s.dossiers as SittingDossier[])];
    for (const dossierId of dossierIds) {
      if (agenda.some((d) => d.dossierId === dossierId)) continue;
      const d = await Dossier.get(SYSTEM, dossierId);
      if (d.state !== waiting || (s.level === "province" && d.provinceCode !== s.scope)) {
        throw conflict(
          "not_waiting",
          `Hồ sơ ${d.productName ?? dossierId} không chờ hội đồng này (đang ở bước ${d.state}).`,
          `Dossier ${d.productName ?? dossierId} is not waiting for this council (it is at ${d.state}).`,
        );
      }
      if (!d.subGroup) throw conflict("no_sub_group", "Hồ sơ chưa chọn phân nhóm.", "The dossier names no sub-group.");
      agenda.push({
        dossierId,
        sheetId: Sheet.forSubGroup(d.subGroup).sheetId,
        productName: d.productName ?? "",
        producerName: d.producerName,
      });
    }
    await SittingEntity.patch({ sittingId }).set({ dossiers: agenda }).go();
    return sittingView({ ...s, dossiers: agenda }, c, "staff");
  }

  /** The members who score at this sitting: the chair and members of the council (the secretary keeps the record). */
  export async function assignScorers(actor: Actor, sittingId: string, input: z.input<typeof AssignScorers>) {
    const { userIds } = AssignScorers.parse(input);
    const { s, c } = await asOrganiser(actor, sittingId);
    const people = c.people as Person[];
    for (const id of userIds) {
      const p = people.find((x) => x.userId === id);
      if (!p || p.duty === "secretary") {
        throw new DomainError(
          400,
          "not_a_member",
          { vi: "Chỉ chủ tịch và thành viên hội đồng chấm điểm.", en: "Only the council's chair and members score." },
          "userIds",
        );
      }
    }
    const { data: scored } = await ScoreEntity.query.bySitting({ sittingId }).go({ pages: "all" });
    const dropped = s.scorers.filter((id) => !userIds.includes(id) && scored.some((x) => x.userId === id));
    if (dropped.length) {
      throw conflict(
        "already_scoring",
        "Thành viên đã chấm điểm không thể bị bỏ khỏi phiên.",
        "A member who has scored stays at the sitting.",
      );
    }
    const scorers = [...new Set(userIds)];
    await SittingEntity.patch({ sittingId }).set({ scorers }).go();
    const stale = s.scorers.filter((id) => !scorers.includes(id));
    await Promise.all([
      ...scorers.map((userId) => SeatEntity.put({ userId, sittingId, councilId: c.councilId }).go()),
      ...stale.map((userId) => SeatEntity.delete({ userId, sittingId }).go()),
    ]);
    return sittingView({ ...s, scorers }, c, "staff");
  }

  /** What the caller is at a sitting; anyone else is refused. */
  async function roleAt(actor: Actor, sittingId: string) {
    const s = await loadSitting(sittingId);
    const c = await loadCouncil(s.councilId);
    const user = actor.kind === "system" ? undefined : requireUser(actor);
    if (user && s.scorers.includes(user.userId)) return { s, c, you: "scorer" as const, userId: user.userId };
    const person = user && (c.people as Person[]).find((p) => p.userId === user.userId);
    if (person?.duty === "secretary") return { s, c, you: "secretary" as const, userId: person.userId };
    try {
      const by = requireOrganiser(actor, c);
      return { s, c, you: "staff" as const, userId: by.userId };
    } catch {
      if (person) return { s, c, you: "member" as const, userId: person.userId };
      throw forbidden("Bạn không thuộc phiên họp này.", "You are not at this sitting.");
    }
  }

  /** The sittings the caller scores at or keeps the record of. */
  export async function mine(actor: Actor): Promise<SittingView[]> {
    const user = requireUser(actor);
    const { data: seats } = await SeatEntity.query.byMember({ userId: user.userId }).go({ pages: "all" });
    const out: SittingView[] = [];
    for (const seat of seats) {
      const s = await loadSitting(seat.sittingId);
      out.push(sittingView(s, await loadCouncil(s.councilId), "scorer"));
    }
    return out.sort((a, b) => b.date.localeCompare(a.date));
  }

  export async function sitting(actor: Actor, sittingId: string): Promise<SittingView> {
    const { s, c, you } = await roleAt(actor, sittingId);
    return sittingView(s, c, you);
  }

  function onAgenda(s: SittingRecord, dossierId: string): SittingDossier {
    const d = (s.dossiers as SittingDossier[]).find((x) => x.dossierId === dossierId);
    if (!d) throw notFound({ vi: "hồ sơ trong phiên họp này", en: "Dossier at this sitting" });
    return d;
  }

  /** The dossier as the council reads it (registration, self-assessment, evidence per criterion), its sheet and, for a scorer, their own sheet. */
  export async function read(actor: Actor, sittingId: string, dossierId: string) {
    const at = await roleAt(actor, sittingId);
    if (at.you === "member") throw forbidden("Bạn không chấm ở phiên này.", "You do not score at this sitting.");
    const d = onAgenda(at.s, dossierId);
    const mine =
      at.you === "scorer"
        ? (await ScoreEntity.get({ sittingId, dossierId, userId: at.userId }).go({ consistent: true })).data
        : undefined;
    return {
      dossier: await Dossier.get(SYSTEM, dossierId),
      sheet: Sheet.get(d.sheetId),
      mine: at.you === "scorer" ? scoreView(sittingId, dossierId, d.sheetId, mine ?? undefined) : null,
    };
  }

  /** The dossiers waiting at the sitting's level (its province's, or central's) and not yet on its agenda. */
  export async function candidates(actor: Actor, sittingId: string) {
    const { s } = await asOrganiser(actor, sittingId);
    const queue = await Dossier.queueAt(
      actor,
      s.level === "central" ? { level: "central" } : { level: "province", provinceCode: s.scope },
    );
    const taken = new Set((s.dossiers as SittingDossier[]).map((d) => d.dossierId));
    return queue.filter((d) => !taken.has(d.dossierId));
  }

  function scoreView(
    sittingId: string,
    dossierId: string,
    sheetId: string,
    r?: { answers: unknown; notes: unknown; submittedAt?: string },
  ): ScoreView {
    const answers = (r?.answers ?? {}) as Sheet.Answers;
    const result = Sheet.result(Sheet.get(sheetId), answers);
    return {
      sittingId,
      dossierId,
      sheetId,
      answers,
      notes: (r?.notes ?? {}) as Record<string, string>,
      parts: result.parts,
      total: result.total,
      submittedAt: r?.submittedAt ?? null,
    };
  }

  async function asScorer(actor: Actor, sittingId: string, dossierId: string) {
    const at = await roleAt(actor, sittingId);
    if (at.you !== "scorer") {
      throw forbidden(
        "Chỉ thành viên được phân công chấm điểm ở phiên này.",
        "Only the members assigned to this sitting score.",
      );
    }
    const d = onAgenda(at.s, dossierId);
    if (d.decisionNumber || d.forwardedAt) {
      throw conflict("closed", "Hồ sơ này đã có kết quả.", "This dossier's result is already out.");
    }
    const { data } = await ScoreEntity.get({ sittingId, dossierId, userId: at.userId }).go({ consistent: true });
    return { ...at, d, score: data ?? undefined };
  }

  const submittedAlready = () =>
    conflict(
      "submitted",
      "Bạn đã nộp phiếu chấm; phiếu không sửa được nữa.",
      "You have submitted your sheet; it is final.",
    );

  /** Saves the caller's sheet as it stands (one option and a note per criterion); nobody else sees it. */
  export async function saveScore(
    actor: Actor,
    sittingId: string,
    dossierId: string,
    input: z.input<typeof ScoreInput>,
  ) {
    const { answers, notes } = ScoreInput.parse(input);
    const at = await asScorer(actor, sittingId, dossierId);
    if (at.score?.submittedAt) throw submittedAlready();
    const sheet = Sheet.get(at.d.sheetId);
    Sheet.pointsOf(sheet, answers);
    const known = new Set(Sheet.criteria(sheet).map((c) => c.id));
    const unknown = Object.keys(notes).find((id) => !known.has(id));
    if (unknown) {
      throw new DomainError(
        400,
        "invalid_answer",
        { vi: `Không có tiêu chí ${unknown}.`, en: `No criterion ${unknown}.` },
        unknown,
      );
    }
    const record = {
      sittingId,
      dossierId,
      userId: at.userId,
      sheetId: sheet.sheetId,
      answers,
      notes,
      updatedAt: now(),
    };
    await ScoreEntity.put(record)
      .where(({ submittedAt }, { notExists }) => notExists(submittedAt))
      .go()
      .catch((e: unknown) => {
        if (String((e as Error).message).includes("conditional")) throw submittedAlready();
        throw e;
      });
    return scoreView(sittingId, dossierId, sheet.sheetId, record);
  }

  /** Submits the caller's sheet: every criterion answered; final from then on. */
  export async function submitScore(
    actor: Actor,
    sittingId: string,
    dossierId: string,
    input: z.input<typeof ScoreInput>,
  ) {
    const saved = await saveScore(actor, sittingId, dossierId, input);
    const missing = Sheet.criteria(Sheet.get(saved.sheetId))
      .map((c) => c.id)
      .filter((id) => !(id in saved.answers));
    if (missing.length) {
      throw new DomainError(
        400,
        "unanswered",
        {
          vi: `Còn ${missing.length} tiêu chí chưa chấm: ${missing.join(", ")}.`,
          en: `${missing.length} criteria are not scored yet: ${missing.join(", ")}.`,
        },
        missing[0],
      );
    }
    const submittedAt = now();
    await ScoreEntity.patch({ sittingId, dossierId, userId: (actor as { user: { userId: string } }).user.userId })
      .set({ submittedAt })
      .where(({ submittedAt: s }, { notExists }) => notExists(s))
      .go()
      .catch((e: unknown) => {
        if (String((e as Error).message).includes("conditional")) throw submittedAlready();
        throw e;
      });
    return { ...saved, submittedAt };
  }

  async function summaryOf(s: SittingRecord, c: CouncilRecord, dossierId: string): Promise<Summary> {
    const d = onAgenda(s, dossierId);
    const sheet = Sheet.get(d.sheetId);
    const { data } = await ScoreEntity.query
      .bySitting({ sittingId: s.sittingId })
      .begins({ dossierId })
      .go({ pages: "all" });
    const submitted = data.filter((x) => x.dossierId === dossierId && x.submittedAt && s.scorers.includes(x.userId));
    const t = tally(
      sheet,
      submitted.map((x) => ({ userId: x.userId, answers: x.answers as Sheet.Answers })),
    );
    const people = c.people as Person[];
    return {
      sittingId: s.sittingId,
      dossierId,
      sheetId: d.sheetId,
      productName: d.productName,
      scorers: s.scorers.length,
      submitted: submitted.length,
      members: t.members.map((m, i) => ({
        userId: m.userId,
        name: people.find((p) => p.userId === m.userId)?.name ?? "",
        parts: m.parts,
        total: m.total,
        notes: (submitted[i]?.notes ?? {}) as Record<string, string>,
        answers: (submitted[i]?.answers ?? {}) as Record<string, string>,
      })),
      average: t.average
        ? {
            parts: t.average.parts,
            total: t.average.total,
            band: t.average.band,
            stars: t.average.stars,
            points: t.average.points,
            failed: t.average.failed,
          }
        : null,
      complete: s.scorers.length > 0 && submitted.length === s.scorers.length,
      forwardedAt: d.forwardedAt ?? null,
      decisionNumber: d.decisionNumber ?? null,
    };
  }

  /**
   * The sitting's result for a dossier: every submitted sheet, the average, the mandatory check and the stars.
   * The secretary and the organising staff see it at any time; a scorer only once their own sheet is submitted.
   */
  export async function summary(actor: Actor, sittingId: string, dossierId: string): Promise<Summary> {
    const at = await roleAt(actor, sittingId);
    if (at.you === "member") throw forbidden("Bạn không chấm ở phiên này.", "You do not score at this sitting.");
    if (at.you === "scorer") {
      const { data } = await ScoreEntity.get({ sittingId, dossierId, userId: at.userId }).go({ consistent: true });
      if (!data?.submittedAt) {
        throw forbidden(
          "Bạn xem được điểm của các thành viên khác sau khi nộp phiếu của mình.",
          "You see the other members' scores once you have submitted yours.",
        );
      }
    }
    return summaryOf(at.s, at.c, dossierId);
  }

  const incomplete = (name: string) =>
    conflict("not_scored", `Chưa đủ phiếu chấm cho ${name}.`, `Not every member has scored ${name} yet.`);

  /** A province's 5★ result goes on to the central council, which recognises 5★ (Decision 1489/QĐ-TTg). */
  export async function forward(actor: Actor, sittingId: string, dossierId: string) {
    const { s, c } = await asOrganiser(actor, sittingId);
    const sum = await summaryOf(s, c, dossierId);
    if (!sum.complete || !sum.average) throw incomplete(sum.productName);
    if (s.level !== "province" || sum.average.stars !== 5 || sum.forwardedAt || sum.decisionNumber) {
      throw conflict(
        "not_forwardable",
        "Chỉ sản phẩm được hội đồng tỉnh chấm 5★ (từ 90 điểm, đạt các tiêu chí bắt buộc) mới chuyển lên trung ương.",
        "Only a product the province's council scores 5★ (90 or more, mandatory criteria met) goes on to the central council.",
      );
    }
    await Dossier.toCentral(actor, dossierId, {
      note: `Điểm trung bình ${sum.average.total} / Average ${sum.average.total}`,
    });
    const dossiers = (s.dossiers as SittingDossier[]).map((d) =>
      d.dossierId === dossierId ? { ...d, forwardedAt: now() } : d,
    );
    await SittingEntity.patch({ sittingId }).set({ dossiers }).go();
    return summaryOf({ ...s, dossiers }, c, dossierId);
  }

  /**
   * The decision recognising the sitting's products: each product gets the stars of its council's average and,
   * when it is 3★ or more and at this level (province 3★–4★, central 5★) and the dossier names a product on this
   * platform, a certificate through the registry, which becomes the product's certificate. Everything is checked
   * before anything is written; the number is unique within the scope. Each product's outcome is recorded as it
   * is made, so a decision cut off part-way is finished by sending it again: what was done is not done twice.
   */
  export async function decide(
    actor: Actor,
    sittingId: string,
    input: z.input<typeof DecideInput>,
  ): Promise<DecisionView> {
    const d = DecideInput.parse(input);
    const { s, c } = await asOrganiser(actor, sittingId);
    const by = requireOrganiser(actor, c);
    const planned: {
      sum: Summary;
      stars: number;
      productId: string | null;
      producerName: string;
      issue: boolean;
      before: Dossier.Outcome | undefined;
    }[] = [];
    for (const dossierId of new Set(d.dossierIds)) {
      const sum = await summaryOf(s, c, dossierId);
      if (!sum.complete || !sum.average) throw incomplete(sum.productName);
      if (sum.decisionNumber || sum.forwardedAt) {
        throw conflict("closed", `${sum.productName} đã có kết quả.`, `${sum.productName} already has its result.`);
      }
      const stars = sum.average.stars;
      if (s.level === "province" && stars === 5) {
        throw conflict(
          "central_level",
          `${sum.productName} đạt 5★: chuyển lên hội đồng trung ương thay vì đưa vào quyết định của tỉnh.`,
          `${sum.productName} scores 5★: forward it to the central council instead of the province's decision.`,
        );
      }
      const dossier = await Dossier.get(SYSTEM, dossierId);
      // Decided already: by this decision, in a call that was cut off (resumed below), or by another one.
      const before = dossier.state === "decided" ? (dossier.outcome ?? undefined) : undefined;
      if (before && before.decisionNumber !== d.number) {
        throw conflict("closed", `${sum.productName} đã có kết quả.`, `${sum.productName} already has its result.`);
      }
      const named = dossier.registration.productId;
      // Only the dossier's own producer's product is certified, whatever the dossier names.
      const productId =
        named && (await Product.get(named).catch(() => undefined))?.producerId === dossier.producerId ? named : null;
      const issue = stars >= 3 && Certificate.levelFor(stars) === s.level && !!productId;
      planned.push({ sum, stars, productId, producerName: dossier.producerName, issue, before });
    }
    const dossierIds = planned.map((p) => p.sum.dossierId).sort();
    const record = {
      scope: s.scope,
      number: d.number,
      level: s.level,
      date: d.date,
      signer: d.signer,
      issuer: d.issuer,
      sittingId,
      entries: [] as z.infer<typeof Entry>[],
      dossierIds,
      complete: false,
      createdBy: by.userId,
      createdAt: now(),
    };
    const entries: z.infer<typeof Entry>[] = await DecisionEntity.create(record)
      .go()
      .then(() => [])
      .catch(async (e: unknown) => {
        if (!String((e as Error).message).includes("conditional")) throw e;
        const cut = await unfinished(record);
        if (!cut) {
          throw conflict("decision_exists", `Đã có quyết định số ${d.number}.`, `Decision ${d.number} already exists.`);
        }
        record.createdBy = cut.createdBy;
        record.createdAt = cut.createdAt;
        return cut.entries as z.infer<typeof Entry>[];
      });
    for (const p of planned) {
      if (entries.some((e) => e.dossierId === p.sum.dossierId)) continue;
      const avg = p.sum.average as NonNullable<Summary["average"]>;
      const parts = { a: avg.parts.A, b: avg.parts.B, c: avg.parts.C };
      const scoreFits = Certificate.Input.safeParse({
        stars: p.stars,
        score: parts,
        decisionNumber: d.number,
        decisionDate: d.date,
        issuer: d.issuer,
        level: s.level,
      }).success;
      const { before } = p;
      const issued = before?.certificateNumber
        ? { certificateId: before.certificateId as string, number: before.certificateNumber }
        : p.issue && p.productId
          ? ((await issuedBefore(p.productId, p.sum.dossierId, d.number)) ??
            (await Registry.issue(actor, {
              productId: p.productId,
              stars: p.stars as 3 | 4 | 5,
              ...(scoreFits ? { score: parts } : {}),
              decisionNumber: d.number,
              decisionDate: d.date,
              issuer: d.issuer,
              signer: d.signer,
              level: s.level,
              dossierId: p.sum.dossierId,
            })))
          : undefined;
      if (!before) {
        await Dossier.decide(actor, p.sum.dossierId, {
          outcome: {
            stars: p.stars,
            total: avg.total,
            decisionNumber: d.number,
            decisionDate: d.date,
            certificateId: issued?.certificateId,
            certificateNumber: issued?.number,
          },
        });
      }
      entries.push({
        dossierId: p.sum.dossierId,
        productId: p.productId,
        productName: p.sum.productName,
        producerName: p.producerName,
        stars: p.stars,
        total: avg.total,
        parts: avg.parts,
        certificateId: issued?.certificateId ?? null,
        certificateNumber: issued?.number ?? null,
      });
      await DecisionEntity.patch({ scope: s.scope, number: d.number }).set({ entries }).go();
    }
    await DecisionEntity.patch({ scope: s.scope, number: d.number }).set({ complete: true }).go();
    const decided = new Set(entries.map((e) => e.dossierId));
    const dossiers = (s.dossiers as SittingDossier[]).map((x) =>
      decided.has(x.dossierId) ? { ...x, decisionNumber: d.number } : x,
    );
    await SittingEntity.patch({ sittingId }).set({ dossiers }).go();
    const { dossierIds: _, complete: __, ...view } = record;
    return { ...view, entries };
  }

  /** The certificate an earlier, cut-off call of this decision issued for the dossier's product, if it got that far. */
  async function issuedBefore(productId: string, dossierId: string, decisionNumber: string) {
    const { data } = await CertificateEntity.query.byProduct({ productId }).go({ pages: "all" });
    const found = data.find((x) => x.dossierId === dossierId && x.decisionNumber === decisionNumber && x.number);
    return found ? { certificateId: found.certificateId, number: found.number as string } : undefined;
  }

  /** The decision of this number when an earlier call for the same sitting, dossiers and wording stopped part-way. */
  async function unfinished(wanted: {
    scope: string;
    number: string;
    sittingId: string;
    date: string;
    signer: string;
    issuer: string;
    dossierIds: string[];
  }) {
    const { data } = await DecisionEntity.get({ scope: wanted.scope, number: wanted.number }).go();
    if (data?.complete !== false) return undefined;
    const same =
      data.sittingId === wanted.sittingId &&
      data.date === wanted.date &&
      data.signer === wanted.signer &&
      data.issuer === wanted.issuer &&
      JSON.stringify([...(data.dossierIds ?? [])].sort()) === JSON.stringify(wanted.dossierIds);
    return same ? data : undefined;
  }

  export async function decisions(actor: Actor, scope: string): Promise<DecisionView[]> {
    requireOrganiser(actor, { level: scope === "central" ? "central" : "province", scope });
    const { data } = await DecisionEntity.query.byScope({ scope }).go({ pages: "all", order: "desc" });
    return data.map(({ dossierIds: _, complete: __, ...x }) => ({
      ...x,
      entries: x.entries as z.infer<typeof Entry>[],
    }));
  }
}
