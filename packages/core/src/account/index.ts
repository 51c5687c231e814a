import type { EntityItem } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { messenger } from "../message";
import { DomainError } from "../util/error";
import { fn } from "../util/fn";
import { AccountService, LoginEntity, OtpEntity, SessionEntity, UserEntity } from "./entities";
import { type Identity, identityOf, LoginInput } from "./identity";
import { isConditionFailure, rateLimit } from "./rate-limit";
import { hmac, randomCode, randomToken, sameSecret } from "./secret";

export { LoginInput } from "./identity";

export namespace Account {
  export const CODE_SECONDS = 5 * 60;
  export const MAX_TRIES = 5;
  export const SESSION_DAYS = 30;

  export type User = EntityItem<typeof UserEntity>;

  const codeHash = (identity: Identity, code: string) => hmac(`otp:${identity.key}:${code}`);

  /**
   * Sends a 6-digit sign-in code. Limits: one code per 30 s and 5 per hour for a number or address,
   * 100 per hour from one IP address (mobile carriers put many people behind one address).
   */
  export const requestCode = fn(z.object({ login: LoginInput, ip: z.string().max(64) }), async ({ login, ip }) => {
    const identity = identityOf(login);
    await rateLimit(`otp-send:${identity.key}`, 1, 30);
    await rateLimit(`otp-send-hour:${identity.key}`, 5, 3600);
    await rateLimit(`otp-send-ip:${ip}`, 100, 3600);
    const code = randomCode();
    const now = Math.floor(Date.now() / 1000);
    await OtpEntity.put({
      loginKey: identity.key,
      codeHash: codeHash(identity, code),
      tries: 0,
      validUntil: now + CODE_SECONDS,
      expiresAt: now + CODE_SECONDS,
    }).go();
    await messenger().send({
      channel: identity.channel,
      to: identity.address,
      subject: "Mã đăng nhập Chợ OCOP",
      text: `Mã đăng nhập Chợ OCOP của bạn là ${code}. Mã có hiệu lực 5 phút. Đừng chia sẻ mã này với ai.`,
    });
    return { sentTo: identity.masked, channel: identity.channel, expiresIn: CODE_SECONDS };
  });

  const wrongCode = (left: number) =>
    new DomainError(
      400,
      "wrong_code",
      { vi: `Mã không đúng. Bạn còn ${left} lần thử.`, en: `Wrong code. ${left} tries left.` },
      "code",
    );
  const noCode = () =>
    new DomainError(
      400,
      "code_expired",
      {
        vi: "Mã đã hết hạn hoặc chưa được gửi. Hãy yêu cầu mã mới.",
        en: "The code has expired or was never sent. Ask for a new one.",
      },
      "code",
    );

  /** Checks a code (at most 5 tries), then signs in, creating the shopper account on first sign-in. */
  export const verifyCode = fn(
    z.object({
      login: LoginInput,
      code: z.string().regex(/^\d{6}$/, "expected the 6-digit code"),
      ip: z.string().max(64),
    }),
    async ({ login, code, ip }) => {
      const identity = identityOf(login);
      await rateLimit(`otp-verify-ip:${ip}`, 60, 3600);
      const { data: otp } = await OtpEntity.get({ loginKey: identity.key }).go({ consistent: true });
      const now = Math.floor(Date.now() / 1000);
      if (!otp || otp.validUntil < now) throw noCode();
      try {
        await OtpEntity.patch({ loginKey: identity.key })
          .add({ tries: 1 })
          .where(({ tries, codeHash: stored }, { lt, eq }) => `${lt(tries, MAX_TRIES)} AND ${eq(stored, otp.codeHash)}`)
          .go({ response: "none" });
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        throw new DomainError(
          429,
          "too_many_tries",
          { vi: "Đã nhập sai quá 5 lần. Hãy yêu cầu mã mới.", en: "Too many wrong tries. Ask for a new code." },
          "code",
        );
      }
      if (!sameSecret(otp.codeHash, codeHash(identity, code))) throw wrongCode(MAX_TRIES - otp.tries - 1);
      // One use only: whoever deletes the code first signs in.
      try {
        await OtpEntity.delete({ loginKey: identity.key })
          .where(({ codeHash: stored }, { eq }) => eq(stored, otp.codeHash))
          .go({ response: "none" });
      } catch (err) {
        if (isConditionFailure(err)) throw noCode();
        throw err;
      }
      const user = await userFor(identity);
      const session = await createSession(user.userId);
      return { user, ...session };
    },
  );

