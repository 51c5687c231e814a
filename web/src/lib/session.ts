import { createRoot, createSignal } from "solid-js";
import { type SessionUser, sessionApi } from "../api/session";

/** The signed-in person as `GET /api/me` describes them. */
export type Me = SessionUser;

/**
 * The session itself is an httpOnly cookie that scripts cannot read. This flag only remembers that someone
 * signed in on this browser, so that shoppers who never did are not sent a `GET /api/me` (and a 401) per visit.
 */
export const HINT_KEY = "cho-ocop.signedIn";

/** undefined: not known yet; null: nobody is signed in. */
const [me, setMe] = createRoot(() => createSignal<Me | null | undefined>(undefined));
export const currentUser = me;

function hint(on: boolean) {
  try {
    if (on) localStorage.setItem(HINT_KEY, "1");
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // private mode: the header asks the server each time instead
  }
}

function hinted(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === "1";
  } catch {
    return true;
  }
}

let pending: Promise<Me | null> | undefined;

/** Asks the server who is signed in (401 → nobody). Throws only when the server cannot be reached. */
export function loadMe(): Promise<Me | null> {
  pending ??= (async () => {
    try {
      const res = await sessionApi.me();
      const { status } = res;
      if (status === 401) {
        // Read to its end: an answer whose body nobody reads stays open in the browser (and the page never idles).
        await res.text().catch(() => "");
        signedOut();
        return null;
      }
      if (!res.ok) throw new Error(`GET /api/me: ${status}`);
      const { user } = await res.json();
      signedIn(user);
      return user;
    } finally {
      pending = undefined;
    }
  })();
  return pending;
}

export function signedIn(user: Me) {
  setMe(user);
  hint(true);
}

export function signedOut() {
  setMe(null);
  hint(false);
}

/** At start-up: only a browser that signed in before asks who it is. */
export function initSession() {
  if (!hinted()) {
    setMe(null);
    return;
  }
  loadMe().catch(() => setMe(null));
}

export async function signOut() {
  try {
    await sessionApi.signOut();
  } finally {
    signedOut();
  }
}

/** How the header names a person: their name, else their phone (0912 000 101), else their e-mail. */
export function displayName(user: Me): string {
  if (user.name) return user.name;
  if (user.phone) return user.phone.replace(/^(\d{4})(\d{3})(\d{3})$/, "$1 $2 $3");
  return user.email ?? "";
}
