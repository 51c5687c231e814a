import { ulid } from "ulid";
import { z } from "zod";
import { type Actor, requireStaff, requireUser } from "../account/actor";
import { UserEntity } from "../account/entities";
import { Audit, AuditEntity } from "../audit";
import { CertificateEntity, CertificateNumberEntity } from "../certificate/index";
import { lazyClient, tableName } from "../db/client";
import { serviceOnFirstUse } from "../db/on-first-use";
import { province } from "../geo/province";
import { ward } from "../geo/ward";
import { messenger } from "../message/index";
import { Producer } from "../producer";
import { CounterEntity } from "../producer/counter";
import { Site } from "../site";
import { DomainError, notFound } from "../util/error";
import { fold } from "../util/fold";
import { Claim } from "./claim";
import { ClaimEntity, UnclaimedProducerEntity } from "./entities";

const ClaimService = serviceOnFirstUse(
  {
    claim: ClaimEntity,
    unclaimed: UnclaimedProducerEntity,
    producer: Producer.entity,
    counter: CounterEntity,
    user: UserEntity,
    certificate: CertificateEntity,
    audit: AuditEntity,
  },
  { client: lazyClient, table: tableName() },
);

type ClaimTx = Parameters<Parameters<typeof ClaimService.transaction.write>[0]>[0];
type ClaimRecord = NonNullable<Awaited<ReturnType<ReturnType<typeof ClaimEntity.get>["go"]>>["data"]>;
type UnclaimedRecord = NonNullable<Awaited<ReturnType<ReturnType<typeof UnclaimedProducerEntity.get>["go"]>>["data"]>;

/**
 * A producer taking over the record a province's imported list made for it. The claimant's signed-in phone proves it
 * when the list gave that phone; otherwise the province's staff decide. A grant makes the claimant a seller of the
 * producer (created from the record, or the seller's own) and the record's certificates that producer's, so its
 * sellers get the expiry reminders and the lookup names it.
 */
export namespace Claims {
  export const RecordId = z.string().regex(/^[0-9a-f]{32}$/, "expected a record id");
  export const Id = z.string().regex(/^[0-9a-z]{26}$/, "expected an id");

  export const Unclaimed = z.object({
    recordId: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    products: z.array(z.string()),
    certificates: z.number().int(),
    /** The list gave a phone: signing in with it grants the claim at once. The phone itself is never shown. */
    phoneOnFile: z.boolean(),
    state: z.enum(["open", "pending", "granted"]),
  });
  export type Unclaimed = z.infer<typeof Unclaimed>;

  export const Search = z.object({
    province: z.string().regex(/^\d{2}$/, "expected a province code"),
    q: z.string().trim().max(100).default(""),
  });

  export const SubmitInput = z.object({
    /** For a claimant who is not yet a seller: the producer the grant creates. */
    kind: Producer.Kind.optional(),
    wardCode: z
      .string()
      .regex(/^\d{5}$/, "expected a ward code")
      .optional(),
    street: z.string().trim().max(200).default(""),
    /** What staff should know: the claimant's role in the producer, a document they can show. */
    note: z.string().trim().max(1000).default(""),
  });

  export const RejectInput = z.object({ reason: z.string().trim().min(1, "give the reason").max(500) });

  export const View = z.object({
    claimId: z.string(),
    recordId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    status: Claim.Status,
    products: z.array(z.string()),
    note: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().optional(),
    reason: z.string().optional(),
    producerId: z.string().optional(),
  });
  export type View = z.infer<typeof View>;

  /** What staff see of a claim that waits: the claimant's phone and the list's, to call and compare. */
  export const StaffView = View.extend({ claimantPhone: z.string(), listedPhone: z.string().optional() });

  function unclaimedView(r: UnclaimedRecord): Unclaimed {
    return {
      recordId: r.recordId,
      name: r.name,
      provinceCode: r.provinceCode,
      provinceName: province(r.provinceCode)?.short ?? r.provinceCode,
      products: [...(r.products ?? [])].sort(),
      certificates: r.numbers?.length ?? 0,
      phoneOnFile: Boolean(r.phone),
      state: r.state,
    };
  }

