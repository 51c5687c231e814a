import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { Account } from "../account";
import { type Actor, requireSeller, requireUser } from "../account/actor";
import { UserEntity } from "../account/entities";
import { identityOf, LoginInput } from "../account/identity";
import { rateLimit } from "../account/rate-limit";
import { lazyClient, tableName } from "../db/client";
import { entityOnFirstUse, serviceOnFirstUse } from "../db/on-first-use";
import { SERVICE } from "../db/service";
import { messenger } from "../message";
import { Producer } from "../producer";
import { DomainError, notFound } from "../util/error";

const config = { client: lazyClient, table: tableName() };

/**
 * An invitation to sell for a producer, sent to a phone number or e-mail address. Nobody becomes a seller without
 * accepting it signed in with that login (as Shopee's and Lazada's sub-accounts are invited, never imposed).
 * Kept 14 days.
 */
export const InvitationEntity = entityOnFirstUse(
  {
    model: { entity: "invitation", version: "1", service: SERVICE },
    attributes: {
      invitationId: { type: "string", required: true },
      producerId: { type: "string", required: true },
      producerName: { type: "string", required: true },
      loginKey: { type: "string", required: true },
      /** The login as the inviter may see it again (they typed it). */
      login: { type: "string", required: true },
      invitedBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["invitationId"] }, sk: { field: "sk", composite: [] } },
      byProducer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["producerId"] },
        sk: { field: "gsi1sk", composite: ["invitationId"] },
      },
      byLogin: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["loginKey"] },
        sk: { field: "gsi2sk", composite: ["invitationId"] },
      },
    },
  },
  config,
);

const InvitationService = serviceOnFirstUse({ invitation: InvitationEntity, user: UserEntity }, config);

export namespace Invitation {
  export const DAYS = 14;
  /** Pending invitations a producer may have at once. */
  export const MAX_PENDING = 30;

  const conflict = (code: string, vi: string, en: string) => new DomainError(409, code, { vi, en });
  const missing = () => notFound({ vi: "lời mời", en: "Invitation" });
  const notYours = (vi: string, en: string) => new DomainError(403, "forbidden", { vi, en });
  const live = <T extends { expiresAt: number }>(items: T[]) => items.filter((i) => i.expiresAt > Date.now() / 1000);

  type Record = EntityItem<typeof InvitationEntity>;

  function publicView(i: Record) {
    return {
      invitationId: i.invitationId,
      producerId: i.producerId,
      producerName: i.producerName,
      login: i.login,
      createdAt: i.createdAt,
      expiresAt: new Date(i.expiresAt * 1000).toISOString(),
    };
  }

  /** The producer's pending invitations, newest first. */
  export async function pending(actor: Actor) {
    const seller = requireSeller(actor);
    const { data } = await InvitationEntity.query.byProducer({ producerId: seller.producerId }).go({ pages: "all" });
    return live(data).reverse().map(publicView);
  }

  /** A seller invites someone by phone or e-mail; the message says who invites them and how to answer. */
  export async function send(actor: Actor, input: LoginInput) {
    const seller = requireSeller(actor);
    const login = LoginInput.parse(input);
    const identity = identityOf(login);
    const members = await Account.sellersOf(seller.producerId);
    if (members.some((m) => loginKeysOf(m).includes(identity.key))) {
      throw conflict("already_member", "Người này đã là người bán của chủ thể.", "This person already sells for you.");
    }
    const waiting = live(
      (await InvitationEntity.query.byProducer({ producerId: seller.producerId }).go({ pages: "all" })).data,
    );
    if (waiting.some((i) => i.loginKey === identity.key)) {
      throw conflict(
        "already_invited",
        "Đã mời người này; lời mời đang chờ trả lời.",
        "Already invited; waiting for an answer.",
      );
    }
    if (waiting.length >= MAX_PENDING) {
      throw conflict(
        "too_many_invitations",
        `Tối đa ${MAX_PENDING} lời mời đang chờ; hãy huỷ bớt.`,
        `At most ${MAX_PENDING} pending invitations; cancel some first.`,
      );
    }
    await rateLimit(`invite:${seller.producerId}`, 60, 86_400);
    const producer = await Producer.get(seller.producerId);
    const now = new Date();
    const invitationId = ulid(now.getTime()).toLowerCase();
    await InvitationEntity.create({
      invitationId,
      producerId: seller.producerId,
      producerName: producer.name,
      loginKey: identity.key,
      login: "phone" in login ? login.phone : identity.address,
      invitedBy: seller.userId,
      createdAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + DAYS * 86_400,
    }).go();
    await messenger().send({
      channel: identity.channel,
      to: identity.address,
      subject: "Lời mời bán hàng trên Chợ OCOP",
      text: `${seller.name ?? "Một người bán"} mời bạn cùng bán hàng cho ${producer.name} trên Chợ OCOP. Đăng nhập bằng ${identity.channel === "sms" ? "số điện thoại" : "địa chỉ e-mail"} này để nhận lời hoặc từ chối trong ${DAYS} ngày.`,
    });
    const { data } = await InvitationEntity.get({ invitationId }).go({ consistent: true });
    return publicView(data as Record);
  }