  async function userFor(identity: Identity): Promise<User> {
    const { data: login } = await LoginEntity.get({ loginKey: identity.key }).go({ consistent: true });
    if (login) return getUser(login.userId);
    const userId = ulid().toLowerCase();
    const contact = identity.channel === "sms" ? { phone: identity.key.slice(6) } : { email: identity.address };
    const result = await AccountService.transaction
      .write(({ user, login }) => [
        login.create({ loginKey: identity.key, userId }).commit(),
        user.create({ userId, role: "shopper", createdAt: new Date().toISOString(), ...contact }).commit(),
      ])
      .go();
    if (result.canceled) {
      // Someone created it in between: use theirs.
      const { data: again } = await LoginEntity.get({ loginKey: identity.key }).go({ consistent: true });
      if (!again) throw new Error("login vanished");
      return getUser(again.userId);
    }
    return getUser(userId);
  }

  export async function getUser(userId: string): Promise<User> {
    const { data } = await UserEntity.get({ userId }).go({ consistent: true });
    if (!data) throw new DomainError(404, "not_found", { vi: "Không tìm thấy tài khoản.", en: "Account not found." });
    return data;
  }

  /** A session token is `<userId>.<secret>`; only the HMAC of the secret is stored. */
  export async function createSession(userId: string) {
    const secret = randomToken();
    const now = Math.floor(Date.now() / 1000);
    const validUntil = now + SESSION_DAYS * 86_400;
    await SessionEntity.create({
      userId,
      sessionId: hmac(`session:${secret}`),
      validUntil,
      expiresAt: validUntil,
      createdAt: new Date().toISOString(),
    }).go();
    return { token: `${userId}.${secret}`, expiresAt: new Date(validUntil * 1000).toISOString() };
  }

  function parseToken(token: string) {
    const match = /^([0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return match ? { userId: match[1] as string, sessionId: hmac(`session:${match[2]}`) } : undefined;
  }

  /** The user behind a session token, or undefined — one (transactional) read of the session and its user. */
  export async function resolve(token: string): Promise<User | undefined> {
    const parsed = parseToken(token);
    if (!parsed) return undefined;
    const { data } = await AccountService.transaction
      .get(({ user, session }) => [
        user.get({ userId: parsed.userId }).commit(),
        session.get({ userId: parsed.userId, sessionId: parsed.sessionId }).commit(),
      ])
      .go();
    const user = data[0]?.item as User | null | undefined;
    const session = data[1]?.item as { validUntil: number } | null | undefined;
    if (!user || !session || session.validUntil < Date.now() / 1000) return undefined;
    return user;
  }

  export async function signOut(token: string) {
    const parsed = parseToken(token);
    if (parsed) await SessionEntity.delete(parsed).go({ response: "none" });
  }

  /** The account behind a login, created as a shopper's on first use. */
  export async function findOrCreate(login: LoginInput) {
    return userFor(identityOf(LoginInput.parse(login)));
  }

  /** Sets the role of the person behind a login, creating the account if needed (first staff, invited sellers). */
  export async function assign(
    login: LoginInput,
    change: { role: User["role"]; producerId?: string; staffScope?: string; name?: string },
  ) {
    const user = await userFor(identityOf(LoginInput.parse(login)));
    await UserEntity.patch({ userId: user.userId }).set(change).go();
    return getUser(user.userId);
  }

  export async function sellersOf(producerId: string) {
    const { data } = await UserEntity.query.byProducer({ producerId }).go({ pages: "all" });
    return data;
  }
}
