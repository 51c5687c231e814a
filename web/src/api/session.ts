import { client, ok } from "./client";

export type LoginInput = { phone: string } | { email: string };

/** Signing in with a one-time code, and who is signed in (the session is an httpOnly cookie). */
export const sessionApi = {
  requestCode: (login: LoginInput) => ok(client.api.auth.code.$post({ json: login })),
  verify: (login: LoginInput, code: string) => ok(client.api.auth.verify.$post({ json: { ...login, code } })),
  me: () => client.api.me.$get(),
  signOut: () => client.api.auth.signout.$post(),
};

export type SessionUser = Awaited<ReturnType<typeof sessionApi.verify>>["user"];