  function view(c: ClaimRecord, r: UnclaimedRecord | undefined): View {
    return {
      claimId: c.claimId,
      recordId: c.recordId,
      producerName: r?.name ?? "",
      provinceCode: c.provinceCode,
      status: c.status,
      products: [...(r?.products ?? [])].sort(),
      note: c.note ?? "",
      createdAt: c.createdAt,
      decidedAt: c.decidedAt,
      reason: c.reason,
      producerId: c.producerId,
    };
  }

  async function record(recordId: string): Promise<UnclaimedRecord> {
    const { data } = await UnclaimedProducerEntity.get({ recordId }).go();
    if (!data) throw notFound({ vi: "hồ sơ chủ thể", en: "Producer record" });
    return data;
  }

  async function claim(claimId: string): Promise<ClaimRecord> {
    const { data } = await ClaimEntity.get({ claimId }).go();
    if (!data) throw notFound({ vi: "yêu cầu nhận hồ sơ", en: "Claim" });
    return data;
  }

  /** Records of a province's lists not yet taken over, matching a part of the name (accents and case aside). */
  export async function search(input: z.input<typeof Search>): Promise<Unclaimed[]> {
    const { province: code, q } = Search.parse(input);
    const { data } = await UnclaimedProducerEntity.query.byProvince({ provinceCode: code }).go({ pages: "all" });
    const wanted = fold(q);
    return data
      .filter((r) => r.state !== "granted" && fold(r.name).includes(wanted))
      .map(unclaimedView)
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }

  const otherProvince = () =>
    new DomainError(409, "other_province", {
      vi: "Chủ thể của bạn ở tỉnh khác với hồ sơ này.",
      en: "Your producer is in another province than this record.",
    });

  /** The producer the claimant's grant goes to: their own when they sell already, else one made from the record. */
  async function grantee(
    user: { role: string; producerId?: string },
    r: UnclaimedRecord,
    c: { kind?: string; wardCode?: string },
  ): Promise<{ producerId: string; create: boolean }> {
    if (user.role === "seller" && user.producerId) {
      const own = await Producer.get(user.producerId);
      if (own.provinceCode !== r.provinceCode) throw otherProvince();
      return { producerId: own.producerId, create: false };
    }
    if (user.role !== "shopper") {
      throw new DomainError(403, "forbidden", {
        vi: "Tài khoản cán bộ không nhận hồ sơ chủ thể.",
        en: "Staff accounts do not claim producer records.",
      });
    }
    if (!c.kind || !c.wardCode) {
      throw new DomainError(
        400,
        "producer_details_required",
        {
          vi: "Hãy chọn loại hình chủ thể và phường/xã để tạo gian hàng.",
          en: "Choose the producer's kind and its ward to create the shop.",
        },
        c.kind ? "wardCode" : "kind",
      );
    }
    if (ward(c.wardCode)?.provinceCode !== r.provinceCode) {
      throw new DomainError(
        400,
        "validation_failed",
        { vi: "Phường/xã này không thuộc tỉnh của hồ sơ.", en: "This ward is not in the record's province." },
        "wardCode",
      );
    }
    return { producerId: ulid().toLowerCase(), create: true };
  }

