import { LoginEntity, OtpEntity, SessionEntity } from "@cho-ocop/core/account/entities";
import { OutboxMessenger } from "@cho-ocop/core/message/index";
import { describe, expect, it } from "vitest";
import { call, phone } from "../../test/api";
import { app } from "./app";

async function codeSentTo(address: string): Promise<string> {
  const messages = await OutboxMessenger.recent(200);
  const message = messages.find((m) => m.to === address);
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${address}`);
  return code;
}

const e164 = (local: string) => `+84${local.slice(1)}`;

describe("sign-in with a one-time code", () => {
  it("sends a 6-digit code by SMS, signs in with it, and keeps only its hash", async () => {
    const number = phone();
    const sent = await call<{ sentTo: string; channel: string; expiresIn: number }>("POST", "/api/auth/code", {
      body: { phone: number },
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ channel: "sms", expiresIn: 300 });
    expect(sent.body.sentTo).not.toContain(number.slice(4, 7));

    const code = await codeSentTo(e164(number));
    const { data: stored } = await OtpEntity.get({ loginKey: `phone:${number}` }).go();
    expect(stored?.codeHash).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain(code);

    const res = await app.request("/api/auth/verify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: number, code }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^ocop_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Expires=/i);
    const { user, token } = (await res.json()) as { user: { userId: string; role: string }; token: string };
    expect(user.role).toBe("shopper");

    // The session is stored hashed: the token's secret is nowhere in the table.
    const { data: sessions } = await SessionEntity.query.byUser({ userId: user.userId }).go();
    expect(sessions).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(token.split(".")[1]);

    // The cookie and the bearer token both identify the user.
    const byCookie = await app.request("/api/me", { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(byCookie.status).toBe(200);
    const byBearer = await call<{ user: { userId: string } }>("GET", "/api/me", { token });
    expect(byBearer.body.user.userId).toBe(user.userId);

    // The code works once.
    const again = await call("POST", "/api/auth/verify", { body: { phone: number, code } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: "code_expired", field: "code" } });

    // Signing out ends the session.
    const out = await app.request("/api/auth/signout", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    expect((await call("GET", "/api/me", { token })).status).toBe(401);
  });

  it("signs in by e-mail too, with the address normalised to one account", async () => {
    const email = `Lan.${Date.now()}@Example.com`;
    expect((await call("POST", "/api/auth/code", { body: { email } })).status).toBe(202);
    const code = await codeSentTo(email.toLowerCase());
    const res = await call<{ user: { userId: string; email: string } }>("POST", "/api/auth/verify", {
      body: { email, code },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email.toLowerCase());
    const { data: login } = await LoginEntity.get({ loginKey: `email:${email.toLowerCase()}` }).go();
    expect(login?.userId).toBe(res.body.user.userId);
  });

  it("counts wrong codes: 5 tries, then the code is dead", async () => {
    const number = phone();
    await call("POST", "/api/auth/code", { body: { phone: number } });
    const code = await codeSentTo(e164(number));
    const wrong = code === "000000" ? "111111" : "000000";
    const first = await call<{ error: { code: string; message: string } }>("POST", "/api/auth/verify", {
      body: { phone: number, code: wrong },
    });
    expect(first.status).toBe(400);
    expect(first.body.error.code).toBe("wrong_code");
    expect(first.body.error.message).toContain("4");
    for (let i = 0; i < 4; i++) await call("POST", "/api/auth/verify", { body: { phone: number, code: wrong } });
    const locked = await call("POST", "/api/auth/verify", { body: { phone: number, code } });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: "too_many_tries" } });
  });

  it("refuses a second code within 30 s for the same number", async () => {
    const number = phone();
    expect((await call("POST", "/api/auth/code", { body: { phone: number } })).status).toBe(202);
    const again = await call("POST", "/api/auth/code", { body: { phone: number } });
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("expires codes after 5 minutes", async () => {
    const number = phone();
    await call("POST", "/api/auth/code", { body: { phone: number } });
    const code = await codeSentTo(e164(number));
    await OtpEntity.patch({ loginKey: `phone:${number}` })
      .set({ validUntil: Math.floor(Date.now() / 1000) - 1 })
      .go();
    const res = await call("POST", "/api/auth/verify", { body: { phone: number, code } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "code_expired" } });
  });

  it.each([
    [{ phone: "12345" }, "phone"],
    [{ phone: "0212345678" }, "phone"],
    [{ email: "not-an-email" }, "email"],
    [{ phone: "0912345678", email: "a@b.vn" }, ""],
    [{}, ""],
  ])("rejects %j with a 400", async (body, field) => {
    const res = await call<{ error: { code: string; field?: string } }>("POST", "/api/auth/code", { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    if (field) expect(res.body.error.field).toBe(field);
  });

  it("accepts +84 and spaced forms of the same number", async () => {
    const number = phone();
    const res = await call("POST", "/api/auth/code", {
      body: { phone: `+84 ${number.slice(1, 4)} ${number.slice(4)}` },
    });
    expect(res.status).toBe(202);
    expect(await codeSentTo(e164(number))).toMatch(/^\d{6}$/);
  });

  it("ignores forged or tampered session tokens", async () => {
    expect((await call("GET", "/api/me", { token: "abc" })).status).toBe(401);
    expect((await call("GET", "/api/me", { token: `${"a".repeat(26)}.${"b".repeat(43)}` })).status).toBe(401);
    const forged = await app.request("/api/me", { headers: { cookie: "ocop_session=someone.else" } });
    expect(forged.status).toBe(401);
  });
});
