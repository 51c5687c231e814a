/** Whether a TCP peer address is this machine (127.0.0.0/8, ::1, or 127.x mapped into IPv6). */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return /^127(\.\d{1,3}){3}$/.test(v4) || address === "::1";
}

/** The paths that show every sign-in code sent locally: only this machine may read them. */
export const OUTBOX_PATH = /^(\/api)?\/dev\/outbox\/?(\?|$)/;