  /**
   * The writes of a grant, in one transaction with the claim's and the record's change: the producer (when new) and
   * its seller, and every certificate of the record now the producer's (its change feed sees the claim).
   */
  async function grantWrites(
    actor: Actor,
    c: ClaimRecord,
    r: UnclaimedRecord,
    claimant: { userId: string; role: string; producerId?: string; phone?: string },
    now: string,
    from: "open" | "pending",
    claimWrite: (tx: ClaimTx, producerId: string) => unknown,
  ) {
    const target = await grantee(claimant, r, c);
    const numbers = [...(r.numbers ?? [])];
    const located = await Promise.all(numbers.map((number) => CertificateNumberEntity.get({ number }).go()));
    const certificates = located.flatMap((l) => (l.data ? [l.data] : []));
    if (certificates.length > 80) {
      throw new DomainError(409, "too_many_certificates", {
        vi: "Hồ sơ có quá nhiều giấy chứng nhận để nhận một lần; hãy liên hệ cán bộ tỉnh.",
        en: "The record holds too many certificates to claim at once; contact the province's staff.",
      });
    }
    const result = await ClaimService.transaction
      .write((tx) => [
        claimWrite(tx, target.producerId) as never,
        tx.unclaimed
          .patch({ recordId: r.recordId })
          .set({ state: "granted", producerId: target.producerId, updatedAt: now })
          .where((a, { eq }) => eq(a.state, from as UnclaimedRecord["state"]))
          .commit(),
        ...(target.create
          ? [
              tx.producer
                .create({
                  producerId: target.producerId,
                  name: r.name,
                  kind: c.kind ?? "household",
                  provinceCode: r.provinceCode,
                  wardCode: c.wardCode ?? "",
                  street: c.street ?? "",
                  phone: claimant.phone ?? r.phone ?? "",
                  story: "",
                  photos: [],
                  createdAt: now,
                  updatedAt: now,
                })
                .commit(),
              tx.counter
                .update({ scope: "storefront", key: `producers-${r.provinceCode}` })
                .add({ count: 1 })
                .commit(),
              tx.user
                .patch({ userId: claimant.userId })
                .set({ role: "seller", producerId: target.producerId })
                .where((a, { eq }) => eq(a.role, "shopper"))
                .commit(),
            ]
          : []),
        ...certificates.map((n) =>
          tx.certificate
            .patch({ productId: n.productId, certificateId: n.certificateId })
            .set({ producerId: target.producerId, changedAt: now })
            .commit(),
        ),
        tx.audit
          .create(
            Audit.entry(actor, "grant-producer-claim", { type: "producer-claim", id: c.claimId }, null, {
              recordId: r.recordId,
              producerId: target.producerId,
              numbers,
            }),
          )
          .commit(),
      ])
      .go();
    return { result, producerId: target.producerId };
  }

  const raced = () =>
    new DomainError(409, "conflict", {
      vi: "Hồ sơ vừa thay đổi ở nơi khác; hãy tải lại trang.",
      en: "The record just changed elsewhere; reload the page.",
    });

  async function claimsOf(recordId: string) {
    return (await ClaimEntity.query.byRecord({ recordId }).go({ pages: "all" })).data;
  }

  /** The signed-in user claims a record: granted at once when the list gave their phone, else it waits for staff. */
  export async function submit(actor: Actor, recordId: string, input: z.input<typeof SubmitInput>): Promise<View> {
    const user = requireUser(actor);
    const fields = SubmitInput.parse(input);
    const r = await record(RecordId.parse(recordId));
    Claim.assertClaimable(await claimsOf(r.recordId));
    const status = Claim.firstStatus(r.phone, user.phone ?? "");
    // The details the grant would need are checked now, so a claim that waits can be granted as it stands.
    await grantee(user, r, fields);
    const now = new Date().toISOString();
    const c: ClaimRecord = {
      claimId: ulid().toLowerCase(),
      recordId: r.recordId,
      provinceCode: r.provinceCode,
      userId: user.userId,
      phone: user.phone,
      status,
      ...(user.role === "shopper" ? { kind: fields.kind, wardCode: fields.wardCode, street: fields.street } : {}),
      note: fields.note,
      createdAt: now,
    };
    if (status === "granted") {
      const granted = { ...c, decidedAt: now, decidedBy: user.userId };
      const { result, producerId } = await grantWrites(actor, granted, r, user, now, "open", (tx, producerId) =>
        tx.claim.create({ ...granted, producerId }).commit(),
      );
      if (result.canceled) throw raced();
      return view({ ...granted, producerId }, { ...r, state: "granted" });
    }
    const result = await ClaimService.transaction
      .write((tx) => [
        tx.claim.create(c).commit(),
        tx.unclaimed
          .patch({ recordId: r.recordId })
          .set({ state: "pending", updatedAt: now })
          .where((a, { eq }) => eq(a.state, "open"))
          .commit(),
      ])
      .go();
    if (result.canceled) throw raced();
    return view(c, { ...r, state: "pending" });
  }

  export async function mine(actor: Actor): Promise<View[]> {
    const user = requireUser(actor);
    const { data } = await ClaimEntity.query.byUser({ userId: user.userId }).go({ pages: "all" });
    const records = await Promise.all(data.map((c) => UnclaimedProducerEntity.get({ recordId: c.recordId }).go()));
    return data.map((c, i) => view(c, records[i]?.data ?? undefined)).reverse();
  }

