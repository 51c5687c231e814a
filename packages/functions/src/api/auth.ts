import { requireUser } from "@cho-ocop/core/account/actor";
import { Account, LoginInput } from "@cho-ocop/core/account/index";
import { createRoute, z } from "@hono/zod-openapi";
import { type AppEnv, adoptCart, clientIp, endSession, sessionToken, startSession } from "./actor";
import { errorResponses, router } from "./error";
import { PUBLIC, roles, SIGNED_IN } from "./roles";
import { UserSchema } from "./schemas-account";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const err = { 400: errorResponses[400], 401: errorResponses[401], 429: errorResponses[429] };

const requestCode = createRoute({
  method: "post",
  path: "/auth/code",
  tags: ["Accounts"],
  summary: "Send a one-time 6-digit sign-in code by SMS or e-mail",
  description: "Valid 5 minutes, 5 tries. At most one code per 30 s and 5 per hour for a number or address.",
  ...roles(PUBLIC),
  request: { body: json(LoginInput) },
  responses: {
    202: {
      description: "Code sent",
      content: {
        "application/json": {
          schema: z.object({ sentTo: z.string(), channel: z.enum(["sms", "email"]), expiresIn: z.number() }),
        },
      },
    },
    ...err,
  },
});

const VerifyBody = z.union([
  z.object({ phone: z.string(), code: z.string() }).strict(),
  z.object({ email: z.string(), code: z.string() }).strict(),
]);

const verify = createRoute({
  method: "post",
  path: "/auth/verify",
  tags: ["Accounts"],
  summary: "Sign in with the code: sets the session cookie and returns a bearer token",
  ...roles(PUBLIC),
  request: { body: json(VerifyBody) },
  responses: {
    200: {
      description: "Signed in",
      content: {
        "application/json": { schema: z.object({ user: UserSchema, token: z.string(), expiresAt: z.string() }) },
      },
    },
    ...err,
  },
});

const signOut = createRoute({
  method: "post",
  path: "/auth/signout",
  tags: ["Accounts"],
  summary: "Sign out: ends this session",
  ...roles(PUBLIC),
  responses: { 204: { description: "Signed out" } },
});

const me = createRoute({
  method: "get",
  path: "/me",
  tags: ["Accounts"],
  summary: "The signed-in user",
  ...roles(SIGNED_IN),
  responses: {
    200: { description: "The user", content: { "application/json": { schema: z.object({ user: UserSchema }) } } },
    401: errorResponses[401],
  },
});

export const auth = router<AppEnv>()
  .openapi(requestCode, async (c) => {
    const login = c.req.valid("json");
    return c.json(await Account.requestCode({ login, ip: clientIp(c) }), 202);
  })
  .openapi(verify, async (c) => {
    const { code, ...login } = c.req.valid("json");
    const result = await Account.verifyCode({ login: login as LoginInput, code, ip: clientIp(c) });
    await startSession(c, result.token, result.expiresAt);
    await adoptCart(c, result.user.userId);
    return c.json(result, 200);
  })
  .openapi(signOut, async (c) => {
    const token = await sessionToken(c);
    if (token) await Account.signOut(token);
    endSession(c);
    return c.body(null, 204);
  })
  .openapi(me, async (c) => {
    return c.json({ user: requireUser(await c.var.actor()) }, 200);
  });