  /** A seller takes back one of the producer's invitations. */
  export async function withdraw(actor: Actor, invitationId: string) {
    const seller = requireSeller(actor);
    const { data } = await InvitationEntity.get({ invitationId }).go({ consistent: true });
    if (!data) throw missing();
    if (data.producerId !== seller.producerId) {
      throw notYours("Lời mời này của chủ thể khác.", "This invitation is another producer's.");
    }
    await InvitationEntity.delete({ invitationId }).go();
  }

  function loginKeysOf(user: Account.User) {
    return [
      ...(user.phone ? [`phone:${user.phone}`] : []),
      ...(user.email ? [`email:${user.email.trim().toLowerCase()}`] : []),
    ];
  }

  /** Invitations to the signed-in person's phone or e-mail. */
  export async function mine(actor: Actor) {
    const user = requireUser(actor);
    const found = await Promise.all(
      loginKeysOf(user).map((loginKey) => InvitationEntity.query.byLogin({ loginKey }).go({ pages: "all" })),
    );
    return live(found.flatMap((r) => r.data)).map(publicView);
  }

  async function ownInvitation(actor: Actor, invitationId: string) {
    const user = requireUser(actor);
    const { data } = await InvitationEntity.get({ invitationId }).go({ consistent: true });
    if (!data || data.expiresAt < Date.now() / 1000) throw missing();
    if (!loginKeysOf(user).includes(data.loginKey)) {
      throw notYours("Lời mời này gửi cho người khác.", "This invitation is for someone else.");
    }
    return { user, invitation: data };
  }

  /** The invitee becomes a seller of the producer: one account sells for one producer at most, and staff never. */
  export async function accept(actor: Actor, invitationId: string) {
    const { user, invitation } = await ownInvitation(actor, invitationId);
    if (user.role === "staff" || user.role === "commune") {
      throw conflict(
        "already_registered",
        "Tài khoản cán bộ không bán hàng được. Hãy dùng số điện thoại hoặc e-mail khác.",
        "A staff account cannot sell. Use another phone number or e-mail.",
      );
    }
    if (user.role === "seller" && user.producerId !== invitation.producerId) {
      const current = await Producer.get(user.producerId ?? "").catch(() => undefined);
      throw conflict(
        "sells_elsewhere",
        `Bạn đang bán hàng cho ${current?.name ?? "một chủ thể khác"}. Mỗi tài khoản chỉ bán cho một chủ thể: hãy rời chủ thể đó trước.`,
        `You already sell for ${current?.name ?? "another producer"}. An account sells for one producer only: leave it first.`,
      );
    }
    const result = await InvitationService.transaction
      .write(({ invitation: inv, user: u }) => [
        inv.delete({ invitationId }).commit(),
        u
          .patch({ userId: user.userId })
          .set({ role: "seller", producerId: invitation.producerId })
          .where(({ role }, { eq }) => eq(role, user.role))
          .commit(),
      ])
      .go();
    if (result.canceled)
      throw conflict("changed", "Tài khoản vừa thay đổi, hãy thử lại.", "Your account just changed; try again.");
    return { producerId: invitation.producerId, producerName: invitation.producerName };
  }

  export async function decline(actor: Actor, invitationId: string) {
    await ownInvitation(actor, invitationId);
    await InvitationEntity.delete({ invitationId }).go();
  }

  /**
   * A seller stops selling for the producer (themselves, or another of its sellers), never its last one. The
   * transaction checks that a seller who stays is still one, so two leaving at once cannot both go.
   */
  export async function removeSeller(actor: Actor, userId: string) {
    const seller = requireSeller(actor);
    const members = await Account.sellersOf(seller.producerId);
    if (!members.some((m) => m.userId === userId && m.role === "seller")) {
      throw notYours("Người này không bán hàng cho chủ thể của bạn.", "This person does not sell for your producer.");
    }
    const stays = members.find((m) => m.userId !== userId && m.role === "seller");
    if (!stays) {
      throw conflict(
        "last_seller",
        "Bạn là người bán duy nhất của chủ thể: hãy mời người khác trước khi rời.",
        "You are the producer's only seller: invite someone before leaving.",
      );
    }
    const result = await InvitationService.transaction
      .write(({ user }) => [
        user
          .patch({ userId })
          .set({ role: "shopper" })
          .remove(["producerId"])
          .where(({ producerId }, { eq }) => eq(producerId, seller.producerId))
          .commit(),
        user
          .check({ userId: stays.userId })
          .where(({ producerId, role }, { eq }) => `${eq(producerId, seller.producerId)} AND ${eq(role, "seller")}`)
          .commit(),
      ])
      .go();
    if (result.canceled) {
      throw conflict("changed", "Danh sách người bán vừa thay đổi, hãy tải lại.", "The sellers just changed; reload.");
    }
  }
}