  /** The claims waiting in the caller's province (every province for central staff), oldest first. */
  export async function waiting(actor: Actor): Promise<z.infer<typeof StaffView>[]> {
    const staff = requireStaff(actor);
    const query = ClaimEntity.query.byStatus(
      staff.staffScope === "central" ? { status: "pending" } : { status: "pending", provinceCode: staff.staffScope },
    );
    const { data } = await query.go({ pages: "all" });
    const records = await Promise.all(data.map((c) => UnclaimedProducerEntity.get({ recordId: c.recordId }).go()));
    return data.map((c, i) => ({
      ...view(c, records[i]?.data ?? undefined),
      claimantPhone: c.phone ?? "",
      listedPhone: records[i]?.data?.phone,
    }));
  }

  async function tell(userId: string, text: string) {
    const { data: user } = await UserEntity.get({ userId }).go();
    const to = user?.phone
      ? { channel: "sms" as const, address: `+84${user.phone.slice(1)}` }
      : user?.email
        ? { channel: "email" as const, address: user.email }
        : undefined;
    if (!to) return;
    await messenger()
      .send({ ...to, to: to.address, subject: "Chợ OCOP: yêu cầu nhận hồ sơ chủ thể", text })
      .catch((error) => console.error("claim: a message failed to go", error));
  }

  const site = () => (Site.publicUrl() ?? "http://localhost:3000").replace(/\/$/, "");

  export async function approve(actor: Actor, claimId: string): Promise<View> {
    const staff = requireStaff(actor);
    const c = await claim(Id.parse(claimId));
    Claim.assertDecidable({ status: c.status, province: c.provinceCode }, staff.staffScope, { approve: true });
    const r = await record(c.recordId);
    const { data: claimant } = await UserEntity.get({ userId: c.userId }).go();
    if (!claimant) throw notFound({ vi: "người nhận", en: "Claimant" });
    const now = new Date().toISOString();
    const decided = { status: "granted" as const, decidedAt: now, decidedBy: staff.userId };
    const { result, producerId } = await grantWrites(actor, c, r, claimant, now, "pending", (tx, producerId) =>
      tx.claim
        .patch({ claimId: c.claimId })
        .set({ ...decided, producerId, provinceCode: c.provinceCode })
        .where((a, { eq }) => eq(a.status, "pending"))
        .commit(),
    );
    if (result.canceled) throw raced();
    await tell(
      c.userId,
      `Chợ OCOP: yêu cầu nhận hồ sơ “${r.name}” đã được duyệt. Quản lý gian hàng: ${site()}/ban-hang`,
    );
    return view({ ...c, ...decided, producerId }, { ...r, state: "granted" });
  }

  export async function reject(actor: Actor, claimId: string, input: z.input<typeof RejectInput>): Promise<View> {
    const staff = requireStaff(actor);
    const { reason } = RejectInput.parse(input);
    const c = await claim(Id.parse(claimId));
    Claim.assertDecidable({ status: c.status, province: c.provinceCode }, staff.staffScope, {
      approve: false,
      reason,
    });
    const r = await record(c.recordId);
    const now = new Date().toISOString();
    const decided = { status: "rejected" as const, decidedAt: now, decidedBy: staff.userId, reason };
    const result = await ClaimService.transaction
      .write((tx) => [
        tx.claim
          .patch({ claimId: c.claimId })
          .set({ ...decided, provinceCode: c.provinceCode })
          .where((a, { eq }) => eq(a.status, "pending"))
          .commit(),
        tx.unclaimed
          .patch({ recordId: r.recordId })
          .set({ state: "open", updatedAt: now })
          .where((a, { eq }) => eq(a.state, "pending"))
          .commit(),
        tx.audit
          .create(
            Audit.entry(actor, "reject-producer-claim", { type: "producer-claim", id: c.claimId }, null, null, reason),
          )
          .commit(),
      ])
      .go();
    if (result.canceled) throw raced();
    await tell(c.userId, `Chợ OCOP: yêu cầu nhận hồ sơ “${r.name}” chưa được duyệt. Lý do: ${reason}`);
    return view({ ...c, ...decided }, { ...r, state: "open" });
  }
}
